"""Template tags for observatory charts and figures, shared by the staff and cooperative pages.

    {% load observatory %}
    {% hbar_chart report.by_country label="name" value="net_mad" format="money" %}
    {% column_chart report.by_month label="month" value="net_mad" line="orders" format="money" %}
    {{ report.growth.net_mad|obs_growth }}  {{ row.share|obs_percent }}

Values are formatted with the active locale in the page, and without it in CSV (exports.py).
"""

from datetime import date
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language_bidi

from .. import charts

register = template.Library()


def _number(value, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return formats.number_format(Decimal(value), decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _formatter(kind: str):
    if kind == "percent":
        return lambda value: f"{_number(value, 1)} %"
    if kind == "money":
        return lambda value: f"{_number(value)} MAD"
    if kind == "amount":
        return lambda value: _number(value)
    return lambda value: _number(value)


def _label(value) -> str:
    if isinstance(value, date):
        return formats.date_format(value, "M y")
    return "" if value is None else str(value)


def _get(row, key):
    return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


@register.simple_tag
def hbar_chart(rows, label: str, value: str, format: str = "int", limit: int = 12, width: int = 560):
    """Ranked horizontal bars of `rows` (dicts or objects), at most `limit`."""
    printed = _formatter(format)
    items = [
        charts.Item(_label(_get(row, label)) or "—", float(_get(row, value) or 0), printed(_get(row, value)))
        for row in list(rows)[: int(limit)]
    ]
    return charts.hbar_svg(items, width=int(width), rtl=get_language_bidi())


@register.simple_tag
def column_chart(rows, label: str, value: str, line: str = "", format: str = "int", width: int = 640):
    """Columns of `rows` in order (months), with an optional `line` series on its own scale."""
    rows = list(rows)
    printed = _formatter(format)
    axis = _formatter("amount")
    items = [
        charts.Item(_label(_get(row, label)), float(_get(row, value) or 0), printed(_get(row, value)))
        for row in rows
    ]
    series = [float(_get(row, line) or 0) for row in rows] if line else None
    return charts.columns_svg(items, line=series, width=int(width), rtl=get_language_bidi(), axis_format=axis)


@register.simple_tag
def stacked_chart(*pairs, format: str = "money", width: int = 560):
    """One bar split into parts: {% stacked_chart label1 value1 label2 value2 %}."""
    printed = _formatter(format)
    items = [
        charts.Item(str(pairs[i]), float(pairs[i + 1] or 0), printed(pairs[i + 1]))
        for i in range(0, len(pairs) - 1, 2)
    ]
    return charts.stacked_svg(items, width=width, rtl=get_language_bidi())


@register.simple_tag
def funnel_chart(totals, *labels, width: int = 640):
    """The funnel's steps as bars: views, basket additions, checkouts, placed, paid."""
    from ..selectors import STEPS

    printed = _formatter("int")
    items = [
        charts.Item(str(label), float(totals.get(step) or 0), printed(totals.get(step)))
        for step, label in zip(STEPS, labels, strict=False)
    ]
    return charts.hbar_svg(items, width=width, rtl=get_language_bidi(), colour=charts.SECOND)


@register.filter
def obs_number(value, decimals=0):
    return _number(value, int(decimals))


@register.filter
def obs_percent(value):
    """12.3 → "12.3 %"; None → "—"."""
    return "—" if value is None else f"{_number(value, 1)} %"


@register.filter
def obs_growth(value):
    """Growth with its sign: "+12.3 %", "−4.0 %", "—" with nothing to compare."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{_number(abs(value), 1)} %"


@register.filter
def obs_growth_class(value):
    if value is None or value == 0:
        return "obs-delta--flat"
    return "obs-delta--up" if value > 0 else "obs-delta--down"


@register.filter
def obs_get(row, key):
    """`row[key]` in a template, for partials that are told which column to show."""
    return _get(row, key)


@register.filter
def obs_format(value, kind="int"):
    """A value printed as the charts print it: int, amount, money (MAD) or percent."""
    if isinstance(value, date):
        return _label(value)
    if isinstance(value, str):
        return value or "—"
    return _formatter(kind)(value) if value is not None else "—"
