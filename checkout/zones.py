"""Destination zones for shipping from Morocco, and which zone a country belongs to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Zone(models.TextChoices):
    MOROCCO = "MA", _("Morocco")
    EU = "EU", _("European Union")
    UK = "UK", _("United Kingdom")
    NORTH_AMERICA = "NA", _("North America")
    GULF = "GULF", _("Gulf")
    WORLD = "WORLD", _("Rest of the world")


EU_COUNTRIES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
NORTH_AMERICA_COUNTRIES = frozenset({"US", "CA", "MX"})
GULF_COUNTRIES = frozenset({"AE", "SA", "QA", "KW", "BH", "OM"})


def country_zone(country_code: str) -> str:
    """The zone of an ISO 3166-1 alpha-2 country code; unknown codes ship as rest of the world."""
    code = (country_code or "").upper()
    if code == "MA":
        return Zone.MOROCCO
    if code in EU_COUNTRIES:
        return Zone.EU
    if code in ("GB", "UK"):
        return Zone.UK
    if code in NORTH_AMERICA_COUNTRIES:
        return Zone.NORTH_AMERICA
    if code in GULF_COUNTRIES:
        return Zone.GULF
    return Zone.WORLD
