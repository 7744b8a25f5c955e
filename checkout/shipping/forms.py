from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from checkout.models import RATE_MAX_BASE_CHARGE, RATE_MAX_DAYS, RATE_MAX_PER_KG

CRAFT_LABELS = {
    "rug": _("rug"),
    "zellige": _("box of zellige"),
    "ceramics": _("ceramic piece"),
    "leather": _("leather piece"),
    "lighting": _("lamp"),
    "jewellery": _("piece of jewellery"),
    "woodwork": _("woodwork piece"),
    "textiles": _("textile"),
    "basketry": _("basket"),
}
EXAMPLE_CRAFT = "rug"
EXAMPLE_WEIGHT_KG = Decimal(4)

MISSING = _("Needed for your own rate. Empty the whole row to charge the platform default.")


def _money_field(label, limit: Decimal):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        # Whole dirhams in the message ("At most 5000 MAD"), the same bound.
        max_value=Decimal(int(limit)),
        max_digits=12,
        decimal_places=2,
        error_messages={
            "min_value": _("A charge cannot be negative."),
            "max_value": _("At most %(limit_value)s MAD: check for an extra zero."),
            "max_decimal_places": _("Dirhams and centimes only (two decimals)."),
            "invalid": _("Enter an amount in MAD, e.g. 180 or 55.50."),
        },
        widget=forms.NumberInput(
            attrs={"step": "0.01", "min": "0", "max": str(limit), "inputmode": "decimal"}
        ),
    )


def _days_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=RATE_MAX_DAYS,
        error_messages={
            "min_value": _("At least one day."),
            "max_value": _("At most %(limit_value)s days."),
            "invalid": _("A whole number of days."),
        },
        widget=forms.NumberInput(attrs={"min": "1", "max": str(RATE_MAX_DAYS), "inputmode": "numeric"}),
    )


class ZoneRateForm(forms.Form):
    """A cooperative's own rate to one zone (form prefix = zone); an empty row means the platform default."""

    method_name = forms.CharField(label=_("Carrier or service"), max_length=80, required=False)
    base_charge = _money_field(_("Per parcel (MAD)"), RATE_MAX_BASE_CHARGE)
    per_kg = _money_field(_("Per kg (MAD)"), RATE_MAX_PER_KG)
    days_min = _days_field(_("Days, at least"))
    days_max = _days_field(_("Days, at most"))

    NUMBERS = ("base_charge", "per_kg", "days_min", "days_max")

    def clean(self):
        data = super().clean()
        typed = [name for name in self.NUMBERS if name in self.errors or data.get(name) is not None]
        if not typed and not (data.get("method_name") or "").strip():
            data["use_default"] = True
            return data
        data["use_default"] = False
        # Every mistake of the row at once, so one correction is enough.
        for name in self.NUMBERS:
            if name not in self.errors and data.get(name) is None:
                self.add_error(name, MISSING)
        if data.get("days_min") and data.get("days_max") and data["days_min"] > data["days_max"]:
            self.add_error("days_max", _("Cannot be shorter than the shortest delivery time."))
        return data

    def _post_clean(self):
        super()._post_clean()
        # Mark the fields to fix, so the row shows them and screen readers announce them.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"

    def rate_fields(self) -> dict | None:
        """What `shipping_rate_set` needs, or None for the platform default."""
        if self.cleaned_data.get("use_default"):
            return None
        return {
            name: self.cleaned_data[name]
            for name in ("method_name", "base_charge", "per_kg", "days_min", "days_max")
        }


class ExampleParcelForm(forms.Form):
    """The piece the page prices for every zone (GET): a craft and its weight."""

    craft = forms.ChoiceField(label=_("Example piece"), choices=list(CRAFT_LABELS.items()))
    weight_kg = forms.DecimalField(
        label=_("Weight (kg)"),
        min_value=Decimal("0.1"),
        max_value=Decimal(500),
        max_digits=6,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.1", "min": "0.1", "max": "500", "inputmode": "decimal"}),
    )

    def example(self) -> tuple[str, Decimal]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["craft"], self.cleaned_data["weight_kg"]
        return EXAMPLE_CRAFT, EXAMPLE_WEIGHT_KG
