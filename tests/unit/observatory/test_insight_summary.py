"""The plain-language month summary a cooperative reads at the top of its insights page."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from marketplace.observatory.summary import MonthFacts, month_summary, month_summary_sentences

MARCH = date(2026, 3, 1)


def test_a_cooperative_that_never_sold_is_told_so_without_numbers_that_mean_nothing():
    text = month_summary(facts=MonthFacts(month=MARCH))

    assert text.startswith("No sales yet")
    assert "MAD" not in text
    assert "%" not in text


def test_a_month_without_sales_after_earlier_ones_names_the_month_and_the_views():
    sentences = month_summary_sentences(facts=MonthFacts(month=MARCH, views=41, ever_sold=True))

    assert sentences == ["No sales in March 2026.", "Buyers looked at your products 41 times in March 2026."]


def test_sales_growth_and_a_single_country_are_summed_up():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("12500.00"),
        previous_revenue_mad=Decimal("10000.00"),
        orders=4,
        units=5,
        countries=(("FR", 4),),
        top_product="Azilal rug",
        top_product_units=2,
        ever_sold=True,
    )

    assert month_summary_sentences(facts=facts) == [
        "In March 2026 you received 4 orders worth 12,500.00\u00a0MAD.",
        "That is 25% more than in February 2026.",
        "All your buyers came from France.",
        "Your best seller was “Azilal rug” (2 sold).",
    ]


def test_one_order_speaks_in_the_singular():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("900"),
        previous_revenue_mad=Decimal("1200"),
        orders=1,
        units=1,
        countries=(("JP", 1),),
        ever_sold=True,
    )

    sentences = month_summary_sentences(facts=facts)

    assert sentences[0] == "In March 2026 you received 1 order worth 900.00\u00a0MAD."
    assert sentences[1] == "That is 25% less than in February 2026."
    assert sentences[2] == "Your buyer came from Japan."


def test_the_leading_country_is_named_with_its_share():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("5000"),
        orders=6,
        countries=(("FR", 3), ("US", 2), ("BE", 1)),
        ever_sold=True,
    )

    assert "Most of your buyers came from France (3 of 6 orders)." in month_summary_sentences(facts=facts)


def test_tied_countries_are_all_named_rather_than_one_picked():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("5000"),
        orders=5,
        countries=(("FR", 2), ("DE", 2), ("US", 1)),
        ever_sold=True,
    )

    assert "Most of your buyers came from France and Germany (2 orders each)." in month_summary_sentences(
        facts=facts
    )


def test_orders_each_from_a_different_country_list_the_countries():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("5000"),
        orders=5,
        countries=(("BE", 1), ("CA", 1), ("FR", 1), ("JP", 1), ("US", 1)),
        ever_sold=True,
    )

    assert (
        "Your buyers came from 5 countries: Belgium, Canada, France, and 2 others."
        in month_summary_sentences(facts=facts)
    )


def test_a_month_after_one_without_sales_says_so_instead_of_an_infinite_growth():
    facts = MonthFacts(month=date(2026, 1, 1), revenue_mad=Decimal("700"), orders=1, ever_sold=True)

    assert month_summary_sentences(facts=facts)[1] == "That is up from no sales in December 2025."


def test_a_flat_month_reads_as_the_same():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("10020"),
        previous_revenue_mad=Decimal("10000"),
        orders=3,
        ever_sold=True,
    )

    assert month_summary_sentences(facts=facts)[1] == "About the same as in February 2026."


def test_search_terms_and_unmet_demand_are_quoted():
    facts = MonthFacts(
        month=MARCH,
        ever_sold=True,
        search_terms=("beni ourain", "wool rug"),
        unmet_queries=("kilim runner",),
    )

    sentences = month_summary_sentences(facts=facts)

    assert "Buyers found your products by searching for “beni ourain” and “wool rug”." in sentences
    assert sentences[-1] == "A search for “kilim runner” found nothing in March 2026."


def test_several_unmet_queries_are_plural():
    facts = MonthFacts(month=MARCH, unmet_queries=("kilim runner", "hanbel blue"))

    assert month_summary_sentences(facts=facts)[-1] == (
        "Searches for “kilim runner” and “hanbel blue” found nothing in March 2026."
    )


def test_french_summary_formats_amounts_countries_months_and_lists_the_french_way():
    facts = MonthFacts(
        month=MARCH,
        revenue_mad=Decimal("12500"),
        previous_revenue_mad=Decimal("10000"),
        orders=5,
        countries=(("DE", 2), ("BE", 2), ("US", 1)),
        ever_sold=True,
    )

    with translation.override("fr"):
        text = month_summary(facts=facts)

    assert "12\u202f500,00\u00a0MAD" in text or "12\u00a0500,00\u00a0MAD" in text
    assert "mars 2026" in text
    assert "Allemagne et Belgique" in text
    assert "25\u00a0%" in text or "25\u202f%" in text


def test_arabic_summary_names_countries_in_arabic():
    facts = MonthFacts(
        month=MARCH, revenue_mad=Decimal("800"), orders=2, countries=(("FR", 2),), ever_sold=True
    )

    with translation.override("ar"):
        text = month_summary(facts=facts)

    assert "فرنسا" in text
    assert "France" not in text
