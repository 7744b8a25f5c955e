"""Read-side queries of cooperatives."""

from django.db.models import Count, Q, QuerySet
from oscar.core.loading import get_model

Cooperative = get_model("partner", "Cooperative")


def cooperative_public_list(*, region: str = "", craft: str = "", women_led: bool = False) -> QuerySet:
    """Verified cooperatives buyers can browse, with how many public products each lists."""
    cooperatives = (
        Cooperative.objects.verified()
        .prefetch_related("crafts")
        .annotate(
            product_count=Count(
                "partner__stockrecords__product",
                filter=Q(partner__stockrecords__product__is_public=True),
                distinct=True,
            )
        )
    )
    if region:
        cooperatives = cooperatives.filter(region=region)
    if craft:
        cooperatives = cooperatives.filter(crafts__slug=craft)
    if women_led:
        cooperatives = cooperatives.filter(is_women_led=True)
    return cooperatives.order_by("name")


def cooperative_public_detail(*, slug: str):
    """A verified cooperative by slug, or None: suspended or unverified ones are not public."""
    return Cooperative.objects.verified().prefetch_related("crafts").filter(slug=slug).first()


def order_lines_for_user(*, order, user):
    """The lines of `order` a user may see: all for platform staff, their partners' otherwise."""
    lines = order.lines.select_related("partner", "product", "stockrecord")
    if user.is_staff:
        return lines
    return lines.filter(partner__users=user)
