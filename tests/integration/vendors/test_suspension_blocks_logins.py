"""Suspending a cooperative locks its members out, at once, without touching buyers or staff."""

import pytest
from django.contrib.auth import authenticate

from tests.factories import (
    PASSWORD,
    CooperativeFactory,
    CooperativeStaffFactory,
    StaffUserFactory,
    UserFactory,
)
from vendors.services import cooperative_set_status

pytestmark = pytest.mark.django_db


def test_members_of_a_suspended_cooperative_cannot_log_in():
    cooperative = CooperativeFactory()
    member = CooperativeStaffFactory(cooperative=cooperative)
    assert authenticate(username=member.email, password=PASSWORD) == member

    cooperative_set_status(cooperative=cooperative, status="suspended", by=None, reason="Label lapsed")

    assert authenticate(username=member.email, password=PASSWORD) is None


def test_suspension_ends_a_session_already_open(client):
    cooperative = CooperativeFactory()
    member = CooperativeStaffFactory(cooperative=cooperative)
    client.force_login(member)
    assert client.get("/shop/dashboard/").status_code == 200

    cooperative_set_status(cooperative=cooperative, status="suspended", by=None, reason="Label lapsed")

    response = client.get("/shop/dashboard/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_reinstating_the_cooperative_lets_members_back_in():
    cooperative = CooperativeFactory()
    member = CooperativeStaffFactory(cooperative=cooperative)
    cooperative_set_status(cooperative=cooperative, status="suspended", by=None, reason="Label lapsed")

    cooperative_set_status(cooperative=cooperative, status="verified", by=None, reason="Renewed label")

    assert authenticate(username=member.email, password=PASSWORD) == member


def test_buyers_and_platform_staff_are_not_affected():
    cooperative = CooperativeFactory()
    cooperative_set_status(cooperative=cooperative, status="suspended", by=None, reason="Label lapsed")
    buyer, staff = UserFactory(), StaffUserFactory()
    cooperative.partner.users.add(staff)

    assert authenticate(username=buyer.email, password=PASSWORD) == buyer
    assert authenticate(username=staff.email, password=PASSWORD) == staff
