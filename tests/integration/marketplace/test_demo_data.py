"""`load_demo` builds a believable marketplace and can be run again without changing it."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from oscar.core.loading import get_model

from marketplace.demo import content
from marketplace.demo.loader import DEMO_PASSWORD, demo_load

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
StockRecord = get_model("partner", "StockRecord")


def _counts():
    User = get_user_model()
    return {
        "products": Product.objects.count(),
        "images": ProductImage.objects.count(),
        "categories": Category.objects.count(),
        "cooperatives": Cooperative.objects.count(),
        "stockrecords": StockRecord.objects.count(),
        "users": User.objects.count(),
        "status_changes": get_model("partner", "CooperativeStatusChange").objects.count(),
    }


@pytest.fixture(scope="session")
def image_cache(tmp_path_factory):
    """Generated images are drawn once for the whole session, as `make run` caches them."""
    return tmp_path_factory.mktemp("demo-images")


@pytest.fixture
def small_demo(image_cache):
    return lambda: demo_load(product_limit=30, image_size=64, cache_dir=image_cache, progress=lambda _: None)


def test_loading_the_demo_twice_changes_nothing(small_demo):
    small_demo()
    first = _counts()

    small_demo()

    assert _counts() == first
    assert first["products"] == 30
    assert first["images"] == 90


def test_loading_again_keeps_stock_changed_since(small_demo):
    small_demo()
    record = StockRecord.objects.order_by("pk").first()
    record.num_in_stock = 7
    record.save()

    small_demo()

    record.refresh_from_db()
    assert record.num_in_stock == 7


def test_demo_has_the_cooperatives_and_accounts_the_readme_promises(small_demo):
    small_demo()

    assert Cooperative.objects.count() == len(content.cooperatives()) >= 12
    assert Cooperative.objects.values("region").distinct().count() >= 6
    assert Cooperative.objects.filter(is_women_led=True).count() >= 4
    assert set(Cooperative.objects.values_list("status", flat=True)) == {"verified", "in_review", "suspended"}
    for email in ["admin@souk.test", "editor@souk.test", "buyer@souk.test"]:
        assert authenticate(username=email, password=DEMO_PASSWORD) is not None
    for cooperative in Cooperative.objects.all():
        staff = get_user_model().objects.get(email=f"{cooperative.slug}@souk.test")
        assert staff.has_perm("partner.dashboard_access")
        assert cooperative.partner.users.filter(pk=staff.pk).exists()
        can_log_in = authenticate(username=staff.email, password=DEMO_PASSWORD) is not None
        # A suspended cooperative's members are locked out until it is reinstated.
        assert can_log_in == (cooperative.status != "suspended")


def test_demo_products_carry_their_crafts_attributes_and_a_price_in_dirhams(small_demo):
    small_demo()

    rug = Product.objects.filter(product_class__slug="rug").first()
    assert rug.attr.style.option
    assert rug.attr.width_cm > 0
    record = rug.stockrecords.get()
    assert record.price_currency == "MAD"
    assert record.num_in_stock in (0, 1)
    assert rug.title_fr and rug.title_fr != rug.title_en


def test_editor_can_use_the_cms_but_not_the_shop_dashboard(small_demo):
    small_demo()
    editor = get_user_model().objects.get(email="editor@souk.test")

    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.is_staff
    assert not editor.has_perm("partner.dashboard_access")


def test_home_page_features_products_and_cooperatives_after_loading(small_demo, client):
    small_demo()

    html = client.get("/").content.decode()

    featured = Product.objects.browsable().filter(upc__in=[p.upc for p in content.products()[:30]])
    assert any(product.title in html for product in featured)
    assert "Meet the cooperatives" in html


def test_load_demo_command_prints_the_demo_accounts(tmp_path, settings, capsys):
    settings.BASE_DIR = tmp_path

    call_command("load_demo", "--products", "5", "--image-size", "48")

    out = capsys.readouterr().out
    assert "admin@souk.test" in out
    assert DEMO_PASSWORD in out
