from django.db.models import Q
from oscar.core.loading import get_model

Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")

# Orders whose money has been taken: a buyer of one of these has the piece (or is about to).
REVIEWABLE_ORDER_STATUSES = ("Paid", "Partially refunded", "Complete")


def product_bought_by(*, product, user) -> bool:
    """True when `user` has a paid or completed order with a line for `product`."""
    if not user.is_authenticated:
        return False
    return Line.objects.filter(
        order__user=user,
        order__status__in=REVIEWABLE_ORDER_STATUSES,
        product=product,
    ).exists()


def product_review_permitted(*, product, user) -> bool:
    """Whether `user` may write a review of `product`: a signed-in buyer who bought it and has
    not reviewed it yet. Anonymous reviews are never allowed, whatever Oscar's setting says."""
    if product is None or not user.is_authenticated:
        return False
    if ProductReview.objects.filter(product=product, user=user).exists():
        return False
    return product_bought_by(product=product, user=user)


def product_reviews_approved(*, product):
    """The product's published reviews, newest first."""
    return (
        ProductReview.objects.approved()
        .filter(product=product)
        .select_related("user")
        .order_by("-date_created")
    )


def product_reviews_visible(*, product_pk: int, user):
    """Reviews of the product a reader may open one by one: published ones, plus their own."""
    visible = Q(status=ProductReview.APPROVED)
    if user.is_authenticated:
        visible |= Q(user=user)
    return ProductReview.objects.filter(visible, product_id=product_pk, product__is_public=True)
