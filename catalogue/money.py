"""Money rules: prices are stored in MAD; buyers see them in their own currency.

Pure functions, no database: conversion and rounding per currency (JPY has no minor unit),
and the buyer's default currency guessed from the browser's Accept-Language header.
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency, get_currency_precision, parse_pattern

BASE_CURRENCY = "MAD"
SUPPORTED_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "JPY", "AED", "MAD")

# Region subtag of a browser language (en-US, fr-CA) -> currency; then the bare language.
_REGION_CURRENCY = {
    "US": "USD",
    "GB": "GBP",
    "UK": "GBP",
    "CA": "CAD",
    "JP": "JPY",
    "AE": "AED",
    "MA": "MAD",
    **dict.fromkeys(("FR", "BE", "DE", "NL", "ES", "IT", "PT", "IE", "AT", "LU", "FI", "GR"), "EUR"),
}
_LANGUAGE_CURRENCY = {
    "en": "USD",
    "fr": "EUR",
    "de": "EUR",
    "es": "EUR",
    "it": "EUR",
    "nl": "EUR",
    "ja": "JPY",
}


def currency_precision(currency: str) -> int:
    return get_currency_precision(currency)


def money_round(amount: Decimal, currency: str) -> Decimal:
    """Round half up to the currency's minor unit (2 decimals for most, 0 for JPY)."""
    exponent = Decimal(1).scaleb(-currency_precision(currency))
    return Decimal(amount).quantize(exponent, rounding=ROUND_HALF_UP)


def money_convert(*, amount: Decimal, rate: Decimal, currency: str) -> Decimal:
    """`amount` MAD in `currency`, where `rate` is units of `currency` per 1 MAD."""
    if currency == BASE_CURRENCY:
        return money_round(amount, currency)
    return money_round(Decimal(amount) * Decimal(rate), currency)


# "6,100.00 MAD" reads better to foreign buyers than Babel's "MAD6,100.00".
MAD_PATTERN = parse_pattern("#,##0.00\u00a0¤")


@lru_cache(maxsize=64)
def _babel_locale(locale: str) -> Locale:
    # Parsed once per process: a page formats dozens of prices.
    return Locale.parse(locale)


def money_format(amount: Decimal, currency: str, *, locale: str = "en") -> str:
    if currency == BASE_CURRENCY:
        return format_currency(amount, currency, format=MAD_PATTERN, locale=_babel_locale(locale))
    return format_currency(amount, currency, locale=_babel_locale(locale))


def currency_from_accept_language(header: str, *, default: str = "USD") -> str:
    """The currency a browser's preferred languages suggest, e.g. 'fr-CA,fr;q=0.8' -> CAD."""
    tags = []
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag:
            tags.append((quality, tag))
    for _quality, tag in sorted(tags, key=lambda item: -item[0]):
        language, _, region = tag.replace("_", "-").partition("-")
        if region.upper()[:2] in _REGION_CURRENCY:
            return _REGION_CURRENCY[region.upper()[:2]]
        if language.lower() in _LANGUAGE_CURRENCY:
            return _LANGUAGE_CURRENCY[language.lower()]
    return default
