"""/shop/search/?q= finds crafts by their names in English and French, and never a hidden one."""

import pytest
from oscar.core.loading import get_model

from tests.factories import CooperativeFactory, ProductClassFactory, ProductFactory
from vendors.models import Cooperative

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    tifawin = CooperativeFactory(name="Coopérative Tifawin")
    rug_class = ProductClassFactory()
    tiles_class = ProductClassFactory(name="Zellige", slug="zellige", hs_code="6907")
    get_model("catalogue", "ProductClass").objects.filter(pk=rug_class.pk).update(
        name_en="Rug", name_fr="Tapis"
    )
    return {
        "rug": ProductFactory(
            title_en="Beni Ourain rug, ivory",
            title_fr="Tapis Beni Ourain ivoire",
            stockrecord__cooperative=tifawin,
        ),
        "tiles": ProductFactory(
            title_en="Fes zellige, emerald glaze",
            title_fr="Zellige de Fès, émail émeraude",
            product_class=tiles_class,
            stockrecord__cooperative=tifawin,
        ),
    }


@pytest.mark.parametrize("query", ["tapis", "rug", "carpet", "beni ourain", "moroccan rug", "Tifawin"])
def test_buyers_find_the_rug_whatever_word_they_use(client, shop, query):
    html = client.get("/shop/search/", {"q": query}).content.decode()

    assert "Beni Ourain rug, ivory" in html
    assert "emerald glaze" not in html or query == "Tifawin"


def test_a_misspelt_zellige_still_finds_tiles(client, shop):
    html = client.get("/shop/search/", {"q": "zelij"}).content.decode()

    assert "Fes zellige, emerald glaze" in html


def test_products_of_a_suspended_cooperative_are_not_found(client, shop):
    Cooperative.objects.update(status=Cooperative.Status.SUSPENDED)

    html = client.get("/shop/search/", {"q": "rug"}).content.decode()

    assert "Beni Ourain rug" not in html


def test_no_result_page_offers_the_crafts_to_browse(client, shop):
    from tests.factories import category_create

    category_create(name="Basketry", slug="basketry")

    response = client.get("/shop/search/", {"q": "submarine"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing matches" in html
    assert "Basketry" in html
