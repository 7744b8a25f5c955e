"""French and Arabic locales with a translated home page each, and the editorial roles.

- Locales fr and ar next to en, and the home page translated into both (same translation
  key), so /fr/ and /ar/ have their own hero rather than the English one.
- Editors may add and edit pages but not publish them; Chief editors publish. An
  "Editorial review" workflow (one Chief editor approval) on the whole tree replaces
  Wagtail's default "Moderators approval", so every change goes draft → review → published.
"""

from django.db import migrations
from django.utils import timezone

HOME_TRANSLATIONS = {
    "fr": {
        "title": "Souk",
        "hero_title": "Fait main au Maroc, directement des coopératives",
        "hero_text": "Tapis, zellige et artisanat de coopératives certifiées, livrés chez vous.",
        "hero_cta_label": "Découvrir l’artisanat",
        "featured_collections_title": "Collections",
        "featured_products_title": "Nos choix de la semaine",
        "featured_cooperatives_title": "Rencontrez les coopératives",
        "latest_stories_title": "Histoires d’ateliers",
    },
    "ar": {
        "title": "سوق",
        "hero_title": "صُنع يدويًا في المغرب، مباشرة من التعاونيات",
        "hero_text": "زرابي وزليج وحِرف من تعاونيات معتمدة، تصلك إلى باب بيتك.",
        "hero_cta_label": "اكتشف الحِرف",
        "featured_collections_title": "مجموعات مختارة",
        "featured_products_title": "مختارات هذا الأسبوع",
        "featured_cooperatives_title": "تعرّف على التعاونيات",
        "latest_stories_title": "حكايات من الورشات",
    },
}
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _path_step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def home_translations(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("marketplace", "HomePage")
    FeaturedProduct = apps.get_model("marketplace", "HomePageFeaturedProduct")
    FeaturedCooperative = apps.get_model("marketplace", "HomePageFeaturedCooperative")

    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(locale=english, depth=2).order_by("path").first()
    if home is None:
        return
    root = Page.objects.get(depth=1)
    now = timezone.now()
    for language, fields in HOME_TRANSLATIONS.items():
        locale = Locale.objects.get_or_create(language_code=language)[0]
        if HomePage.objects.filter(translation_key=home.translation_key, locale=locale).exists():
            continue
        last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
        step = int(last[-STEPLEN:], 36) + 1 if last else 1
        slug = f"home-{language}"
        translated = HomePage.objects.create(
            slug=slug,
            draft_title=fields["title"],
            content_type_id=home.content_type_id,
            path=f"{root.path}{_path_step(step)}",
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=home.translation_key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            hero_image_id=home.hero_image_id,
            hero_cta_url=home.hero_cta_url,
            **fields,
        )
        Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
        for item in FeaturedProduct.objects.filter(page=home):
            FeaturedProduct.objects.create(page=translated, product_id=item.product_id, sort_order=item.sort_order)
        for item in FeaturedCooperative.objects.filter(page=home):
            FeaturedCooperative.objects.create(
                page=translated, cooperative_id=item.cooperative_id, sort_order=item.sort_order
            )


def editorial_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return

    def page_permission(codename):
        return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)

    editors = Group.objects.get_or_create(name="Editors")[0]
    chiefs = Group.objects.get_or_create(name="Chief editors")[0]
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    editors.permissions.add(*admin_access)
    chiefs.permissions.add(*admin_access)
    # Editors draft and submit; only chief editors publish.
    GroupPagePermission.objects.filter(group=editors, page=root, permission__codename="publish_page").delete()
    for group, codenames in (
        (editors, ("add_page", "change_page", "lock_page", "unlock_page")),
        (chiefs, ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=page_permission(codename))

    if Workflow.objects.filter(name="Editorial review").exists():
        return
    task_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
    task = GroupApprovalTask.objects.create(name="Chief editor review", content_type=task_type, active=True)
    task.groups.set([chiefs])
    workflow = Workflow.objects.create(name="Editorial review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0004_cms_pages_menus"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(home_translations, noop),
        migrations.RunPython(editorial_roles, noop),
    ]
