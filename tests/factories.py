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
