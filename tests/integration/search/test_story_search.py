"""Artisan stories and buying guides are a third kind of search document: indexed when they are
published, gone when unpublished or deleted, in rebuilds, drift checks and the replay queue,
one version per story (the buyer's language first), and from the database when the engine is down."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from marketplace.models import GuideIndexPage, GuidePage
from search.indexing import STORIES
from search.models import PendingIndexUpdate
from search.selectors import product_search, search_suggest, story_search
from tests.factories import (
    CooperativeFactory,
    ProductClassFactory,
    home_page,
    page_publish,
    page_translate,
    story_create,
    story_index_create,
)

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [page.title for page in results.stories]


@pytest.fixture
def story_index(db):
    return story_index_create()


def _publish_story(index, callbacks, **fields):
    # Index updates are sent when the transaction commits; the test's never does, so the
    # callbacks run here, as they would after a real commit.
    with callbacks(execute=True):
        return story_create(index=index, **fields)


def test_a_published_story_is_found_by_its_intro_its_craft_and_its_cooperative(
    search_engine, story_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # its own updates reach the engine
        cooperative = CooperativeFactory(name="Coopérative Tifawin", city="Boulemane")
        craft = ProductClassFactory(name="Rug", slug="rug")
    _publish_story(
        story_index,
        django_capture_on_commit_callbacks,
        title="Knotting wool in the Middle Atlas",
        intro="Thirty-eight weavers share one workshop and a spinning wheel.",
        cooperative=cooperative,
        craft=craft,
    )
    search_engine.refresh()

    by_intro = story_search(query="spinning wheel")
    by_craft = story_search(query="tapis")  # the craft vocabulary: tapis -> rug
    by_cooperative = story_search(query="tifawin")

    assert titles(by_intro) == ["Knotting wool in the Middle Atlas"]
    assert titles(by_craft) == ["Knotting wool in the Middle Atlas"]
    assert titles(by_cooperative) == ["Knotting wool in the Middle Atlas"]
    assert not by_intro.used_fallback
    assert by_intro.stories[0].search_kind == "story"


def test_unpublishing_or_deleting_a_story_removes_it_from_the_results(
    search_engine, story_index, django_capture_on_commit_callbacks
):
    kept = _publish_story(story_index, django_capture_on_commit_callbacks, title="Indigo dyers of Fes")
    gone = _publish_story(story_index, django_capture_on_commit_callbacks, title="Indigo cushions of Salé")
    deleted = _publish_story(story_index, django_capture_on_commit_callbacks, title="Indigo lanterns")
    search_engine.refresh()
    assert len(story_search(query="indigo").stories) == 3

    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        deleted.delete()
    search_engine.refresh()

    assert titles(story_search(query="indigo")) == [kept.title]
    assert search_engine.ids(STORIES) == {kept.pk}


def test_a_story_made_private_leaves_the_results(
    search_engine, story_index, django_capture_on_commit_callbacks
):
    story = _publish_story(
        story_index, django_capture_on_commit_callbacks, title="Saffron harvest in Taliouine"
    )
    search_engine.refresh()

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    search_engine.refresh()

    assert story_search(query="saffron").stories == []


def test_buying_guides_are_found_too(search_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guides = page_publish(home_page(), GuideIndexPage(title="Guides", slug="guides"))
        page_publish(
            guides,
            GuidePage(
                title="How to choose a kilim", slug="choose-a-kilim", intro="Flat-woven, light, reversible."
            ),
        )
    search_engine.refresh()

    results = story_search(query="reversible")

    assert titles(results) == ["How to choose a kilim"]
    assert results.stories[0].search_kind == "guide"


def test_one_version_of_a_translated_story_is_shown_in_the_buyers_language(
    search_engine, story_index, django_capture_on_commit_callbacks
):
    story = _publish_story(
        story_index,
        django_capture_on_commit_callbacks,
        title="The potters of Safi",
        intro="Cobalt glaze on red clay, fired in wood kilns.",
    )
    french_index = page_translate(story_index, "fr")
    with django_capture_on_commit_callbacks(execute=True):
        page_translate(
            story, "fr", title="Les potiers de Safi", intro="Émail cobalt sur argile rouge, cuit au bois."
        )
    search_engine.refresh()

    french = story_search(query="cobalt", language="fr")
    english = story_search(query="cobalt", language="en")

    assert french_index is not None
    assert titles(french) == ["Les potiers de Safi"]
    assert titles(english) == ["The potters of Safi"]


def test_rebuild_includes_stories_and_check_reports_their_drift(
    search_engine, story_index, django_capture_on_commit_callbacks, capsys
):
    story = _publish_story(story_index, django_capture_on_commit_callbacks, title="Cedar carvers of Azrou")
    search_engine.client.delete(index=search_engine.alias(STORIES), id=story.pk, refresh=True)

    with pytest.raises(SystemExit):
        call_command("search_index", "--check", "--kind", STORIES)
    drift = capsys.readouterr().out
    call_command("search_index", "--rebuild", "--kind", STORIES, "--quiet-progress")
    search_engine.refresh()

    assert f"missing: 1 ({story.pk})" in drift
    assert titles(story_search(query="cedar")) == ["Cedar carvers of Azrou"]


def test_the_search_box_suggests_stories(search_engine, story_index, django_capture_on_commit_callbacks):
    _publish_story(story_index, django_capture_on_commit_callbacks, title="Brass lantern makers of Marrakech")
    search_engine.refresh()

    suggestions = search_suggest(prefix="brass lant")

    assert [s["title"] for s in suggestions["stories"]] == ["Brass lantern makers of Marrakech"]
    assert suggestions["stories"][0]["url"].endswith("/brass-lantern-makers-of-marrakech/")


def test_when_the_engine_is_stopped_stories_come_from_the_database(
    osmem_process, story_index, django_capture_on_commit_callbacks
):
    _publish_story(
        story_index,
        django_capture_on_commit_callbacks,
        title="Argan oil, pressed by hand",
        intro="Women of the Souss press the kernels.",
    )
    osmem_process.engine.refresh()
    assert not story_search(query="argan").used_fallback

    osmem_process.kill()
    results = story_search(query="argan kernels")
    suggestions = search_suggest(prefix="argan")

    assert results.used_fallback
    assert titles(results) == ["Argan oil, pressed by hand"]
    assert [s["title"] for s in suggestions["stories"]] == ["Argan oil, pressed by hand"]


def test_a_story_published_while_the_engine_is_down_is_replayed_when_it_returns(
    osmem_process, story_index, django_capture_on_commit_callbacks
):
    osmem_process.pause()
    story = _publish_story(story_index, django_capture_on_commit_callbacks, title="Tadelakt plasterers")
    kept = list(PendingIndexUpdate.objects.values_list("kind", "object_id"))
    osmem_process.resume()

    call_command("search_index", "--replay")
    osmem_process.engine.refresh()

    assert (STORIES, story.pk) in kept
    assert titles(story_search(query="tadelakt")) == ["Tadelakt plasterers"]


def test_a_missing_stories_index_leaves_product_search_on_the_engine(indexed_shop, search_engine):
    """Deployed before `search_index --rebuild` created the stories index."""
    for index in search_engine.client.indices.get_alias(name=search_engine.alias(STORIES)):
        search_engine.client.indices.delete(index=index)

    suggestions = search_suggest(prefix="beni")
    stories = story_search(query="tapis")
    pieces = product_search(query="tapis")

    assert not suggestions["used_fallback"] and suggestions["stories"] == []
    assert stories.used_fallback and stories.stories == []
    assert not pieces.used_fallback and pieces.total == 4
