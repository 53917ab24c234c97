"""The ledger import's types."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry


@strawberry.enum(description="Refuse the whole file on any bad row, or take the good rows")
class ImportMode(Enum):
    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    VALID_ROWS = "VALID_ROWS"


@strawberry.type(description="One bad cell: the row as the spreadsheet counts it, the header, why")
class ImportRowError:
    row: int
    column: str
    message: str


@strawberry.type(description="The outcome of one ledger file (台账导入结果)")
class ImportReport:
    batch_id: strawberry.ID | None = strawberry.field(
        description="The recorded import; null when ALL_OR_NOTHING refused the file"
    )
    file_name: str
    mode: ImportMode
    total_rows: int = strawberry.field(description="Rows with data (blank rows not counted)")
    imported_rows: int = strawberry.field(description="Files opened")
    skipped_rows: int = strawberry.field(description="Identity number registered already")
    held_for_review: int = strawberry.field(
        description="Possible duplicates (same name, birth date, village) held for review"
    )
    rejected_rows: int = strawberry.field(description="Rows with at least one error")
    error_count: int = strawberry.field(description="Every error; `errors` lists the first 1000")
    errors: list[ImportRowError]
    duplicate_of_earlier_import: bool = strawberry.field(
        description="The same file was imported before; its report, nothing written now"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ImportReport:
        return cls(
            batch_id=strawberry.ID(row["batchId"]) if row.get("batchId") else None,
            file_name=row["fileName"],
            mode=ImportMode(row["mode"]),
            total_rows=row["totalRows"],
            imported_rows=row["importedRows"],
            skipped_rows=row["skippedRows"],
            held_for_review=row["heldForReview"],
            rejected_rows=row["rejectedRows"],
            error_count=row["errorCount"],
            errors=[
                ImportRowError(row=e["row"], column=e["column"], message=e["message"])
                for e in row["errors"]
            ],
            duplicate_of_earlier_import=row["duplicateOfEarlierImport"],
        )
