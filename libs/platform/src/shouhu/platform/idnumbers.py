"""Identity numbers (居民身份证号码) by GB 11643 on their own: shape, check digit, birth date."""

from __future__ import annotations

import re
from datetime import date

SHAPE = re.compile(r"^\d{17}[\dX]$")
WEIGHTS = tuple(2 ** (17 - i) % 11 for i in range(17))
CHECK_DIGITS = "10X98765432"


def check_digit(first17: str) -> str:
    """The 18th character of a number whose first 17 digits these are (ISO 7064 MOD 11-2)."""
    return CHECK_DIGITS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def well_formed(number: str) -> bool:
    """Whether a number stands on its own: 18 characters, its check digit, a real birth date.
    The region is not checked (numbers are issued anywhere in China, in any year)."""
    if not SHAPE.match(number) or check_digit(number[:17]) != number[17]:
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return True
