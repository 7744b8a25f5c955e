from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PayoutAccount, VendorOrder
from .rib import rib_normalize


class VendorOrderFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *VendorOrder.Status.choices]
    )
    q = forms.CharField(label=_("Order or tracking number"), required=False, max_length=80)


class ShipForm(forms.Form):
    carrier = forms.CharField(
        label=_("Carrier"), max_length=80, help_text=_("e.g. Amana, DHL Express, Aramex")
    )
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=80)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why can't you fulfil it?"), widget=forms.Textarea(attrs={"rows": 2}))


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (MAD)"), max_digits=12, decimal_places=2, min_value=0.01)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, vendor_order: VendorOrder, refundable, **kwargs):
        super().__init__(*args, **kwargs)
        self.vendor_order = vendor_order
        self.fields["amount"].initial = refundable
        self.fields["amount"].help_text = _("At most %(amount)s MAD.") % {"amount": refundable}
        self.line_fields = []
        for line in vendor_order.lines:
            name = f"restock_{line.pk}"
            self.fields[name] = forms.IntegerField(
                label=line.title, required=False, min_value=0, max_value=line.quantity, initial=0
            )
            self.line_fields.append((line, name))

    def restock_lines(self) -> dict[int, int]:
        return {
            line.pk: self.cleaned_data.get(name) or 0
            for line, name in self.line_fields
            if self.cleaned_data.get(name)
        }


class PayoutAccountForm(forms.ModelForm):
    class Meta:
        model = PayoutAccount
        fields = ["rail", "account_holder", "bank_name", "rib", "bic", "stripe_account_id"]
        widgets = {
            "rib": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 40})
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # People copy RIBs with spaces: the length and key are checked once normalised.
        self.fields["rib"].max_length = 40
        self.fields["rib"].validators = []

    def clean_rib(self):
        return rib_normalize(self.cleaned_data.get("rib", ""))


class PayoutBatchForm(forms.Form):
    cut_off = forms.DateField(
        label=_("Pay what was settled up to (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_cut_off(self):
        day = self.cleaned_data["cut_off"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The cut-off cannot be in the future."))
        return day

    def cut_off_datetime(self) -> datetime:
        moment = timezone.make_aware(datetime.combine(self.cleaned_data["cut_off"], time.max))
        return min(moment, timezone.now())
