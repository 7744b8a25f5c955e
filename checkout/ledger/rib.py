"""Moroccan bank account numbers (RIB): 24 digits, checked by their two-digit key.

Layout: bank code (3) · city code (3) · account number (16) · key (2). As with every
mod-97 RIB, the key makes the whole 24-digit number divisible by 97:

    key = 97 - ((first 22 digits × 100) mod 97) = 97 - ((51·bank + 89·city + 3·account) mod 97)

The weights 51/89/3 are 10^21, 10^18 and 10^2 modulo 97 for this layout. (The often-quoted
89/15/3 belong to the French 5/5/11/2 layout and reject real Moroccan RIBs such as the IBAN
registry's example MA64 0115 1900 0001 2050 0053 4921.)
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RIB_LENGTH = 24
_SEPARATORS = re.compile(r"[\s\-.]")


def rib_normalize(value: str) -> str:
    """Digits only: people copy RIBs with spaces, dashes or dots between the groups."""
    return _SEPARATORS.sub("", value or "")


def rib_key(first_22_digits: str) -> int:
    if len(first_22_digits) != RIB_LENGTH - 2 or not first_22_digits.isdigit():
        raise ValueError("A RIB key is computed from 22 digits.")
    bank, city, account = int(first_22_digits[:3]), int(first_22_digits[3:6]), int(first_22_digits[6:])
    return 97 - ((51 * bank + 89 * city + 3 * account) % 97)


def rib_is_valid(value: str) -> bool:
    rib = rib_normalize(value)
    return len(rib) == RIB_LENGTH and rib.isdigit() and rib_key(rib[:22]) == int(rib[22:])


def rib_format(value: str) -> str:
    """'011 519 0000012050005349 21': the groups as they appear on a bank's RIB certificate."""
    rib = rib_normalize(value)
    if len(rib) != RIB_LENGTH:
        return value
    return f"{rib[:3]} {rib[3:6]} {rib[6:22]} {rib[22:]}"


def validate_rib(value: str) -> None:
    rib = rib_normalize(value)
    if len(rib) != RIB_LENGTH or not rib.isdigit():
        raise ValidationError(
            _("A Moroccan RIB has exactly 24 digits (bank 3, city 3, account 16, key 2)."), code="rib_length"
        )
    if rib_key(rib[:22]) != int(rib[22:]):
        raise ValidationError(
            _("This RIB's key does not match its digits: check it against the bank's RIB certificate."),
            code="rib_key",
        )
