"""API shapes of the ledger import."""

from __future__ import annotations

from pydantic import Field

from shouhu.platform.schemas import Camel
from shouhu.platform.spreadsheets import MAX_LISTED_ERRORS, ImportMode, RowError

__all__ = ["ImportMode", "ImportReport", "RowError"]


class ImportReport(Camel):
    """The outcome of one file; `errors` lists at most 1000 of `errorCount`."""

    batch_id: str | None
    file_name: str
    mode: ImportMode
    total_rows: int = 0
    imported_rows: int = 0
    skipped_rows: int = 0
    held_for_review: int = 0
    rejected_rows: int = 0
    error_count: int = 0
    errors: list[RowError] = Field(default_factory=list)
    duplicate_of_earlier_import: bool = False

    def add_errors(self, found: list[RowError]) -> None:
        """Count every error; list them up to the cap so the report stays small."""
        self.error_count += len(found)
        room = MAX_LISTED_ERRORS - len(self.errors)
        if room > 0:
            self.errors.extend(found[:room])
