from django.contrib.sites.models import Site as DjangoSite
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site as WagtailSite


class Command(BaseCommand):
    help = (
        "Set the public host of the site in both registries: Django's sites (orders, emails) and Wagtail's."
    )

    def add_arguments(self, parser):
        parser.add_argument("host", help="host[:port], e.g. souk.example or 127.0.0.1:8000")
        parser.add_argument("--name", default="Souk")

    def handle(self, *args, host, name, **options):
        hostname, _, port = host.partition(":")
        if not hostname:
            raise CommandError("Give a host name, e.g. souk.example")
        DjangoSite.objects.update_or_create(pk=1, defaults={"domain": host, "name": name})
        wagtail_site = WagtailSite.objects.filter(is_default_site=True).first()
        if wagtail_site is None:
            raise CommandError("There is no default Wagtail site; run the migrations first.")
        wagtail_site.hostname = hostname
        wagtail_site.port = int(port) if port else 443
        wagtail_site.site_name = name
        wagtail_site.save()
        self.stdout.write(self.style.SUCCESS(f"Both site registries now say {host}."))
