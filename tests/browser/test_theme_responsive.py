"""The theme on a phone and by keyboard, in English and Arabic, and the wish list journey.

Screenshots: test-artifacts/screenshots/theme-*.png
"""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, CooperativeFactory, ProductFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shop():
    cooperative = CooperativeFactory(name="Coopérative Tifawin", city="Azilal")
    products = [
        ProductFactory(
            title=f"Azilal rug with a long name that has to wrap on a phone no. {n}",
            stockrecord__cooperative=cooperative,
            stockrecord__price=Decimal("4200.00"),
        )
        for n in range(3)
    ]
    return cooperative, products


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_main_pages_fit_a_phone_screen_without_sideways_scrolling(
    live_server, shop, phone, screenshot, language
):
    cooperative, products = shop
    prefix = "" if language == "en" else f"/{language}"
    pages = {
        "home": "/",
        "catalogue": "/shop/catalogue/",
        "search": "/shop/search/?q=rug",
        "product": products[0].get_absolute_url(),
        "cooperatives": "/cooperatives/",
        "cooperative": cooperative.get_absolute_url(),
        "basket": "/shop/basket/",
        "login": "/shop/accounts/login/",
    }
    for name, path in pages.items():
        url = live_server.url + prefix + path.removeprefix(prefix)
        phone.goto(url)
        phone.wait_for_load_state("networkidle")

        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        direction = phone.evaluate("document.documentElement.dir")

        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px on a phone"
        assert direction == ("rtl" if language == "ar" else "ltr")
        screenshot(phone, f"theme-{name}-{language}-390")


def test_keyboard_focus_is_always_visible(live_server, shop, page, screenshot):
    _, products = shop
    page.goto(live_server.url + products[0].get_absolute_url())
    page.wait_for_load_state("networkidle")

    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => {
                    const el = document.activeElement;
                    const style = getComputedStyle(el);
                    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
                    return {tag: el.tagName, text: (el.innerText || el.value || el.name || "").slice(0, 30),
                            visible: outline || style.boxShadow !== "none"};
                }"""
            )
        )

    first = seen[0]
    assert first["text"] == "Skip to content"
    screenshot(page, "theme-focus-skip-link", full_page=False)
    assert [s for s in seen if not s["visible"]] == []


def test_a_buyer_saves_a_rug_to_the_wish_list_then_removes_it(live_server, shop, page, screenshot):
    _, products = shop
    rug = products[0]
    buyer = UserFactory(email="amina@example.test")
    page.goto(live_server.url + "/shop/accounts/login/")
    page.fill("#id_login-username", buyer.email)
    page.fill("#id_login-password", PASSWORD)
    with page.expect_navigation():
        page.click("button[name=login_submit]")

    page.goto(live_server.url + rug.get_absolute_url())
    page.get_by_role("button", name="Save to wish list").click()
    saved = page.get_by_role("button", name="Saved · remove")
    expect(saved).to_be_visible()
    assert saved.get_attribute("aria-pressed") == "true"
    screenshot(page, "theme-wishlist-saved", full_page=False)

    page.goto(live_server.url + "/shop/accounts/wishlists/")
    with page.expect_navigation():
        page.get_by_role("link", name="Default").first.click()
    assert rug.title in page.content()
    screenshot(page, "theme-wishlist-detail")

    page.goto(live_server.url + rug.get_absolute_url())
    page.get_by_role("button", name="Saved · remove").click()
    expect(page.get_by_role("button", name="Save to wish list")).to_be_visible()
    assert page.console_errors == []
