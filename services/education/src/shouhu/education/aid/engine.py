"""The aid engine: a child's facts, the rules and the standards in; per programme eligible or
not, with Chinese reasons and the annual amount, out.

Pure: no database, no clock. Every programme is decided the same way, from the rules file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from shouhu.education.aid.rules import AidProgramme, Condition, Group, ProgrammeRule, Rules
from shouhu.education.enrolments.stages import Stages
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.spreadsheets import yuan


@dataclass(frozen=True)
class Facts:
    """What the rules look at, as of the day of the decision."""

    on: date
    active: bool  # in the registry's scope (not exited)
    exited_on: date | None
    groups: frozenset[str]
    subtypes: frozenset[str]
    left_behind: bool
    stage: SchoolStage | None  # of the open enrolment
    suspended: bool  # the open enrolment is suspended (休学)
    boarding: bool
    school_name: str | None = None


@dataclass(frozen=True)
class Outcome:
    """The decision on one programme, with its reasons in Chinese."""

    programme: AidProgramme
    eligible: bool
    reasons: tuple[str, ...]
    annual_amount_fen: int


def holds(condition: Condition, facts: Facts) -> bool:
    """Every clause the condition gives holds for the facts."""
    if condition.groups and not facts.groups & {g.value for g in condition.groups}:
        return False
    return not (condition.subtypes and not facts.subtypes & set(condition.subtypes))


def left_behind(facts: Facts) -> bool:
    return facts.left_behind or Group.LEFT_BEHIND.value in facts.groups


def _one(
    rules: Rules, stages: Stages, programme: ProgrammeRule, facts: Facts, standard: int
) -> Outcome:
    def no(reason: str) -> Outcome:
        return Outcome(programme.code, False, (f"不符合条件：{reason}",), 0)

    if not facts.active:
        when = f"（{facts.exited_on.isoformat()}）" if facts.exited_on else ""
        return no(f"已退出关爱保护范围{when}")
    needed = "或".join(stages.of(s).name for s in programme.stages)
    if facts.stage is None:
        return no(f"须在读{needed}，该儿童没有在读学籍")
    if facts.stage not in programme.stages:
        return no(f"须在读{needed}，该儿童在读{stages.of(facts.stage).name}")
    if facts.suspended:
        return no("休学期间不予资助")
    if programme.boarding_required and not facts.boarding:
        return no("须为寄宿生，该儿童学籍未登记寄宿")
    met = [c.label for c in programme.eligible_if_any if holds(c, facts)]
    if not met and programme.left_behind_eligible and left_behind(facts):
        met = ["留守儿童（区教委规定留守儿童可享受）"]
    if not met:
        labels = "，或".join(c.label for c in programme.eligible_if_any)
        if left_behind(facts):
            return no(f"须为{labels}；留守儿童不在本项目资助范围")
        return no(f"须为{labels}")
    school = f"（{facts.school_name}）" if facts.school_name else ""
    semesters = "，".join(f"{s.name}{yuan(standard * s.percent // 100)}元" for s in rules.semesters)
    return Outcome(
        programme.code,
        True,
        (
            f"符合条件：{'；'.join(met)}",
            f"在读{stages.of(facts.stage).name}{school}"
            + ("，寄宿生" if programme.boarding_required else ""),
            f"予以资助：每年{yuan(standard)}元（{semesters}）",
        ),
        standard,
    )


def decide(
    rules: Rules, stages: Stages, facts: Facts, standards: Mapping[AidProgramme, int]
) -> tuple[Outcome, ...]:
    """Decide every programme for one child, in the rules file's order."""
    return tuple(_one(rules, stages, p, facts, standards[p.code]) for p in rules.programmes)
