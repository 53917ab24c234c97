"""API shapes of the roster import of volunteers."""

from __future__ import annotations

from pydantic import Field

from shouhu.platform.schemas import Camel
from shouhu.platform.spreadsheets import MAX_LISTED_ERRORS, ImportMode, RowError

__all__ = ["ImportMode", "RosterAccount", "RowError", "VolunteerRosterReport"]


class RosterAccount(Camel):
    """A volunteer registered from a row and their account's one-time password (answered in
    this report only: hand each to the volunteer)."""

    row: int
    volunteer_id: str
    name: str
    username: str
    initial_password: str


class VolunteerRosterReport(Camel):
    """The outcome of one roster; `errors` lists at most 1000 of `errorCount`."""

    file_name: str
    mode: ImportMode
    organisation_id: str
    imported: bool = Field(description="False when ALL_OR_NOTHING refused the file")
    total_rows: int = Field(default=0, description="Rows with data (blank rows not counted)")
    registered_rows: int = 0
    rejected_rows: int = 0
    error_count: int = 0
    errors: list[RowError] = Field(default_factory=list)
    accounts: list[RosterAccount] = Field(default_factory=list)

    def add_errors(self, found: list[RowError]) -> None:
        self.rejected_rows += 1
        self.error_count += len(found)
        room = MAX_LISTED_ERRORS - len(self.errors)
        if room > 0:
            self.errors.extend(found[:room])
