"""Editors draft and submit, chief editors approve and publish; neither touches the shop dashboard."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow, WorkflowState

from marketplace.demo.loader import editors_group_ensure
from marketplace.demo.stories import chief_editors_group_ensure
from marketplace.models import ArtisanStoryPage
from tests.factories import UserFactory, story_index_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    user = UserFactory(email="editor@example.test")
    user.groups.add(editors_group_ensure())
    return user


@pytest.fixture
def chief():
    user = UserFactory(email="chief@example.test")
    user.groups.add(chief_editors_group_ensure())
    return user


def _draft_story(index, *, by, title="A draft story"):
    story = ArtisanStoryPage(title=title, slug="a-draft-story", intro="Draft.", live=False, owner=by)
    index.add_child(instance=story)
    story.save_revision(user=by)
    return story


@pytest.mark.parametrize("who", ["editor", "chief"])
def test_editors_cannot_open_the_shop_dashboard_but_can_use_the_cms(client, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)

    dashboard = client.get("/shop/dashboard/")
    cms = client.get("/cms/")

    assert dashboard.status_code in (302, 403)
    if dashboard.status_code == 302:
        assert "/login" in dashboard["Location"]
    assert cms.status_code == 200


def test_an_editor_may_edit_but_not_publish_and_a_chief_editor_may_publish(editor, chief):
    index = story_index_create()

    assert index.permissions_for_user(editor).can_edit()
    assert not index.permissions_for_user(editor).can_publish()
    assert index.permissions_for_user(chief).can_publish()


def test_a_story_goes_from_draft_through_review_to_published(editor, chief):
    index = story_index_create()
    story = _draft_story(index, by=editor)
    workflow = story.get_workflow()

    workflow.start(story, editor)
    state = WorkflowState.objects.get(object_id=str(story.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task = state.current_task_state.task.specific
    editor_actions = [name for name, *_ in task.get_actions(story, editor)]
    chief_actions = [name for name, *_ in task.get_actions(story, chief)]
    task.on_action(state.current_task_state, chief, "approve")
    story.refresh_from_db()

    assert workflow.name == "Editorial review"
    assert "approve" not in editor_actions
    assert "approve" in chief_actions
    assert story.live
    assert story.get_latest_revision().user == editor


def test_a_rejected_story_stays_a_draft(editor, chief):
    story = _draft_story(story_index_create(), by=editor)
    Workflow.objects.get(name="Editorial review").start(story, editor)
    state = WorkflowState.objects.get(object_id=str(story.pk))

    state.current_task_state.task.specific.on_action(state.current_task_state, chief, "reject")
    story.refresh_from_db()
    state.refresh_from_db()

    assert not story.live
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_story_scheduled_for_later_goes_live_when_its_time_comes(chief):
    story = _draft_story(story_index_create(), by=chief)
    revision = story.save_revision(user=chief)
    revision.publish(user=chief)  # no schedule: goes live now
    story.go_live_at = timezone.now() + datetime.timedelta(days=1)
    story.title = "Scheduled change"
    future = story.save_revision(user=chief, approved_go_live_at=story.go_live_at)
    story.refresh_from_db()

    assert story.title == "A draft story"  # the scheduled revision is not live yet
    future.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    future.save()
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()

    assert story.title == "Scheduled change"
