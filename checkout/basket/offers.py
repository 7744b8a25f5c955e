"""Site offers for pricing baskets, looked up once and asked about a product without a query.

Oscar's Applicator reads the open site offers on every request that touches a priced basket,
and then each condition and benefit loads its range again (its `proxy()` is a fresh
instance), and each range asks the database whether each line's product belongs to it, for
the condition, the benefit and the upsell message in turn: about ten queries for a basket of
two pieces and one offer. Here:

- The open site offers, with their condition, benefit and range, are kept in the cache until
  any row of Oscar's offer app changes (an offer, a range, its products, a condition, a
  benefit) and read back in their date window, so an offer still starts and ends on time.
- Each offer's condition and benefit are its proxies, sharing one range object, so `proxy()`
  returns them as they are.
- A range that includes every product bar some (the usual "10% off everything") answers from
  the ids it excludes; any other range looks up the basket's products in one query, through
  Oscar's own `Range.product_queryset`. Either answer is given to the range through Oscar's
  hook for custom ranges (`Range.proxy`), so `contains_product` asks no more; a product the
  answer does not cover is looked up as Oscar does.

A basket's voucher offers are looked up as Oscar does (`get_basket_offers`; a basket known to
hold no voucher asks nothing) and then prepared and told about the basket the same way.
"""

from dataclasses import dataclass
from itertools import chain

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from marketplace.cache import cache_version, cache_version_bump

OscarApplicator = get_class("offer.applicator", "Applicator")
ConditionalOffer = get_model("offer", "ConditionalOffer")

CACHE_VERSION_KEY = "basket:site-offers:version"
CACHE_TTL = 300


@dataclass(frozen=True)
class RangeFacts:
    """What can be told about a range's products without asking the database per product:
    `all_but` is the ids a range including every product excludes, or None for any other range
    (or one that also excludes categories)."""

    all_but: frozenset | None


class RangeMembership:
    """A range's answer to "is this product in it?" for one basket (Oscar's `Range.proxy` hook).

    `members` holds the ids known to be in, `decided` the ids whose answer is known; others
    are looked up as Oscar does (unless `facts` tell)."""

    def __init__(self, range_, *, facts: RangeFacts, members=frozenset(), decided=frozenset()):
        self._range = range_
        self.facts = facts
        self.members = members
        self.decided = decided

    def contains_product(self, product) -> bool:
        if self.facts.all_but is not None:
            return product.pk not in self.facts.all_but
        if product.pk in self.decided:
            return product.pk in self.members
        return self._range.product_queryset.filter(pk=product.pk).exists()

    def all_products(self):
        return self._range.product_queryset

    def num_products(self):
        if self._range.includes_all_products:
            return None
        return self._range.product_queryset.count()


def offers_forget(**kwargs) -> None:
    """Forget the cached site offers (a signal receiver: takes **kwargs): now, for the rest of
    this transaction, and again once it commits, in case another request cached the offers as
    they were meanwhile."""
    if kwargs.get("raw"):
        return
    cache_version_bump(CACHE_VERSION_KEY)
    transaction.on_commit(lambda: cache_version_bump(CACHE_VERSION_KEY))


def site_offers() -> tuple[list, dict[int, RangeFacts]]:
    """The open site offers in their date window, highest priority first, prepared (see
    `offer_prepare`), and {range id: RangeFacts} of their ranges."""
    version = cache_version(CACHE_VERSION_KEY)
    key = f"basket:site-offers:{version}"
    stored = cache.get(key)
    if stored is None:
        stored = _site_offers_load()
        cache.set(key, stored, CACHE_TTL)
    offers, facts = stored
    now = timezone.now()
    return [offer for offer in offers if _in_window(offer, now)], facts


def _site_offers_load() -> tuple[list, dict[int, RangeFacts]]:
    """The open site offers not over yet (their start is checked on reading), prepared, and
    the facts of their ranges. Cached as one pickle, so the ranges stay shared when read back."""
    now = timezone.now()
    offers = list(
        ConditionalOffer.objects.filter(offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN)
        .exclude(end_datetime__lt=now)
        .select_related("condition__range", "benefit__range")
        .order_by("-priority", "pk")
    )
    ranges = {}
    for offer in offers:
        offer_prepare(offer, ranges=ranges)
    return offers, {pk: _range_facts(range_) for pk, range_ in ranges.items()}


def offer_prepare(offer, *, ranges: dict) -> None:
    """Give `offer` its condition and benefit as proxies (so Oscar's `proxy()` returns them as
    they are) sharing the range objects in `ranges` ({id: range}, filled as it goes)."""
    offer.condition = _part_prepare(offer.condition, ranges)
    offer.benefit = _part_prepare(offer.benefit, ranges)


def _part_prepare(part, ranges: dict):
    # The range is read before proxy(), which copies the fields but not the loaded relations.
    range_ = part.range if part.range_id is not None else None
    proxy = part.proxy()
    if range_ is not None:
        proxy.range = ranges.setdefault(range_.pk, range_)
    return proxy


def _range_facts(range_) -> RangeFacts:
    if range_.proxy_class or not range_.includes_all_products or range_.excluded_categories.exists():
        return RangeFacts(all_but=None)
    return RangeFacts(all_but=frozenset(range_.excluded_products.values_list("pk", flat=True)))


def _in_window(offer, now) -> bool:
    starts, ends = offer.start_datetime, offer.end_datetime
    return (starts is None or starts <= now) and (ends is None or now <= ends)


def ranges_decide(offers, *, product_ids, facts: dict | None = None) -> None:
    """Tell each range of `offers` (prepared) which of `product_ids` it holds: from its facts,
    or in one query per range that has no simple answer, for the ids it was not told about yet.
    `facts` ({range id: RangeFacts}) may be left out for ranges told before. Ranges with a
    custom class keep it."""
    product_ids = frozenset(product_ids)
    for range_ in _ranges_of(offers):
        known = range_.proxy if isinstance(range_.proxy, RangeMembership) else None
        range_facts = (facts or {}).get(range_.pk) or (known.facts if known else RangeFacts(all_but=None))
        members, decided = (known.members, known.decided) if known else (frozenset(), frozenset())
        undecided = product_ids - decided
        if range_facts.all_but is None and undecided:
            members |= frozenset(
                range_.product_queryset.filter(pk__in=undecided).values_list("pk", flat=True)
            )
        range_.proxy = RangeMembership(
            range_, facts=range_facts, members=members, decided=decided | product_ids
        )


def _ranges_of(offers) -> list:
    ranges = {}
    for offer in offers:
        for part in (offer.condition, offer.benefit):
            if part.range_id is not None and not part.range.proxy_class:
                ranges.setdefault(part.range_id, part.range)
    return list(ranges.values())


class Applicator(OscarApplicator):
    """Oscar's Applicator with the site offers of `site_offers()`, their ranges told about the
    basket's products before it is priced. The same offers, sorted as Oscar sorts them."""

    def get_offers(self, basket, user=None, request=None):
        site, facts = site_offers()
        offers = sorted(
            chain(
                self.get_session_offers(request),
                self.get_basket_offers(basket, user),
                self.get_user_offers(user),
                site,
            ),
            key=lambda offer: offer.priority,
            reverse=True,
        )
        ranges = {}
        for offer in offers:
            offer_prepare(offer, ranges=ranges)
        product_ids = {line.product_id for line in basket.all_lines()} if basket.id else set()
        ranges_decide(offers, facts=facts, product_ids=product_ids)
        return offers

    def get_site_offers(self):
        return site_offers()[0]
