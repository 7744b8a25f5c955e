from django.core.management.base import BaseCommand

from checkout.models import StripeEvent
from checkout.services import stripe_events_retry


class Command(BaseCommand):
    help = "Handle again the stored Stripe webhook events whose handling failed (run it every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, limit, **options):
        events = stripe_events_retry(limit=limit)
        still_failing = [e for e in events if e.status == StripeEvent.Status.FAILED]
        self.stdout.write(f"Retried {len(events)} event(s); {len(still_failing)} still failing")
        for event in still_failing:
            self.stderr.write(f"  {event.event_id} {event.type}: {event.last_error}")
