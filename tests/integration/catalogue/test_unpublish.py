"""Platform staff take a product off the shop with a reason its cooperative reads."""

import pytest
from django.urls import reverse

from catalogue.services import ProductPublicationError, product_republish, product_unpublish
from tests.factories import (
    PASSWORD,
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db


def test_an_unpublished_product_disappears_from_the_catalogue_and_its_page():
    product = ProductFactory()
    staff = StaffUserFactory()

    product_unpublish(product=product, by=staff, reason="The photos show a different rug.")

    product.refresh_from_db()
    assert product.is_unpublished
    assert product.unpublished_by == staff
    assert not product.__class__.objects.browsable().filter(pk=product.pk).exists()


def test_the_product_page_is_gone_for_buyers(client):
    product = ProductFactory()
    product_unpublish(product=product, by=StaffUserFactory(), reason="Wrong craft.")

    assert client.get(product.get_absolute_url()).status_code == 404


def test_unpublishing_needs_a_reason_and_platform_staff():
    product = ProductFactory()
    cooperative_user = CooperativeStaffFactory()

    with pytest.raises(ProductPublicationError):
        product_unpublish(product=product, by=StaffUserFactory(), reason="  ")
    with pytest.raises(ProductPublicationError):
        product_unpublish(product=product, by=cooperative_user, reason="No.")
    product.refresh_from_db()
    assert product.is_public


def test_republishing_puts_it_back_and_clears_the_reason():
    product = ProductFactory()
    staff = StaffUserFactory()
    product_unpublish(product=product, by=staff, reason="Blurry photos.")

    product_republish(product=product, by=staff)

    product.refresh_from_db()
    assert product.is_public and not product.unpublished_reason
    assert product.__class__.objects.browsable().filter(pk=product.pk).exists()


def test_the_cooperative_reads_the_reason_in_its_list_and_on_the_edit_page(client):
    cooperative = CooperativeFactory()
    product = ProductFactory(stockrecord__cooperative=cooperative)
    product_unpublish(product=product, by=StaffUserFactory(), reason="The label certificate has expired.")
    seller = CooperativeStaffFactory(cooperative=cooperative)
    client.login(username=seller.email, password=PASSWORD)

    listing = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    page = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})).content.decode()

    assert "The label certificate has expired." in listing
    assert "The label certificate has expired." in page
    assert "Taken off the shop by Souk" in page


def test_staff_unpublish_through_the_dashboard_and_cooperatives_cannot(client):
    cooperative = CooperativeFactory()
    product = ProductFactory(stockrecord__cooperative=cooperative)
    url = reverse("dashboard:catalogue-product-unpublish", kwargs={"pk": product.pk})
    seller = CooperativeStaffFactory(cooperative=cooperative)
    client.login(username=seller.email, password=PASSWORD)

    assert client.post(url, {"reason": "I want it hidden"}).status_code in (302, 403)
    product.refresh_from_db()
    assert product.is_public

    client.logout()
    client.login(username=StaffUserFactory().email, password=PASSWORD)
    response = client.post(url, {"reason": "Counterfeit label."})

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.unpublished_reason == "Counterfeit label."
