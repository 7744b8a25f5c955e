"""Read side of buyer reviews, of pieces (Oscar's ProductReview) and of cooperatives
(`vendors.models.CooperativeReview`): only buyers who bought may review, once, and only
approved reviews are public. The rules both share are in `catalogue.reviews.rules`.
"""

from django.db.models import Count, Exists, OuterRef, Q, Sum, Value
from oscar.core.loading import get_model

from .rules import Rating, rating_from

Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")
Cooperative = get_model("partner", "Cooperative")
CooperativeReview = get_model("partner", "CooperativeReview")
VendorOrder = get_model("ledger", "VendorOrder")

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
    not reviewed it yet. Anonymous reviews are never allowed, whatever Oscar's setting says.
    Answered from `product_viewer_review_annotations` when the product was loaded with them."""
    if product is None or not user.is_authenticated:
        return False
    if getattr(product, "viewer_id", None) == user.pk and "viewer_reviewed" in product.__dict__:
        return product.viewer_bought and not product.viewer_reviewed
    if ProductReview.objects.filter(product=product, user=user).exists():
        return False
    return product_bought_by(product=product, user=user)


def product_viewer_review_annotations(*, user) -> dict:
    """Annotations for a product queryset telling `product_review_permitted` about the
    signed-in `user` without a query of its own: whether they bought each product, whether
    they reviewed it, and who they are (`viewer_id`)."""
    return {
        "viewer_id": Value(user.pk),
        "viewer_bought": Exists(
            Line.objects.filter(
                order__user=user, order__status__in=REVIEWABLE_ORDER_STATUSES, product=OuterRef("pk")
            )
        ),
        "viewer_reviewed": Exists(ProductReview.objects.filter(product=OuterRef("pk"), user=user)),
    }


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


# --- Cooperatives -------------------------------------------------------------------------
# A buyer reviews a cooperative for how it made, packed and sent the order, so the parcel
# must be on its way or delivered; cancelled and refunded vendor orders never count. (Many
# parcels are never marked delivered by the carrier, so shipped is enough.)
REVIEWABLE_VENDOR_ORDER_STATUSES = (VendorOrder.Status.SHIPPED, VendorOrder.Status.DELIVERED)


def cooperative_review_vendor_order(*, cooperative, user):
    """The buyer's most recent shipped or delivered vendor order from `cooperative`, or None."""
    if not user.is_authenticated:
        return None
    return (
        VendorOrder.objects.filter(
            partner_id=cooperative.partner_id,
            order__user=user,
            status__in=REVIEWABLE_VENDOR_ORDER_STATUSES,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def cooperative_review_by(*, cooperative, user):
    """`user`'s review of `cooperative` (whatever its status), or None."""
    if not user.is_authenticated:
        return None
    return CooperativeReview.objects.filter(cooperative=cooperative, user=user).first()


def cooperative_review_permitted(*, cooperative, user) -> bool:
    """Whether `user` may review `cooperative`: a signed-in buyer with a shipped or delivered
    order from it who has not reviewed it yet, and a cooperative that is selling (verified)."""
    if cooperative is None or not user.is_authenticated or not cooperative.is_verified:
        return False
    # One query: a shipped order from it, and no review of it yet.
    reviewed = CooperativeReview.objects.filter(cooperative=cooperative, user=user)
    return (
        VendorOrder.objects.filter(
            partner_id=cooperative.partner_id, order__user=user, status__in=REVIEWABLE_VENDOR_ORDER_STATUSES
        )
        .filter(~Exists(reviewed))
        .exists()
    )


def cooperative_reviews_approved(*, cooperative):
    """The cooperative's published reviews, newest first."""
    return (
        CooperativeReview.objects.approved()
        .filter(cooperative=cooperative)
        .select_related("user")
        .order_by("-date_created", "-pk")
    )


def cooperative_rating(*, cooperative) -> Rating:
    """Average score and number of the cooperative's approved reviews (one query)."""
    totals = (
        CooperativeReview.objects.approved()
        .filter(cooperative=cooperative)
        .aggregate(total=Sum("score"), count=Count("pk"))
    )
    return rating_from(total=totals["total"], count=totals["count"])


def order_cooperatives_to_review(*, order, user) -> set[int]:
    """Ids of the cooperatives on `order` that `user` (its buyer) may review now, for the
    "Review this cooperative" links of the order page."""
    if not user.is_authenticated or order.user_id != user.pk:
        return set()
    shipped = set(
        VendorOrder.objects.filter(
            order=order,
            status__in=REVIEWABLE_VENDOR_ORDER_STATUSES,
            partner__cooperative__status=Cooperative.Status.VERIFIED,
        ).values_list("partner__cooperative", flat=True)
    )
    reviewed = set(
        CooperativeReview.objects.filter(user=user, cooperative__in=shipped).values_list(
            "cooperative_id", flat=True
        )
    )
    return shipped - reviewed


def cooperative_reviews_for_moderation(*, status: int | None = None, query: str = ""):
    """Cooperative reviews for the staff dashboard, newest first, optionally by status or by a
    word of the title, text, cooperative or buyer's email."""
    reviews = CooperativeReview.objects.select_related("cooperative", "user", "vendor_order").order_by(
        "-date_created", "-pk"
    )
    if status is not None:
        reviews = reviews.filter(status=status)
    if query:
        reviews = reviews.filter(
            Q(title__icontains=query)
            | Q(body__icontains=query)
            | Q(cooperative__name__icontains=query)
            | Q(user__email__icontains=query)
        )
    return reviews
