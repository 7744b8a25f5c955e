"""A cooperative runs its own shop window: it adds, edits and removes only its own products."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from catalogue.services import product_classes_sync
from tests.factories import (
    PASSWORD,
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductFactory,
    StaffUserFactory,
    category_create,
)

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
AttributeOption = get_model("catalogue", "AttributeOption")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def classes():
    return product_classes_sync()


@pytest.fixture
def rugs_category():
    return category_create(name="Rugs", slug="rugs")


@pytest.fixture
def cooperative():
    return CooperativeFactory(name="Tifawin", slug="tifawin")


@pytest.fixture
def seller(client, cooperative):
    user = CooperativeStaffFactory(cooperative=cooperative)
    client.login(username=user.email, password=PASSWORD)
    return user


def _photo(name="rug.jpg", size=(900, 600), fmt="JPEG", gps=True) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    exif = Image.Exif()
    if gps:
        exif.get_ifd(0x8825)[2] = (31.0, 37.0, 0.0)
    Image.new("RGB", size, (160, 70, 40)).save(buffer, format=fmt, exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _option(code: str, value: str):
    return AttributeOption.objects.get(group__code=f"rug-{code}", option=value).pk


def _rug_form(category, *, photo=None, caption="A cream Beni Ourain rug on a tiled floor", **overrides):
    data = {
        "title_en": "Cream Beni Ourain rug",
        "title_fr": "Tapis Beni Ourain crème",
        "description_en": "Hand-knotted in the Middle Atlas.",
        "description_fr": "Noué main dans le Moyen Atlas.",
        "structure": "standalone",
        "is_labelled": "on",
        "weight_kg": "9.5",
        "packed_length_cm": "100",
        "packed_width_cm": "40",
        "packed_height_cm": "40",
        "lead_time_days": "0",
        "categories": [category.pk],
        "attr_style": _option("style", "Beni Ourain"),
        "attr_weave": _option("weave", "Hand-knotted pile"),
        "attr_material": _option("material", "Sheep wool"),
        "attr_width_cm": "200",
        "attr_length_cm": "300",
        "attr_one_of_a_kind": "on",
        "stockrecords-TOTAL_FORMS": "1",
        "stockrecords-INITIAL_FORMS": "0",
        "stockrecords-MIN_NUM_FORMS": "0",
        "stockrecords-MAX_NUM_FORMS": "1",
        "stockrecords-0-price": "4200.00",
        "stockrecords-0-num_in_stock": "1",
        "images-TOTAL_FORMS": "3",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "12",
        "images-0-caption": caption,
        "images-0-display_order": "1",
        "images-1-display_order": "2",
        "images-2-display_order": "3",
        "action": "save",
    }
    if photo is not None:
        data["images-0-original"] = photo
    data.update(overrides)
    return data


def _errors(response) -> str:
    context = response.context or {}
    return str(
        [
            context.get(name).errors
            for name in ("form", "stockrecord_formset", "image_formset")
            if name in context
        ]
        + [context["image_formset"].non_form_errors()] * ("image_formset" in context)
    )


def _create_url():
    return reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "rug"})


def test_a_cooperative_adds_a_rug_that_goes_live_at_once_with_its_own_stock_record(
    client, seller, cooperative, classes, rugs_category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_create_url(), _rug_form(rugs_category, photo=_photo()))

    assert response.status_code == 302, _errors(response)
    product = Product.objects.get(title_en="Cream Beni Ourain rug")
    assert product.title_fr == "Tapis Beni Ourain crème"
    assert product.attr.width_cm == 200
    assert product.attr.style.option == "Beni Ourain"
    assert (product.packed_length_cm, product.packed_width_cm, product.packed_height_cm) == (100, 40, 40)
    record = product.stockrecords.get()
    assert (record.partner, record.price, record.price_currency, record.num_in_stock) == (
        cooperative.partner,
        Decimal("4200.00"),
        "MAD",
        1,
    )
    assert Product.objects.browsable().filter(pk=product.pk).exists()
    assert client.get(product.get_absolute_url()).status_code == 200
    image = product.images.get()
    assert image.caption.startswith("A cream")
    assert not Image.open(image.original.path).getexif()
    assert image.renditions["files"]


def test_the_partner_is_never_a_choice_for_a_cooperative(client, seller, classes, rugs_category):
    response = client.get(_create_url())

    assert response.status_code == 200
    assert b'name="stockrecords-0-partner"' not in response.content
    assert "Price (MAD)" in response.content.decode()


def test_a_forged_partner_in_the_post_is_ignored(client, seller, cooperative, classes, rugs_category):
    other = CooperativeFactory()

    client.post(
        _create_url(),
        _rug_form(rugs_category, photo=_photo(), **{"stockrecords-0-partner": other.partner.pk}),
    )

    assert StockRecord.objects.get(product__title_en="Cream Beni Ourain rug").partner == cooperative.partner


def test_a_photo_without_alt_text_saves_nothing(client, seller, classes, rugs_category, media):
    response = client.post(_create_url(), _rug_form(rugs_category, photo=_photo(), caption=""))

    assert response.status_code == 200
    assert "Describe the photo" in response.content.decode()
    assert not Product.objects.exists()
    assert not ProductImage.objects.exists()
    assert not list(media.rglob("*.jpg"))


def test_a_file_that_is_not_a_photo_gets_a_clear_error_and_saves_nothing(
    client, seller, classes, rugs_category
):
    fake = SimpleUploadedFile("rug.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")

    response = client.post(_create_url(), _rug_form(rugs_category, photo=fake))

    assert response.status_code == 200
    assert "not a photo we can read" in response.content.decode()
    assert not Product.objects.exists()


def test_a_product_needs_a_photo(client, seller, classes, rugs_category):
    response = client.post(_create_url(), _rug_form(rugs_category, photo=None, caption=""))

    assert "Add at least one photo" in response.content.decode()
    assert not Product.objects.exists()


def test_required_craft_attributes_and_sizes_are_validated(client, seller, classes, rugs_category):
    response = client.post(
        _create_url(), _rug_form(rugs_category, photo=_photo(), attr_style="", attr_width_cm="0")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "attr_style" in errors
    assert "attr_width_cm" in errors
    assert not Product.objects.exists()


def test_a_cooperative_never_sees_nor_edits_another_cooperatives_products(client, seller, cooperative):
    own = ProductFactory(title="Our kilim", stockrecord__cooperative=cooperative)
    theirs = ProductFactory(title="Their pouf", stockrecord__cooperative=CooperativeFactory())

    listing = client.get(reverse("dashboard:catalogue-product-list")).content.decode()

    assert "Our kilim" in listing
    assert "Their pouf" not in listing
    assert client.get(reverse("dashboard:catalogue-product", kwargs={"pk": theirs.pk})).status_code == 404
    assert (
        client.post(reverse("dashboard:catalogue-product", kwargs={"pk": theirs.pk}), {}).status_code == 404
    )
    assert (
        client.get(reverse("dashboard:catalogue-product-delete", kwargs={"pk": theirs.pk})).status_code == 404
    )
    assert (
        client.post(reverse("dashboard:catalogue-product-delete", kwargs={"pk": theirs.pk})).status_code
        == 404
    )
    assert Product.objects.filter(pk=theirs.pk).exists()
    assert client.get(reverse("dashboard:catalogue-product", kwargs={"pk": own.pk})).status_code == 200


def test_a_cooperative_edits_price_stock_and_reorders_photos(
    client, seller, cooperative, classes, rugs_category
):
    client.post(_create_url(), _rug_form(rugs_category, photo=_photo("first.jpg")))
    product = Product.objects.get()
    first = product.images.get()
    data = _rug_form(rugs_category, caption=first.caption)
    data.update(
        {
            "stockrecords-INITIAL_FORMS": "1",
            "stockrecords-0-id": product.stockrecords.get().pk,
            "stockrecords-0-product": product.pk,
            "stockrecords-0-price": "3900.00",
            "stockrecords-0-num_in_stock": "0",
            "images-INITIAL_FORMS": "1",
            "images-0-id": first.pk,
            "images-0-product": product.pk,
            "images-0-display_order": "2",
            "images-1-original": _photo("second.jpg"),
            "images-1-caption": "The rug's fringe, close up",
            "images-1-display_order": "1",
        }
    )

    response = client.post(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}), data)

    assert response.status_code == 302
    record = product.stockrecords.get()
    assert (record.price, record.num_in_stock) == (Decimal("3900.00"), 0)
    assert [image.caption for image in product.images.order_by("display_order")] == [
        "The rug's fringe, close up",
        first.caption,
    ]


def test_a_cooperative_deletes_its_own_product(client, seller, cooperative):
    product = ProductFactory(stockrecord__cooperative=cooperative)

    response = client.post(reverse("dashboard:catalogue-product-delete", kwargs={"pk": product.pk}))

    assert response.status_code == 302
    assert not Product.objects.filter(pk=product.pk).exists()


def test_a_zellige_product_can_carry_a_sample_with_its_own_price_and_stock(
    client, seller, cooperative, classes
):
    category = category_create(name="Zellige", slug="zellige")
    options = {
        spec: AttributeOption.objects.get(group__code=f"zellige-{spec}", option=value).pk
        for spec, value in [("shape", "Square 10×10"), ("colour", "Green")]
    }
    data = _rug_form(category, photo=_photo())
    for key in [key for key in data if key.startswith("attr_")]:
        del data[key]
    data.update(
        {
            "title_en": "Green zellige 10×10",
            "title_fr": "Zellige vert 10×10",
            "attr_shape": options["shape"],
            "attr_colour": options["colour"],
            "attr_tile_size_cm": "10",
            "attr_coverage_per_box_m2": "0.5",
            "sample_price": "35.00",
            "sample_stock": "40",
        }
    )

    response = client.post(
        reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "zellige"}), data
    )

    assert response.status_code == 302
    tile = Product.objects.get(title_en="Green zellige 10×10")
    sample = tile.sample
    assert sample.stockrecords.get().price == Decimal("35.00")
    assert sample.stockrecords.get().partner == cooperative.partner
    assert not Product.objects.browsable().filter(pk=sample.pk).exists()
    assert Product.objects.browsable().filter(pk=tile.pk).exists()


def test_platform_staff_can_edit_any_product_and_pick_its_cooperative(client, classes):
    staff = StaffUserFactory()
    client.login(username=staff.email, password=PASSWORD)

    response = client.get(_create_url())

    assert b'name="stockrecords-0-partner"' in response.content
