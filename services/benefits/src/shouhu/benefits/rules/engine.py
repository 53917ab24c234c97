"""The decision engine: facts, rules and standards in; an outcome with reasons per programme out.

Pure: no database, no clock. Every programme is decided the same way, from the rules file; the
exclusive groups and their stacking exceptions come from there too, never from branches here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shouhu.benefits.rules.schema import (
    CATEGORY_NAMES,
    Condition,
    Group,
    ProgrammeCode,
    ProgrammeKind,
    ProgrammeRule,
    Rules,
    ShareTier,
    Subtype,
    names,
)
from shouhu.platform.clock import age_on
from shouhu.platform.spreadsheets import yuan

GROUP_OF: dict[Subtype, Group] = {
    Subtype.MINIMUM_SUBSISTENCE_FAMILY: Group.POVERTY,
    Subtype.LOW_INCOME_FAMILY: Group.POVERTY,
    Subtype.ORPHAN: Group.GUARDIANSHIP_LACK,
    Subtype.ABANDONED_INFANT: Group.GUARDIANSHIP_LACK,
    Subtype.DE_FACTO_UNSUPPORTED: Group.GUARDIANSHIP_LACK,
    Subtype.STREET_CHILD: Group.GUARDIANSHIP_LACK,
    Subtype.DISABLED: Group.ILLNESS_DISABILITY,
    Subtype.SERIOUSLY_ILL: Group.ILLNESS_DISABILITY,
    Subtype.HIV_AFFECTED: Group.ILLNESS_DISABILITY,
    Subtype.TRAFFICKING_RESCUED: Group.TEMPORARY,
    Subtype.TEMPORARILY_WITHOUT_FAMILY_SUPPORT: Group.TEMPORARY,
    Subtype.BOTH_PARENTS_AWAY: Group.LEFT_BEHIND,
    Subtype.ONE_AWAY_OTHER_INCAPABLE: Group.LEFT_BEHIND,
}


class OutcomeKind(StrEnum):
    """What was decided for one programme (认定结果)."""

    GRANTED = "GRANTED"
    SUPERSEDED = "SUPERSEDED"
    NOT_COMBINABLE = "NOT_COMBINABLE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    PILOT_NOT_ENABLED = "PILOT_NOT_ENABLED"


@dataclass(frozen=True)
class Facts:
    """What the rules look at, as of the day of the decision."""

    on: date
    active: bool
    exited_on: date | None
    birth_date: date
    subtypes: frozenset[Subtype]
    intervention_open: bool
    guardian_present: bool

    @property
    def groups(self) -> frozenset[Group]:
        return frozenset(GROUP_OF[s] for s in self.subtypes)

    @property
    def age(self) -> int:
        return age_on(self.birth_date, self.on)


@dataclass(frozen=True)
class Outcome:
    """The decision on one programme, with its reasons in Chinese."""

    programme: ProgrammeCode
    kind: OutcomeKind
    conditions_met: bool
    reasons: tuple[str, ...]
    monthly_amount_fen: int
    share_percent: int
    superseded_by: ProgrammeCode | None = None

    @property
    def eligible(self) -> bool:
        return self.kind in (
            OutcomeKind.GRANTED,
            OutcomeKind.SUPERSEDED,
            OutcomeKind.NOT_COMBINABLE,
        )

    @property
    def granted(self) -> bool:
        return self.kind is OutcomeKind.GRANTED


def holds(condition: Condition, facts: Facts) -> bool:
    """Every clause the condition gives holds for the facts."""
    if condition.groups and not facts.groups & set(condition.groups):
        return False
    if condition.subtypes and not facts.subtypes & set(condition.subtypes):
        return False
    if (
        condition.intervention_open is not None
        and facts.intervention_open != condition.intervention_open
    ):
        return False
    return not (
        condition.guardian_present is not None
        and facts.guardian_present != condition.guardian_present
    )


def share_of(programme: ProgrammeRule, facts: Facts) -> tuple[int, ShareTier | None]:
    """The subsidy share (highest tier that applies); 100% when the programme has no tiers."""
    if not programme.share_by_category:
        return 100, None
    applying = [
        tier
        for tier in programme.share_by_category
        if facts.subtypes & set(tier.subtypes) or facts.groups & set(tier.groups)
    ]
    if not applying:
        return 0, None
    best = max(applying, key=lambda t: t.percent)
    return best.percent, best


def _first_look(
    rules: Rules,
    programme: ProgrammeRule,
    facts: Facts,
    standard: int,
    enabled: bool,
) -> Outcome:
    """Eligibility of one programme on its own, before the exclusive groups."""
    met = [c for c in programme.eligible_if_any if holds(c, facts)]
    in_scope = facts.active and facts.age < rules.max_age_exclusive
    share, tier = share_of(programme, facts)
    amount = standard * share // 100
    if not facts.active:
        when = f"（{facts.exited_on.isoformat()}）" if facts.exited_on else ""
        reasons: tuple[str, ...] = (f"不符合条件：已退出保障范围{when}",)
        return Outcome(programme.code, OutcomeKind.NOT_ELIGIBLE, False, reasons, 0, 0)
    if not in_scope:
        reasons = (f"不符合条件：已满{rules.max_age_exclusive}周岁",)
        return Outcome(programme.code, OutcomeKind.NOT_ELIGIBLE, False, reasons, 0, 0)
    if not met:
        needed = "，或".join(c.label for c in programme.eligible_if_any)
        reasons = (f"不符合条件：须为{needed}",)
        return Outcome(programme.code, OutcomeKind.NOT_ELIGIBLE, False, reasons, 0, 0)
    why = f"符合条件：{'；'.join(c.label for c in met)}"
    if programme.pilot and not enabled:
        reasons = (why, f"未予发放：{programme.name}试点尚未启用")
        return Outcome(programme.code, OutcomeKind.PILOT_NOT_ENABLED, True, reasons, 0, 0)
    details = [why]
    if tier is not None:
        details.append(f"补贴比例{share}%（{tier.label}）")
    elif programme.share_by_category:
        details.append("无适用的补贴比例")
    return Outcome(programme.code, OutcomeKind.GRANTED, True, tuple(details), amount, share)


def _granted_reason(programme: ProgrammeRule, outcome: Outcome) -> str:
    amount = yuan(outcome.monthly_amount_fen)
    if programme.administered_elsewhere:
        return f"予以登记：每月{amount}元，由主管部门审批发放，不列入本区发放批次"
    if programme.kind is ProgrammeKind.SERVICE:
        return f"纳入{programme.name}服务"
    if programme.kind is ProgrammeKind.ANNUAL_SUBSIDY:
        return f"予以补贴：每月{amount}元（全年{yuan(outcome.monthly_amount_fen * 12)}元）"
    if programme.kind is ProgrammeKind.ONE_OFF:
        return f"予以发放：一次性{amount}元"
    return f"予以发放：每月{amount}元"


def decide(
    rules: Rules,
    facts: Facts,
    standards: Mapping[ProgrammeCode, int],
    enabled: Mapping[ProgrammeCode, bool],
    held: frozenset[ProgrammeCode] = frozenset(),
) -> tuple[Outcome, ...]:
    """Decide every programme for one child; `held` breaks ties in favour of what the child has."""
    outcomes = {
        p.code: _first_look(
            rules, p, facts, standards[p.code], enabled.get(p.code, p.enabled_by_default)
        )
        for p in rules.programmes
    }
    for group in rules.exclusive_groups:
        contenders = [m for m in group.members if outcomes[m].granted]
        if not contenders:
            continue
        order = {code: index for index, code in enumerate(group.members)}
        winner = max(
            contenders,
            key=lambda c: (outcomes[c].monthly_amount_fen, c in held, -order[c]),
        )
        won = outcomes[winner]
        winner_name = rules.programme(winner).name
        if len(contenders) > 1:
            rivals = names(rules, contenders)
            outcomes[winner] = _with(
                won, f"{group.name}：在{rivals}中月标准最高（{yuan(won.monthly_amount_fen)}元）"
            )
            for loser in contenders:
                if loser != winner:
                    outcomes[loser] = _lose(
                        outcomes[loser],
                        OutcomeKind.SUPERSEDED,
                        f"符合条件，未予发放：{group.name}，由{winner_name}"
                        f"（月标准{yuan(won.monthly_amount_fen)}元）替代",
                        winner,
                    )
        for code in sorted(rules.excluded_beside(group)):
            if outcomes[code].granted:
                category = CATEGORY_NAMES[group.category]
                outcomes[code] = _lose(
                    outcomes[code],
                    OutcomeKind.NOT_COMBINABLE,
                    f"符合条件，未予发放：与{winner_name}同属{category}，不同时享受",
                    winner,
                )
        for exception in group.stacks_with:
            if outcomes[exception.programme].granted:
                outcomes[exception.programme] = _with(
                    outcomes[exception.programme],
                    f"可与{winner_name}同时享受：{exception.basis}",
                )
    final = []
    for programme in rules.programmes:
        outcome = outcomes[programme.code]
        if outcome.granted:
            outcome = _with(outcome, _granted_reason(programme, outcome))
        final.append(outcome)
    return tuple(final)


def _with(outcome: Outcome, reason: str) -> Outcome:
    return Outcome(
        outcome.programme,
        outcome.kind,
        outcome.conditions_met,
        (*outcome.reasons, reason),
        outcome.monthly_amount_fen,
        outcome.share_percent,
        outcome.superseded_by,
    )


def _lose(outcome: Outcome, kind: OutcomeKind, reason: str, winner: ProgrammeCode) -> Outcome:
    return Outcome(
        outcome.programme,
        kind,
        outcome.conditions_met,
        (outcome.reasons[0], reason),
        outcome.monthly_amount_fen,
        outcome.share_percent,
        winner,
    )
