"""A cooperative applies through /sell/ in a real browser; platform staff approve it."""

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from tests.factories import ProductClassFactory, StaffUserFactory, pdf_file
from vendors.models import Cooperative, CooperativeApplication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def crafts():
    return [
        ProductClassFactory(name="Jewellery", slug="jewellery"),
        ProductClassFactory(name="Ceramics", slug="ceramics"),
        ProductClassFactory(name="Rug", slug="rug"),
    ]


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "registration-certificate.pdf"
    path.write_bytes(pdf_file().read())
    return path


def _log_in(page, live_server, user):
    """Share a session made by Django's test client, rather than typing a password."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _fill_cooperative(page, *, women: str):
    page.get_by_label("Display name").fill("Coopérative Tafoukt")
    page.get_by_label("Legal name").fill("Coopérative artisanale Tafoukt des bijoutiers de Tiznit")
    page.get_by_label("Cooperative registration number").fill("ODCO-2019-118")
    page.get_by_label("ICE").fill("001234567000089")
    page.get_by_label("Region").select_option("souss-massa")
    page.get_by_label("City").fill("Tiznit")
    page.get_by_label("Jewellery").check()
    page.get_by_label("Year founded").fill("2011")
    page.locator("#id_cooperative-members_count").fill("18")
    page.get_by_label("Women members").fill(women)
    page.get_by_label("The cooperative is led by women").check()
    page.get_by_label("Tamazight").check()
    page.get_by_label("Arabic (Darija)").check()
    page.get_by_label("Story").fill(
        "Eighteen families of silversmiths who learnt filigree in the Tiznit medina."
    )


def _apply(page, live_server, scan, screenshot, prefix: str):
    page.goto(live_server.url + "/sell/")
    screenshot(page, f"{prefix}-1-cooperative")

    # More women members than members: the step fails and keeps everything typed.
    _fill_cooperative(page, women="40")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("There cannot be more women members than members.")).to_be_visible()
    assert (
        page.get_by_label("Legal name").input_value()
        == "Coopérative artisanale Tafoukt des bijoutiers de Tiznit"
    )
    assert page.get_by_label("Jewellery").is_checked()
    screenshot(page, f"{prefix}-1-cooperative-error-keeps-input")
    page.get_by_label("Women members").fill("15")
    page.get_by_role("button", name="Continue").click()

    # The scan is attached but the number is forgotten: the scan is kept for the next try.
    document = page.locator("fieldset.sell-document").first
    document.get_by_label("Type of document").select_option("registration")
    document.get_by_label("Issued by").fill("Office du Développement de la Coopération")
    document.get_by_label("Issued on").fill("2019-03-01")
    document.get_by_label("Scanned document").set_input_files(str(scan))
    page.get_by_role("button", name="Continue").click()
    document = page.locator("fieldset.sell-document").first
    expect(document.get_by_text("registration-certificate.pdf is attached")).to_be_visible()
    screenshot(page, f"{prefix}-2-documents-error-keeps-file")
    document.get_by_label("Certificate number").fill("ODCO-2019-118")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Your full name").fill("Fatima Aït Lahcen")
    page.get_by_label("Role in the cooperative").fill("Présidente")
    page.get_by_label("Email").fill("fatima@tafoukt.example")
    page.get_by_label("Phone").fill("0612345678")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("+212 6 12 34 56 78")).to_be_visible()
    screenshot(page, f"{prefix}-4-review")
    page.get_by_label("I confirm that this information is true").check()
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    screenshot(page, f"{prefix}-5-thank-you")


def test_a_cooperative_applies_and_staff_approve_it(live_server, page, crafts, scan, screenshot):
    _apply(page, live_server, scan, screenshot, prefix="sell-desktop")
    application = CooperativeApplication.objects.get()
    assert application.documents.count() == 1
    assert mail.outbox[0].to == ["fatima@tafoukt.example"]

    _log_in(page, live_server, StaffUserFactory(first_name="Salma", last_name="Idrissi"))
    page.goto(live_server.url + "/shop/dashboard/")
    page.get_by_role("link", name="Cooperative applications").first.click()
    expect(page.get_by_role("link", name="Coopérative Tafoukt")).to_be_visible()
    screenshot(page, "review-queue")

    page.get_by_role("link", name="Coopérative Tafoukt").click()
    expect(page.get_by_text("ODCO-2019-118").first).to_be_visible()
    screenshot(page, "review-application-detail")
    with page.context.expect_page() as scan_tab:
        page.get_by_role("link", name="Open").first.click()
    assert scan_tab.value.url.endswith(f"/documents/{application.documents.get().pk}/")
    scan_tab.value.close()

    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("is approved")).to_be_visible()
    screenshot(page, "review-application-approved")

    cooperative = Cooperative.objects.get()
    assert cooperative.status == Cooperative.Status.VERIFIED
    assert cooperative.partner.users.get().email == "fatima@tafoukt.example"
    assert "/password-reset/confirm/" in mail.outbox[-1].body
    assert page.console_errors == []


def test_the_application_works_on_a_phone(live_server, chromium, crafts, scan, screenshot):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    try:
        _apply(page, live_server, scan, screenshot, prefix="sell-phone")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()
    assert CooperativeApplication.objects.count() == 1
