from django.core.management.base import BaseCommand

from vendors.services import certifications_expire


class Command(BaseCommand):
    help = 'Daily: remove lapsed "Made in Morocco" labels and warn cooperatives 30 days ahead.'

    def handle(self, *args, **options):
        report = certifications_expire()
        self.stdout.write(
            f"Labels removed: {', '.join(report.labels_removed) or 'none'}. "
            f"Expiry notices sent: {', '.join(report.notices_sent) or 'none'}."
        )
