"""The language switcher goes to the page's real translation (whatever its slug), or to the
closest translated ancestor, never to a 404; a page without a translation is still served
under /fr/ and /ar/, in its own language, with a notice and a canonical URL to the original."""

import pytest
from django.conf import settings
from django.urls import reverse

from marketplace.models import GuideIndexPage, GuidePage, StandardPage
from tests.factories import (
    ProductFactory,
    home_page,
    page_publish,
    page_translate,
    story_create,
    story_index_create,
)

pytestmark = pytest.mark.django_db

SWITCH = "/i18n/switch/"


def _switch(client, *, next_url: str, language: str) -> str:
    response = client.post(SWITCH, {"language": language, "next": next_url})
    assert response.status_code == 302
    return response["Location"]


@pytest.fixture
def stories():
    index = story_index_create()
    page_translate(index, "fr", title="Histoires")
    page_translate(index, "ar", title="حكايات")
    return index


@pytest.fixture
def loom_story(stories):
    """A story translated into Arabic under an Arabic slug, and not into French."""
    story = story_create(index=stories, title="At the loom")
    page_translate(story, "ar", title="عند المنسج", slug="inda-al-minsaj")
    return story


# --- The switcher ---------------------------------------------------------------------------
def test_the_switcher_posts_the_current_address_with_its_query(client, stories):
    html = client.get("/fr/stories/?craft=rug").content.decode()

    assert f'action="{reverse("language-switch")}"' in html
    assert 'name="next" type="hidden" value="/fr/stories/?craft=rug"' in html


def test_switching_a_story_lands_on_its_translation_under_its_own_slug(client, loom_story):
    to_arabic = _switch(client, next_url="/stories/at-the-loom/", language="ar")
    back_to_english = _switch(client, next_url="/ar/stories/inda-al-minsaj/", language="en")

    assert to_arabic == "/ar/stories/inda-al-minsaj/"
    assert back_to_english == "/stories/at-the-loom/"
    assert client.get(to_arabic).status_code == 200


def test_switching_an_untranslated_story_lands_on_the_closest_translated_ancestor(client, loom_story):
    target = _switch(client, next_url="/ar/stories/inda-al-minsaj/", language="fr")

    assert target == "/fr/stories/"
    assert client.get(target).status_code == 200


def test_switching_where_no_ancestor_is_translated_lands_on_that_languages_home_page(client):
    index = story_index_create()  # English only
    story_create(index=index, title="Only in English")

    target = _switch(client, next_url="/stories/only-in-english/", language="ar")

    assert target == "/ar/"


def test_switching_a_guide_follows_its_translated_slug(client):
    index = page_publish(home_page(), GuideIndexPage(title="Guides", slug="guides"))
    guide = page_publish(index, GuidePage(title="Choosing a rug", slug="choosing-a-rug", intro="Wool."))
    page_translate(index, "fr", title="Guides")
    page_translate(guide, "fr", title="Choisir un tapis", slug="choisir-un-tapis")

    assert (
        _switch(client, next_url="/guides/choosing-a-rug/", language="fr") == "/fr/guides/choisir-un-tapis/"
    )


def test_switching_a_standard_page_follows_its_translated_slug(client):
    about = page_publish(home_page(), StandardPage(title="About us", slug="about"))
    page_translate(about, "fr", title="À propos", slug="a-propos")

    assert _switch(client, next_url="/about/", language="fr") == "/fr/a-propos/"
    assert _switch(client, next_url="/fr/a-propos/", language="en") == "/about/"


def test_switching_keeps_the_filters_of_the_same_page_only(client, loom_story):
    same_page = _switch(client, next_url="/stories/?craft=rug&region=fes-meknes", language="ar")
    to_ancestor = _switch(client, next_url="/ar/stories/inda-al-minsaj/?ref=home", language="fr")

    assert same_page == "/ar/stories/?craft=rug&region=fes-meknes"
    assert to_ancestor == "/fr/stories/"


def test_switching_a_product_page_keeps_the_address_under_the_other_prefix(client):
    rug = ProductFactory(title="Azilal rug")
    url = rug.get_absolute_url()

    to_arabic = _switch(client, next_url=f"{url}?colour=ivory", language="ar")
    to_english = _switch(client, next_url=f"/fr{url}", language="en")

    assert to_arabic == f"/ar{url}?colour=ivory"
    assert to_english == url
    assert client.get(to_arabic).status_code == 200


def test_switching_remembers_the_language_in_the_cookie(client, stories):
    client.post(SWITCH, {"language": "fr", "next": "/stories/"})

    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_switching_from_an_unknown_address_lands_on_that_languages_home_page(client):
    assert _switch(client, next_url="/no/such/page/", language="fr") == "/fr/"


def test_switching_never_leaves_the_site(client):
    assert _switch(client, next_url="https://evil.example/phish", language="fr") == "/fr/"


def test_an_unknown_language_leaves_the_visitor_where_they_were(client, stories):
    assert _switch(client, next_url="/stories/", language="xx") == "/stories/"


# --- Untranslated pages under /fr/ and /ar/ ---------------------------------------------------
def test_an_untranslated_story_under_ar_is_served_in_english_with_a_notice(client, stories):
    story = story_create(index=stories, title="Zellige cutters of Fes", intro="Hammer and menqach.")

    response = client.get(f"/ar/stories/{story.slug}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in html  # the visitor's chrome
    assert '<h1 class="story-head__title" lang="en" dir="ltr">' in html  # the story's own language
    assert '<div class="story-body wrap" lang="en" dir="ltr">' in html
    assert 'class="language-notice" role="note"' in html
    assert "هذه القصة غير متوفرة بعدُ" in html  # "This story is not yet available", in Arabic
    assert "Hammer and menqach." in html


def test_an_untranslated_story_points_search_engines_to_the_original(client, stories):
    story = story_create(index=stories, title="Zellige cutters of Fes")
    page_translate(story, "fr", title="Les tailleurs de zellige de Fès")

    html = client.get(f"/ar/stories/{story.slug}/").content.decode()

    assert f'<link rel="canonical" href="http://testserver/stories/{story.slug}/">' in html
    assert 'hreflang="ar"' not in html  # this address is not an Arabic translation
    assert f'hreflang="fr" href="http://testserver/fr/stories/{story.slug}/"' in html


def test_an_untranslated_storys_breadcrumbs_lead_back_through_the_visitors_language(client, stories):
    story = story_create(index=stories, title="Zellige cutters of Fes")

    html = client.get(f"/ar/stories/{story.slug}/").content.decode()

    assert 'href="/ar/stories/">حكايات</a>' in html


def test_a_story_asked_for_by_its_english_slug_under_ar_redirects_to_its_arabic_slug(client, loom_story):
    response = client.get("/ar/stories/at-the-loom/")

    assert response.status_code == 302
    assert response["Location"] == "/ar/stories/inda-al-minsaj/"


def test_a_translated_story_is_served_without_a_notice(client, loom_story):
    html = client.get("/ar/stories/inda-al-minsaj/").content.decode()

    assert 'class="language-notice"' not in html
    assert '<h1 class="story-head__title">' in html


def test_a_guide_whose_whole_section_is_untranslated_is_still_served_under_fr(client):
    index = page_publish(home_page(), GuideIndexPage(title="Guides", slug="guides"))
    page_publish(index, GuidePage(title="Caring for zellige", slug="caring-for-zellige", intro="Soap."))

    guide = client.get("/fr/guides/caring-for-zellige/")
    section = client.get("/fr/guides/")

    assert guide.status_code == 200 and "pas encore disponible en" in guide.content.decode()
    assert section.status_code == 200


def test_a_slug_that_exists_in_no_language_is_still_a_404(client, stories):
    assert client.get("/ar/stories/no-such-story/").status_code == 404
    assert client.get("/stories/no-such-story/").status_code == 404


def test_a_draft_translation_does_not_hide_the_published_original(client, stories):
    story = story_create(index=stories, title="Boucherouite from old clothes")
    draft = page_translate(story, "ar", title="بوشرويط", slug="boucherouite-ar")
    draft.unpublish()

    response = client.get(f"/ar/stories/{story.slug}/")

    assert response.status_code == 200
    assert "Boucherouite from old clothes" in response.content.decode()
