"""Aid by stage (分类资助): standards, decisions per child and programme, the semester ledger."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


def fen() -> Any:
    """An amount in fen: 64 bits (a semester's total may pass 2^31 fen)."""
    return Field(sa_column=Column(BigInteger, nullable=False))


class AidStandard(SQLModel, table=True):
    """A programme's annual amount as the district set it, from a day on (资助标准); kept."""

    __tablename__ = "aid_standard"

    id: str = Field(primary_key=True, max_length=36)
    programme: str = Field(index=True, max_length=40)
    annual_fen: int = fen()
    effective_from: date
    set_by: str
    set_at: datetime = timestamp()


class AidDecision(SQLModel, table=True):
    """The standing decision on one programme for one child (资助认定), replaced when it changes."""

    __tablename__ = "aid_decision"

    child_id: str = Field(primary_key=True, max_length=36)
    programme: str = Field(primary_key=True, max_length=40)
    eligible: bool
    reasons: list[str] = json_column()
    annual_amount_fen: int = fen()
    stage: str | None = None
    rule_version: str
    decided_on: date
    trigger: str
    decided_at: datetime = timestamp()


class AidSemester(SQLModel, table=True):
    """One semester's aid paid (学期资助发放批次); one per semester, never recomputed."""

    __tablename__ = "aid_semester"

    id: str = Field(primary_key=True, max_length=36)
    semester: str = Field(unique=True, max_length=11)  # 2026-AUTUMN
    starts_on: date
    line_count: int
    total_fen: int = fen()
    rule_version: str
    standards: dict[str, Any] = json_column()
    created_by: str
    created_at: datetime = timestamp()


class AidLine(SQLModel, table=True):
    """One child's aid of one programme in a semester (发放明细); unique per child, programme and
    semester."""

    __tablename__ = "aid_line"

    id: int | None = Field(default=None, primary_key=True)
    semester_id: str = Field(foreign_key="aid_semester.id")
    semester: str
    child_id: str
    child_name: str
    programme: str
    stage: str
    amount_fen: int = fen()
    residence_division_code: str
    town_code: str


class AidTotal(SQLModel, table=True):
    """A semester's total for one town and programme (汇总)."""

    __tablename__ = "aid_total"

    semester_id: str = Field(primary_key=True, foreign_key="aid_semester.id")
    town_code: str = Field(primary_key=True)
    programme: str = Field(primary_key=True)
    line_count: int
    total_fen: int = fen()
