"""What the migrations put in the CMS tables, restored after a transactional test flushed them.

Tests that run a live server use transactional databases, which Django empties (flush) after
each test, data migrations included: Wagtail's admin permission, locale, root page and root
collection, and our home page in three languages with the editorial workflow. The next such
test needs them back. Wagtail's own initial-data migration only works with its historical
models, so its part is written out here; ours are called as they are.
"""

from importlib import import_module

from django.apps import apps
from django.db import connection

OUR_DATA_MIGRATIONS = (
    ("marketplace.migrations.0003_sites_and_home_page", "forwards"),
    ("marketplace.migrations.0005_locales_home_translations_editorial_workflow", "home_translations"),
    ("marketplace.migrations.0005_locales_home_translations_editorial_workflow", "editorial_roles"),
)


def cms_baseline_ensure() -> None:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    if Page.objects.filter(depth=1).exists() and Locale.objects.exists():
        return
    # The flush recreated the content types under new ids; the cache still has the old ones.
    ContentType.objects.clear_cache()
    with connection.schema_editor(atomic=True) as schema_editor:
        # wagtailadmin has no models, so the flush's post_migrate does not recreate this one.
        admin_migration = import_module("wagtail.admin.migrations.0001_create_admin_access_permissions")
        admin_migration.create_admin_access_permissions(apps, schema_editor)
        Locale.objects.get_or_create(language_code="en")
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        Page.add_root(instance=Page(title="Root", slug="root"))
        for module, function in OUR_DATA_MIGRATIONS:
            getattr(import_module(module), function)(apps, schema_editor)
