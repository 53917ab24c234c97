"""API shapes of children's files."""

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class Gender(StrEnum):
    """Gender as on the identity card."""

    MALE = "MALE"
    FEMALE = "FEMALE"


class ChildStatus(StrEnum):
    """In scope, or exited (退出)."""

    ACTIVE = "ACTIVE"
    EXITED = "EXITED"


class PrimaryCategory(StrEnum):
    """Hardship (困境), left-behind (留守), or neither yet."""

    HARDSHIP = "HARDSHIP"
    LEFT_BEHIND = "LEFT_BEHIND"
    NONE = "NONE"


class _Camel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class RegisterChild(_Camel):
    """What the window or the village records to open a file."""

    name: str = Field(max_length=50)
    gender: Gender
    birth_date: date
    id_number: str | None = None
    residence_division_code: str
    hukou_division_code: str | None = None


class ChildOut(_Camel):
    """A child's file as the caller may see it."""

    id: str
    version: int
    name: str
    gender: Gender
    birth_date: date
    age: int
    id_number: str | None
    hukou_division_code: str | None
    residence_division_code: str
    status: ChildStatus
    primary_category: PrimaryCategory
    left_behind: bool
    created_at: datetime
