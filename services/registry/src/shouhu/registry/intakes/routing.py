"""Routing and the materials checklist as data (分办规则、材料清单), each file read once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from shouhu.platform.auth import Principal, Role
from shouhu.registry.intakes.schemas import IntakeNeed, TaskDepartment

ROUTING_FILE = "routing.yaml"
MATERIALS_FILE = "materials.yaml"


class _Data(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Route(_Data):
    """One department taking a need, within so many working days."""

    department: TaskDepartment
    working_days: int = Field(ge=1, le=250)


class Routing(_Data):
    """Need → departments and deadlines; role → department; service → departments it acts for."""

    version: str = Field(min_length=1, max_length=40)
    needs: dict[IntakeNeed, list[Route]]
    roles: dict[Role, TaskDepartment]
    services: dict[str, list[TaskDepartment]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _every_need_routed_once_per_department(self) -> Routing:
        missing = set(IntakeNeed) - set(self.needs)
        if missing:
            raise ValueError(f"needs without a route: {', '.join(sorted(missing))}")
        for need, routes in self.needs.items():
            departments = [r.department for r in routes]
            if not routes or len(set(departments)) != len(departments):
                raise ValueError(f"{need}: at least one department, each once")
        return self

    def routes(self, need: IntakeNeed) -> list[Route]:
        return self.needs[need]

    def departments_of(self, principal: Principal) -> frozenset[TaskDepartment]:
        """The departments whose tasks the principal works, by its roles."""
        return frozenset(dept for role, dept in self.roles.items() if principal.has_role(role))

    def serves(self, service: str, department: TaskDepartment) -> bool:
        """Whether `service` finishes tasks of `department` through its events."""
        return department in self.services.get(service, [])


class Checklist(_Data):
    """The documents the window asks for with each need."""

    needs: dict[IntakeNeed, list[str]]

    def required(self, need: IntakeNeed) -> list[str]:
        return list(self.needs.get(need, []))


def _read(path: str, default: str) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8")
    return (resources.files("shouhu.registry.intakes") / default).read_text(encoding="utf-8")


@cache
def load_routing(path: str = "") -> Routing:
    """The routing of `path`, or the default beside this module; read once per path."""
    return Routing.model_validate(yaml.safe_load(_read(path, ROUTING_FILE)))


@cache
def load_checklist() -> Checklist:
    return Checklist.model_validate(yaml.safe_load(_read("", MATERIALS_FILE)))


_current: list[str] = [""]


def use(path: str) -> Routing:
    """Route new applications by the file at `path` (empty: the default); checked at start."""
    routing = load_routing(path)
    _current[0] = path
    return routing


def current() -> Routing:
    """The routing new applications get, and the role and service tables."""
    return load_routing(_current[0])
