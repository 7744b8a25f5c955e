"""What every buyer review on Souk shares, of a piece (Oscar's ProductReview) or of a
cooperative (`vendors.models.CooperativeReview`): scores, lengths, text cleaning, moderation
statuses and the rating summary.

No Django models here, so `vendors.models` can import it while the app registry loads.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

# Oscar's ProductReview values, so moderation code and templates treat both kinds alike.
FOR_MODERATION, APPROVED, REJECTED = 0, 1, 2
STATUS_CHOICES = (
    (FOR_MODERATION, _("Requires moderation")),
    (APPROVED, _("Approved")),
    (REJECTED, _("Rejected")),
)


def review_initial_status() -> int:
    """A new review waits for staff when `OSCAR_MODERATE_REVIEWS` is on (Oscar's rule)."""
    return FOR_MODERATION if settings.OSCAR_MODERATE_REVIEWS else APPROVED


SCORE_MIN, SCORE_MAX = 1, 5
TITLE_MAX_LENGTH = 120
BODY_MIN_LENGTH = 10
BODY_MAX_LENGTH = 3000

# Control and format characters (bidi overrides, invisible marks) have no business in a
# review: they can disguise text or reverse it on screen. Newlines and tabs stay, and so do
# the zero-width (non-)joiners some scripts and emoji need.
_KEEP = {"\n", "\t", "\u200c", "\u200d"}
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+")


def review_text_clean(text: str, *, multiline: bool = True) -> str:
    """`text` as plain text: tags removed, invisible control characters dropped, spaces
    collapsed, at most one blank line between paragraphs (one line when not `multiline`).

    Templates escape it again when they show it; this keeps markup and tricks out of what is
    stored, which emails, the dashboard and JSON-LD also read.
    """
    text = strip_tags(text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in _KEEP or not unicodedata.category(ch).startswith("C"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    if not multiline:
        return " ".join(line for line in lines if line)
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class ReviewTextFormMixin:
    """Cleans a review form's `title` and `body` with `review_text_clean` and holds them to
    the shared lengths (the database keeps what Oscar's model allows; these are ours)."""

    def clean_title(self):
        title = review_text_clean(self.cleaned_data.get("title", ""), multiline=False)
        if not title:
            raise forms.ValidationError(_("Give your review a title."))
        if len(title) > TITLE_MAX_LENGTH:
            raise forms.ValidationError(
                _("Keep the title under %(max)d characters.") % {"max": TITLE_MAX_LENGTH}
            )
        return title

    def clean_body(self):
        body = review_text_clean(self.cleaned_data.get("body", ""))
        if len(body) < BODY_MIN_LENGTH:
            raise forms.ValidationError(
                _("Tell other buyers a little more (at least %(min)d characters).") % {"min": BODY_MIN_LENGTH}
            )
        if len(body) > BODY_MAX_LENGTH:
            raise forms.ValidationError(
                _("Keep your review under %(max)d characters.") % {"max": BODY_MAX_LENGTH}
            )
        return body


def score_field() -> forms.TypedChoiceField:
    """The 1–5 star choice both review forms ask for (radio buttons in the templates)."""
    return forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(value, value) for value in range(SCORE_MIN, SCORE_MAX + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose from one to five stars.")},
    )


@dataclass(frozen=True)
class Rating:
    """The average score (one decimal) and number of approved reviews; no average without reviews."""

    average: Decimal | None
    count: int


def rating_from(*, total: int | None, count: int) -> Rating:
    if not count:
        return Rating(average=None, count=0)
    average = (Decimal(total) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Rating(average=average, count=count)
