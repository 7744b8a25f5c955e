"""Where the buyer ships to before they give an address: their choice, else their browser's region."""

from babel import Locale

from catalogue.buyer_preferences import Preference

_ENGLISH = Locale("en")
# Every ISO 3166-1 alpha-2 territory Babel names ("001", "150"... are regions, not countries).
COUNTRY_NAMES: dict[str, str] = dict(
    sorted(
        ((code, name) for code, name in _ENGLISH.territories.items() if len(code) == 2 and code.isalpha()),
        key=lambda item: item[1],
    )
)
COUNTRY_CODES = tuple(code for code in COUNTRY_NAMES if code not in ("ZZ", "XK", "EU", "EZ", "UN", "QO"))
# A browser saying only "fr" or "ar" most likely belongs to these buyers (DOMAIN.md: diaspora, Gulf).
_LANGUAGE_COUNTRY = {
    "en": "US",
    "fr": "FR",
    "ar": "MA",
    "de": "DE",
    "es": "ES",
    "it": "IT",
    "nl": "NL",
    "ja": "JP",
}
DEFAULT_COUNTRY = "US"


def country_from_accept_language(header: str) -> str:
    """'fr-CA,fr;q=0.8' -> CA; 'fr' -> FR; nothing usable -> US."""
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip().replace("_", "-")
        language, _, region = tag.partition("-")
        region = region.upper()[:2]
        if region in COUNTRY_CODES:
            return region
        if language.lower() in _LANGUAGE_COUNTRY:
            return _LANGUAGE_COUNTRY[language.lower()]
    return DEFAULT_COUNTRY


COUNTRY = Preference("souk_country", COUNTRY_CODES, country_from_accept_language)


def country_name(code: str, *, language: str = "en") -> str:
    try:
        return Locale.parse(language.replace("-", "_")).territories.get(code, code)
    except (ValueError, TypeError):
        return COUNTRY_NAMES.get(code, code)
