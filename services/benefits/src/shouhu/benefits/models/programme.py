"""Programme settings and the standards the district sets per year."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.benefits.models._columns import fen
from shouhu.platform.columns import timestamp


class ProgrammeSetting(SQLModel, table=True):
    """Whether a programme runs (a pilot is off until enabled)."""

    __tablename__ = "programme_setting"

    code: str = Field(primary_key=True, max_length=40)
    enabled: bool
    updated_by: str
    updated_at: datetime = timestamp()


class BenefitStandard(SQLModel, table=True):
    """The monthly amount of a programme in one year (保障标准), in fen."""

    __tablename__ = "benefit_standard"

    programme: str = Field(primary_key=True, max_length=40)
    year: int = Field(primary_key=True)
    monthly_amount_fen: int = fen()
    set_by: str
    set_at: datetime = timestamp()


class StandardChange(SQLModel, table=True):
    """Every setting of a standard, kept: who, when, from what to what."""

    __tablename__ = "standard_change"

    seq: int | None = Field(default=None, primary_key=True)
    programme: str
    year: int
    previous_fen: int | None = fen(nullable=True)
    monthly_amount_fen: int = fen()
    set_by: str
    set_at: datetime = timestamp()
