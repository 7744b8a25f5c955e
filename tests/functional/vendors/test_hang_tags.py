"""Cooperatives print hang-tags whose QR codes open each piece's provenance page."""

import pytest

from tests.factories import CooperativeFactory, CooperativeStaffFactory, ProductFactory, StaffUserFactory
from vendors.provenance import provenance_token

pytestmark = pytest.mark.django_db


def test_a_cooperative_prints_tags_for_its_own_pieces_only(client):
    tifawin, nejma = CooperativeFactory(), CooperativeFactory()
    rug = ProductFactory(title="Tifawin rug", stockrecord__cooperative=tifawin)
    ProductFactory(title="Nejma zellige", stockrecord__cooperative=nejma)
    client.force_login(CooperativeStaffFactory(cooperative=tifawin))

    html = client.get("/shop/dashboard/hang-tags/").content.decode()

    assert "Tifawin rug" in html
    assert "Nejma zellige" not in html
    assert html.count("<svg") == 1
    assert f"/verify/{provenance_token(rug)}/" in html


def test_platform_staff_choose_the_cooperative(client):
    tifawin = CooperativeFactory(slug="tifawin")
    ProductFactory(title="Tifawin rug", stockrecord__cooperative=tifawin)
    client.force_login(StaffUserFactory())

    assert "Tifawin rug" not in client.get("/shop/dashboard/hang-tags/").content.decode()
    assert "Tifawin rug" in client.get("/shop/dashboard/hang-tags/?cooperative=tifawin").content.decode()


def test_hang_tags_need_a_dashboard_login(client):
    response = client.get("/shop/dashboard/hang-tags/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]
