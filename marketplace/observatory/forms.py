"""The observatory's filter form: a GET form that keeps its values and falls back to defaults."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue.money import SUPPORTED_CURRENCIES
from checkout.destination import COUNTRY_CODES, country_name

from .models import Device
from .selectors import Period, period_default

# A year and a bit is what a chart of months shows well; longer asks the database for more.
MAX_DAYS = 3 * 366


class ObservatoryFilterForm(forms.Form):
    """Date range and filters; `fields` names the filters a view uses beyond the dates."""

    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    country = forms.ChoiceField(label=_("Country"), required=False)
    craft = forms.ChoiceField(label=_("Craft"), required=False)
    currency = forms.ChoiceField(label=_("Currency paid"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    device = forms.ChoiceField(label=_("Device"), required=False)

    FILTERS = ("country", "craft", "currency", "language", "device")

    def __init__(self, data=None, *, fields=("country",), today=None, **kwargs):
        super().__init__(data, **kwargs)
        self.default = period_default(today=today)
        for name in self.FILTERS:
            if name not in fields:
                del self.fields[name]
        everything = [("", _("All"))]
        if "country" in self.fields:
            names = sorted(((code, country_name(code)) for code in COUNTRY_CODES), key=lambda pair: pair[1])
            self.fields["country"].choices = everything + names
        if "craft" in self.fields:
            crafts = (
                get_model("catalogue", "ProductClass").objects.order_by("name").values_list("slug", "name")
            )
            self.fields["craft"].choices = everything + list(crafts)
        if "currency" in self.fields:
            self.fields["currency"].choices = everything + [(code, code) for code in SUPPORTED_CURRENCIES]
        if "language" in self.fields:
            self.fields["language"].choices = everything + list(settings.LANGUAGES)
        if "device" in self.fields:
            self.fields["device"].choices = everything + list(Device.choices)
        self.fields["start"].widget.attrs["placeholder"] = self.default.start.isoformat()
        self.fields["end"].widget.attrs["placeholder"] = self.default.end.isoformat()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        if start and end and (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(_("Choose at most three years."))
        return cleaned

    def period(self) -> Period:
        """The chosen period, the last 12 months by default (or when the dates are invalid)."""
        if not self.is_bound or not self.is_valid():
            return self.default
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start and not end:
            end = min(start + timedelta(days=365), self.default.end)
            end = max(end, start)
        if end and not start:
            start = end - timedelta(days=364)
        return Period(start=start or self.default.start, end=end or self.default.end)

    def filters(self) -> dict:
        """The chosen filters of this view, "" for all. A valid filter is kept when the dates are
        not: validation leaves the fields that passed in cleaned_data."""
        cleaned = {}
        if self.is_bound:
            self.is_valid()
            cleaned = self.cleaned_data
        return {name: cleaned.get(name) or "" for name in self.FILTERS if name in self.fields}
