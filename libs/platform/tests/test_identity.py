"""Identity numbers in the platform: the GB 11643 check digit, the birth date and gender they
carry, the mask."""

from datetime import date

from shouhu.platform import identity
from shouhu.platform.testing import identity_number


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
