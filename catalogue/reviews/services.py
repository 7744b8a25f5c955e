"""Write side of buyer reviews of cooperatives (reviews of pieces are Oscar's, with the same
rules: `catalogue.reviews.rules`)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from .rules import STATUS_CHOICES, review_initial_status, review_text_clean
from .selectors import cooperative_review_permitted, cooperative_review_vendor_order

CooperativeReview = get_model("partner", "CooperativeReview")


class ReviewNotPermitted(Exception):
    """The user may not review this cooperative (never bought from it, or already reviewed)."""


@transaction.atomic
def cooperative_review_create(*, cooperative, user, score: int, title: str, body: str, language: str = ""):
    """Record `user`'s review of `cooperative`, waiting for moderation (or published at once
    when `OSCAR_MODERATE_REVIEWS` is off). Title and text are stored as plain text; `language`
    is the site language the buyer wrote in.

    Raises ReviewNotPermitted unless `user` has a shipped or delivered order from it and has
    not reviewed it yet; the database's one-review-per-buyer constraint settles a double submit.
    """
    if not cooperative_review_permitted(cooperative=cooperative, user=user):
        raise ReviewNotPermitted
    review = CooperativeReview(
        cooperative=cooperative,
        user=user,
        vendor_order=cooperative_review_vendor_order(cooperative=cooperative, user=user),
        score=score,
        title=review_text_clean(title, multiline=False),
        body=review_text_clean(body),
        language=language,
        status=review_initial_status(),
    )
    review.full_clean()
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as error:
        raise ReviewNotPermitted from error
    return review


@transaction.atomic
def cooperative_reviews_moderate(*, reviews, status: int, moderator) -> int:
    """Approve, reject or send back to moderation the cooperative reviews in `reviews` (a
    queryset); returns how many changed. Only approved reviews are ever shown to buyers."""
    if status not in dict(STATUS_CHOICES):
        raise ValueError(f"unknown review status {status!r}")
    return reviews.exclude(status=status).update(
        status=status, moderated_by=moderator, moderated_at=timezone.now()
    )
