"""How a buyer sees prices and sizes: their own choice, else what their browser suggests.

A choice is kept in the session and in a year-long cookie, so it survives logging in and out.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .money import SUPPORTED_CURRENCIES, currency_from_accept_language
from .units import UNIT_SYSTEMS, units_from_accept_language

COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Preference:
    key: str
    choices: tuple[str, ...]
    from_accept_language: Callable[[str], str]

    def get(self, request) -> str:
        # No session yet when the page cache, first in the stack, asks (it serves only visitors
        # without a session cookie, whose session is empty).
        session = getattr(request, "session", None)
        stored = session.get(self.key) if session is not None else None
        for candidate in (stored, request.COOKIES.get(self.key)):
            if candidate in self.choices:
                return candidate
        return _suggested(self, request.headers.get("Accept-Language", ""))

    def remember(self, request, response, value: str) -> bool:
        """Keep `value` if it is one of the choices; False (and nothing kept) otherwise."""
        if value not in self.choices:
            return False
        request.session[self.key] = value
        response.set_cookie(self.key, value, max_age=COOKIE_MAX_AGE, samesite="Lax")
        return True


# Browsers send a few thousand distinct Accept-Language headers: each is read once per process.
@lru_cache(maxsize=4096)
def _suggested(preference: Preference, accept_language: str) -> str:
    return preference.from_accept_language(accept_language)


CURRENCY = Preference("souk_currency", SUPPORTED_CURRENCIES, currency_from_accept_language)
UNITS = Preference("souk_units", UNIT_SYSTEMS, units_from_accept_language)
