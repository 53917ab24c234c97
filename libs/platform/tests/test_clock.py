"""The district's calendar: ages and birthdays agree, 29 February included."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shouhu.platform.clock import age_on, birthday, born_by

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
years = st.integers(min_value=0, max_value=30)


def test_29_february_comes_of_age_on_1_march_in_a_common_year():
    leap = date(2008, 2, 29)
    assert birthday(leap, 18) == date(2026, 3, 1)
    assert age_on(leap, date(2026, 2, 28)) == 17
    assert born_by(date(2028, 2, 29), 18) == date(2010, 2, 28)


@given(days, years)
def test_birthday_is_the_first_day_of_that_age(born, n):
    day = birthday(born, n)
    assert age_on(born, day) == n
    assert age_on(born, day - timedelta(days=1)) == n - 1


@given(days, years)
def test_born_by_is_the_latest_birth_date_of_that_age(on, n):
    latest = born_by(on, n)
    assert age_on(latest, on) >= n
    assert age_on(latest + timedelta(days=1), on) < n
