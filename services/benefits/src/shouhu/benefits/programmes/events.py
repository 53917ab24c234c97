"""Events of programmes on the benefits topic (documented in docs/benefits.md)."""

from __future__ import annotations

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

STANDARD_SET = "benefits.standard.set"
PROGRAMME_ENABLED_CHANGED = "benefits.programme.enabled_changed"


class StandardSet(Camel):
    """`benefits.standard.set` v1: the district set a programme's monthly standard for a year."""

    programme: str
    year: int
    monthly_amount_fen: int
    previous_fen: int | None
    set_by: str


class ProgrammeEnabledChanged(Camel):
    """`benefits.programme.enabled_changed` v1: a pilot was switched on or off."""

    programme: str
    enabled: bool
    changed_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (STANDARD_SET, 1): StandardSet,
    (PROGRAMME_ENABLED_CHANGED, 1): ProgrammeEnabledChanged,
}
