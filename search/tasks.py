"""Background tasks (django-tasks): index updates after commit, and the replay of stored ones.

The embedded default runs them immediately; production runs them on a worker. Either way a
task that cannot reach the engine stores its update (PendingIndexUpdate) rather than failing.
"""

import logging

from django.conf import settings
from django_tasks import task

from .client import ENGINE_ERRORS, search_configured
from .indexing import engine_mark_down, engine_mark_up, index_update, pending_replay

logger = logging.getLogger(__name__)


@task()
def search_index_update(kind: str, ids: list[int]) -> bool:
    """Bring these products' or cooperatives' documents up to date (or keep them for replay)."""
    return index_update(kind=kind, ids=ids, retry_after=settings.SEARCH_RETRY_AFTER)


@task()
def search_replay() -> int:
    """Send the engine every update it missed while it was down; returns how many."""
    if not search_configured():
        return 0
    try:
        replayed = pending_replay()
    except ENGINE_ERRORS as exc:
        logger.warning("search: replay postponed, engine unavailable (%s)", exc)
        engine_mark_down(seconds=settings.SEARCH_RETRY_AFTER)
        return 0
    engine_mark_up()
    if replayed:
        logger.info("search: replayed %d pending index update(s)", replayed)
    return replayed
