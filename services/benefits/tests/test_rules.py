"""The rules file and the engine: every rule, every pick-the-highest and stacking case."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shouhu.benefits.rules import engine
from shouhu.benefits.rules.engine import Facts, OutcomeKind
from shouhu.benefits.rules.schema import RULES_FILE, ProgrammeCode, Subtype, load, parse

P, S, K = ProgrammeCode, Subtype, OutcomeKind
ON = date(2026, 6, 15)
RULES = load()
DEFAULTS = {p.code: p.default_monthly_fen for p in RULES.programmes}
PILOTS_OFF = {p.code: p.enabled_by_default for p in RULES.programmes}
GROUP = RULES.exclusive_groups[0]


def facts(
    *subtypes: Subtype,
    born: date = date(2015, 3, 1),
    active: bool = True,
    intervention: bool = False,
    guardian: bool = False,
) -> Facts:
    return Facts(
        on=ON,
        active=active,
        exited_on=None if active else date(2026, 6, 3),
        birth_date=born,
        subtypes=frozenset(subtypes),
        intervention_open=intervention,
        guardian_present=guardian,
    )


def decide(f: Facts, standards=None, enabled=None, held=frozenset()):
    outcomes = engine.decide(
        RULES, f, {**DEFAULTS, **(standards or {})}, {**PILOTS_OFF, **(enabled or {})}, held
    )
    return {o.programme: o for o in outcomes}


def granted(f: Facts, **kwargs) -> set[ProgrammeCode]:
    return {code for code, o in decide(f, **kwargs).items() if o.granted}


# ---- the rules file ------------------------------------------------------------------------


def test_the_rules_file_names_every_programme_in_chinese_with_a_version():
    assert RULES.version
    assert {p.code for p in RULES.programmes} == set(ProgrammeCode)
    assert RULES.programme(P.HARDSHIP_LIVING_ALLOWANCE).name == "困境儿童生活保障"
    assert RULES.programme(P.MINIMUM_SUBSISTENCE).administered_elsewhere
    assert RULES.programme(P.GUARDIANSHIP_ALLOWANCE).pilot
    assert not RULES.programme(P.GUARDIANSHIP_ALLOWANCE).enabled_by_default
    assert GROUP.name == "择高原则"
    assert set(GROUP.members) == {
        P.HARDSHIP_LIVING_ALLOWANCE,
        P.DISABILITY_TWO_SUBSIDIES,
        P.DESTITUTE_SUPPORT,
    }
    assert [e.programme for e in GROUP.stacks_with] == [P.MINIMUM_SUBSISTENCE]


def _text() -> str:
    from importlib import resources

    return (resources.files("shouhu.benefits.rules") / RULES_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('version: "2026.1"', 'version: "2026.1"\nunknown_key: 1'), "unknown_key"),
        (
            ("  - code: GUARDIANSHIP_ALLOWANCE", "  - code: HARDSHIP_LIVING_ALLOWANCE"),
            "恰好出现一次",
        ),
        (
            (
                "members: [HARDSHIP_LIVING_ALLOWANCE,",
                "members: [MINIMUM_SUBSISTENCE, HARDSHIP_LIVING_ALLOWANCE,",
            ),
            "叠加例外",
        ),
        (
            ("      - label: 残疾儿童\n        subtypes: [DISABLED]", "      - label: 残疾儿童"),
            "没有任何判断项",
        ),
    ],
)
def test_a_broken_rules_file_is_refused_saying_why(change, message):
    old, new = change
    text = _text()
    assert old in text
    with pytest.raises(ValueError, match=message):
        parse(text.replace(old, new, 1))


# ---- eligibility, programme by programme ---------------------------------------------------


@pytest.mark.parametrize(
    "subtype",
    [s for s in Subtype if s not in (S.BOTH_PARENTS_AWAY, S.ONE_AWAY_OTHER_INCAPABLE)],
)
def test_every_hardship_subtype_qualifies_for_the_living_allowance_and_the_premium(subtype):
    outcomes = decide(facts(subtype))
    assert outcomes[P.HARDSHIP_LIVING_ALLOWANCE].eligible
    assert outcomes[P.INSURANCE_PREMIUM_SUBSIDY].granted


def test_a_left_behind_child_alone_qualifies_for_nothing_and_is_told_why():
    outcomes = decide(facts(S.BOTH_PARENTS_AWAY))
    assert not any(o.eligible for o in outcomes.values())
    assert outcomes[P.HARDSHIP_LIVING_ALLOWANCE].reasons == (
        "不符合条件：须为有困境儿童分类（留守儿童除外）",
    )


@pytest.mark.parametrize(
    ("subtypes", "programme", "expected"),
    [
        ((S.DISABLED,), P.DISABILITY_TWO_SUBSIDIES, True),
        ((S.SERIOUSLY_ILL,), P.DISABILITY_TWO_SUBSIDIES, False),
        ((S.ORPHAN,), P.DESTITUTE_SUPPORT, True),
        ((S.ABANDONED_INFANT,), P.DESTITUTE_SUPPORT, True),
        ((S.DE_FACTO_UNSUPPORTED,), P.DESTITUTE_SUPPORT, True),
        ((S.STREET_CHILD,), P.DESTITUTE_SUPPORT, False),
        ((S.MINIMUM_SUBSISTENCE_FAMILY,), P.MINIMUM_SUBSISTENCE, True),
        ((S.LOW_INCOME_FAMILY,), P.MINIMUM_SUBSISTENCE, False),
        ((S.TEMPORARILY_WITHOUT_FAMILY_SUPPORT,), P.TEMPORARY_LIVING_SUPPORT, True),
        ((S.TRAFFICKING_RESCUED,), P.TEMPORARY_LIVING_SUPPORT, False),
        ((S.DISABLED,), P.MEDICAL_REHABILITATION, True),
        ((S.SERIOUSLY_ILL,), P.MEDICAL_REHABILITATION, True),
        ((S.HIV_AFFECTED,), P.MEDICAL_REHABILITATION, False),
        ((S.BOTH_PARENTS_AWAY,), P.INSURANCE_PREMIUM_SUBSIDY, False),
    ],
)
def test_each_programme_has_its_conditions(subtypes, programme, expected):
    assert decide(facts(*subtypes))[programme].eligible is expected


def test_an_open_guardianship_intervention_gives_temporary_living_support():
    outcomes = decide(facts(intervention=True))
    assert outcomes[P.TEMPORARY_LIVING_SUPPORT].granted
    assert "处于监护干预状态" in outcomes[P.TEMPORARY_LIVING_SUPPORT].reasons[0]
    assert not outcomes[P.HARDSHIP_LIVING_ALLOWANCE].eligible


def test_temporary_living_support_stacks_with_the_pick_of_the_group():
    assert granted(facts(S.TEMPORARILY_WITHOUT_FAMILY_SUPPORT)) >= {
        P.TEMPORARY_LIVING_SUPPORT,
        P.HARDSHIP_LIVING_ALLOWANCE,
    }


def test_nobody_is_eligible_at_18_or_after_exit():
    adult = decide(facts(S.ORPHAN, born=date(2008, 6, 15)))
    assert not any(o.eligible for o in adult.values())
    assert adult[P.DESTITUTE_SUPPORT].reasons == ("不符合条件：已满18周岁",)
    just_under = decide(facts(S.ORPHAN, born=date(2008, 6, 16)))
    assert just_under[P.DESTITUTE_SUPPORT].granted
    gone = decide(facts(S.ORPHAN, active=False))
    assert not any(o.eligible for o in gone.values())
    assert gone[P.DESTITUTE_SUPPORT].reasons == ("不符合条件：已退出保障范围（2026-06-03）",)


@pytest.mark.parametrize(
    ("subtypes", "percent"),
    [
        ((S.ORPHAN,), 100),
        ((S.MINIMUM_SUBSISTENCE_FAMILY,), 100),
        ((S.STREET_CHILD,), 70),
        ((S.LOW_INCOME_FAMILY,), 50),
        ((S.LOW_INCOME_FAMILY, S.DISABLED), 100),
        ((S.LOW_INCOME_FAMILY, S.TRAFFICKING_RESCUED), 70),
    ],
)
def test_the_premium_subsidy_share_follows_the_highest_category(subtypes, percent):
    premium = decide(facts(*subtypes))[P.INSURANCE_PREMIUM_SUBSIDY]
    assert premium.share_percent == percent
    assert premium.monthly_amount_fen == DEFAULTS[P.INSURANCE_PREMIUM_SUBSIDY] * percent // 100
    assert f"补贴比例{percent}%" in premium.reasons[1]


def test_the_guardianship_allowance_is_a_pilot_off_until_enabled():
    child = facts(S.ORPHAN, guardian=True)
    off = decide(child)[P.GUARDIANSHIP_ALLOWANCE]
    assert off.kind is K.PILOT_NOT_ENABLED and not off.eligible and off.conditions_met
    assert "试点尚未启用" in off.reasons[-1]
    on = decide(child, enabled={P.GUARDIANSHIP_ALLOWANCE: True})[P.GUARDIANSHIP_ALLOWANCE]
    assert on.granted
    alone = decide(facts(S.ORPHAN), enabled={P.GUARDIANSHIP_ALLOWANCE: True})
    assert not alone[P.GUARDIANSHIP_ALLOWANCE].eligible


def test_health_details_never_appear_in_reasons():
    outcomes = decide(facts(S.HIV_AFFECTED))
    assert outcomes[P.HARDSHIP_LIVING_ALLOWANCE].granted
    text = "".join(r for o in outcomes.values() for r in o.reasons)
    assert "HIV" not in text and "艾滋" not in text


# ---- pick the highest (择高原则) and what stacks -------------------------------------------


def test_a_disabled_child_gets_the_higher_of_the_allowance_and_the_two_subsidies():
    outcomes = decide(facts(S.DISABLED))
    assert outcomes[P.HARDSHIP_LIVING_ALLOWANCE].granted
    loser = outcomes[P.DISABILITY_TWO_SUBSIDIES]
    assert loser.kind is K.SUPERSEDED and loser.eligible and not loser.granted
    assert loser.superseded_by is P.HARDSHIP_LIVING_ALLOWANCE
    assert loser.reasons[-1] == (
        "符合条件，未予发放：择高原则，由困境儿童生活保障（月标准1,800.00元）替代"
    )
    assert "择高原则：在困境儿童生活保障、残疾人两项补贴中月标准最高（1,800.00元）" in (
        outcomes[P.HARDSHIP_LIVING_ALLOWANCE].reasons
    )


def test_raising_a_standard_changes_the_winner():
    outcomes = decide(facts(S.DISABLED), standards={P.DISABILITY_TWO_SUBSIDIES: 250000})
    assert outcomes[P.DISABILITY_TWO_SUBSIDIES].granted
    assert outcomes[P.HARDSHIP_LIVING_ALLOWANCE].superseded_by is P.DISABILITY_TWO_SUBSIDIES


def test_three_members_at_once_give_one_the_highest():
    outcomes = decide(facts(S.ORPHAN, S.DISABLED))
    assert [c for c in GROUP.members if outcomes[c].granted] == [P.DESTITUTE_SUPPORT]
    assert {outcomes[c].kind for c in GROUP.members if c is not P.DESTITUTE_SUPPORT} == {
        K.SUPERSEDED
    }


def test_a_tie_keeps_what_the_child_holds_else_the_order_of_the_rules():
    equal = {P.HARDSHIP_LIVING_ALLOWANCE: 100000, P.DISABILITY_TWO_SUBSIDIES: 100000}
    assert P.HARDSHIP_LIVING_ALLOWANCE in granted(facts(S.DISABLED), standards=equal)
    held = frozenset({P.DISABILITY_TWO_SUBSIDIES})
    assert P.DISABILITY_TWO_SUBSIDIES in granted(facts(S.DISABLED), standards=equal, held=held)


def test_minimum_subsistence_stacks_with_the_winner():
    outcomes = decide(facts(S.MINIMUM_SUBSISTENCE_FAMILY))
    assert outcomes[P.MINIMUM_SUBSISTENCE].granted
    assert outcomes[P.HARDSHIP_LIVING_ALLOWANCE].granted
    assert any("可与困境儿童生活保障同时享受" in r for r in outcomes[P.MINIMUM_SUBSISTENCE].reasons)
    assert "不列入本区发放批次" in outcomes[P.MINIMUM_SUBSISTENCE].reasons[-1]


def test_the_stacking_exception_is_data_not_code():
    text = _text()
    exception = (
        "    stacks_with:\n"
        "      - programme: MINIMUM_SUBSISTENCE\n"
        "        basis: 享受最低生活保障待遇的困境儿童，可同时享受困境儿童生活保障待遇\n"
    )
    assert exception in text
    strict = parse(text.replace(exception, ""))
    outcomes = {
        o.programme: o
        for o in engine.decide(
            strict, facts(S.MINIMUM_SUBSISTENCE_FAMILY), DEFAULTS, PILOTS_OFF, frozenset()
        )
    }
    assert outcomes[P.MINIMUM_SUBSISTENCE].kind is K.NOT_COMBINABLE
    assert outcomes[P.MINIMUM_SUBSISTENCE].reasons[-1] == (
        "符合条件，未予发放：与困境儿童生活保障同属基本生活保障，不同时享受"
    )
    assert strict.conflicts(P.MINIMUM_SUBSISTENCE, P.HARDSHIP_LIVING_ALLOWANCE)
    assert not RULES.conflicts(P.MINIMUM_SUBSISTENCE, P.HARDSHIP_LIVING_ALLOWANCE)


# ---- whatever the standards: never two of a group, always the highest ---------------------

AMOUNTS = st.integers(min_value=0, max_value=1_000_000)


@settings(max_examples=400, deadline=None)
@given(
    subtypes=st.frozensets(st.sampled_from(list(Subtype))),
    standards=st.fixed_dictionaries({code: AMOUNTS for code in ProgrammeCode}),
    held=st.frozensets(st.sampled_from(list(ProgrammeCode))),
    intervention=st.booleans(),
    guardian=st.booleans(),
    pilot=st.booleans(),
)
def test_whatever_the_standards_a_child_holds_one_of_a_group_and_the_highest(
    subtypes, standards, held, intervention, guardian, pilot
):
    child = facts(*subtypes, intervention=intervention, guardian=guardian)
    outcomes = decide(
        child, standards=standards, enabled={P.GUARDIANSHIP_ALLOWANCE: pilot}, held=held
    )
    for group in RULES.exclusive_groups:
        eligible = [c for c in group.members if outcomes[c].eligible]
        winners = [c for c in group.members if outcomes[c].granted]
        assert len(winners) == (1 if eligible else 0)
        if eligible:
            winner = winners[0]
            best = max(standards[c] for c in eligible)
            assert standards[winner] == best
            for loser in set(eligible) - {winner}:
                assert outcomes[loser].kind is K.SUPERSEDED
                assert outcomes[loser].superseded_by is winner
            for code in RULES.excluded_beside(group):
                assert not outcomes[code].granted
    # Minimum subsistence is recorded whenever its condition holds: it stacks.
    assert outcomes[P.MINIMUM_SUBSISTENCE].granted == (S.MINIMUM_SUBSISTENCE_FAMILY in subtypes)
    held_pairs = [
        (a, b)
        for a in outcomes
        for b in outcomes
        if outcomes[a].granted and outcomes[b].granted and RULES.conflicts(a, b)
    ]
    assert held_pairs == []
