"""Every country is a shipping country: Souk's cooperatives ship worldwide (zones in checkout/zones.py)."""

from django.db import migrations


def countries_create(apps, schema_editor):
    from checkout.destination import COUNTRY_CODES, COUNTRY_NAMES

    Country = apps.get_model("address", "Country")
    existing = set(Country.objects.values_list("iso_3166_1_a2", flat=True))
    Country.objects.bulk_create(
        Country(
            iso_3166_1_a2=code,
            name=COUNTRY_NAMES[code],
            printable_name=COUNTRY_NAMES[code],
            is_shipping_country=True,
            display_order=10 if code == "MA" else 0,
        )
        for code in COUNTRY_CODES
        if code not in existing
    )
    Country.objects.filter(iso_3166_1_a2__in=COUNTRY_CODES).update(is_shipping_country=True)


class Migration(migrations.Migration):
    dependencies = [
        ("checkout", "0001_initial"),
        ("address", "0007_useraddress_code"),
    ]

    operations = [migrations.RunPython(countries_create, migrations.RunPython.noop)]
