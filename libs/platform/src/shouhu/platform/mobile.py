"""Mainland mobile numbers (中国大陆手机号), refused where they enter the system."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

# ASCII digits only: `\d` would also take full-width and other scripts' digits.
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
MOBILE_MESSAGE = "手机号码应为11位中国大陆手机号"
# The error type a refused number carries; its message is already in Chinese.
MOBILE_ERROR = "mobile_number"


def is_mobile(value: str) -> bool:
    """Whether `value` is an 11-digit mainland mobile number, exactly as written."""
    return _MOBILE.fullmatch(value) is not None


def _mobile(value: str) -> str:
    # No normalising: "+86", spaces or dashes are refused, so one person has one spelling.
    if not is_mobile(value):
        raise PydanticCustomError(MOBILE_ERROR, MOBILE_MESSAGE)
    return value


MobileNumber = Annotated[str, AfterValidator(_mobile)]
"""An 11-digit mainland mobile number (`1[3-9]` and nine digits) for pydantic models."""


def masked(mobile: str) -> str:
    """A number as logs show it: the first three and last four digits."""
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) >= 7 else "****"
