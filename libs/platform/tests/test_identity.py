"""Identity numbers in the platform: the GB 11643 check digit, the birth date and gender they
carry, the mask."""

from datetime import date

import pytest

from shouhu.platform import identity
from shouhu.platform.testing import fresh_identity_number, identity_number


def test_the_check_digit_agrees_with_the_standards_example():
    # GB 11643-1999's example number.
    assert identity.check_digit("11010519491231002") == "X"
    assert identity.problem("11010519491231002X") is None


def test_problems_are_said_in_chinese():
    number = identity_number(date(2001, 2, 3), male=False, seq=4)
    assert identity.problem(number) is None
    wrong = number[:-1] + ("1" if number[-1] == "0" else "0")
    assert identity.problem(wrong) == identity.CHECKSUM_SAID
    assert identity.problem(number[:-1]) == identity.SHAPE_SAID
    impossible = "11010920010230004"
    assert identity.problem(impossible + identity.check_digit(impossible)) == identity.BIRTH_SAID


def test_birth_date_gender_and_mask():
    number = identity_number(date(2001, 2, 3), male=True, seq=4)
    assert identity.birth_date(number) == date(2001, 2, 3)
    assert identity.is_male(number) is True
    assert identity.mask(number) == "110109************"


def test_fresh_numbers_for_one_day_never_meet_and_run_out_with_a_clear_error():
    day = date(1931, 7, 7)  # a day no other test's numbers use
    numbers = [fresh_identity_number(day, male=True, division="130102") for _ in range(500)]
    assert len(set(numbers)) == 500
    assert all(identity.problem(n) is None and identity.is_male(n) for n in numbers)
    assert {identity.birth_date(n) for n in numbers} == {day}
    with pytest.raises(RuntimeError, match="no identity number left"):
        fresh_identity_number(day, male=True, division="130102")
