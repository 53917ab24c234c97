"""The programmes the rules treat apart for a subtype and what it is disclosed as, read from the
rules file; and that nothing else of a decision tells the two apart."""

from __future__ import annotations

from importlib import resources

import pytest

from shouhu.benefits import app, policy
from shouhu.benefits.rules.disclosure import check_ledger, treated_apart
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
