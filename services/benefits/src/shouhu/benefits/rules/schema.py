"""The shape of the rules file, checked by pydantic when it is loaded."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator


class ProgrammeCode(StrEnum):
    """The programmes of API.md (保障项目)."""

    HARDSHIP_LIVING_ALLOWANCE = "HARDSHIP_LIVING_ALLOWANCE"
    DISABILITY_TWO_SUBSIDIES = "DISABILITY_TWO_SUBSIDIES"
    DESTITUTE_SUPPORT = "DESTITUTE_SUPPORT"
    MINIMUM_SUBSISTENCE = "MINIMUM_SUBSISTENCE"
    TEMPORARY_LIVING_SUPPORT = "TEMPORARY_LIVING_SUPPORT"
    MEDICAL_REHABILITATION = "MEDICAL_REHABILITATION"
    INSURANCE_PREMIUM_SUBSIDY = "INSURANCE_PREMIUM_SUBSIDY"
    GUARDIANSHIP_ALLOWANCE = "GUARDIANSHIP_ALLOWANCE"


class ProgrammeKind(StrEnum):
    """How a programme is given (发放方式)."""

    MONTHLY_CASH = "MONTHLY_CASH"
    ANNUAL_SUBSIDY = "ANNUAL_SUBSIDY"
    ONE_OFF = "ONE_OFF"
    SERVICE = "SERVICE"


class Category(StrEnum):
    """What a programme secures (保障类别); pick-the-highest acts within one category."""

    BASIC_LIVING = "BASIC_LIVING"
    TEMPORARY_SUPPORT = "TEMPORARY_SUPPORT"
    MEDICAL = "MEDICAL"
    INSURANCE = "INSURANCE"
    GUARDIANSHIP = "GUARDIANSHIP"


class Group(StrEnum):
    """The registry's classification groups (分类组)."""

    POVERTY = "POVERTY"
    GUARDIANSHIP_LACK = "GUARDIANSHIP_LACK"
    ILLNESS_DISABILITY = "ILLNESS_DISABILITY"
    TEMPORARY = "TEMPORARY"
    LEFT_BEHIND = "LEFT_BEHIND"


class Subtype(StrEnum):
    """The registry's classification subtypes (分类细项)."""

    MINIMUM_SUBSISTENCE_FAMILY = "MINIMUM_SUBSISTENCE_FAMILY"
    LOW_INCOME_FAMILY = "LOW_INCOME_FAMILY"
    ORPHAN = "ORPHAN"
    ABANDONED_INFANT = "ABANDONED_INFANT"
    DE_FACTO_UNSUPPORTED = "DE_FACTO_UNSUPPORTED"
    STREET_CHILD = "STREET_CHILD"
    DISABLED = "DISABLED"
    SERIOUSLY_ILL = "SERIOUSLY_ILL"
    HIV_AFFECTED = "HIV_AFFECTED"
    TRAFFICKING_RESCUED = "TRAFFICKING_RESCUED"
    TEMPORARILY_WITHOUT_FAMILY_SUPPORT = "TEMPORARILY_WITHOUT_FAMILY_SUPPORT"
    BOTH_PARENTS_AWAY = "BOTH_PARENTS_AWAY"
    ONE_AWAY_OTHER_INCAPABLE = "ONE_AWAY_OTHER_INCAPABLE"


KIND_NAMES: dict[ProgrammeKind, str] = {
    ProgrammeKind.MONTHLY_CASH: "按月发放",
    ProgrammeKind.ANNUAL_SUBSIDY: "年度补贴",
    ProgrammeKind.ONE_OFF: "一次性发放",
    ProgrammeKind.SERVICE: "服务类",
}
CATEGORY_NAMES: dict[Category, str] = {
    Category.BASIC_LIVING: "基本生活保障",
    Category.TEMPORARY_SUPPORT: "临时性生活保障",
    Category.MEDICAL: "医疗康复",
    Category.INSURANCE: "保险",
    Category.GUARDIANSHIP: "监护支持",
}


class Strict(BaseModel):
    """Unknown keys in the rules file are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(Strict):
    """One way to qualify (条件): every clause given must hold."""

    label: str = Field(min_length=1)
    groups: tuple[Group, ...] = ()
    subtypes: tuple[Subtype, ...] = ()
    intervention_open: bool | None = None
    guardian_present: bool | None = None

    @model_validator(mode="after")
    def _has_a_clause(self) -> Condition:
        clauses = (self.groups, self.subtypes, self.intervention_open, self.guardian_present)
        if all(c in ((), None) for c in clauses):
            raise ValueError(f"条件“{self.label}”没有任何判断项")
        return self


class ShareTier(Strict):
    """A subsidy share for some categories (分类补贴比例)."""

    label: str = Field(min_length=1)
    percent: int = Field(ge=0, le=100)
    groups: tuple[Group, ...] = ()
    subtypes: tuple[Subtype, ...] = ()


class ProgrammeRule(Strict):
    """A programme (保障项目) and the conditions of its eligibility."""

    code: ProgrammeCode
    name: str = Field(min_length=1, max_length=50)
    kind: ProgrammeKind
    category: Category
    administered_elsewhere: bool = False
    pilot: bool = False
    enabled_by_default: bool = True
    default_monthly_fen: int = Field(ge=0)
    basis: str = Field(min_length=1)
    eligible_if_any: tuple[Condition, ...] = Field(min_length=1)
    share_by_category: tuple[ShareTier, ...] = ()

    @property
    def paid_in_batches(self) -> bool:
        """Monthly cash paid by the district: the lines of a payment batch."""
        return self.kind is ProgrammeKind.MONTHLY_CASH and not self.administered_elsewhere


class StackingException(Strict):
    """A programme of the group's category that may be held beside the winner (叠加例外)."""

    programme: ProgrammeCode
    basis: str = Field(min_length=1)


class ExclusiveGroup(Strict):
    """Programmes of which a child receives only the highest (择高组)."""

    code: str = Field(pattern=r"^[A-Z][A-Z_]*$")
    name: str = Field(min_length=1)
    basis: str = Field(min_length=1)
    category: Category
    members: tuple[ProgrammeCode, ...] = Field(min_length=2)
    stacks_with: tuple[StackingException, ...] = ()


class Rules(Strict):
    """The whole rules file, with a version recorded on every decision."""

    version: str = Field(min_length=1)
    title: str
    basis: str
    max_age_exclusive: int = Field(gt=0)
    programmes: tuple[ProgrammeRule, ...]
    exclusive_groups: tuple[ExclusiveGroup, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Rules:
        codes = [p.code for p in self.programmes]
        missing = set(ProgrammeCode) - set(codes)
        if missing or len(codes) != len(set(codes)):
            raise ValueError(f"每个项目须恰好出现一次；缺少或重复：{sorted(missing) or codes}")
        by_code = {p.code: p for p in self.programmes}
        grouped: set[ProgrammeCode] = set()
        for group in self.exclusive_groups:
            if len(set(group.members)) != len(group.members):
                raise ValueError(f"择高组{group.code}的成员重复")
            if grouped & set(group.members):
                raise ValueError(
                    f"一个项目只能属于一个择高组：{sorted(grouped & set(group.members))}"
                )
            grouped |= set(group.members)
            for member in group.members:
                if by_code[member].category is not group.category:
                    raise ValueError(f"择高组{group.code}的成员{member}不属于该组的保障类别")
            for exception in group.stacks_with:
                if exception.programme in group.members:
                    raise ValueError(f"叠加例外{exception.programme}不能同时是择高组成员")
        return self

    def programme(self, code: ProgrammeCode | str) -> ProgrammeRule:
        return self._by_code[ProgrammeCode(code)]

    @cached_property
    def _by_code(self) -> dict[ProgrammeCode, ProgrammeRule]:
        return {p.code: p for p in self.programmes}

    def group_of(self, code: ProgrammeCode) -> ExclusiveGroup | None:
        """The exclusive group a programme competes in, if any."""
        return next((g for g in self.exclusive_groups if code in g.members), None)

    def excluded_beside(self, group: ExclusiveGroup) -> frozenset[ProgrammeCode]:
        """Programmes not held beside the group's winner: its category, less the exceptions."""
        return self._excluded[group.code]

    @cached_property
    def _excluded(self) -> dict[str, frozenset[ProgrammeCode]]:
        found = {}
        for group in self.exclusive_groups:
            exceptions = {e.programme for e in group.stacks_with}
            found[group.code] = frozenset(
                p.code
                for p in self.programmes
                if p.category is group.category
                and p.code not in group.members
                and p.code not in exceptions
            )
        return found

    @cached_property
    def grouped(self) -> frozenset[ProgrammeCode]:
        """Every programme that competes in an exclusive group."""
        return frozenset(m for g in self.exclusive_groups for m in g.members)

    def conflicts(self, a: ProgrammeCode, b: ProgrammeCode) -> bool:
        """True when a child may not hold both in the same month."""
        return (a, b) in self._conflicts

    @cached_property
    def _conflicts(self) -> frozenset[tuple[ProgrammeCode, ProgrammeCode]]:
        pairs = set()
        for group in self.exclusive_groups:
            outside = self.excluded_beside(group)
            for a in group.members:
                for b in (*group.members, *outside):
                    if a != b:
                        pairs |= {(a, b), (b, a)}
        return frozenset(pairs)

    def affected_by(self, code: ProgrammeCode) -> frozenset[ProgrammeCode]:
        """Programmes whose decisions may change when `code`'s standard or state changes."""
        code = ProgrammeCode(code)
        related = {code}
        for other in ProgrammeCode:
            if self.conflicts(code, other):
                related.add(other)
        group = self.group_of(code)
        if group is not None:
            related |= set(group.members) | self.excluded_beside(group)
        return frozenset(related)


RULES_FILE = "benefit-rules.yaml"


def parse(text: str) -> Rules:
    """Rules from YAML text; `ValueError` naming what is wrong."""
    raw: Any = yaml.safe_load(text)
    return Rules.model_validate(raw)


@cache
def load() -> Rules:
    """The district's rules, from the file beside this module."""
    source = resources.files("shouhu.benefits.rules") / RULES_FILE
    return parse(source.read_text(encoding="utf-8"))


def names(rules: Rules, codes: Sequence[ProgrammeCode]) -> str:
    """Programme names joined for a reason: 困境儿童生活保障、残疾人两项补贴."""
    return "、".join(rules.programme(c).name for c in codes)
