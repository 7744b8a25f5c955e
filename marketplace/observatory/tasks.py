"""The scheduled roll-up as a django-tasks task (production runs it on the database worker)."""

from datetime import date

from django_tasks import task

from .services import rollup_days, rollup_default_days


@task()
def observatory_rollup(first_day: str = "", last_day: str = "") -> dict:
    """Roll up the days between two ISO dates (default: yesterday and today); returns row counts."""
    start, end = rollup_default_days()
    if first_day:
        start = date.fromisoformat(first_day)
    if last_day:
        end = date.fromisoformat(last_day)
    report = rollup_days(start=start, end=end)
    return {"days": report.days, "rows": dict(report.rows), "events_pruned": report.events_pruned}
