from django.conf import settings
from django.core.management.base import BaseCommand

from checkout.services import orders_abandon


class Command(BaseCommand):
    help = "Cancel orders still waiting for payment after N minutes: stock released, baskets reopened."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=settings.SOUK_PENDING_ORDER_MINUTES)

    def handle(self, *args, minutes, **options):
        numbers = orders_abandon(older_than_minutes=minutes)
        self.stdout.write(
            f"Cancelled {len(numbers)} abandoned order(s){': ' + ', '.join(numbers) if numbers else ''}"
        )
