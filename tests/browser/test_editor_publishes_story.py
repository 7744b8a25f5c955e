"""An editor writes a story and submits it; a chief editor approves it; buyers can read it."""

import pytest
from playwright.sync_api import expect

from marketplace.demo.loader import editors_group_ensure
from marketplace.demo.stories import chief_editors_group_ensure
from marketplace.models import ArtisanStoryPage
from tests.factories import PASSWORD, UserFactory, story_index_create

# serialized_rollback: the locales, home pages, groups and workflow come from data migrations,
# which transactional tests would otherwise flush away for the tests after them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, email):
    page.goto(f"{live_server.url}/cms/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/cms/")


def _footer_action(page, selector):
    """Open the page editor's action menu and press one of its buttons."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator(selector).click()


def test_an_editor_story_is_approved_by_a_chief_editor_and_published(page, live_server, screenshot):
    editor = UserFactory(email="editor@souk.test", first_name="Yasmine")
    editor.groups.add(editors_group_ensure())
    chief = UserFactory(email="chief@souk.test", first_name="Karim")
    chief.groups.add(chief_editors_group_ensure())
    index = story_index_create()
    # The admin's first pages compile many templates: allow for a slow shared machine.
    page.set_default_timeout(90_000)

    # The editor drafts the story and submits it for review.
    _log_in(page, live_server, editor.email)
    page.goto(f"{live_server.url}/cms/pages/add/marketplace/artisanstorypage/{index.pk}/")
    page.fill("#id_title", "Six looms by the window")
    page.fill("#id_intro", "In Azilal, the Tiwrga weavers now work side by side in a shared workshop.")
    screenshot(page, "cms-editor-writes-story", full_page=False)
    _footer_action(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_contain_text("submitted")
    story = ArtisanStoryPage.objects.get(title="Six looms by the window")
    assert not story.live
    assert page.request.get(f"{live_server.url}/stories/six-looms-by-the-window/").status == 404
    page.context.clear_cookies()

    # The chief editor approves it from the page editor.
    _log_in(page, live_server, chief.email)
    screenshot(page, "cms-chief-editor-dashboard", full_page=False)
    page.goto(f"{live_server.url}/cms/pages/{story.pk}/edit/")
    _footer_action(page, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    expect(page.locator(".messages")).to_contain_text("Six looms by the window")
    story.refresh_from_db()
    assert story.live

    # Buyers see it on the site.
    page.goto(f"{live_server.url}/stories/six-looms-by-the-window/")
    assert page.locator("h1").inner_text() == "Six looms by the window"
    screenshot(page, "cms-published-story")
    page.goto(f"{live_server.url}/stories/")
    assert page.get_by_role("link", name="Six looms by the window").count() == 1
