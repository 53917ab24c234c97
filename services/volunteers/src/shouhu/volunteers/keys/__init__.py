"""The data key's rotation for volunteers: the platform's re-encryption (`shouhu.platform.rekey`)
over the volunteer table."""

from typing import cast

from sqlalchemy import Table

from shouhu.volunteers.models import Volunteer

# Plain table statements: a re-encrypted volunteer keeps its version.
VOLUNTEER = cast(Table, Volunteer.__table__)  # type: ignore[attr-defined]
