"""Demo reviews of cooperatives, by buyers of the demo orders, through the real rules.

A few guest buyers of `orders.py` "later created an account": their account is made and their
guest orders are linked to it, then each writes a review with `cooperative_review_create`
(which checks the order has shipped) and staff approve most of them, leaving two waiting in the
dashboard's moderation queue. Emma Walker (buyer@souk.test) reviews one cooperative and keeps
the others to review, so her order pages show the "Review this cooperative" link.

Idempotent: a buyer's review of a cooperative is made once; a seed whose buyer has no shipped
order from that cooperative is skipped.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.reviews.rules import APPROVED, FOR_MODERATION
from catalogue.reviews.selectors import cooperative_review_vendor_order
from catalogue.reviews.services import (
    ReviewNotPermitted,
    cooperative_review_create,
    cooperative_reviews_moderate,
)

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Cooperative = get_model("partner", "Cooperative")
CooperativeReview = get_model("partner", "CooperativeReview")


@dataclass(frozen=True)
class ReviewSeed:
    cooperative: str
    email: str
    first_name: str
    last_name: str
    score: int
    title: str
    body: str
    status: int = APPROVED
    language: str = "en"


REVIEWS = (
    ReviewSeed(
        "tifawin",
        "olivia.hart@example.com",
        "Olivia",
        "Hart",
        5,
        "Worth every week of weaving",
        "Our Beni Ourain arrived rolled tight in a cotton sack, with a card signed by the two women "
        "who knotted it. The wool is thick and smelled faintly of sheep for a few days, which we "
        "rather liked. They answered my question about the exact size within a day.",
    ),
    ReviewSeed(
        "tifawin",
        "lena.schmidt@example.com",
        "Lena",
        "Schmidt",
        5,
        "Exactly as photographed",
        "The lozenges, the slight irregularity of the border, the creamy colour: all as in the "
        "pictures. DHL brought it to Berlin in six days and the customs paperwork was already in "
        "the parcel.",
    ),
    ReviewSeed(
        "tifawin",
        "nadia.elidrissi@example.com",
        "Nadia",
        "El Idrissi",
        4,
        "Magnifique, un peu long à arriver",
        "Le tapis est superbe et très doux. Il a fallu presque deux semaines pour Bruxelles, mais la "
        "coopérative m'a tenue au courant à chaque étape.",
        language="fr",
    ),
    ReviewSeed(
        "tiwrga",
        "hugo.martin@example.com",
        "Hugo",
        "Martin",
        5,
        "Des symboles qui racontent quelque chose",
        "La tisserande a joint une petite note expliquant chaque signe de notre tapis Azilal. Emballage "
        "soigné, couleurs encore plus vives qu'en photo.",
        language="fr",
    ),
    ReviewSeed(
        "anzar",
        "mariam.almansoori@example.com",
        "Mariam",
        "Al Mansoori",
        5,
        "ألوان طبيعية تدوم",
        "وصلت الزربية إلى دبي في أسبوع، ملفوفة بعناية ومعها بطاقة تشرح الأصباغ المستعملة: الزعفران "
        "والحناء والفوّة. الألوان دافئة وأجمل مما في الصور، والتعاونية ردّت على أسئلتي بالعربية بسرعة.",
        language="ar",
    ),
    ReviewSeed(
        "anzar",
        "chloe.tremblay@example.com",
        "Chloé",
        "Tremblay",
        5,
        "Un travail d'une finesse rare",
        "Les nœuds sont serrés, le velours court et les couleurs profondes. Livré à Montréal en dix "
        "jours, avec un mot de la coopérative.",
        language="fr",
    ),
    ReviewSeed(
        "nejma-zellige",
        "oliver.bennett@example.com",
        "Oliver",
        "Bennett",
        5,
        "Our bathroom glows",
        "We ordered samples first, then four boxes of the milk white hexagons. They arrived crated, "
        "with only two broken tiles out of hundreds, and our tiler could not stop admiring the cut.",
    ),
    ReviewSeed(
        "rihana",
        "giulia.rossi@example.com",
        "Giulia",
        "Rossi",
        5,
        "Painted by hand, signed underneath",
        "Each plate is slightly different and carries the painter's initials. Packed in straw and "
        "double boxes: nothing chipped on the way to Milan.",
    ),
    ReviewSeed(
        "chems-safi",
        "buyer@souk.test",
        "Emma",
        "Walker",
        5,
        "Straw, double cardboard and a perfect tagine",
        "The tagine survived the trip to New York without a scratch. The glaze is a deep turquoise "
        "and it has already cooked three Sunday dinners.",
    ),
    ReviewSeed(
        "chems-safi",
        "noah.keller@example.com",
        "Noah",
        "Keller",
        4,
        "Beautiful bowls, slow customs",
        "The bowls are lovely and food safe as promised. Swiss customs held the parcel for four days, "
        "which was not the cooperative's fault; they sent the invoice again at once.",
    ),
    ReviewSeed(
        "tazerzit",
        "grace.kim@example.com",
        "Grace",
        "Kim",
        5,
        "Heavy, honest silver",
        "The cuff came stamped, with a note on its silver content and a polishing cloth. You can feel "
        "the hammer marks, which is exactly what I wanted.",
    ),
    ReviewSeed(
        "araar",
        "haruto.sato@example.com",
        "Haruto",
        "Sato",
        5,
        "The smell of thuya",
        "When I opened the box the whole room smelled of thuya. The marquetry is precise and the "
        "carver's name is written inside the lid.",
    ),
    ReviewSeed(
        "blagha",
        "jonas.weber@example.com",
        "Jonas",
        "Weber",
        4,
        "Comfortable from the first day",
        "The babouches fit true to size and the leather softened within a week. A light tannery smell "
        "at first, as the description warns.",
    ),
    ReviewSeed(
        "mesbah",
        "yuki.tanaka@example.com",
        "Yuki",
        "Tanaka",
        5,
        "Arrived assembled and wired",
        "The lantern came fully assembled, wired for our ceiling, and the star pattern throws "
        "beautiful shadows in the evening.",
    ),
    ReviewSeed(
        "khit-errouh",
        "amelia.clarke@example.com",
        "Amelia",
        "Clarke",
        5,
        "Fitted by video call",
        "They took my measurements on a video call and the caftan fits perfectly. The sfifa and the "
        "tiny buttons are a marvel of patience.",
    ),
    ReviewSeed(
        "nakhla",
        "mia.nguyen@example.com",
        "Mia",
        "Nguyen",
        4,
        "Sturdy basket, lovely pompoms",
        "Bigger than I expected and very sturdy. Took three weeks to Sydney.",
        status=FOR_MODERATION,
    ),
    ReviewSeed(
        "blagha",
        "lucia.garcia@example.com",
        "Lucía",
        "García",
        3,
        "Bonitas pero pequeñas",
        "Las babuchas son preciosas, pero pedid una talla más: me quedan justas.",
        status=FOR_MODERATION,
        language="es",
    ),
)


def _buyer_ensure(seed: ReviewSeed, *, password: str):
    """The buyer's account, created once; their guest orders become the account's orders."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=seed.email, defaults={"first_name": seed.first_name, "last_name": seed.last_name}
    )
    if created:
        user.set_password(password)
        user.save()
    # Guest emails in the demo orders are spelled without accents only where ASCII allows.
    guest_emails = {seed.email, seed.email.replace("chloe", "chloé").replace("lucia.garcia", "lucía.garcía")}
    Order.objects.filter(user=None, guest_email__in=guest_emails).update(user=user, guest_email="")
    return user


def cooperative_reviews_load(*, progress: Callable[[str], None] = logger.info) -> int:
    """Create the demo reviews that are missing; returns how many were created."""
    from .loader import DEMO_PASSWORD

    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    cooperatives = {c.slug: c for c in Cooperative.objects.filter(slug__in={s.cooperative for s in REVIEWS})}
    created = 0
    for seed in REVIEWS:
        cooperative = cooperatives.get(seed.cooperative)
        if cooperative is None:
            continue
        user = _buyer_ensure(seed, password=DEMO_PASSWORD)
        if CooperativeReview.objects.filter(cooperative=cooperative, user=user).exists():
            continue
        vendor_order = cooperative_review_vendor_order(cooperative=cooperative, user=user)
        try:
            review = cooperative_review_create(
                cooperative=cooperative,
                user=user,
                score=seed.score,
                title=seed.title,
                body=seed.body,
                language=seed.language,
            )
        except ReviewNotPermitted:
            logger.info("No shipped order from %s for %s: review skipped", seed.cooperative, seed.email)
            continue
        # Written a few days after the parcel arrived, not on the day the demo was loaded.
        written = min(
            (vendor_order.delivered_at or vendor_order.shipped_at) + timedelta(days=4), timezone.now()
        )
        CooperativeReview.objects.filter(pk=review.pk).update(date_created=written)
        if seed.status != review.status:
            cooperative_reviews_moderate(
                reviews=CooperativeReview.objects.filter(pk=review.pk), status=seed.status, moderator=admin
            )
        created += 1
    progress(f"Cooperative reviews: {created} written")
    return created
