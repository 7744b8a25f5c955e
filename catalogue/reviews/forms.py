"""Review forms: Oscar's product review form and ours for cooperatives, cleaned and limited
alike (`catalogue.reviews.rules.ReviewTextFormMixin`)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.forms import ProductReviewForm as OscarProductReviewForm
from oscar.apps.catalogue.reviews.forms import SortReviewsForm, VoteForm

from .rules import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, ReviewTextFormMixin, score_field

__all__ = ["CooperativeReviewForm", "ProductReviewForm", "SortReviewsForm", "VoteForm"]


class ProductReviewForm(ReviewTextFormMixin, OscarProductReviewForm):
    """Oscar's form with one to five stars (no zero) and plain-text title and body."""

    score = score_field()


class CooperativeReviewForm(ReviewTextFormMixin, forms.Form):
    score = score_field()
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("In a few words, e.g. “Beautifully packed, quick to answer”."),
    )
    body = forms.CharField(
        label=_("Your review"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("How was buying from them: the piece, the packing, their messages, the delivery?"),
    )
