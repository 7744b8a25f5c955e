from datetime import timedelta

from django.core.management.base import BaseCommand

from vendors.uploads import uploads_purge


class Command(BaseCommand):
    help = "Delete scans uploaded to /sell/ applications that were never sent (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="Keep pending scans younger than this.")

    def handle(self, *args, days, **options):
        removed = uploads_purge(older_than=timedelta(days=days))
        self.stdout.write(f"{removed} pending scan(s) deleted.")
