"""A small shop for the search tests: rugs, zellige, babouches and a tagine from three cooperatives.

Imported by the conftest.py of tests/integration/search and tests/functional/search.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from tests.factories import CooperativeFactory, ProductClassFactory, ProductFactory, category_create
from vendors.models import Cooperative
from vendors.regions import Region

ProductAttribute = get_model("catalogue", "ProductAttribute")
AttributeOption = get_model("catalogue", "AttributeOption")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
ExchangeRate = get_model("catalogue", "ExchangeRate")


def _option_attribute(product_class, code: str, options: list[str]):
    group, _ = AttributeOptionGroup.objects.get_or_create(name=f"{product_class.slug}-{code}")
    for option in options:
        AttributeOption.objects.get_or_create(group=group, option=option)
    attribute, _ = ProductAttribute.objects.get_or_create(
        product_class=product_class,
        code=code,
        defaults={"name": code.title(), "type": "option", "option_group": group},
    )
    return attribute


def _set(product, **values):
    for code, value in values.items():
        attribute = ProductAttribute.objects.get(product_class=product.product_class, code=code)
        if attribute.type == "option":
            value = attribute.option_group.options.get(option=value)
        setattr(product.attr, code, value)
    product.attr.save()


@pytest.fixture
def shop(db):
    rugs = category_create(name="Rugs", slug="rugs")
    beni = category_create(name="Beni Ourain", slug="beni-ourain", parent=rugs)
    kilims = category_create(name="Kilims", slug="kilims", parent=rugs)
    tiles = category_create(name="Zellige", slug="zellige")
    leather = category_create(name="Leather", slug="leather")
    kitchen = category_create(name="Ceramics", slug="ceramics")

    rug = ProductClassFactory(name="Rug", slug="rug")
    for product_class in (rug,):
        _option_attribute(product_class, "style", ["Beni Ourain", "Kilim"])
        _option_attribute(product_class, "colour", ["Ivory", "Red", "Green"])
        ProductAttribute.objects.get_or_create(
            product_class=product_class, code="width_cm", defaults={"name": "Width", "type": "integer"}
        )
        ProductAttribute.objects.get_or_create(
            product_class=product_class, code="length_cm", defaults={"name": "Length", "type": "integer"}
        )
    zellige = ProductClassFactory(name="Zellige", slug="zellige", hs_code="6907")
    _option_attribute(zellige, "colour", ["Ivory", "Red", "Green"])
    leather_class = ProductClassFactory(name="Leather", slug="leather", hs_code="4202")
    ceramics = ProductClassFactory(name="Ceramics", slug="ceramics", hs_code="6913")

    tifawin = CooperativeFactory(
        name="Coopérative Tifawin",
        city="Boulemane",
        region=Region.FES_MEKNES,
        is_women_led=True,
        label_valid_until=timezone.localdate() + datetime.timedelta(days=200),
    )
    anzar = CooperativeFactory(
        name="Coopérative Anzar", city="Taznakht", region=Region.DRAA_TAFILALET, is_women_led=False
    )
    hidden = CooperativeFactory(name="Coopérative Oubliée", city="Safi", region=Region.MARRAKECH_SAFI)
    Cooperative.objects.filter(pk=hidden.pk).update(status=Cooperative.Status.SUSPENDED)

    def product(
        title_en, title_fr, category, product_class, cooperative, price, stock=2, description="", **attributes
    ):
        item = ProductFactory(
            title=title_en,
            title_en=title_en,
            title_fr=title_fr,
            description_en=description,
            product_class=product_class,
            stockrecord__cooperative=cooperative,
            stockrecord__price=Decimal(price),
            stockrecord__stock=stock,
        )
        item.categories.add(category)
        if attributes:
            _set(item, **attributes)
        return item

    products = {
        "beni_ivory": product(
            "Beni Ourain rug, ivory",
            "Tapis Beni Ourain ivoire",
            beni,
            rug,
            tifawin,
            "6000",
            description="Thick ivory wool knotted by hand in the Middle Atlas.",
            style="Beni Ourain",
            colour="Ivory",
            width_cm=200,
            length_cm=300,
        ),
        "beni_small": product(
            "Beni Ourain rug, small",
            "Petit tapis Beni Ourain",
            beni,
            rug,
            tifawin,
            "900",
            style="Beni Ourain",
            colour="Ivory",
            width_cm=60,
            length_cm=90,
        ),
        "kilim_red": product(
            "Kilim, madder red",
            "Kilim rouge garance",
            kilims,
            rug,
            anzar,
            "2500",
            style="Kilim",
            colour="Red",
            width_cm=150,
            length_cm=240,
        ),
        "kilim_sold": product(
            "Kilim, green stripes",
            "Kilim à rayures vertes",
            kilims,
            rug,
            anzar,
            "1800",
            stock=0,
            style="Kilim",
            colour="Green",
            width_cm=120,
            length_cm=180,
        ),
        "zellige": product(
            "Fes zellige, emerald glaze",
            "Zellige de Fès, émail émeraude",
            tiles,
            zellige,
            tifawin,
            "450",
            colour="Green",
        ),
        "babouches": product(
            "Leather slippers, saffron", "Babouches en cuir safran", leather, leather_class, anzar, "350"
        ),
        "tagine": product("Safi tagine, cobalt", "Tajine de Safi, cobalt", kitchen, ceramics, tifawin, "300"),
        "hidden_rug": product(
            "Hidden Beni Ourain rug",
            "Tapis caché",
            beni,
            rug,
            hidden,
            "5000",
            style="Beni Ourain",
            colour="Ivory",
        ),
    }
    ExchangeRate.objects.create(currency="EUR", rate=Decimal("0.0925"), as_of=timezone.localdate())
    return {
        "products": products,
        "categories": {"rugs": rugs, "beni": beni, "kilims": kilims, "tiles": tiles},
        "cooperatives": {"tifawin": tifawin, "anzar": anzar, "hidden": hidden},
    }


@pytest.fixture
def indexed_shop(shop, search_engine):
    """The shop, indexed from scratch (as `search_index --rebuild` does)."""
    search_engine.rebuild()
    search_engine.refresh()
    return shop
