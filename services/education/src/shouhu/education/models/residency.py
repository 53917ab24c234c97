"""Non-Beijing children's enrolment documents (非京籍入学材料), each check kept."""

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class DocumentCheck(SQLModel, table=True):
    """The documents of a child seen by the department or its school on a day (材料核验); the
    newest check is what stands, the earlier ones are its history."""

    __tablename__ = "enrolment_document_check"
    __table_args__ = (
        Index("ux_enrolment_document_check_child_number", "child_id", "number", unique=True),
    )

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(max_length=36)
    # The child's checks counted from 1: the highest stands (two at once: one is refused).
    number: int
    # The codes of documents.yaml provided as of `checked_on` (the complete set, not a delta).
    documents: list[str] = json_column()
    checked_on: date
    checked_by: str
    # The school of a school's staff who checked; None for the education department.
    school_code: str | None = Field(default=None, max_length=10)
    checked_at: datetime = timestamp()
