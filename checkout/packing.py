"""How a cooperative's share of a basket is packed and what carriers charge for it.

Pure functions, no database. Carriers bill the larger of the actual and the volumetric weight
(packed length x width x height in cm / 5000), rounded up to the next half kilogram. Zellige is
heavy and brittle, so it travels in wooden crates: each crate holds up to CRATE_CAPACITY_KG of
tiles, adds its own weight and a packaging surcharge.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from django.utils.translation import gettext_noop

from .zones import Zone

VOLUMETRIC_DIVISOR = Decimal(5000)
CRATED_CRAFTS = frozenset({"zellige"})
CRATE_CAPACITY_KG = Decimal(50)
CRATE_TARE_KG = Decimal(12)
CRATE_CHARGE = Decimal("250.00")
# A folded wool rug is about this many cm thick per layer of its area, once strapped.
RUG_PACKED_THICKNESS_CM = Decimal("1.5")

# Packed box of one piece per craft (cm) and its weight when the product does not say.
CRAFT_BOX_CM: dict[str, tuple[int, int, int]] = {
    "rug": (60, 40, 25),
    "zellige": (35, 35, 15),
    "ceramics": (40, 40, 35),
    "leather": (40, 30, 15),
    "lighting": (45, 45, 60),
    "jewellery": (20, 15, 10),
    "woodwork": (40, 30, 20),
    "textiles": (35, 25, 10),
    "basketry": (50, 50, 40),
}
DEFAULT_BOX_CM = (40, 30, 20)
CRAFT_WEIGHT_KG: dict[str, Decimal] = {
    "rug": Decimal(8),
    "zellige": Decimal(22),
    "ceramics": Decimal(3),
    "lighting": Decimal(3),
}
DEFAULT_WEIGHT_KG = Decimal(1)


@dataclass(frozen=True)
class Rate:
    """What a carrier charges to one zone, in MAD, and how long it takes."""

    zone: str
    base_charge: Decimal
    per_kg: Decimal
    days_min: int
    days_max: int
    method_name: str


# Kept in English on orders; shown in the buyer's language by the `carrier` template filter.
EXPRESS_COURIER = gettext_noop("Express courier")

# Platform defaults; a cooperative may override any zone (checkout.models.ShippingRate).
PLATFORM_RATES: dict[str, Rate] = {
    Zone.MOROCCO: Rate(Zone.MOROCCO, Decimal("35.00"), Decimal("8.00"), 2, 4, "Amana"),
    Zone.EU: Rate(Zone.EU, Decimal("180.00"), Decimal("55.00"), 5, 9, EXPRESS_COURIER),
    Zone.UK: Rate(Zone.UK, Decimal("200.00"), Decimal("60.00"), 6, 10, EXPRESS_COURIER),
    Zone.NORTH_AMERICA: Rate(Zone.NORTH_AMERICA, Decimal("260.00"), Decimal("85.00"), 7, 12, EXPRESS_COURIER),
    Zone.GULF: Rate(Zone.GULF, Decimal("220.00"), Decimal("70.00"), 5, 9, EXPRESS_COURIER),
    Zone.WORLD: Rate(Zone.WORLD, Decimal("300.00"), Decimal("95.00"), 8, 15, EXPRESS_COURIER),
}


@dataclass(frozen=True)
class Item:
    """One basket or order line as the packer sees it."""

    craft: str
    quantity: int
    weight_kg: Decimal | None = None
    # Rug size from its attributes, to estimate the folded bundle.
    width_cm: Decimal | None = None
    length_cm: Decimal | None = None
    lead_time_days: int = 0

    @property
    def unit_weight_kg(self) -> Decimal:
        if self.weight_kg:
            return Decimal(self.weight_kg)
        return CRAFT_WEIGHT_KG.get(self.craft, DEFAULT_WEIGHT_KG)

    @property
    def unit_volume_cm3(self) -> Decimal:
        if self.craft == "rug" and self.width_cm and self.length_cm:
            return Decimal(self.width_cm) * Decimal(self.length_cm) * RUG_PACKED_THICKNESS_CM
        length, width, height = CRAFT_BOX_CM.get(self.craft, DEFAULT_BOX_CM)
        return Decimal(length * width * height)


@dataclass(frozen=True)
class Parcel:
    actual_kg: Decimal
    volumetric_kg: Decimal
    crates: int

    @property
    def chargeable_kg(self) -> Decimal:
        """The billed weight: the larger of actual and volumetric, up to the next 0.5 kg."""
        heavier = max(self.actual_kg, self.volumetric_kg)
        return (heavier * 2).to_integral_value(rounding=ROUND_CEILING) / 2


def parcel_pack(items: list[Item]) -> Parcel:
    """Pack one cooperative's items: crated crafts in crates, the rest in boxes."""
    crated_kg = sum((i.unit_weight_kg * i.quantity for i in items if i.craft in CRATED_CRAFTS), Decimal(0))
    crates = math.ceil(crated_kg / CRATE_CAPACITY_KG) if crated_kg else 0
    actual = sum((i.unit_weight_kg * i.quantity for i in items), Decimal(0)) + crates * CRATE_TARE_KG
    volume = sum((i.unit_volume_cm3 * i.quantity for i in items), Decimal(0))
    return Parcel(actual_kg=actual, volumetric_kg=volume / VOLUMETRIC_DIVISOR, crates=crates)


def parcel_charge(parcel: Parcel, rate: Rate) -> Decimal:
    """MAD charged for `parcel` at `rate`, crate surcharges included."""
    charge = rate.base_charge + rate.per_kg * parcel.chargeable_kg + CRATE_CHARGE * parcel.crates
    return charge.quantize(Decimal("0.01"))


def delivery_days(items: list[Item], rate: Rate) -> tuple[int, int]:
    """(min, max) days to the door: the slowest item's making time plus the carrier's transit."""
    lead = max((i.lead_time_days for i in items), default=0)
    return lead + rate.days_min, lead + rate.days_max
