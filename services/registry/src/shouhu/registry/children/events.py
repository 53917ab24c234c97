"""Events of children's files on the registry topic (see docs/events.md)."""

from datetime import date

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

CHILD_REGISTERED = "registry.child.registered"


class ChildRegistered(BaseModel):
    """`registry.child.registered` v1: a file was opened."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    child_id: str
    name: str
    gender: str
    birth_date: date
    residence_division_code: str
    town_division_code: str
    registered_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {(CHILD_REGISTERED, 1): ChildRegistered}
