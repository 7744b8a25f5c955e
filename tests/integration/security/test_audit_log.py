"""Staff and cooperative actions are recorded: who changed what, when; only staff can read it."""

from decimal import Decimal

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from tests.factories import CooperativeFactory, CooperativeStaffFactory, ProductFactory, StaffUserFactory
from vendors.models import Cooperative
from vendors.services import cooperative_set_status

pytestmark = pytest.mark.django_db


def test_a_suspension_is_logged_with_the_staff_member_who_made_it():
    cooperative = CooperativeFactory()
    staff = StaffUserFactory()

    with set_actor(staff):
        cooperative_set_status(
            cooperative=cooperative, status=Cooperative.Status.SUSPENDED, by=staff, reason="Label withdrawn"
        )

    updates = LogEntry.objects.get_for_object(cooperative).filter(action=LogEntry.Action.UPDATE)
    entry = updates.latest("timestamp")
    assert entry.actor == staff
    assert entry.changes_dict["status"] == [Cooperative.Status.VERIFIED, Cooperative.Status.SUSPENDED]


def test_a_price_change_by_a_cooperative_is_logged(client):
    cooperative = CooperativeFactory()
    member = CooperativeStaffFactory(cooperative=cooperative)
    product = ProductFactory(stockrecord__cooperative=cooperative)
    record = product.stockrecords.get()

    with set_actor(member):
        record.price = 1800
        record.save()

    entry = LogEntry.objects.get_for_object(record).latest("timestamp")
    assert entry.actor == member
    assert Decimal(str(entry.changes_dict["price"][1])) == Decimal("1800")


def test_granting_staff_rights_is_logged():
    admin = StaffUserFactory()
    person = CooperativeStaffFactory()

    with set_actor(admin):
        person.is_staff = True
        person.save()

    entry = LogEntry.objects.get_for_object(person).latest("timestamp")
    assert entry.actor == admin
    assert entry.changes_dict["is_staff"] == [False, True]


def test_buyers_passwords_and_logins_are_not_tracked():
    person = CooperativeStaffFactory()
    before = LogEntry.objects.get_for_object(person).count()

    person.set_password("another-passphrase-1")
    person.save()

    assert LogEntry.objects.get_for_object(person).count() == before


def test_platform_staff_read_the_audit_log_and_cooperatives_cannot(client):
    cooperative = CooperativeFactory()
    member = CooperativeStaffFactory(cooperative=cooperative)

    client.force_login(StaffUserFactory())
    assert client.get("/django-admin/auditlog/logentry/").status_code == 200

    client.force_login(member)
    response = client.get("/django-admin/auditlog/logentry/")
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]
