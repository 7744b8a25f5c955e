import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.services import RateImportError, exchange_rates_import


class Command(BaseCommand):
    help = "Import exchange rates from a CSV file with columns currency,rate,as_of (units per 1 MAD)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--source", default="", help="Where the rates come from, e.g. Bank Al-Maghrib.")

    def handle(self, *args, path, source, **options):
        if not path.exists():
            raise CommandError(f"No file at {path}")
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = {"currency", "rate", "as_of"} - set(reader.fieldnames or [])
            if missing:
                raise CommandError(
                    f"The file needs the columns currency, rate, as_of (missing: {sorted(missing)})"
                )
            rows = [(row["currency"], row["rate"], row["as_of"]) for row in reader]
        try:
            count = exchange_rates_import(rows=rows, source=source or path.name)
        except RateImportError as exc:
            raise CommandError(f"Nothing imported. {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Imported {count} exchange rates."))
