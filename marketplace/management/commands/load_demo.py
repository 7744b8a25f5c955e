from django.core.management.base import BaseCommand

from marketplace.demo.loader import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load or refresh the demo marketplace (idempotent: safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=None, help="Load only the first N products.")
        parser.add_argument("--image-size", type=int, default=960, help="Side of generated images, px.")

    def handle(self, *args, products, image_size, **options):
        report = demo_load(
            product_limit=products,
            image_size=image_size,
            progress=lambda message: self.stdout.write(message),
        )
        created = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items())) or "nothing new"
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({created})."))
        self.stdout.write(f"\nDemo accounts (password: {DEMO_PASSWORD}):")
        for email, role in report.accounts:
            self.stdout.write(f"  {email:<42} {role}")
