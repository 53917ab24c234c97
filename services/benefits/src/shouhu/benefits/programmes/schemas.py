"""API shapes of programmes and standards."""

from __future__ import annotations

from datetime import datetime

from shouhu.benefits.rules.schema import Category, ProgrammeCode, ProgrammeKind
from shouhu.platform.schemas import Camel, Input


class StandardOut(Camel):
    """The monthly amount of one year, as set (or the placeholder default)."""

    year: int
    monthly_amount_fen: int
    placeholder: bool
    set_by: str | None
    set_at: datetime | None


class ExclusiveGroupOut(Camel):
    code: str
    name: str
    basis: str
    members: list[ProgrammeCode]
    stacks_with: list[ProgrammeCode]


class ProgrammeOut(Camel):
    """A programme with its current standard and every standard set."""

    code: ProgrammeCode
    name: str
    kind: ProgrammeKind
    category: Category
    basis: str
    administered_elsewhere: bool
    paid_in_batches: bool
    pilot: bool
    enabled: bool
    exclusive_group: ExclusiveGroupOut | None
    year: int
    monthly_amount_fen: int
    placeholder: bool
    standards: list[StandardOut]
    rule_version: str


class SetStandard(Input):
    """`setBenefitStandard`: the monthly amount in fen of a programme in a year."""

    monthly_amount_fen: int


class SetEnabled(Input):
    """Switch a pilot on or off."""

    enabled: bool
