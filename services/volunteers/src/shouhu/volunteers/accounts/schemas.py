"""API shapes of volunteers' accounts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Input, Said


class AccountStatus(StrEnum):
    """Where a volunteer's account stands in the identity provider."""

    PENDING = "PENDING"  # registered; the worker has not made it yet (待开通)
    ACTIVE = "ACTIVE"  # made; enabled (已开通)
    DISABLED = "DISABLED"  # the volunteer was disabled (已停用)


class AccountOut(Camel):
    """A volunteer's account; `initialPassword` only in the registration's own answer."""

    username: str
    status: AccountStatus
    initial_password: str | None = Field(
        default=None,
        description="The one-time initial password, answered once to the registering clerk; "
        "changed at the first sign-in",
    )
    made_at: datetime | None = None
    disabled_reason: str | None = None
    disabled_by: str | None = None
    disabled_at: datetime | None = None


class DisableInput(Input):
    """`disableVolunteer`: why."""

    reason: Annotated[str, Field(min_length=1, max_length=200), Said("停用原因应为1至200个字符")]
