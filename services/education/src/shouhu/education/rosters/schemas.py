"""API shapes of the roster import."""

from __future__ import annotations

from pydantic import Field

from shouhu.platform.schemas import Camel
from shouhu.platform.spreadsheets import MAX_LISTED_ERRORS, ImportMode, RowError

__all__ = ["ImportMode", "RosterIdentities", "RosterReport", "RowError"]


class RosterIdentities(Camel):
    """The well-formed, distinct identity numbers of a roster, for the registry to match; none
    when the same file was imported for the school before (its report stands)."""

    id_numbers: list[str]
    already_imported: bool = False


class RosterReport(Camel):
    """The outcome of one roster; `errors` lists at most 1000 of `errorCount`."""

    import_id: str | None = Field(description="Null when ALL_OR_NOTHING refused the file")
    school_code: str
    file_name: str
    mode: ImportMode
    total_rows: int = Field(default=0, description="Rows with data (blank rows not counted)")
    enrolled_rows: int = Field(default=0, description="New enrolments at the school")
    transferred_rows: int = Field(
        default=0, description="Open enrolments at another school transferred here (转学)"
    )
    unchanged_rows: int = Field(
        default=0, description="Children with an open enrolment at the school already"
    )
    unmatched_rows: int = Field(default=0, description="Numbers not filed in the district")
    rejected_rows: int = Field(default=0, description="Malformed rows, or refused by the rules")
    error_count: int = 0
    errors: list[RowError] = Field(default_factory=list)
    duplicate_of_earlier_import: bool = Field(
        default=False, description="The same file for the school before: its report, nothing new"
    )

    def add_errors(self, found: list[RowError]) -> None:
        """Count every error; list them up to the cap so the report stays small."""
        self.error_count += len(found)
        room = MAX_LISTED_ERRORS - len(self.errors)
        if room > 0:
            self.errors.extend(found[:room])
