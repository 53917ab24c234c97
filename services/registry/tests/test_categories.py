"""Deriving categories and periods from classifications (pure rules)."""

from datetime import date

import pytest

from shouhu.registry.classifications.periods import Interval, periods
from shouhu.registry.classifications.taxonomy import (
    GROUP_OF,
    SUBTYPES,
    ClassificationGroup,
    ClassificationSubtype,
    PrimaryCategory,
    derive,
)

S = ClassificationSubtype


def test_every_subtype_has_one_group():
    assert set(GROUP_OF) == set(ClassificationSubtype)
    assert sum(len(v) for v in SUBTYPES.values()) == len(ClassificationSubtype)


@pytest.mark.parametrize(
    ("subtypes", "primary", "left_behind"),
    [
        ([], PrimaryCategory.NONE, False),
        ([S.BOTH_PARENTS_AWAY], PrimaryCategory.LEFT_BEHIND, True),
        ([S.ORPHAN], PrimaryCategory.HARDSHIP, False),
        # Policy 二(二): a left-behind child meeting a hardship condition counts as hardship.
        ([S.ONE_AWAY_OTHER_INCAPABLE, S.DISABLED], PrimaryCategory.HARDSHIP, True),
        ([S.MINIMUM_SUBSISTENCE_FAMILY, S.LOW_INCOME_FAMILY], PrimaryCategory.HARDSHIP, False),
    ],
)
def test_hardship_wins_and_left_behind_is_kept(subtypes, primary, left_behind):
    categories = derive(subtypes)
    assert categories.primary is primary
    assert categories.left_behind is left_behind


def test_groups_and_subtypes_are_sorted_and_unique():
    categories = derive([S.DISABLED, S.ORPHAN, S.DISABLED])
    assert categories.groups == (
        ClassificationGroup.GUARDIANSHIP_LACK.value,
        ClassificationGroup.ILLNESS_DISABILITY.value,
    )
    assert categories.subtypes == ("DISABLED", "ORPHAN")


def test_periods_split_where_categories_change_and_merge_where_they_do_not():
    intervals = [
        Interval(S.BOTH_PARENTS_AWAY, date(2024, 1, 1), None),
        Interval(S.DISABLED, date(2024, 6, 1), date(2025, 1, 1)),
        # A second hardship subtype inside the first changes the subtypes, so it splits too.
        Interval(S.SERIOUSLY_ILL, date(2024, 8, 1), date(2024, 9, 1)),
    ]
    result = periods(intervals, date(2024, 3, 1), date(2026, 3, 1))
    assert [(p.start, p.end, p.categories.primary) for p in result] == [
        (date(2024, 3, 1), date(2024, 6, 1), PrimaryCategory.LEFT_BEHIND),
        (date(2024, 6, 1), date(2024, 8, 1), PrimaryCategory.HARDSHIP),
        (date(2024, 8, 1), date(2024, 9, 1), PrimaryCategory.HARDSHIP),
        (date(2024, 9, 1), date(2025, 1, 1), PrimaryCategory.HARDSHIP),
        (date(2025, 1, 1), date(2026, 3, 1), PrimaryCategory.LEFT_BEHIND),
    ]


def test_periods_before_registration_do_not_count_and_open_ends_stay_open():
    intervals = [Interval(S.ORPHAN, date(2020, 1, 1), None)]
    (only,) = periods(intervals, date(2024, 1, 1), None)
    assert (only.start, only.end, only.categories.primary) == (
        date(2024, 1, 1),
        None,
        PrimaryCategory.HARDSHIP,
    )


def test_a_child_out_of_scope_on_registration_has_no_periods():
    assert periods([], date(2024, 1, 1), date(2024, 1, 1)) == []
