"""Zellige is sold by the box but bought by the area: how many boxes cover a floor or wall.

Plain arithmetic on Decimals, no database; the product page, the basket form and the
calculator's JavaScript (which only mirrors it) all rely on `zellige_boxes`.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

DEFAULT_WASTE_PERCENT = Decimal("10")
MAX_WASTE_PERCENT = Decimal("50")
MAX_AREA_M2 = Decimal("10000")


class ZelligeAreaError(ValueError):
    pass


@dataclass(frozen=True)
class ZelligeQuote:
    area_m2: Decimal
    waste_percent: Decimal
    area_with_waste_m2: Decimal
    boxes: int
    covered_m2: Decimal
    total_price: Decimal | None


def _decimal(value, name: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as exc:
        raise ZelligeAreaError(_("%(name)s must be a number.") % {"name": name}) from exc
    if not number.is_finite():
        raise ZelligeAreaError(_("%(name)s must be a number.") % {"name": name})
    return number


def zellige_boxes(
    *,
    area_m2,
    coverage_per_box_m2,
    waste_percent=DEFAULT_WASTE_PERCENT,
    box_price: Decimal | None = None,
) -> ZelligeQuote:
    """Boxes needed to tile `area_m2` with `waste_percent` extra for cuts and breakage.

    Always rounds up to whole boxes: 10 m² with 10 % waste at 1 m² a box is 11 boxes,
    10.01 m² is 12. Raises ZelligeAreaError for an area that is not positive (or absurdly
    large), a waste allowance outside 0–50 %, or a box that covers nothing.
    """
    area = _decimal(area_m2, _("The area"))
    waste = _decimal(waste_percent, _("The waste allowance"))
    coverage = _decimal(coverage_per_box_m2, _("The coverage per box"))
    if area <= 0:
        raise ZelligeAreaError(_("The area must be more than 0 m²."))
    if area > MAX_AREA_M2:
        raise ZelligeAreaError(_("For more than 10,000 m², ask the cooperative for a quote."))
    if not Decimal("0") <= waste <= MAX_WASTE_PERCENT:
        raise ZelligeAreaError(_("The waste allowance must be between 0 and 50 %."))
    if coverage <= 0:
        raise ZelligeAreaError(_("This tile has no coverage per box."))
    needed = area * (1 + waste / 100)
    boxes = int((needed / coverage).to_integral_value(rounding=ROUND_CEILING))
    total = None
    if box_price is not None:
        total = (Decimal(box_price) * boxes).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return ZelligeQuote(
        area_m2=area,
        waste_percent=waste,
        area_with_waste_m2=needed.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        boxes=boxes,
        covered_m2=(coverage * boxes).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        total_price=total,
    )
