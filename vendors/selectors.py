"""Read-side queries of cooperatives."""

from django.core import signing
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


# --- Applications ---------------------------------------------------------------------------

CooperativeApplication = get_model("partner", "CooperativeApplication")

AMEND_SALT = "vendors.application-amend"
AMEND_MAX_AGE = 60 * 60 * 24 * 30


def application_amend_token(*, application) -> str:
    """A signed token for the applicant's amend link, valid for this round of questions only."""
    return signing.dumps({"a": application.pk, "r": application.revision}, salt=AMEND_SALT, compress=True)


def application_for_amend_token(*, token: str):
    """The application a token opens for amending, or None when the token is forged, older than
    30 days, or from an earlier round (the application was decided or resubmitted since)."""
    try:
        payload = signing.loads(token, salt=AMEND_SALT, max_age=AMEND_MAX_AGE)
    except signing.BadSignature:
        return None
    return (
        CooperativeApplication.objects.filter(
            pk=payload.get("a"),
            revision=payload.get("r"),
            status=CooperativeApplication.Status.INFORMATION_REQUESTED,
        )
        .prefetch_related("crafts", "documents")
        .first()
    )


def application_queue(*, status: str = "") -> QuerySet:
    """Applications for the staff review queue, oldest waiting first; all open ones by default."""
    applications = CooperativeApplication.objects.prefetch_related("crafts").annotate(
        document_count=Count("documents")
    )
    if status:
        return applications.filter(status=status).order_by("submitted_at", "pk")
    return applications.filter(
        status__in=[
            CooperativeApplication.Status.SUBMITTED,
            CooperativeApplication.Status.INFORMATION_REQUESTED,
        ]
    ).order_by("submitted_at", "pk")


def application_status_counts() -> dict[str, int]:
    """How many applications are in each status (every status present, zero included)."""
    counts = dict.fromkeys(CooperativeApplication.Status.values, 0)
    for row in CooperativeApplication.objects.values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def application_detail(*, pk: int):
    """One application with what its review page shows, or None."""
    return (
        CooperativeApplication.objects.select_related("cooperative")
        .prefetch_related("crafts", "documents", "decisions__by")
        .filter(pk=pk)
        .first()
    )
