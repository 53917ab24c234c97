"""The education statistics of a division (教育统计): who may read them, and the figures summed
from the repository's groups (a few hundred at most, never a row per child)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.dropout.rules import load as watch
from shouhu.education.residency.rules import load as documents
from shouhu.education.schools.schemas import SchoolStage
from shouhu.education.statistics import repository
from shouhu.education.statistics.schemas import (
    EducationFigures,
    EducationStatisticsOut,
    StageFigures,
    TownFigures,
)
from shouhu.platform import divisions
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden

HOME_TEACHING = SchoolStage.HOME_TEACHING.value


@dataclass
class _Sum:
    children: int = 0
    compulsory_age: int = 0
    compulsory_age_enrolled: int = 0
    open_risks: int = 0
    by_stage: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, group: repository.Group) -> None:
        self.children += group.children
        self.open_risks += group.open_risks
        if group.of_age:
            self.compulsory_age += group.children
        if group.stage is not None:
            self.by_stage[group.stage] += group.children
            if group.of_age:
                self.compulsory_age_enrolled += group.children

    def out(self) -> EducationFigures:
        return EducationFigures(
            children=self.children,
            compulsory_age=self.compulsory_age,
            compulsory_age_enrolled=self.compulsory_age_enrolled,
            enrolled=sum(self.by_stage.values()),
            open_dropout_risks=self.open_risks,
            home_teaching=self.by_stage.get(HOME_TEACHING, 0),
            by_stage=[
                StageFigures(stage=s, enrolled=self.by_stage.get(s.value, 0)) for s in SchoolStage
            ],
        )


def statistics(
    session: Session, principal: Principal, division_code: str, on: date | None = None
) -> EducationStatisticsOut:
    """The figures of a division within the caller's: every child, the non-Beijing ones apart,
    and each town's."""
    policy.require(principal, policy.STATISTICS_ROLES, "无权查看教育统计")
    if not principal.sees(division_code):
        raise Forbidden("无权查看该区划的教育统计")
    on = on or today()
    after, up_to = watch().born_between(on)
    rules = documents()
    everyone, outside = _Sum(), _Sum()
    towns: dict[str, tuple[_Sum, _Sum]] = defaultdict(lambda: (_Sum(), _Sum()))
    for group in repository.groups(session, division_code, after, up_to, rules.beijing_prefixes):
        town_all, town_outside = towns[group.town_code]
        everyone.add(group)
        town_all.add(group)
        if group.non_beijing:
            outside.add(group)
            town_outside.add(group)
    return EducationStatisticsOut(
        division_code=division_code,
        as_of=on,
        all_children=everyone.out(),
        non_beijing=outside.out(),
        by_town=[
            TownFigures(
                town_code=code,
                town_name=divisions.name(code),
                all_children=towns[code][0].out(),
                non_beijing=towns[code][1].out(),
            )
            for code in sorted(towns)
        ],
        rule_version=rules.version,
    )
