"""API shapes of divisions."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class DivisionLevel(StrEnum):
    """District, town (镇街) or village (社区/村)."""

    DISTRICT = "DISTRICT"
    TOWN = "TOWN"
    VILLAGE = "VILLAGE"


class DivisionOut(BaseModel):
    """A division as the API shows it."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    code: str
    name: str
    level: DivisionLevel
    parent_code: str | None
