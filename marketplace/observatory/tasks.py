"""The scheduled roll-up as a django-tasks task (production runs it on the database worker)."""

from datetime import date

from django_tasks import task

from .buffer import views_flush
from .services import rollup_days, rollup_default_days


@task()
def observatory_rollup(first_day: str = "", last_day: str = "") -> dict:
    """Roll up the days between two ISO dates (default: yesterday and today); returns row counts."""
    start, end = rollup_default_days()
    if first_day:
        start = date.fromisoformat(first_day)
    if last_day:
        end = date.fromisoformat(last_day)
    views_flush()  # the buffered product views first, so the roll-up counts them
    report = rollup_days(start=start, end=end)
    return {"days": report.days, "rows": dict(report.rows), "events_pruned": report.events_pruned}


@task()
def observatory_views_flush() -> int:
    """Write the product views buffered in Redis to the database (marketplace/observatory/buffer.py)."""
    return views_flush()
