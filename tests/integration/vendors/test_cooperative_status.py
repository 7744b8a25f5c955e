"""A cooperative's status decides whether buyers see it and its products."""

import pytest

from tests.factories import CooperativeFactory, ProductFactory, StaffUserFactory
from vendors.models import Cooperative
from vendors.services import InvalidStatusChange, cooperative_set_status

pytestmark = pytest.mark.django_db


def test_each_status_change_records_who_made_it_and_why():
    reviewer = StaffUserFactory()
    cooperative = CooperativeFactory(status=Cooperative.Status.APPLIED)

    cooperative_set_status(
        cooperative=cooperative, status="in_review", by=reviewer, reason="Documents received"
    )
    cooperative_set_status(cooperative=cooperative, status="verified", by=reviewer, reason="Registry checked")

    history = list(cooperative.status_changes.order_by("created_at", "pk"))
    assert [(c.from_status, c.to_status) for c in history] == [
        ("applied", "in_review"),
        ("in_review", "verified"),
    ]
    assert all(change.changed_by == reviewer for change in history)
    assert history[1].reason == "Registry checked"
    cooperative.refresh_from_db()
    assert cooperative.status == "verified"
    assert cooperative.status_changed_at is not None


def test_an_applicant_cannot_jump_straight_to_verified():
    cooperative = CooperativeFactory(status=Cooperative.Status.APPLIED)

    with pytest.raises(InvalidStatusChange):
        cooperative_set_status(cooperative=cooperative, status="verified", by=None)

    cooperative.refresh_from_db()
    assert cooperative.status == "applied"
    assert not cooperative.status_changes.exists()


def test_suspending_needs_a_reason():
    cooperative = CooperativeFactory()

    with pytest.raises(InvalidStatusChange, match="reason"):
        cooperative_set_status(cooperative=cooperative, status="suspended", by=None, reason="  ")


def test_suspended_cooperative_products_are_not_listed(client):
    cooperative = CooperativeFactory()
    product = ProductFactory(title="Azilal rug with saffron motifs", stockrecord__cooperative=cooperative)
    assert "Azilal rug with saffron motifs" in client.get("/shop/catalogue/").content.decode()

    cooperative_set_status(cooperative=cooperative, status="suspended", by=None, reason="Label lapsed")

    assert "Azilal rug with saffron motifs" not in client.get("/shop/catalogue/").content.decode()
    assert client.get(product.get_absolute_url()).status_code == 404
    assert client.get(f"/cooperatives/{cooperative.slug}/").status_code == 404


def test_products_of_a_cooperative_in_review_are_not_browsable():
    cooperative = CooperativeFactory(status=Cooperative.Status.IN_REVIEW)
    ProductFactory(stockrecord__cooperative=cooperative)

    from oscar.core.loading import get_model

    assert not get_model("catalogue", "Product").objects.browsable().exists()


def test_platform_staff_still_see_a_suspended_cooperatives_product(client):
    cooperative = CooperativeFactory(status=Cooperative.Status.SUSPENDED)
    product = ProductFactory(stockrecord__cooperative=cooperative)
    client.force_login(StaffUserFactory())

    assert client.get(product.get_absolute_url()).status_code == 200
