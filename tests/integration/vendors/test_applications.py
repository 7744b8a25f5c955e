"""Applications to sell: submitting, deciding, and what approval creates."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client

from tests.factories import (
    CooperativeApplicationFactory,
    CooperativeFactory,
    ProductClassFactory,
    StaffUserFactory,
    UserFactory,
    pdf_file,
)
from vendors.models import ApplicationDecision, Certificate, Cooperative, CooperativeApplication
from vendors.selectors import application_amend_token, application_for_amend_token, application_status_counts
from vendors.services import (
    DocumentUpload,
    InvalidApplicationDecision,
    application_approve,
    application_reject,
    application_request_information,
    application_resubmit,
    application_submit,
)

pytestmark = pytest.mark.django_db(transaction=False)

SITE = "http://testserver/"


@pytest.fixture
def reviewer():
    return StaffUserFactory(first_name="Salma", last_name="Reviewer")


def _details(**overrides):
    return {
        "name": "Coopérative Tafoukt",
        "legal_name": "Coopérative artisanale Tafoukt",
        "registration_number": "ODCO-2019-118",
        "rna_number": "RNA-55-1021",
        "ice": "001234567000089",
        "region": "souss-massa",
        "city": "Tiznit",
        "founded_year": 2011,
        "members_count": 18,
        "women_members_count": 15,
        "is_women_led": True,
        "languages": "zgh,ar,fr",
        "story": "Silver from Tiznit.",
        "contact_name": "Fatima Aït Lahcen",
        "contact_role": "Présidente",
        "contact_email": "fatima@tafoukt.example",
        "contact_phone": "+212612345678",
        **overrides,
    }


def _label_upload():
    return DocumentUpload(
        type=Certificate.Type.LABEL,
        number="MIM-2024-0042",
        issuing_body="Ministère de l'Artisanat",
        issued_on=date(2024, 1, 15),
        expires_on=date(2099, 1, 14),
        file=pdf_file("label.pdf"),
    )


def test_submitting_an_application_records_it_and_confirms_in_the_applicants_language(
    django_capture_on_commit_callbacks,
):
    jewellery = ProductClassFactory(name="Jewellery", slug="jewellery")

    with django_capture_on_commit_callbacks(execute=True):
        application = application_submit(
            details=_details(), crafts=[jewellery], documents=[_label_upload()], language="fr", site_url=SITE
        )

    assert application.status == CooperativeApplication.Status.SUBMITTED
    assert list(application.crafts.all()) == [jewellery]
    document = application.documents.get()
    assert document.number == "MIM-2024-0042"
    assert document.document.storage.exists(document.document.name)
    assert application.decisions.get().action == ApplicationDecision.Action.SUBMITTED
    assert [message.to for message in mail.outbox] == [["fatima@tafoukt.example"]]
    assert "Coopérative Tafoukt" in mail.outbox[0].subject
    assert "Merci" in mail.outbox[0].body or "Thank you" in mail.outbox[0].body


def test_an_application_without_documents_is_refused():
    with pytest.raises(InvalidApplicationDecision):
        application_submit(details=_details(), crafts=[], documents=[], language="en", site_url=SITE)


def test_approval_creates_the_partner_cooperative_certificates_and_staff_account(
    reviewer, django_capture_on_commit_callbacks
):
    application = CooperativeApplicationFactory(
        name="Coopérative Tafoukt", contact_email="fatima@tafoukt.example"
    )

    with django_capture_on_commit_callbacks(execute=True):
        cooperative = application_approve(application=application, reviewer=reviewer, site_url=SITE)

    application.refresh_from_db()
    assert application.status == CooperativeApplication.Status.APPROVED
    assert application.cooperative == cooperative
    assert cooperative.partner.name == "Coopérative Tafoukt"
    assert cooperative.slug == "cooperative-tafoukt"
    assert cooperative.status == Cooperative.Status.VERIFIED
    history = list(
        cooperative.status_changes.order_by("created_at", "pk").values_list("to_status", "changed_by")
    )
    assert history == [("applied", None), ("in_review", reviewer.pk), ("verified", reviewer.pk)]
    certificate = cooperative.certificates.get()
    assert certificate.review_status == Certificate.Review.APPROVED
    assert certificate.reviewed_by == reviewer
    assert certificate.document.read().startswith(b"%PDF")

    staff = cooperative.partner.users.get()
    assert staff.email == "fatima@tafoukt.example"
    assert staff.has_perm("partner.dashboard_access")
    assert not staff.has_usable_password()
    decision = application.decisions.first()
    assert (decision.action, decision.by) == (ApplicationDecision.Action.APPROVED, reviewer)


def test_the_invitation_link_lets_the_new_staff_member_choose_a_password(
    reviewer, django_capture_on_commit_callbacks
):
    application = CooperativeApplicationFactory(contact_email="fatima@tafoukt.example", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        cooperative = application_approve(application=application, reviewer=reviewer, site_url=SITE)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/confirm/" in line)
    client = Client()

    form_url = client.get(link.removeprefix("http://testserver"), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Argan oil 2026!", "new_password2": "Argan oil 2026!"})

    assert response.status_code == 302
    staff = cooperative.partner.users.get()
    staff.refresh_from_db()
    assert staff.check_password("Argan oil 2026!")
    assert client.login(username="fatima@tafoukt.example", password="Argan oil 2026!")


def test_approval_reuses_an_existing_account_with_the_contact_email(reviewer):
    buyer = UserFactory(email="fatima@tafoukt.example")
    application = CooperativeApplicationFactory(contact_email="Fatima@Tafoukt.example")

    cooperative = application_approve(application=application, reviewer=reviewer, site_url=SITE)

    assert list(cooperative.partner.users.all()) == [buyer]
    assert buyer.has_usable_password()


def test_approval_picks_a_free_slug_when_the_name_is_taken(reviewer):
    CooperativeFactory(partner__name="Coopérative Tafoukt", partner__code="cooperative-tafoukt")
    application = CooperativeApplicationFactory(name="Coopérative Tafoukt")

    cooperative = application_approve(application=application, reviewer=reviewer, site_url=SITE)

    assert cooperative.slug == "cooperative-tafoukt-2"


def test_a_label_certificate_gives_the_new_cooperative_its_label(reviewer):
    application = CooperativeApplicationFactory(document=False)
    application.documents.create(
        type=Certificate.Type.LABEL,
        number="MIM-1",
        issuing_body="Ministère",
        issued_on=date(2024, 1, 1),
        expires_on=date(2099, 1, 1),
        document=pdf_file(),
    )

    cooperative = application_approve(application=application, reviewer=reviewer, site_url=SITE)

    assert cooperative.has_label


def test_rejecting_needs_a_reason_and_emails_it(reviewer, django_capture_on_commit_callbacks):
    application = CooperativeApplicationFactory(language="en")
    with pytest.raises(InvalidApplicationDecision):
        application_reject(application=application, reviewer=reviewer, reason="  ", site_url=SITE)

    with django_capture_on_commit_callbacks(execute=True):
        application_reject(
            application=application,
            reviewer=reviewer,
            reason="The registration number is not ours.",
            site_url=SITE,
        )

    application.refresh_from_db()
    assert application.status == CooperativeApplication.Status.REJECTED
    decision = application.decisions.first()
    assert (decision.by, decision.message) == (reviewer, "The registration number is not ours.")
    assert "The registration number is not ours." in mail.outbox[0].body
    assert not Cooperative.objects.exists()


def test_a_decided_application_cannot_be_decided_again(reviewer):
    application = CooperativeApplicationFactory()
    application_reject(application=application, reviewer=reviewer, reason="Not a cooperative.", site_url=SITE)

    with pytest.raises(InvalidApplicationDecision):
        application_approve(application=application, reviewer=reviewer, site_url=SITE)
    assert not Cooperative.objects.exists()


def test_asking_for_information_emails_a_link_that_opens_this_round_only(
    reviewer, django_capture_on_commit_callbacks
):
    application = CooperativeApplicationFactory(language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        application_request_information(
            application=application, reviewer=reviewer, message="Send the label certificate.", site_url=SITE
        )

    application.refresh_from_db()
    token = application_amend_token(application=application)
    assert application.status == CooperativeApplication.Status.INFORMATION_REQUESTED
    assert f"/fr/sell/amend/{token}/" in mail.outbox[0].body
    assert "Send the label certificate." in mail.outbox[0].body
    assert application_for_amend_token(token=token) == application

    application_resubmit(
        application=application,
        details={"city": "Agadir"},
        crafts=[],
        documents=[_label_upload()],
        note="Label added.",
        site_url=SITE,
    )

    application.refresh_from_db()
    assert application.status == CooperativeApplication.Status.SUBMITTED
    assert application.city == "Agadir"
    assert application.documents.count() == 2
    assert application.decisions.first().message == "Label added."
    assert application_for_amend_token(token=token) is None


def test_a_tampered_amend_token_opens_nothing(reviewer):
    application = CooperativeApplicationFactory()
    application_request_information(
        application=application, reviewer=reviewer, message="More.", site_url=SITE
    )
    application.refresh_from_db()
    token = application_amend_token(application=application)

    assert application_for_amend_token(token=token[:-2] + "xx") is None


def test_status_counts_include_every_status():
    CooperativeApplicationFactory.create_batch(2)

    counts = application_status_counts()

    assert counts == {"submitted": 2, "information_requested": 0, "approved": 0, "rejected": 0}


def test_scans_of_abandoned_applications_are_purged_after_two_days():
    from datetime import timedelta

    from django.core.files.storage import storages

    from vendors.uploads import upload_name, upload_stash, uploads_purge

    ref = upload_stash(upload=pdf_file("abandoned.pdf"))
    name = upload_name(ref=ref)

    uploads_purge(older_than=timedelta(days=2))
    assert storages["private"].exists(name)

    assert uploads_purge(older_than=timedelta(seconds=-1)) >= 1
    assert not storages["private"].exists(name)
    assert upload_name(ref=ref) is None
