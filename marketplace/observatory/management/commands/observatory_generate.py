import time

from django.core.management.base import BaseCommand, CommandError
from oscar.core.loading import get_model

from marketplace.observatory.generator import MARKER, observatory_generate


class Command(BaseCommand):
    help = (
        "Generate a year of orders, searches, page-view events and abandoned baskets at scale for "
        "the export observatory (bulk inserts), then roll them up. For benchmarks, never production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--orders", type=int, default=100_000)
        parser.add_argument("--searches", type=int, default=1_000_000)
        parser.add_argument(
            "--views-per-order", type=int, default=6, help="average product views per order line"
        )
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--no-rollup", action="store_true", help="generate only; roll up later")
        parser.add_argument("--force", action="store_true", help="add more even if generated orders exist")

    def handle(self, *args, orders, searches, views_per_order, seed, no_rollup, force, **options):
        if orders < 0 or searches < 0 or views_per_order < 1:
            raise CommandError("--orders and --searches must be at least 0, --views-per-order at least 1.")
        if get_model("order", "Order").objects.filter(number__startswith=MARKER).exists() and not force:
            raise CommandError("This database already has generated orders; use a fresh one or --force.")
        started = time.perf_counter()
        counts = observatory_generate(
            orders=orders,
            searches=searches,
            seed=seed,
            views_per_order=views_per_order,
            rollup=not no_rollup,
            progress=self.stdout.write,
        )
        summary = ", ".join(f"{name} {count:,}" for name, count in counts.items())
        self.stdout.write(f"Generated in {time.perf_counter() - started:.0f} s: {summary}")
