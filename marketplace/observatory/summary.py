"""The plain-language summary of a cooperative's month, built from its numbers.

Every sentence is a translatable string with named placeholders (gettext for one form, ngettext
where a count decides the grammar), and every number, amount, percentage, month, country name
and list is formatted for the active language: a cooperative reads "12 500,00 MAD" and
"France, Allemagne et Japon" in French, and Arabic names and list words in Arabic.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, ngettext, pgettext, to_locale
from oscar.templatetags.currency_filters import currency

from checkout.destination import country_name

# How many countries, search terms and queries one sentence names before it says "N others".
LIST_LIMIT = 3


@dataclass(frozen=True)
class MonthFacts:
    """What a cooperative's month summary says, as numbers (insights.cooperative_month_facts).

    `countries` are (ISO code, orders) pairs, most orders first; `search_terms` the queries
    after which buyers clicked one of its products, most clicks first; `unmet_queries` the
    platform's searches in its crafts that found nothing, most searched first.
    """

    month: date
    revenue_mad: Decimal = Decimal(0)
    previous_revenue_mad: Decimal = Decimal(0)
    orders: int = 0
    units: int = 0
    countries: tuple[tuple[str, int], ...] = ()
    top_product: str = ""
    top_product_units: int = 0
    views: int = 0
    search_terms: tuple[str, ...] = ()
    unmet_queries: tuple[str, ...] = ()
    ever_sold: bool = False


def _locale() -> str:
    return to_locale(get_language() or "en")


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _number(value: int) -> str:
    return format_decimal(value, locale=_locale())


def _month(value: date) -> str:
    return date_format(value, "YEAR_MONTH_FORMAT")


def _quoted(text: str) -> str:
    # Translators: quotation marks around a buyer's search or a product name in a sentence.
    return pgettext("quoted text", "“%(text)s”") % {"text": text}


def _listed(items: list[str], *, more: int = 0) -> str:
    """ "a, b and c", in the active language; "a, b and 4 others" when some are left out."""
    if more:
        items = [*items, ngettext("%(count)s other", "%(count)s others", more) % {"count": _number(more)}]
    return format_list(items, locale=_locale())


def _named(items, *, limit: int = LIST_LIMIT) -> str:
    items = list(items)
    return _listed(items[:limit], more=max(len(items) - limit, 0))


def _sales_sentences(facts: MonthFacts) -> list[str]:
    month = _month(facts.month)
    if not facts.orders:
        if not facts.ever_sold:
            sentences = [
                gettext(
                    "No sales yet: once buyers order, this summary will say where they come from "
                    "and what sells best."
                )
            ]
        else:
            sentences = [gettext("No sales in %(month)s.") % {"month": month}]
        if facts.views:
            sentences.append(
                ngettext(
                    "Buyers looked at your products %(count)s time in %(month)s.",
                    "Buyers looked at your products %(count)s times in %(month)s.",
                    facts.views,
                )
                % {"count": _number(facts.views), "month": month}
            )
        return sentences

    sentence = ngettext(
        "In %(month)s you received %(count)s order worth %(revenue)s.",
        "In %(month)s you received %(count)s orders worth %(revenue)s.",
        facts.orders,
    ) % {"month": month, "count": _number(facts.orders), "revenue": currency(facts.revenue_mad, "MAD")}
    return [sentence, *_growth_sentences(facts)]


def _growth_sentences(facts: MonthFacts) -> list[str]:
    previous = facts.month.replace(day=1)
    previous = (
        previous.replace(year=previous.year - 1, month=12)
        if previous.month == 1
        else previous.replace(month=previous.month - 1)
    )
    previous_month = _month(previous)
    if facts.previous_revenue_mad <= 0:
        return [gettext("That is up from no sales in %(month)s.") % {"month": previous_month}]
    change = (facts.revenue_mad - facts.previous_revenue_mad) / facts.previous_revenue_mad
    # Under half a percent either way reads as "the same": nobody acts on 0.3%.
    if abs(change) < Decimal("0.005"):
        return [gettext("About the same as in %(month)s.") % {"month": previous_month}]
    percent = format_percent(abs(change), locale=_locale())
    if change > 0:
        text = gettext("That is %(percent)s more than in %(month)s.")
    else:
        text = gettext("That is %(percent)s less than in %(month)s.")
    return [text % {"percent": percent, "month": previous_month}]


def _country_sentence(facts: MonthFacts) -> str:
    countries = [(code, n) for code, n in facts.countries if n > 0]
    if not countries:
        return ""
    language = _language()
    total = sum(n for _, n in countries)
    top = countries[0][1]
    leaders = [country_name(code, language=language) for code, n in countries if n == top]
    if len(countries) == 1:
        name = leaders[0]
        if total == 1:
            return gettext("Your buyer came from %(country)s.") % {"country": name}
        return gettext("All your buyers came from %(country)s.") % {"country": name}
    if top == 1:
        # Every order from a different country: name them rather than pick one.
        return ngettext(
            "Your buyers came from %(count)s country: %(countries)s.",
            "Your buyers came from %(count)s countries: %(countries)s.",
            len(countries),
        ) % {"count": _number(len(countries)), "countries": _named(leaders)}
    if len(leaders) > 1:
        return ngettext(
            "Most of your buyers came from %(countries)s (%(count)s order each).",
            "Most of your buyers came from %(countries)s (%(count)s orders each).",
            top,
        ) % {"countries": _named(leaders), "count": _number(top)}
    return ngettext(
        "Most of your buyers came from %(country)s (%(count)s of %(total)s order).",
        "Most of your buyers came from %(country)s (%(count)s of %(total)s orders).",
        total,
    ) % {"country": leaders[0], "count": _number(top), "total": _number(total)}


def _product_sentence(facts: MonthFacts) -> str:
    if not (facts.orders and facts.top_product):
        return ""
    return ngettext(
        "Your best seller was %(product)s (%(count)s sold).",
        "Your best seller was %(product)s (%(count)s sold).",
        facts.top_product_units,
    ) % {"product": _quoted(facts.top_product), "count": _number(facts.top_product_units)}


def _search_sentences(facts: MonthFacts) -> list[str]:
    sentences = []
    month = _month(facts.month)
    if facts.search_terms:
        sentences.append(
            gettext("Buyers found your products by searching for %(terms)s.")
            % {"terms": _named([_quoted(term) for term in facts.search_terms])}
        )
    if facts.unmet_queries:
        sentences.append(
            ngettext(
                "A search for %(queries)s found nothing in %(month)s.",
                "Searches for %(queries)s found nothing in %(month)s.",
                len(facts.unmet_queries),
            )
            % {"queries": _named([_quoted(query) for query in facts.unmet_queries]), "month": month}
        )
    return sentences


def month_summary_sentences(*, facts: MonthFacts) -> list[str]:
    """The summary as sentences, in the active language: sales, buyers' countries, the best
    seller, then what buyers searched for (found and not found)."""
    sentences = _sales_sentences(facts)
    sentences += [s for s in (_country_sentence(facts), _product_sentence(facts)) if s]
    sentences += _search_sentences(facts)
    return sentences


def month_summary(*, facts: MonthFacts) -> str:
    return " ".join(month_summary_sentences(facts=facts))
