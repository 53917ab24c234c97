"""Mainland mobile numbers: the one spelling accepted where a number enters the system."""

import pytest
from pydantic import BaseModel, ValidationError

from shouhu.notifications.mobile import MOBILE_MESSAGE, MobileNumber, masked


class Contact(BaseModel):
    mobile: MobileNumber


@pytest.mark.parametrize("number", ["13800138000", "19912345678", "15000000000"])
def test_an_eleven_digit_mainland_mobile_number_is_accepted(number: str) -> None:
    assert Contact(mobile=number).mobile == number


@pytest.mark.parametrize(
    "number",
    [
        "12345",  # too short
        "1380013800",  # ten digits
        "138001380000",  # twelve
        "23800138000",  # not a mobile prefix
        "12800138000",  # 12x is no mobile segment
        "+8613800138000",  # refused, not normalised: one spelling per person
        "8613800138000",
        "138 0013 8000",
        "138-0013-8000",
        " 13800138000",
        "13800138000\n",
        "１３８００１３８０００",  # full-width digits
        "1٣800138000",  # an Arabic-Indic digit, which `\d` would take
        "",
    ],
)
def test_anything_else_is_refused_with_the_chinese_message(number: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Contact(mobile=number)
    (error,) = raised.value.errors()
    assert error["type"] == "mobile_number"
    assert error["msg"] == MOBILE_MESSAGE == "手机号码应为11位中国大陆手机号"


def test_a_number_is_not_taken_as_an_int() -> None:
    with pytest.raises(ValidationError):
        Contact(mobile=13800138000)  # type: ignore[arg-type]


def test_logs_see_a_masked_number() -> None:
    assert masked("13800138000") == "138****8000"
    assert masked("123") == "****"
