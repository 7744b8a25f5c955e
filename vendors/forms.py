from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from .regions import Region

ProductClass = get_model("catalogue", "ProductClass")


class CooperativeFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("All regions"))])
    craft = forms.ChoiceField(label=_("Craft"), required=False, choices=[("", _("All crafts"))])
    women_led = forms.BooleanField(label=_("Women-led only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["craft"].choices = [
            ("", _("All crafts")),
            *ProductClass.objects.order_by("name").values_list("slug", "name"),
        ]
