"""The registry's workforce events as notifications reads them (consumer side of the contract)."""

from datetime import date

from shouhu.platform.schemas import Camel


class WorkerAssigned(Camel):
    """`registry.workforce.assigned` v1, the fields read here."""

    member_id: str
    division_code: str
    role: str
    username: str | None
    name: str
    phone: str
    since: date


class AssignmentEnded(Camel):
    """`registry.workforce.ended` v1, the fields read here."""

    member_id: str
    until: date
