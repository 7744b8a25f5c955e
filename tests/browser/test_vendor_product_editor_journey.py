"""A cooperative signs in, adds a rug with photos from the product editor, and sees it live."""

import io

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from catalogue.services import product_classes_sync
from tests.factories import PASSWORD, CooperativeFactory, CooperativeStaffFactory, category_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seller(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    product_classes_sync()
    category_create(name="Rugs", slug="rugs")
    cooperative = CooperativeFactory(name="Coopérative Tifawin", slug="tifawin")
    return CooperativeStaffFactory(cooperative=cooperative, email="fatima@tifawin.test")


def _photo(path, colour, size=(1200, 900)):
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 60):
        for y in range(0, size[1], 60):
            if (x + y) // 60 % 2:
                image.paste((245, 238, 226), (x, y, x + 30, y + 30))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def _sign_in(page, base_url):
    page.goto(base_url + reverse("customer:login"))
    page.fill("#id_login-username", "fatima@tifawin.test")
    page.fill("#id_login-password", PASSWORD)
    with page.expect_navigation():
        page.locator("button[name=login_submit]").click()


def test_a_cooperative_adds_a_rug_with_photos(live_server, seller, page, screenshot, tmp_path):
    _sign_in(page, live_server.url)
    page.goto(live_server.url + reverse("dashboard:catalogue-product-list"))
    page.select_option("#id_product_class", label="Rug")
    page.get_by_role("button", name="Add").click()

    page.fill("#id_title_en", "Saffron Azilal rug")
    page.fill("#id_title_fr", "Tapis Azilal safran")
    page.fill("#id_description_en", "Knotted by the women of Tifawin in the High Atlas.")
    page.fill("#id_description_fr", "Noué par les femmes de Tifawin dans le Haut Atlas.")
    page.get_by_label("Rugs").check()
    page.fill("#id_stockrecords-0-price", "3800")
    page.fill("#id_stockrecords-0-num_in_stock", "1")
    page.select_option("#id_attr_style", label="Azilal")
    page.select_option("#id_attr_weave", label="Hand-knotted pile")
    page.select_option("#id_attr_material", label="Sheep wool")
    page.fill("#id_attr_width_cm", "150")
    page.fill("#id_attr_length_cm", "240")
    page.set_input_files("#id_images-0-original", _photo(tmp_path / "front.jpg", (201, 138, 28)))
    page.fill("#id_images-0-caption", "The whole rug laid flat")
    page.set_input_files("#id_images-1-original", _photo(tmp_path / "detail.jpg", (156, 74, 43)))
    page.fill("#id_images-1-caption", "Close-up of the knots")
    page.fill("#id_weight_kg", "6.5")
    screenshot(page, "vendor-product-editor-desktop")

    with page.expect_navigation():
        page.get_by_role("button", name="Put it on the shop").click()

    assert "is on the shop now" in page.content()
    expect(page.locator(".product-row__title", has_text="Saffron Azilal rug")).to_be_visible()
    screenshot(page, "vendor-product-list-desktop")
    with page.expect_navigation():
        page.locator(".product-row__title a", has_text="Saffron Azilal rug").click()
    assert page.locator(".editor-photo img").count() == 2
    with page.expect_navigation():
        page.get_by_role("link", name="See it on the shop").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1.product-page__title").inner_text() == "Saffron Azilal rug"
    assert page.locator(".gallery__thumbs img").count() == 2
    assert page.console_errors == []


def test_the_product_editor_fits_a_phone(live_server, seller, chromium, screenshot):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    try:
        _sign_in(page, live_server.url)
        page.goto(
            live_server.url
            + reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "rug"})
        )
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the editor scrolls sideways by {overflow}px on a phone"
        screenshot(page, "vendor-product-editor-phone")
    finally:
        context.close()
