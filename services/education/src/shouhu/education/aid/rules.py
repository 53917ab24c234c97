"""The shape of the aid rules file (`aid-rules.yaml`), checked by pydantic when it is loaded.

The shape follows benefits' rules (`shouhu.benefits.rules.schema`): programmes with conditions
of which any one qualifies, a placeholder standard until the district sets one, a version
recorded on every decision. Education's own part: the stage a programme needs, the boarding
flag, the district's left-behind switch and the semesters' split.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator

from shouhu.education.schools.schemas import SchoolStage


class AidProgramme(StrEnum):
    """The aid programmes of education (资助项目); the API's names."""

    PRESCHOOL_AID = "PRESCHOOL_AID"
    BOARDING_LIVING_SUBSIDY = "BOARDING_LIVING_SUBSIDY"
    SENIOR_NATIONAL_GRANT = "SENIOR_NATIONAL_GRANT"
    SENIOR_FEE_WAIVER = "SENIOR_FEE_WAIVER"
    VOCATIONAL_FEE_WAIVER = "VOCATIONAL_FEE_WAIVER"
    VOCATIONAL_NATIONAL_GRANT = "VOCATIONAL_NATIONAL_GRANT"


class Group(StrEnum):
    """The registry's classification groups (分类组); LEFT_BEHIND is not a hardship group."""

    POVERTY = "POVERTY"
    GUARDIANSHIP_LACK = "GUARDIANSHIP_LACK"
    ILLNESS_DISABILITY = "ILLNESS_DISABILITY"
    TEMPORARY = "TEMPORARY"
    LEFT_BEHIND = "LEFT_BEHIND"


class Semester(StrEnum):
    """The two semesters of a school year (学期)."""

    SPRING = "SPRING"
    AUTUMN = "AUTUMN"


class Strict(BaseModel):
    """Unknown keys in the rules file are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(Strict):
    """One way to qualify (条件): every clause given must hold."""

    label: str = Field(min_length=1)
    groups: tuple[Group, ...] = ()
    subtypes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _has_a_clause(self) -> Condition:
        if not self.groups and not self.subtypes:
            raise ValueError(f"条件“{self.label}”没有任何判断项")
        return self


class ProgrammeRule(Strict):
    """A programme (资助项目): the stage it needs and who qualifies."""

    code: AidProgramme
    name: str = Field(min_length=1, max_length=50)
    stages: tuple[SchoolStage, ...] = Field(min_length=1)
    boarding_required: bool = False
    default_annual_fen: int = Field(ge=0)
    basis: str = Field(min_length=1)
    left_behind_eligible: bool = False
    eligible_if_any: tuple[Condition, ...] = Field(min_length=1)


class SemesterRule(Strict):
    """A semester: its first day in the year (MM-DD) and its share of the annual standard."""

    code: Semester
    name: str = Field(min_length=1)
    starts: str = Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
    percent: int = Field(ge=0, le=100)


class Rules(Strict):
    """The whole rules file, with a version recorded on every decision."""

    version: str = Field(min_length=1)
    title: str
    basis: str
    semesters: tuple[SemesterRule, ...]
    programmes: tuple[ProgrammeRule, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Rules:
        codes = [p.code for p in self.programmes]
        missing = set(AidProgramme) - set(codes)
        if missing or len(codes) != len(set(codes)):
            raise ValueError(f"每个项目须恰好出现一次；缺少或重复：{sorted(missing) or codes}")
        if sorted(s.code for s in self.semesters) != sorted(Semester):
            raise ValueError("须恰好列出春季学期和秋季学期")
        if sum(s.percent for s in self.semesters) != 100:
            raise ValueError("各学期所占比例合计须为100")
        return self

    def programme(self, code: AidProgramme | str) -> ProgrammeRule:
        return self._by_code[AidProgramme(code)]

    @cached_property
    def _by_code(self) -> dict[AidProgramme, ProgrammeRule]:
        return {p.code: p for p in self.programmes}

    def semester(self, code: Semester | str) -> SemesterRule:
        return next(s for s in self.semesters if s.code == Semester(code))

    @cached_property
    def stages(self) -> frozenset[SchoolStage]:
        """Every stage some programme needs: the children concerned are enrolled at one."""
        return frozenset(s for p in self.programmes for s in p.stages)

    def of_stage(self, stage: SchoolStage) -> tuple[AidProgramme, ...]:
        return tuple(p.code for p in self.programmes if stage in p.stages)


RULES_FILE = "aid-rules.yaml"


def parse(text: str) -> Rules:
    """Rules from YAML text; `ValueError` naming what is wrong."""
    raw: Any = yaml.safe_load(text)
    return Rules.model_validate(raw)


@cache
def load() -> Rules:
    """The district's aid rules, from the file beside this module."""
    source = resources.files("shouhu.education.aid") / RULES_FILE
    return parse(source.read_text(encoding="utf-8"))


def names(rules: Rules, codes: Sequence[AidProgramme]) -> str:
    """Programme names joined for a reason: 普通高中国家助学金、普通高中免学费."""
    return "、".join(rules.programme(c).name for c in codes)
