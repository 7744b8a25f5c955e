from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from marketplace.observatory.buffer import views_flush
from marketplace.observatory.services import rollup_days, rollup_default_days


class Command(BaseCommand):
    help = (
        "Rebuild the export observatory's daily roll-ups (default: yesterday and today) and prune "
        "raw events past the retention period. Safe to run again over the same days."
    )

    def add_arguments(self, parser):
        window = parser.add_mutually_exclusive_group()
        window.add_argument("--days", type=int, help="Roll up the last N days, today included.")
        window.add_argument(
            "--since", type=date.fromisoformat, help="Roll up from this date (YYYY-MM-DD) to today."
        )

    def handle(self, *args, days=None, since=None, **options):
        today = timezone.localdate()
        if days is not None:
            if days < 1:
                raise CommandError("--days must be at least 1.")
            start, end = today - timedelta(days=days - 1), today
        elif since is not None:
            if since > today:
                raise CommandError("--since is in the future.")
            start, end = since, today
        else:
            start, end = rollup_default_days(today=today)
        # A backfill writes a month per transaction; the scheduled run a day per transaction.
        per_transaction = 31 if (end - start).days > 7 else 1
        flushed = views_flush()  # product views buffered in Redis, so the roll-up counts them
        if flushed:
            self.stdout.write(f"Wrote {flushed} buffered product view(s).")
        report = rollup_days(start=start, end=end, days_per_transaction=per_transaction)
        rows = ", ".join(f"{name} {count}" for name, count in sorted(report.rows.items()))
        self.stdout.write(
            f"Rolled up {report.days} day(s) from {start} to {end}: {rows or 'no rows'}; "
            f"{report.events_pruned} old event(s) pruned."
        )
