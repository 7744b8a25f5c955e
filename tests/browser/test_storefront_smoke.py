"""A buyer walks through the demo shop in a real browser: home, catalogue, a rug, the basket."""

import re

import pytest
from playwright.sync_api import expect

from marketplace.demo.loader import demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(tmp_path):
    demo_load(product_limit=40, image_size=480, cache_dir=tmp_path, progress=lambda _: None)


def _images_loaded(page) -> bool:
    return page.evaluate(
        "Array.from(document.images).filter(i => i.loading !== 'lazy' || i.complete)"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )


def test_buyer_browses_the_demo_shop_and_fills_a_basket(live_server, demo, page, screenshot):
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text()
    assert page.locator(".product-card").count() >= 4
    assert page.locator(".coop-card").count() >= 3
    page.wait_for_load_state("networkidle")
    assert _images_loaded(page)
    screenshot(page, "home-desktop")

    with page.expect_navigation():
        page.get_by_role("link", name="Rugs").first.click()
    assert page.locator(".product-card").count() >= 1
    screenshot(page, "category-rugs-desktop")

    with page.expect_navigation():
        page.locator(".product-card__title a").first.click()
    title = page.locator("h1.product-page__title").inner_text()
    expect(page.locator(".spec-table")).to_be_visible()
    expect(page.locator(".maker-card")).to_be_visible()
    screenshot(page, "product-desktop")

    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Add to (basket|cart)")).click()
    page.goto(live_server.url + "/shop/basket/")
    assert title in page.content()
    screenshot(page, "basket-desktop")

    assert page.console_errors == []


def test_pages_fit_a_phone_screen(live_server, demo, chromium, screenshot):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    try:
        for path, name in [
            ("/", "home"),
            ("/shop/catalogue/", "catalogue"),
            ("/cooperatives/", "cooperatives"),
        ]:
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
            screenshot(page, f"{name}-phone")
    finally:
        context.close()
