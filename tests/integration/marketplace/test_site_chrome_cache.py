"""The header menu is cached per site and language, and an editor's change shows at once."""

import pytest
from wagtail.models import Locale, Site

from marketplace.models import Menu, SiteChrome

pytestmark = pytest.mark.django_db


@pytest.fixture
def header_menu():
    menu = Menu.objects.create(
        name="Header",
        locale=Locale.objects.get(language_code="en"),
        items=[("link", {"label": "Buying guides", "page": None, "url": "/guides/"})],
    )
    SiteChrome.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"header_menu": menu}
    )
    return menu


def test_the_menu_costs_no_query_once_cached(client, header_menu, django_assert_max_num_queries):
    first = client.get("/cooperatives/")
    with django_assert_max_num_queries(8):
        again = client.get("/cooperatives/")

    assert "Buying guides" in first.content.decode()
    assert "Buying guides" in again.content.decode()


def test_an_edited_menu_shows_on_the_next_page(client, header_menu):
    client.get("/cooperatives/")

    header_menu.items = [("link", {"label": "Gift guides", "page": None, "url": "/guides/"})]
    header_menu.save()

    html = client.get("/cooperatives/").content.decode()
    assert "Gift guides" in html
    assert "Buying guides" not in html
