"""Month rules of entitlements: first grants, switches at the month boundary, exits."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from shouhu.benefits.decisions.periods import (
    ChangeKind,
    EntitlementStatus,
    Held,
    month_end,
    month_start,
    next_month_start,
    plan,
    status_on,
)
from shouhu.benefits.rules import engine
from shouhu.benefits.rules.engine import Facts
from shouhu.benefits.rules.schema import ProgrammeCode, Subtype, load

P, S = ProgrammeCode, Subtype
RULES = load()
DEFAULTS = {p.code: p.default_monthly_fen for p in RULES.programmes}
ENABLED = {p.code: p.enabled_by_default for p in RULES.programmes}


def outcomes(on: date, *subtypes: Subtype, standards=None, held=frozenset()):
    facts = Facts(
        on=on,
        active=True,
        exited_on=None,
        birth_date=date(2015, 1, 1),
        subtypes=frozenset(subtypes),
        intervention_open=False,
        guardian_present=False,
    )
    return engine.decide(RULES, facts, {**DEFAULTS, **(standards or {})}, ENABLED, held)


class Ledger:
    """Entitlements kept as the service keeps them, changed by the plans."""

    def __init__(self) -> None:
        self.rows: dict[str, Held] = {}

    def held(self) -> list[Held]:
        return list(self.rows.values())

    def apply(self, changes) -> None:
        for change in changes:
            if change.entitlement_id is None:
                key = f"e{len(self.rows)}"
                self.rows[key] = Held(
                    key, change.programme, change.starts_on, None, change.share_percent
                )
            else:
                old = self.rows[change.entitlement_id]
                self.rows[old.id] = Held(
                    old.id, old.programme, old.starts_on, change.ends_on, change.share_percent
                )

    def decide(self, on: date, *subtypes: Subtype, standards=None, exited: date | None = None):
        held = frozenset(h.programme for h in self.rows.values() if h.ends_on is None)
        self.last = outcomes(on, *subtypes, standards=standards, held=held)
        changes = plan(RULES, on, self.last, self.held(), exited)
        self.apply(changes)
        return changes

    def paid(self, month: date) -> set[ProgrammeCode]:
        """Programmes of monthly cash paid in a month (what a batch would pay)."""
        return {
            h.programme
            for h in self.rows.values()
            if RULES.programme(h.programme).paid_in_batches and h.covers_month_of(month)
        }


def test_month_helpers():
    assert month_start(date(2026, 2, 17)) == date(2026, 2, 1)
    assert month_end(date(2026, 2, 17)) == date(2026, 2, 28)
    assert month_end(date(2028, 2, 3)) == date(2028, 2, 29)
    assert next_month_start(date(2026, 12, 31)) == date(2027, 1, 1)
    assert status_on(date(2026, 7, 1), None, date(2026, 6, 30)) is EntitlementStatus.SCHEDULED
    assert status_on(date(2026, 7, 1), None, date(2026, 7, 1)) is EntitlementStatus.ACTIVE
    assert status_on(date(2026, 7, 1), date(2026, 7, 31), date(2026, 7, 31)).value == "ACTIVE"
    assert status_on(date(2026, 7, 1), date(2026, 7, 31), date(2026, 8, 1)).value == "ENDED"
    assert status_on(date(2026, 7, 1), date(2026, 6, 30), date(2026, 6, 1)).value == "ENDED"


def test_a_first_grant_starts_on_the_first_of_the_month_of_the_decision():
    ledger = Ledger()
    changes = ledger.decide(date(2026, 3, 20), S.DISABLED)
    starts = {c.programme: c.starts_on for c in changes if c.kind is ChangeKind.GRANTED}
    assert starts[P.HARDSHIP_LIVING_ALLOWANCE] == date(2026, 3, 1)
    assert P.DISABILITY_TWO_SUBSIDIES not in starts
    assert ledger.paid(date(2026, 3, 1)) == {P.HARDSHIP_LIVING_ALLOWANCE}


def test_when_the_winner_changes_the_old_ends_with_the_month_and_the_new_starts_next():
    ledger = Ledger()
    ledger.decide(date(2026, 3, 20), S.DISABLED)
    raised = {P.DISABILITY_TWO_SUBSIDIES: 250000}
    changes = ledger.decide(date(2026, 5, 12), S.DISABLED, standards=raised)
    by_kind = {(c.kind, c.programme): c for c in changes}
    ending = by_kind[(ChangeKind.ENDING, P.HARDSHIP_LIVING_ALLOWANCE)]
    assert ending.ends_on == date(2026, 5, 31)
    assert ending.reason == "择高原则，由残疾人两项补贴替代，待遇至2026-05-31止"
    assert by_kind[(ChangeKind.GRANTED, P.DISABILITY_TWO_SUBSIDIES)].starts_on == date(2026, 6, 1)
    assert ledger.paid(date(2026, 5, 1)) == {P.HARDSHIP_LIVING_ALLOWANCE}
    assert ledger.paid(date(2026, 6, 1)) == {P.DISABILITY_TWO_SUBSIDIES}


def test_switching_back_within_the_month_resumes_and_cancels():
    ledger = Ledger()
    ledger.decide(date(2026, 3, 20), S.DISABLED)
    ledger.decide(date(2026, 5, 12), S.DISABLED, standards={P.DISABILITY_TWO_SUBSIDIES: 250000})
    changes = ledger.decide(date(2026, 5, 20), S.DISABLED)
    kinds = {(c.kind, c.programme) for c in changes}
    assert kinds == {
        (ChangeKind.RESUMED, P.HARDSHIP_LIVING_ALLOWANCE),
        (ChangeKind.CANCELLED, P.DISABILITY_TWO_SUBSIDIES),
    }
    assert ledger.paid(date(2026, 6, 1)) == {P.HARDSHIP_LIVING_ALLOWANCE}


def test_on_exit_everything_ends_with_the_month_and_what_had_not_started_is_cancelled():
    ledger = Ledger()
    both = (S.DISABLED, S.MINIMUM_SUBSISTENCE_FAMILY)
    ledger.decide(date(2026, 3, 20), *both)
    ledger.decide(date(2026, 5, 12), *both, standards={P.DISABILITY_TWO_SUBSIDIES: 250000})
    changes = ledger.decide(date(2026, 5, 18), *both, exited=date(2026, 5, 17))
    ends = {c.programme: (c.kind, c.ends_on) for c in changes}
    assert ends[P.DISABILITY_TWO_SUBSIDIES] == (ChangeKind.CANCELLED, date(2026, 5, 31))
    assert ends[P.MINIMUM_SUBSISTENCE][1] == date(2026, 5, 31)
    assert P.HARDSHIP_LIVING_ALLOWANCE not in ends  # already ending on 31 May
    assert ledger.paid(date(2026, 5, 1)) == {P.HARDSHIP_LIVING_ALLOWANCE}
    assert ledger.paid(date(2026, 6, 1)) == set()


def test_losing_eligibility_ends_with_the_month_and_regaining_it_later_starts_afresh():
    ledger = Ledger()
    ledger.decide(date(2026, 3, 20), S.LOW_INCOME_FAMILY)
    ledger.decide(date(2026, 4, 9))
    assert ledger.paid(date(2026, 4, 1)) == {P.HARDSHIP_LIVING_ALLOWANCE}
    assert ledger.paid(date(2026, 5, 1)) == set()
    changes = ledger.decide(date(2026, 7, 2), S.LOW_INCOME_FAMILY)
    assert [c.starts_on for c in changes if c.programme is P.HARDSHIP_LIVING_ALLOWANCE] == [
        date(2026, 7, 1)
    ]
    assert ledger.paid(date(2026, 6, 1)) == set()


def test_deciding_again_with_nothing_new_changes_nothing():
    ledger = Ledger()
    ledger.decide(date(2026, 3, 20), S.ORPHAN, S.DISABLED)
    assert ledger.decide(date(2026, 3, 21), S.ORPHAN, S.DISABLED) == []
    assert ledger.decide(date(2026, 8, 21), S.ORPHAN, S.DISABLED) == []


DAYS = st.integers(min_value=0, max_value=400).map(lambda n: date(2026, 1, 1) + timedelta(n))
HARDSHIP = [s for s in Subtype if s not in (S.BOTH_PARENTS_AWAY, S.ONE_AWAY_OTHER_INCAPABLE)]
STEP = st.tuples(
    st.integers(min_value=0, max_value=45),
    st.frozensets(st.sampled_from(HARDSHIP), max_size=3),
    st.fixed_dictionaries(
        {c: st.integers(min_value=0, max_value=400_000) for c in RULES.exclusive_groups[0].members}
    ),
)


@settings(max_examples=300, deadline=None)
@given(start=DAYS, steps=st.lists(STEP, min_size=1, max_size=8), exit_after=st.booleans())
def test_no_month_ever_pays_two_of_a_group_and_the_winner_is_paid_by_the_next_month(
    start, steps, exit_after
):
    ledger, day = Ledger(), start
    for gap, subtypes, standards in steps:
        day += timedelta(gap)
        ledger.decide(day, *subtypes, standards=standards)
        winners = [
            o.programme
            for o in ledger.last
            if o.granted and RULES.programme(o.programme).paid_in_batches
        ]
        for winner in winners:
            assert winner in ledger.paid(next_month_start(day))
    if exit_after:
        day += timedelta(3)
        ledger.decide(day, exited=day)
        assert ledger.paid(next_month_start(day)) == set()
    first = month_start(start)
    while first <= month_start(day) + timedelta(62):
        paid = ledger.paid(first)
        assert not [(a, b) for a in paid for b in paid if RULES.conflicts(a, b)], (first, paid)
        first = next_month_start(first)
    # At most one open-ended entitlement per programme, as the database's unique index demands.
    open_ended = [h.programme for h in ledger.held() if h.ends_on is None]
    assert len(open_ended) == len(set(open_ended))
