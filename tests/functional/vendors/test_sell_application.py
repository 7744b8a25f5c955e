"""A cooperative applies through /sell/ and staff decide in the dashboard review queue."""

import pytest
from django.core import mail
from django.core.files.storage import storages

from tests.factories import (
    CooperativeApplicationFactory,
    CooperativeStaffFactory,
    ProductClassFactory,
    StaffUserFactory,
    pdf_file,
)
from vendors.models import Cooperative, CooperativeApplication
from vendors.selectors import application_amend_token

pytestmark = pytest.mark.django_db

WIZARD = "cooperative_application_wizard"


def _step(client, url, step, data, files=None, prefix=WIZARD):
    payload = {f"{prefix}-current_step": step, **{f"{step}-{key}": value for key, value in data.items()}}
    payload.update(files or {})
    return client.post(url, payload)


def _cooperative_data(craft):
    return {
        "name": "Coopérative Tafoukt",
        "legal_name": "Coopérative artisanale Tafoukt",
        "registration_number": "ODCO-2019-118",
        "rna_number": "",
        "ice": "001234567000089",
        "region": "souss-massa",
        "city": "Tiznit",
        "crafts": [craft.pk],
        "founded_year": "2011",
        "members_count": "18",
        "women_members_count": "15",
        "is_women_led": "on",
        "languages": ["zgh", "ar"],
        "story": "Silver from Tiznit.",
    }


def _documents_data(**first):
    data = {"TOTAL_FORMS": "3", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "1", "MAX_NUM_FORMS": "8"}
    row = {
        "type": "registration",
        "number": "REG-118",
        "issuing_body": "ODCo",
        "issued_on": "2019-03-01",
        "expires_on": "",
        **first,
    }
    data.update({f"0-{key}": value for key, value in row.items()})
    return data


CONTACT = {
    "contact_name": "Fatima Aït Lahcen",
    "contact_role": "Présidente",
    "contact_email": "fatima@tafoukt.example",
    "contact_phone": "0612345678",
}


def test_a_cooperative_applies_in_four_steps_and_gets_a_confirmation(
    client, django_capture_on_commit_callbacks
):
    craft = ProductClassFactory(name="Jewellery", slug="jewellery")
    assert client.get("/sell/").status_code == 200

    _step(client, "/sell/", "cooperative", _cooperative_data(craft))
    _step(client, "/sell/", "documents", _documents_data(), {"documents-0-document": pdf_file("reg.pdf")})
    review = _step(client, "/sell/", "contact", CONTACT)
    assert "REG-118" in review.content.decode()
    assert "+212 6" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _step(client, "/sell/", "review", {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/sell/thank-you/"
    application = CooperativeApplication.objects.get()
    assert application.name == "Coopérative Tafoukt"
    assert str(application.contact_phone) == "+212612345678"
    assert application.languages == "zgh,ar"
    assert application.documents.get().document.read().startswith(b"%PDF")
    assert mail.outbox[0].to == ["fatima@tafoukt.example"]
    assert "fatima@tafoukt.example" in client.get("/sell/thank-you/").content.decode()


def test_applying_in_french_writes_the_confirmation_in_french(client, django_capture_on_commit_callbacks):
    craft = ProductClassFactory()

    _step(client, "/fr/sell/", "cooperative", _cooperative_data(craft))
    _step(client, "/fr/sell/", "documents", _documents_data(), {"documents-0-document": pdf_file()})
    _step(client, "/fr/sell/", "contact", CONTACT)
    with django_capture_on_commit_callbacks(execute=True):
        _step(client, "/fr/sell/", "review", {"confirm": "on"})

    assert CooperativeApplication.objects.get().language == "fr"
    assert mail.outbox[0].to == ["fatima@tafoukt.example"]


def test_a_failed_step_keeps_what_was_typed(client):
    craft = ProductClassFactory()
    data = {**_cooperative_data(craft), "women_members_count": "40", "ice": "12"}

    html = _step(client, "/sell/", "cooperative", data).content.decode()

    assert "There cannot be more women members than members." in html
    assert "The ICE has exactly 15 digits." in html
    assert 'value="Coopérative artisanale Tafoukt"' in html
    assert "Silver from Tiznit." in html


def test_a_document_step_that_fails_keeps_the_scan_already_uploaded(client):
    craft = ProductClassFactory()
    _step(client, "/sell/", "cooperative", _cooperative_data(craft))

    failed = _step(
        client,
        "/sell/",
        "documents",
        _documents_data(number=""),
        {"documents-0-document": pdf_file("reg.pdf")},
    )
    html = failed.content.decode()
    assert "This field is required." in html
    assert "reg.pdf is attached" in html
    ref = failed.context["form"].forms[0].data["documents-0-document_ref"]

    # The applicant fixes the number without choosing the file again.
    review_step = _step(client, "/sell/", "documents", {**_documents_data(), "0-document_ref": ref})

    assert review_step.context["wizard"]["steps"].current == "contact"


def test_a_document_that_is_not_a_pdf_or_image_is_refused_clearly(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    craft = ProductClassFactory()
    _step(client, "/sell/", "cooperative", _cooperative_data(craft))
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")

    html = _step(
        client, "/sell/", "documents", _documents_data(), {"documents-0-document": fake}
    ).content.decode()

    assert "Upload the document as a PDF, JPEG or PNG file." in html


def test_a_phone_number_that_is_not_a_number_is_refused(client):
    craft = ProductClassFactory()
    _step(client, "/sell/", "cooperative", _cooperative_data(craft))
    _step(client, "/sell/", "documents", _documents_data(), {"documents-0-document": pdf_file()})

    response = _step(client, "/sell/", "contact", {**CONTACT, "contact_phone": "call me"})

    assert response.context["wizard"]["steps"].current == "contact"
    assert "Fatima Aït Lahcen" in response.content.decode()


# --- Staff review queue ---------------------------------------------------------------------


def test_the_review_queue_lists_applications_by_status_with_counts(client):
    CooperativeApplicationFactory(name="Coopérative Amal")
    CooperativeApplicationFactory(name="Coopérative Nour", status=CooperativeApplication.Status.REJECTED)
    client.force_login(StaffUserFactory())

    html = client.get("/shop/dashboard/cooperatives/applications/").content.decode()

    assert "Coopérative Amal" in html
    assert "Coopérative Nour" not in html
    assert "Cooperative applications" in html
    rejected = client.get("/shop/dashboard/cooperatives/applications/?status=rejected").content.decode()
    assert "Coopérative Nour" in rejected


def test_the_queue_and_documents_are_for_platform_staff_only(client):
    application = CooperativeApplicationFactory()
    document = application.documents.get()
    urls = [
        "/shop/dashboard/cooperatives/applications/",
        f"/shop/dashboard/cooperatives/applications/{application.pk}/",
        f"/shop/dashboard/cooperatives/applications/{application.pk}/documents/{document.pk}/",
    ]
    client.force_login(CooperativeStaffFactory(cooperative=None))

    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert application.name not in response.content.decode()
    client.logout()
    for url in urls:
        assert client.get(url).status_code == 302, url


def test_cooperative_staff_do_not_see_the_queue_in_the_dashboard_menu(client):
    from tests.factories import CooperativeFactory

    client.force_login(CooperativeStaffFactory(cooperative=CooperativeFactory()))

    html = client.get("/shop/dashboard/").content.decode()

    assert "Cooperative applications" not in html


def test_staff_open_the_scanned_document_through_the_dashboard(client):
    application = CooperativeApplicationFactory()
    document = application.documents.get()
    client.force_login(StaffUserFactory())

    response = client.get(
        f"/shop/dashboard/cooperatives/applications/{application.pk}/documents/{document.pk}/"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert not document.document.name.startswith("/")
    assert storages["private"].location not in str(storages["default"].location)


def test_staff_approve_an_application_from_its_page(client):
    application = CooperativeApplicationFactory(name="Coopérative Tafoukt")
    client.force_login(StaffUserFactory())
    url = f"/shop/dashboard/cooperatives/applications/{application.pk}/"
    assert "REG-" in client.get(url).content.decode()

    response = client.post(url, {"action": "approve"}, follow=True)

    assert "is approved" in response.content.decode()
    assert Cooperative.objects.get().status == Cooperative.Status.VERIFIED


def test_rejecting_without_a_reason_asks_for_one_and_changes_nothing(client):
    application = CooperativeApplicationFactory()
    client.force_login(StaffUserFactory())

    response = client.post(
        f"/shop/dashboard/cooperatives/applications/{application.pk}/", {"action": "reject", "message": ""}
    )

    assert "Tell the applicant why" in response.content.decode()
    application.refresh_from_db()
    assert application.status == CooperativeApplication.Status.SUBMITTED
    assert mail.outbox == []


def test_asking_for_more_lets_the_applicant_amend_and_resubmit(client, django_capture_on_commit_callbacks):
    application = CooperativeApplicationFactory(language="en", city="Tiznit")
    client.force_login(StaffUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/shop/dashboard/cooperatives/applications/{application.pk}/",
            {"action": "request_information", "message": "Please add your label certificate."},
        )
    client.logout()
    application.refresh_from_db()
    url = f"/sell/amend/{application_amend_token(application=application)}/"
    assert url in mail.outbox[-1].body
    prefix = f"cooperative_application_amend_wizard_{application.pk}"

    page = client.get(url).content.decode()
    assert "Please add your label certificate." in page
    assert 'value="Tiznit"' in page
    cooperative_data = _cooperative_data(ProductClassFactory())
    _step(client, url, "cooperative", {**cooperative_data, "city": "Agadir"}, prefix=prefix)
    _step(
        client,
        url,
        "documents",
        _documents_data(type="label", number="MIM-7", expires_on="2099-01-01"),
        {"documents-0-document": pdf_file("label.pdf")},
        prefix=prefix,
    )
    _step(client, url, "contact", CONTACT, prefix=prefix)
    response = _step(client, url, "review", {"confirm": "on", "note": "Label added."}, prefix=prefix)

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == CooperativeApplication.Status.SUBMITTED
    assert application.city == "Agadir"
    assert sorted(application.documents.values_list("type", flat=True)) == ["label", "registration"]
    assert client.get(url).status_code == 404
