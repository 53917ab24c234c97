"""Kinds, ladders and posts of notifications: data the district may change (notifications.yaml)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RULES_FILE = Path(__file__).with_name("notifications.yaml")
LEVEL_LENGTH = {"DISTRICT": 6, "TOWN": 9, "VILLAGE": 12}


class Channel(StrEnum):
    """Where a notification goes: in the app (and live), by SMS, by email."""

    INAPP = "INAPP"
    SMS = "SMS"
    EMAIL = "EMAIL"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# In a ladder's rung, the role of whoever the chain first reached (a department's own head).
FIRST_RECIPIENTS_ROLE = "@recipient"


class Post(Strict):
    """A role at a level of the division a notification concerns."""

    role: str
    level: str = Field(pattern="^(DISTRICT|TOWN|VILLAGE)$")

    def division(self, code: str) -> str:
        """The division of this level above (or at) `code`."""
        return code[: LEVEL_LENGTH[self.level]]

    def role_after(self, first_role: str | None) -> str:
        """The rung's role; `@recipient` is the first recipient's own."""
        if self.role == FIRST_RECIPIENTS_ROLE:
            return first_role or ""
        return self.role


class Rung(Strict):
    """Who is told when the clock before it lapses (one post, or several at once)."""

    to: tuple[Post, ...]
    channels: tuple[Channel, ...]
    ack_within_minutes: int = Field(gt=0)

    @field_validator("to", mode="before")
    @classmethod
    def _one_or_several(cls, value: object) -> object:
        return [value] if isinstance(value, dict) else value


class Ladder(Strict):
    ack_within_minutes: int = Field(gt=0)
    rungs: tuple[Rung, ...]


class Severity(StrEnum):
    """How pressing a notification is, as the console shows it."""

    INFO = "INFO"
    WARNING = "WARNING"
    URGENT = "URGENT"


class Kind(Strict):
    urgent: bool = False
    # Shown as a warning though not urgent (a deadline near); urgent ones are URGENT.
    warning: bool = False
    channels: tuple[Channel, ...] = (Channel.INAPP,)
    ladder: str | None = None
    # The ladder of a pressing one (a report marked urgent): shorter clocks.
    pressing_ladder: str | None = None


class Reminder(Strict):
    """A notification of `kind`, `minutes_before` the deadline (0: at it); `ladder` in place of
    the kind's own, when this deadline has its own way up."""

    minutes_before: int = Field(ge=0)
    kind: str
    ladder: str | None = None


class Deadline(Strict):
    """What is sent as a deadline nears; the kind's ladder takes over once it passes."""

    reminders: tuple[Reminder, ...]


class Rules(Strict):
    kinds: dict[str, Kind]
    ladders: dict[str, Ladder]
    held_posts: dict[str, Post]
    post_emails: dict[str, str] = {}
    post_mobiles: dict[str, str] = {}
    deadlines: dict[str, Deadline] = {}
    department_posts: dict[str, Post] = {}

    def department_post(self, department: str) -> Post:
        """Whose board a department's task is on, or `KeyError` naming it (parked)."""
        if department not in self.department_posts:
            raise KeyError(f"unknown department {department}")
        return self.department_posts[department]

    @model_validator(mode="after")
    def _ladders_exist(self) -> Rules:
        for name, kind in self.kinds.items():
            for ladder in (kind.ladder, kind.pressing_ladder):
                if ladder is not None and ladder not in self.ladders:
                    raise ValueError(f"kind {name}: no ladder {ladder}")
        for name, deadline in self.deadlines.items():
            for reminder in deadline.reminders:
                if reminder.kind not in self.kinds:
                    raise ValueError(f"deadline {name}: no kind {reminder.kind}")
                if reminder.ladder is not None and reminder.ladder not in self.ladders:
                    raise ValueError(f"deadline {name}: no ladder {reminder.ladder}")
        if "ESCALATED" not in self.kinds:
            raise ValueError("kind ESCALATED is needed by the ladders")
        return self

    def ladder_of(
        self, kind: str, *, pressing: bool = False, deadline: str | None = None
    ) -> str | None:
        """The ladder a notification of `kind` climbs: the deadline's own, the pressing one, or
        the kind's."""
        spec = self.kind(kind)
        if deadline is not None:
            step = next((r for r in self.deadline(deadline).reminders if r.kind == kind), None)
            if step is not None and step.ladder is not None:
                return step.ladder
        if pressing and spec.pressing_ladder:
            return spec.pressing_ladder
        return spec.ladder

    def deadline(self, name: str) -> Deadline:
        """The deadline, or `KeyError` naming it (the consumer parks the event)."""
        if name not in self.deadlines:
            raise KeyError(f"unknown deadline {name}")
        return self.deadlines[name]

    def severity(self, kind: str, urgent: bool) -> Severity:
        """A notification's severity: URGENT as it was made; WARNING by its kind's rule now."""
        if urgent:
            return Severity.URGENT
        spec = self.kinds.get(kind)
        return Severity.WARNING if spec is not None and spec.warning else Severity.INFO

    def kind(self, name: str) -> Kind:
        """The kind, or `KeyError` naming it (the consumer parks the event)."""
        if name not in self.kinds:
            raise KeyError(f"unknown notification kind {name}")
        return self.kinds[name]


def load(path: Path = RULES_FILE) -> Rules:
    return Rules.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def rules() -> Rules:
    """The rules of this process, read once and checked at start."""
    return load()
