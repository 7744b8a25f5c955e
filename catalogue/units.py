"""Sizes and weights in the buyer's measurement system. Stored values are always metric."""

from decimal import ROUND_HALF_UP, Decimal

METRIC, IMPERIAL = "metric", "imperial"
UNIT_SYSTEMS = (METRIC, IMPERIAL)

CM_PER_INCH = Decimal("2.54")
KG_PER_POUND = Decimal("0.45359237")

# Browsers from these regions get inches and pounds unless the buyer chooses otherwise.
_IMPERIAL_REGIONS = {"US", "LR", "MM"}


def units_from_accept_language(header: str) -> str:
    first = (header or "").split(",")[0].split(";")[0].strip().replace("_", "-")
    _language, _, region = first.partition("-")
    return IMPERIAL if region.upper()[:2] in _IMPERIAL_REGIONS else METRIC


def length_text(value, unit: str, system: str) -> str:
    """A length stored in `unit` ("cm" or "mm") as the buyer reads it: 200 cm or 6 ft 7 in."""
    amount = Decimal(str(value))
    if system != IMPERIAL:
        return f"{_plain(amount)} {unit}"
    inches = (amount / 10 if unit == "mm" else amount) / CM_PER_INCH
    if unit == "mm" or inches < 12:
        return f"{_plain(inches.quantize(Decimal('0.1'), ROUND_HALF_UP))} in"
    whole_inches = int(inches.quantize(Decimal("1"), ROUND_HALF_UP))
    feet, rest = divmod(whole_inches, 12)
    return f"{feet} ft {rest} in" if rest else f"{feet} ft"


def weight_text(kilograms, system: str) -> str:
    amount = Decimal(str(kilograms))
    if system != IMPERIAL:
        return f"{_plain(amount.quantize(Decimal('0.1'), ROUND_HALF_UP))} kg"
    return f"{_plain((amount / KG_PER_POUND).quantize(Decimal('0.1'), ROUND_HALF_UP))} lb"


def _plain(amount: Decimal) -> str:
    """Without trailing zeros: 200, 6.5, 0.5."""
    text = f"{amount.normalize():f}"
    return text
