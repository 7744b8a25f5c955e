"""CSV exports of the observatory reports: one tidy table per view, numbers never localised.

Each row is (section, key, label, measure, value): the same shape for every view, so a
spreadsheet pivots it and a script reads it without knowing the page's layout.
"""

import csv
import io
from decimal import Decimal

from .selectors import STEPS, DemandReport, FunnelReport, SalesReport

HEADER = ("period_start", "period_end", "section", "key", "label", "measure", "value")


def _value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _rows(section: str, rows: list[dict], *, key: str, label: str, measures: tuple[str, ...]):
    for row in rows:
        for measure in measures:
            yield section, row.get(key, ""), row.get(label, ""), measure, row.get(measure)


def sales_rows(report: SalesReport):
    money = ("revenue_mad", "refunds_mad", "net_mad", "orders", "units", "share")
    for measure in ("revenue_mad", "refunds_mad", "net_mad", "orders", "units", "average_basket_mad"):
        yield "totals", "", "", measure, report.totals[measure]
        yield "previous_period", "", "", measure, report.previous[measure]
        yield "growth_percent", "", "", measure, report.growth.get(measure)
    yield from _rows("by_country", report.by_country, key="country", label="name", measures=money)
    yield from _rows("by_craft", report.by_craft, key="craft", label="name", measures=money)
    yield from _rows("by_style", report.by_style, key="category", label="name", measures=money)
    for row in report.by_month:
        for measure in ("revenue_mad", "refunds_mad", "net_mad", "orders", "units"):
            yield "by_month", row["month"].strftime("%Y-%m"), "", measure, row[measure]
    yield from _rows(
        "average_basket",
        report.baskets,
        key="currency",
        label="currency",
        measures=("orders", "revenue_currency", "average_currency", "average_mad"),
    )
    for measure in ("net_mad", "other_net_mad", "share"):
        yield "women_led", "", "", measure, report.women_led[measure]


def demand_rows(report: DemandReport):
    search = ("searches", "zero", "low", "clicks", "click_rate")
    for measure in (*search, "zero_rate"):
        yield "totals", "", "", measure, report.totals[measure]
    yield from _rows("top_queries", report.top_queries, key="text", label="text", measures=search)
    for section, rows, key, label in (
        ("top_queries_by_country", report.by_country, "country", "name"),
        ("top_queries_by_language", report.by_language, "language", "language"),
    ):
        for row in rows:
            yield section, row[key], row[label], "searches", row["searches"]
            for rank, query in enumerate(row["queries"], start=1):
                yield section, row[key], query["text"], f"rank_{rank}_searches", query["searches"]
    yield from _rows("zero_results", report.zero_results, key="text", label="text", measures=search)
    yield from _rows("low_results", report.low_results, key="text", label="text", measures=search)
    yield from _rows(
        "viewed_not_bought",
        report.viewed_not_bought,
        key="product_id",
        label="title",
        measures=("views", "basket_adds", "orders", "units", "conversion"),
    )
    yield from _rows(
        "abandoned_baskets", report.abandoned, key="country", label="name", measures=("baskets", "value_mad")
    )


def funnel_rows(report: FunnelReport):
    rates = ("basket_rate", "checkout_rate", "paid_rate", "conversion")
    for measure in (*STEPS, *rates):
        yield "totals", "", "", measure, report.totals[measure]
    yield from _rows("by_country", report.by_country, key="country", label="name", measures=(*STEPS, *rates))
    yield from _rows("by_device", report.by_device, key="device", label="device", measures=(*STEPS, *rates))


def report_csv(report, rows) -> str:
    """The CSV text of a report: a header, then one line per (section, key, measure)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    start, end = report.period.start.isoformat(), report.period.end.isoformat()
    for section, key, label, measure, value in rows:
        writer.writerow((start, end, section, _value(key), label, measure, _value(value)))
    return buffer.getvalue()
