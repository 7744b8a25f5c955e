from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.reviews.rules import STATUS_CHOICES


class CooperativeReviewSearchForm(forms.Form):
    status = forms.TypedChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *STATUS_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    keyword = forms.CharField(label=_("Keyword"), max_length=100, required=False)


class CooperativeReviewStatusForm(forms.Form):
    status = forms.TypedChoiceField(label=_("New status"), choices=STATUS_CHOICES, coerce=int)
