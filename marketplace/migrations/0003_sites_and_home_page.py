"""Point both site registries at Souk and put a HomePage at the root of the Wagtail tree.

Oscar's orders use django.contrib.sites while Wagtail routes pages through its own Site,
so both are set here. The domain is the embedded default's; deployments change it with
`manage.py set_site_domain`.
"""

import uuid

from django.db import migrations

DOMAIN = "127.0.0.1:8000"


def forwards(apps, schema_editor):
    DjangoSite = apps.get_model("sites", "Site")
    DjangoSite.objects.update_or_create(pk=1, defaults={"domain": DOMAIN, "name": "Souk"})

    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    WagtailSite = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("marketplace", "HomePage")

    # Wagtail's own migration leaves a "Welcome" page of the plain Page type at /home/.
    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2
    ).delete()
    root = Page.objects.get(depth=1)
    locale, _ = Locale.objects.get_or_create(language_code="en")
    content_type, _ = ContentType.objects.get_or_create(app_label="marketplace", model="homepage")
    home = HomePage.objects.create(
        title="Souk",
        draft_title="Souk",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
        hero_title="Handmade in Morocco, straight from the cooperatives",
        hero_text="Rugs, zellige and crafts from certified artisan cooperatives, shipped to your door.",
    )
    Page.objects.filter(pk=root.pk).update(numchild=1)
    WagtailSite.objects.all().delete()
    WagtailSite.objects.create(
        hostname="localhost", port=80, site_name="Souk", root_page_id=home.pk, is_default_site=True
    )


def backwards(apps, schema_editor):
    apps.get_model("marketplace", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0002_home_page"),
        ("sites", "0002_alter_domain_unique"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
