"""Ledger imports (台账导入)."""

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class ImportBatch(SQLModel, table=True):
    """One imported file, by hash of the importer's division and the bytes: importing it again
    from the same division returns this report; from another, it is imported on its own."""

    __tablename__ = "import_batch"

    id: str = Field(primary_key=True, max_length=36)
    file_hash: str = Field(unique=True)
    file_name: str
    mode: str
    imported_by: str
    imported_at: datetime = timestamp()
    report: dict[str, Any] = json_column()
