"""Loads the demo marketplace: crafts, categories, cooperatives, products, accounts and CMS pages.

`demo_load` is idempotent: records are found by stable keys (slugs, UPCs, emails) and only
created or brought up to date, so running it again keeps everything, including what was
added by hand. Generated images are cached under var/demo-cache and reused.
"""

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.crafts import CRAFTS_BY_CODE, OPTION
from catalogue.services import exchange_rates_import, product_classes_sync
from vendors.services import certificate_review, cooperative_refresh_label, cooperative_set_status

from . import arabic, content, images, stories
from .applications import applications_load
from .catalogue import catalogue_demo_load
from .observatory import observatory_demo_load
from .orders import orders_load
from .reviews import cooperative_reviews_load

logger = logging.getLogger(__name__)

DEMO_PASSWORD = "souk-demo"
IMAGE_VIEWS = (0, 1, 2)

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
AttributeOption = get_model("catalogue", "AttributeOption")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")
Certificate = get_model("partner", "Certificate")
ExchangeRate = get_model("catalogue", "ExchangeRate")

LABEL_BODY = "Ministère du Tourisme, de l'Artisanat et de l'Économie Sociale et Solidaire"
REGISTRY_BODY = "Office du Développement de la Coopération (ODCo)"


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    accounts: list[tuple[str, str]] = field(default_factory=list)

    def count(self, kind: str, created: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1


def demo_load(
    *,
    product_limit: int | None = None,
    image_size: int = 960,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] = logger.info,
) -> DemoReport:
    """Load or refresh the demo data; returns what was created and the demo accounts."""
    report = DemoReport()
    cache_dir = cache_dir or Path(settings.BASE_DIR) / "var" / "demo-cache" / str(image_size)
    cache_dir.mkdir(parents=True, exist_ok=True)

    with transaction.atomic():
        progress("Product classes")
        classes = product_classes_sync()
        _craft_names_arabic(classes)
        progress("Categories")
        categories = _categories_load(report)
        progress("Accounts")
        _accounts_load(report)
        progress("Cooperatives")
        cooperatives = _cooperatives_load(report, classes=classes, cache_dir=cache_dir)
        applications_load(report, classes=classes)
        seeds = content.products()
        if product_limit is not None:
            seeds = seeds[:product_limit]
        progress(f"Products ({len(seeds)})")
        products = _products_load(
            report,
            seeds=seeds,
            classes=classes,
            categories=categories,
            cooperatives=cooperatives,
            image_size=image_size,
            cache_dir=cache_dir,
            progress=progress,
        )
        progress("Exchange rates")
        _exchange_rates_load()
        orders_load(progress=progress)
        cooperative_reviews_load(progress=progress)
        progress("Observatory events, searches and roll-ups")
        observatory_demo_load(progress=progress)
        progress("Zellige samples")
        catalogue_demo_load(progress=progress)
        progress("Home page")
        _home_page_load(products=products, cooperatives=cooperatives, cache_dir=cache_dir)
        progress("Stories, guides, pages and menus")
        stories.cms_load(cache_dir=cache_dir, image_size=image_size)
    return report


def _craft_names_arabic(classes: dict) -> None:
    """Arabic names of the crafts (catalogue.crafts carries English and French)."""
    for code, product_class in classes.items():
        name = arabic.CRAFT_NAMES_AR.get(code, "")
        if name and product_class.name_ar != name:
            product_class.name_ar = name
            product_class.save(update_fields=["name_ar"])


# --- Categories ---------------------------------------------------------------------------
def _categories_load(report: DemoReport) -> dict[tuple[str, ...], object]:
    by_path: dict[tuple[str, ...], object] = {}

    def ensure(seed, parent, path):
        existing = (parent.get_children() if parent else Category.get_root_nodes()).filter(slug=seed.slug)
        category = existing.first()
        fields = {
            "name_en": seed.name_en,
            "name_fr": seed.name_fr,
            "name_ar": content.CATEGORY_NAMES_AR.get(seed.slug, ""),
            "description_en": seed.description_en,
            "description_fr": seed.description_fr,
            "description_ar": arabic.CATEGORY_DESCRIPTIONS_AR.get(seed.slug, ""),
        }
        if category is None:
            kwargs = {"slug": seed.slug, "name": seed.name_en, **fields}
            category = parent.add_child(**kwargs) if parent else Category.add_root(**kwargs)
            report.count("categories", True)
        else:
            for name, value in fields.items():
                setattr(category, name, value)
            category.save()
        by_path[path] = category
        for child in seed.children:
            ensure(child, category, (*path, child.slug))

    for root in content.CATEGORY_TREE:
        ensure(root, None, (root.slug,))
    Category.fix_tree()
    return by_path


# --- Accounts -----------------------------------------------------------------------------
def _user_ensure(report: DemoReport, *, email: str, role: str, **defaults):
    """A demo account with the demo password, created once and then left as it is."""
    user, created = get_user_model().objects.get_or_create(email=email, defaults=defaults)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    report.count("accounts", created)
    report.accounts.append((email, role))
    return user


def _accounts_load(report: DemoReport) -> None:
    _user_ensure(
        report,
        email="admin@souk.test",
        role="platform staff (superuser)",
        is_staff=True,
        is_superuser=True,
        first_name="Salma",
        last_name="Alaoui",
    )
    editor = _user_ensure(
        report, email="editor@souk.test", role="CMS editor", first_name="Yasmine", last_name="Benali"
    )
    editor.groups.add(editors_group_ensure())
    chief = _user_ensure(
        report,
        email="chief.editor@souk.test",
        role="CMS chief editor",
        first_name="Karim",
        last_name="Idrissi",
    )
    chief.groups.add(stories.chief_editors_group_ensure())
    _user_ensure(report, email="buyer@souk.test", role="buyer", first_name="Emma", last_name="Walker")


def editors_group_ensure() -> Group:
    """The Editors group: Wagtail admin access, page drafting and images, nothing of the shop
    dashboard. Editors submit pages to the "Editorial review" workflow; chief editors publish."""
    from wagtail.models import GroupPagePermission, Page

    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="wagtailimages",
            codename__in=["add_image", "change_image", "choose_image"],
        ),
        *Permission.objects.filter(
            content_type__app_label="wagtaildocs",
            codename__in=["add_document", "change_document", "choose_document"],
        ),
    )
    root = Page.get_first_root_node()
    if root is not None:
        GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
        for codename in ("add_page", "change_page", "lock_page", "unlock_page"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    return group


# --- Cooperatives -------------------------------------------------------------------------
def _cooperatives_load(report: DemoReport, *, classes, cache_dir: Path) -> dict[str, object]:
    User = get_user_model()
    dashboard_access = Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")
    admin = User.objects.get(email="admin@souk.test")
    cooperatives = {}
    for index, seed in enumerate(content.cooperatives()):
        partner, _ = Partner.objects.get_or_create(code=seed.slug, defaults={"name": seed.name})
        cooperative, created = Cooperative.objects.update_or_create(
            slug=seed.slug,
            defaults={
                "partner": partner,
                "name": seed.name,
                "legal_name": seed.legal_name,
                "region": seed.region,
                "city": seed.city,
                "founded_year": seed.founded,
                "members_count": seed.members,
                "women_members_count": seed.women_members,
                "is_women_led": seed.women_led,
                "languages": ",".join(seed.languages),
                "tagline_en": seed.tagline_en,
                "tagline_fr": seed.tagline_fr,
                "tagline_ar": seed.tagline_ar,
                "story_en": _unwrap(seed.story_en),
                "story_fr": _unwrap(seed.story_fr),
                "story_ar": _unwrap(seed.story_ar),
                "phone": seed.phone,
                "email": seed.email,
                "registration_number": seed.registration_number,
                "rna_number": seed.rna_number,
                "ice": seed.ice,
            },
        )
        report.count("cooperatives", created)
        cooperative.crafts.set([classes[code] for code in seed.crafts])
        if created:
            _cooperative_walk_to(cooperative, seed.status, by=admin)
        if not cooperative.cover_image:
            data = _cached_jpeg(
                cache_dir / f"cooperative-{seed.slug}.jpg",
                lambda seed=seed, index=index: images.cooperative_image(
                    crafts=seed.crafts, seed=1000 + index, size=(1200, 800)
                ),
            )
            cooperative.cover_image.save(f"{seed.slug}.jpg", ContentFile(data), save=True)

        _certificates_load(cooperative, seed=seed, index=index, by=admin)
        staff = _user_ensure(
            report,
            email=f"{seed.slug}@souk.test",
            role=f"staff of {seed.name} ({seed.status.replace('_', ' ')})",
            first_name=seed.name[:30],
        )
        staff.user_permissions.add(dashboard_access)
        partner.users.add(staff)
        cooperatives[seed.slug] = cooperative
    return cooperatives


def _certificates_load(cooperative, *, seed, index: int, by) -> None:
    """Registry and label certificates with scanned documents, in states that show every case:
    valid labels, one expiring within the month, a lapsed one (the suspended cooperative) and
    one waiting for review (the cooperative in review)."""
    today = timezone.localdate()
    registry, created = Certificate.objects.get_or_create(
        cooperative=cooperative,
        type=Certificate.Type.REGISTRATION,
        number=seed.registration_number,
        defaults={"issuing_body": REGISTRY_BODY, "issued_on": date(seed.founded, 3, 1)},
    )
    if created:
        _certificate_document_attach(registry, title="Certificat d'immatriculation", seed=seed)
        certificate_review(certificate=registry, approve=True, reviewer=by)

    if seed.status == Cooperative.Status.SUSPENDED:
        issued, expires = today - timedelta(days=760), today - timedelta(days=35)
    elif index == 5:
        issued, expires = today - timedelta(days=710), today + timedelta(days=20)
    else:
        issued = today - timedelta(days=90 + 37 * index)
        expires = issued + timedelta(days=730)
    label, created = Certificate.objects.get_or_create(
        cooperative=cooperative,
        type=Certificate.Type.LABEL,
        number=f"MIM-{issued.year}-{index + 101:04d}",
        defaults={"issuing_body": LABEL_BODY, "issued_on": issued, "expires_on": expires},
    )
    if created:
        _certificate_document_attach(label, title="Label « Made in Morocco »", seed=seed)
        if seed.status != Cooperative.Status.IN_REVIEW:
            certificate_review(certificate=label, approve=True, reviewer=by)
    cooperative_refresh_label(cooperative=cooperative)


def _certificate_document_attach(certificate, *, title: str, seed) -> None:
    """A scanned-looking certificate (PNG), stored privately like a real upload."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (900, 640), (250, 246, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle((18, 18, 881, 621), outline=(120, 84, 40), width=6)
    draw.rectangle((34, 34, 865, 605), outline=(190, 150, 90), width=2)
    lines = [
        "ROYAUME DU MAROC",
        title,
        "",
        seed.legal_name,
        f"{seed.city}",
        f"N° {certificate.number}",
        f"Délivré le {certificate.issued_on:%d/%m/%Y}",
        f"Valable jusqu'au {certificate.expires_on:%d/%m/%Y}" if certificate.expires_on else "",
        certificate.issuing_body,
    ]
    y = 80
    for line in lines:
        draw.text((450, y), line, fill=(40, 32, 24), anchor="ma", font_size=26 if y == 80 else 22)
        y += 56
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    certificate.document.save(f"{certificate.type}-{certificate.number}.png", ContentFile(buffer.getvalue()))


def _cooperative_walk_to(cooperative, status: str, *, by) -> None:
    """Take a new cooperative through the real review steps to the demo status."""
    S = Cooperative.Status
    path = {
        S.IN_REVIEW: [S.IN_REVIEW],
        S.VERIFIED: [S.IN_REVIEW, S.VERIFIED],
        S.SUSPENDED: [S.IN_REVIEW, S.VERIFIED, S.SUSPENDED],
        S.REJECTED: [S.IN_REVIEW, S.REJECTED],
    }.get(status, [])
    reasons = {
        S.IN_REVIEW: "Application complete; documents under review.",
        S.VERIFIED: "Registry, RNA and label certificate checked.",
        S.SUSPENDED: "Label certificate lapsed; suspended until a renewed certificate is received.",
        S.REJECTED: "Registry number does not match the documents.",
    }
    for step in path:
        cooperative_set_status(cooperative=cooperative, status=step, by=by, reason=reasons[step])


# --- Products -----------------------------------------------------------------------------
def _products_load(
    report: DemoReport, *, seeds, classes, categories, cooperatives, image_size, cache_dir, progress
) -> dict[str, object]:
    options = {(o.group.code, o.option): o for o in AttributeOption.objects.select_related("group").all()}
    products = {}
    for index, seed in enumerate(seeds):
        product, created = Product.objects.update_or_create(
            upc=seed.upc,
            defaults={
                "product_class": classes[seed.craft],
                "title": seed.title_en,
                "title_en": seed.title_en,
                "title_fr": seed.title_fr,
                "title_ar": seed.title_ar,
                "description_en": seed.description_en,
                "description_fr": seed.description_fr,
                "description_ar": seed.description_ar,
                "is_labelled": seed.is_labelled,
                "weight_kg": seed.weight_kg,
                "lead_time_days": seed.lead_time_days,
                "is_public": True,
                "structure": Product.STANDALONE,
            },
        )
        report.count("products", created)
        craft = CRAFTS_BY_CODE[seed.craft]
        for spec in craft.attributes:
            if spec.code not in seed.attributes:
                continue
            value = seed.attributes[spec.code]
            if spec.type == OPTION:
                value = options[(f"{craft.code}-{spec.code}", value)]
            setattr(product.attr, spec.code, value)
        product.attr.save()
        product.categories.set([categories[seed.category_path]])
        cooperative = cooperatives[seed.cooperative]
        StockRecord.objects.update_or_create(
            product=product,
            partner=cooperative.partner,
            defaults={
                "partner_sku": seed.upc,
                "price_currency": settings.OSCAR_DEFAULT_CURRENCY,
                "price": seed.price_mad,
                "num_in_stock": seed.stock if created else _keep_stock(product, cooperative, seed.stock),
            },
        )
        if not product.images.exists():
            for view in IMAGE_VIEWS:
                data = _cached_jpeg(
                    cache_dir / f"{seed.upc}-{view}.jpg",
                    lambda seed=seed, index=index, view=view: images.product_image(
                        craft=seed.craft,
                        style=seed.image_style,
                        colour=seed.image_colour,
                        seed=index,
                        view=view,
                        size=image_size,
                    ),
                )
                image = ProductImage(product=product, display_order=view, caption=_alt_text(seed, view))
                image.original.save(f"{seed.upc.lower()}-{view}.jpg", ContentFile(data), save=False)
                image.save()
        products[seed.upc] = product
        if (index + 1) % 25 == 0:
            progress(f"  {index + 1} products")
    return products


def _unwrap(text: str) -> str:
    """Paragraphs separated by blank lines, each on one line (the seeds are hard-wrapped)."""
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in text.split("\n\n"))


def _keep_stock(product, cooperative, default: int) -> int:
    """Stock already in the database wins over the seed: sales and edits since the last load stay."""
    record = StockRecord.objects.filter(product=product, partner=cooperative.partner).first()
    return record.num_in_stock if record else default


def _alt_text(seed, view: int) -> str:
    prefix = ("", "Detail of ", "In a room: ")[view]
    return f"{prefix}{seed.title_en}"[:200]


def _cached_jpeg(path: Path, render) -> bytes:
    """Image bytes from the cache, rendering and storing them the first time."""
    if path.exists():
        return path.read_bytes()
    buffer = io.BytesIO()
    render().save(buffer, format="JPEG", quality=84, optimize=True, progressive=True)
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


# --- Money ------------------------------------------------------------------------------
# Indicative rates (units per 1 MAD); staff replace them with `manage.py import_rates`.
DEMO_RATES = {
    "USD": "0.1000",
    "EUR": "0.0925",
    "GBP": "0.0790",
    "CAD": "0.1390",
    "JPY": "15.30",
    "AED": "0.3670",
}


def _exchange_rates_load() -> None:
    if ExchangeRate.objects.exists():
        return
    today = timezone.localdate()
    exchange_rates_import(
        rows=[(code, rate, today) for code, rate in DEMO_RATES.items()], source="Souk demo rates"
    )


# --- CMS ----------------------------------------------------------------------------------
def _home_page_load(*, products, cooperatives, cache_dir: Path) -> None:
    from wagtail.images.models import Image

    from marketplace.models import HomePage, HomePageFeaturedCooperative, HomePageFeaturedProduct

    home = HomePage.objects.first()
    if home is None:
        return
    changed = False
    if home.hero_image is None:
        data = _cached_jpeg(cache_dir / "hero.jpg", lambda: images.hero_image(size=(1920, 900)))
        image = Image(
            title="Rugs in a riad courtyard", file=ImageFile(io.BytesIO(data), name="souk-hero.jpg")
        )
        image.save()
        home.hero_image = image
        changed = True
    if not home.featured_products.exists():
        picks = _featured_product_picks(products)
        for order, product in enumerate(picks):
            home.featured_products.add(HomePageFeaturedProduct(product=product, sort_order=order))
        changed = True
    if not home.featured_cooperatives.exists():
        verified = [c for c in cooperatives.values() if c.status == Cooperative.Status.VERIFIED][:6]
        for order, cooperative in enumerate(verified):
            home.featured_cooperatives.add(
                HomePageFeaturedCooperative(cooperative=cooperative, sort_order=order)
            )
        changed = True
    if changed:
        home.save_revision().publish()


def _featured_product_picks(products: dict, limit: int = 8) -> list:
    """One public product per craft first, then more, from verified cooperatives only."""
    browsable = set(
        Product.objects.browsable()
        .filter(pk__in=[p.pk for p in products.values()])
        .values_list("pk", flat=True)
    )
    picks, seen_classes = [], set()
    for product in products.values():
        if product.pk in browsable and product.product_class_id not in seen_classes:
            picks.append(product)
            seen_classes.add(product.product_class_id)
    for product in products.values():
        if len(picks) >= limit:
            break
        if product.pk in browsable and product not in picks:
            picks.append(product)
    return picks[:limit]
