"""The programmes the rules treat apart for a subtype and what it is disclosed as, read from the
rules file; and that nothing else of a decision tells the two apart."""

from __future__ import annotations

from datetime import UTC, date, datetime
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shouhu.benefits import app, policy
from shouhu.benefits.decisions.repository import DecisionRow
from shouhu.benefits.decisions.service import decision_out, outcome_record
from shouhu.benefits.rules import engine
from shouhu.benefits.rules.disclosure import check_ledger, treated_apart
from shouhu.benefits.rules.engine import Facts
from shouhu.benefits.rules.schema import (
    RULES_FILE,
    ProgrammeCode,
    Rules,
    Subtype,
    load,
    parse,
)
from shouhu.benefits.settings import BenefitsSettings

P, S = ProgrammeCode, Subtype
TEXT = (resources.files("shouhu.benefits.rules") / RULES_FILE).read_text(encoding="utf-8")
RULES = load()


def _changed(*changes: tuple[str, str]) -> Rules:
    text = TEXT
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return parse(text)


# The two disability subsidies for HIV-affected children too: a member of the pick-the-highest
# group then decides apart, and with it the whole group.
GROUPED = _changed(("subtypes: [DISABLED]\n", "subtypes: [DISABLED, HIV_AFFECTED]\n"))
# Rehabilitation for HIV-affected children too, and one premium share for both: nothing apart.
ALIKE = _changed(
    ("[DISABLED, SERIOUSLY_ILL]\n", "[DISABLED, SERIOUSLY_ILL, HIV_AFFECTED]\n"),
    ("DISABLED, SERIOUSLY_ILL]\n      - label: 补贴70%", "DISABLED]\n      - label: 补贴70%"),
    ("[STREET_CHILD, HIV_AFFECTED,", "[STREET_CHILD, HIV_AFFECTED, SERIOUSLY_ILL,"),
)


def test_the_district_rules_set_rehabilitation_and_the_premium_share_apart():
    apart = treated_apart(RULES, policy.DISCLOSED_AS)
    assert apart.outcome == {P.MEDICAL_REHABILITATION}  # for the seriously ill only
    assert apart.amount == {P.INSURANCE_PREMIUM_SUBSIDY}  # 100 % against 70 %
    assert apart.reasons == frozenset()
    assert policy.treated_apart(RULES) == apart


def test_rules_that_treat_the_two_alike_set_nothing_apart():
    assert not treated_apart(ALIKE, policy.DISCLOSED_AS).programmes


def test_a_member_apart_sets_its_whole_group_apart_and_the_exceptions_reasons():
    apart = treated_apart(GROUPED, policy.DISCLOSED_AS)
    group = GROUPED.exclusive_groups[0]
    assert apart.outcome == {P.MEDICAL_REHABILITATION, *group.members}
    assert apart.amount == {P.INSURANCE_PREMIUM_SUBSIDY}
    assert apart.reasons == {P.MINIMUM_SUBSISTENCE}  # stacks beside the winner, and names it


def test_rules_whose_ledger_would_tell_stop_the_service(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="HARDSHIP_LIVING_ALLOWANCE"):
        check_ledger(GROUPED, treated_apart(GROUPED, policy.DISCLOSED_AS))
    monkeypatch.setattr(app, "load", lambda: GROUPED)
    settings_ = BenefitsSettings(database_url=f"sqlite:///{tmp_path / 'b.db'}", run_worker=False)
    with pytest.raises(ValueError, match="发放明细和汇总会泄露健康详情"):
        app.create_app(settings_)


def _facts(subtypes: frozenset[Subtype], intervention: bool, guardian: bool) -> Facts:
    return Facts(
        on=date(2026, 6, 15),
        active=True,
        exited_on=None,
        birth_date=date(2015, 3, 1),
        subtypes=subtypes,
        intervention_open=intervention,
        guardian_present=guardian,
    )


def _shown(rules: Rules, facts: Facts, standards, enabled, held) -> tuple[object, object]:
    """What a role without health detail is shown of a decision on these facts."""
    outcomes = engine.decide(rules, facts, standards, enabled, held)
    row = DecisionRow(
        id="d",
        child_id="c",
        decided_on=facts.on,
        decided_at=datetime(2026, 6, 15, tzinfo=UTC),
        rule_version=rules.version,
        trigger="test",
        facts={},
        outcomes=[outcome_record(o) for o in outcomes],
        facts_digest="",
        outcomes_digest="",
        conditions_met="",
    )
    apart = treated_apart(rules, policy.DISCLOSED_AS)
    met = {o.programme for o in outcomes if o.conditions_met} - apart.outcome
    return [d.model_dump() for d in decision_out(row, apart)], met


AMOUNTS = st.integers(min_value=0, max_value=1_000_000)


@pytest.mark.parametrize("rules", [RULES, GROUPED, ALIKE], ids=["district", "grouped", "alike"])
@settings(max_examples=300, deadline=None)
@given(
    others=st.frozensets(st.sampled_from([s for s in Subtype if s is not S.HIV_AFFECTED])),
    standards=st.fixed_dictionaries({code: AMOUNTS for code in ProgrammeCode}),
    held=st.frozensets(st.sampled_from(list(ProgrammeCode))),
    intervention=st.booleans(),
    guardian=st.booleans(),
    pilot=st.booleans(),
)
def test_what_is_shown_is_the_same_for_a_subtype_and_what_it_is_disclosed_as(
    rules, others, standards, held, intervention, guardian, pilot
):
    enabled = {p.code: pilot or p.enabled_by_default for p in rules.programmes}
    hiv, ill, both = (
        _shown(rules, _facts(subtypes, intervention, guardian), standards, enabled, held)
        for subtypes in (
            others | {S.HIV_AFFECTED},
            others | {S.SERIOUSLY_ILL},
            others | {S.HIV_AFFECTED, S.SERIOUSLY_ILL},
        )
    )
    assert hiv == ill == both
