"""API shapes of programmes and standards."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from shouhu.benefits.rules.schema import Category, ProgrammeCode, ProgrammeKind
from shouhu.platform.schemas import Camel, Input, Said


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


FIRST_YEAR = 2017  # the district's plan (门政办发〔2017〕69号)
MAX_MONTHLY_FEN = 10_000_000  # 100,000.00 yuan a month: anything above is a typing slip


class SetStandard(Input):
    """`setBenefitStandard`: the monthly amount in fen of a programme in a year."""

    monthly_amount_fen: Annotated[
        int,
        Field(ge=0, le=MAX_MONTHLY_FEN),
        Said(f"月标准应为0至{MAX_MONTHLY_FEN}分（10万元）之间的整数（单位：分）"),
    ]


class SetEnabled(Input):
    """Switch a pilot on or off."""

    enabled: bool
