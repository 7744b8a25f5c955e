"""factory_boy factories for Souk's models. Tests build their data here, never from fixtures."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

from vendors.regions import Region

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Coopérative {n}")
    code = factory.Sequence(lambda n: f"cooperative-{n}")


class CooperativeFactory(factory.django.DjangoModelFactory):
    """A verified cooperative with its Partner; pass status= for another state."""

    class Meta:
        model = Cooperative

    partner = factory.SubFactory(PartnerFactory)
    name = factory.LazyAttribute(lambda o: o.partner.name)
    legal_name = factory.LazyAttribute(lambda o: f"Coopérative artisanale {o.partner.name}")
    slug = factory.LazyAttribute(lambda o: o.partner.code)
    region = Region.FES_MEKNES
    city = "Fès"
    members_count = 20
    women_members_count = 12
    is_women_led = True
    status = Cooperative.Status.VERIFIED


class CooperativeStaffFactory(UserFactory):
    """A person who runs a cooperative's shop: CooperativeStaffFactory(cooperative=...)."""

    @factory.post_generation
    def cooperative(self, create, extracted, **kwargs):
        if not create:
            return
        self.user_permissions.add(
            Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")
        )
        if extracted is not None:
            extracted.partner.users.add(self)


class ProductClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("slug",)

    name = "Rug"
    slug = "rug"
    hs_code = "5701"
    requires_shipping = True
    track_stock = True


class ProductFactory(factory.django.DjangoModelFactory):
    """A public standalone product with one stock record.

    The stock record is set with `stockrecord__cooperative`, `stockrecord__price` (MAD) and
    `stockrecord__stock`; without a cooperative a verified one is made.
    """

    class Meta:
        model = Product
        skip_postgeneration_save = True

    structure = Product.STANDALONE
    title = factory.Sequence(lambda n: f"Beni Ourain rug no. {n}")
    upc = factory.Sequence(lambda n: f"SK-TEST-{n:05d}")
    product_class = factory.SubFactory(ProductClassFactory)
    is_public = True
    is_labelled = True

    @factory.post_generation
    def stockrecord(self, create, extracted, cooperative=None, price=Decimal("1500.00"), stock=1, **kwargs):
        if not create:
            return
        cooperative = cooperative or CooperativeFactory()
        StockRecord.objects.create(
            product=self,
            partner=cooperative.partner,
            partner_sku=self.upc,
            price_currency="MAD",
            price=price,
            num_in_stock=stock,
        )


def category_create(*, name: str, slug: str, parent=None):
    """A category in Oscar's materialised-path tree (factories can't place tree nodes)."""
    if parent is None:
        return Category.add_root(name=name, slug=slug)
    return parent.add_child(name=name, slug=slug)


def pdf_file(name: str = "certificate.pdf"):
    """A small, harmless PDF as an upload (certificate scans are checked by content)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


class CooperativeApplicationFactory(factory.django.DjangoModelFactory):
    """An application to sell, waiting for review, with one registration certificate."""

    class Meta:
        model = get_model("partner", "CooperativeApplication")
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Coopérative Amal {n}")
    legal_name = factory.LazyAttribute(lambda o: f"Coopérative artisanale {o.name}")
    registration_number = factory.Sequence(lambda n: f"ODCO-{n:05d}")
    region = Region.SOUSS_MASSA
    city = "Tiznit"
    members_count = 18
    women_members_count = 15
    is_women_led = True
    languages = "zgh,ar,fr"
    story = "Eighteen silversmiths' families."
    contact_name = "Fatima Aït Lahcen"
    contact_email = factory.Sequence(lambda n: f"applicant{n}@example.test")
    contact_phone = "+212612345678"
    language = "fr"

    @factory.post_generation
    def document(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        from datetime import date

        get_model("partner", "ApplicationDocument").objects.create(
            application=self,
            type="registration",
            number=f"REG-{self.pk}",
            issuing_body="ODCo",
            issued_on=date(2019, 3, 1),
            document=pdf_file(f"registration-{self.pk}.pdf"),
        )


def order_create(*, items, user=None, country: str = "US", number: str | None = None, guest_email: str = ""):
    """A placed order of `items` [(product, quantity)] shipped to `country`, as checkout makes it.

    Stock is allocated as at a real checkout; `checkout.ledger.services.order_split` turns it
    into vendor orders once it is paid.
    """
    from oscar.apps.partner.strategy import Selector
    from oscar.test.factories import create_order

    Country = get_model("address", "Country")
    ShippingAddress = get_model("order", "ShippingAddress")
    Basket = get_model("basket", "Basket")
    country_row, _ = Country.objects.get_or_create(
        iso_3166_1_a2=country,
        defaults={"name": country, "printable_name": country, "is_shipping_country": True},
    )
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    address = ShippingAddress(
        first_name="Ada",
        last_name="Buyer",
        line1="1 Test Street",
        line4="Springfield",
        postcode="12345",
        country=country_row,
    )
    address.save()
    return create_order(
        number=number, basket=basket, user=user, shipping_address=address, guest_email=guest_email
    )


# --- CMS pages (Wagtail page trees can't be built by factory_boy either) -------------------
def wagtail_image_create(*, title: str = "A workshop", colour: str = "#9c4a2b"):
    """A small real image in Wagtail's library."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), colour).save(buffer, format="JPEG")
    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name="test.jpg"))


def home_page(language: str = "en"):
    """The home page of `language`'s tree (the migrations translate it into fr and ar)."""
    from wagtail.models import Locale

    from marketplace.models import HomePage

    return HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code=language))


def page_publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def page_translate(page, language: str, **fields):
    """A published translation of `page` into `language` with `fields` changed."""
    from wagtail.models import Locale

    translation = page.copy_for_translation(Locale.objects.get(language_code=language)).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    if "title" in fields:
        translation.draft_title = fields["title"]
    translation.save()
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def story_index_create(*, title: str = "Stories", slug: str = "stories"):
    from marketplace.models import StoryIndexPage

    return page_publish(home_page("en"), StoryIndexPage(title=title, slug=slug, intro="From the workshops."))


def story_create(*, index, title: str, cooperative=None, craft=None, body=None, **fields):
    from django.utils.text import slugify

    from marketplace.models import ArtisanStoryPage

    page = ArtisanStoryPage(
        title=title,
        slug=slugify(title),
        intro=fields.pop("intro", f"The story of {title}."),
        cooperative=cooperative,
        craft=craft,
        body=body or [],
        **fields,
    )
    return page_publish(index, page)
