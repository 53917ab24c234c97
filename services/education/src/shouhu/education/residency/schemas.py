"""API shapes of non-Beijing children's enrolment documents (非京籍入学材料)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.schemas import Camel, Day, Input, Said

MAX_DOCUMENTS = 30
CODE_MAX = 40


class DocumentsInput(Input):
    """`recordEnrolmentDocuments`: the codes provided as of the check (the complete set: a code
    left out is not provided), and the day they were checked (today when not given)."""

    documents: Annotated[
        list[Annotated[str, Field(max_length=CODE_MAX)]],
        Field(max_length=MAX_DOCUMENTS),
        Said(f"材料最多{MAX_DOCUMENTS}项"),
    ]
    checked_on: Annotated[date, Day("核验日期")] | None = None


class DocumentOut(Camel):
    """One document the child's enrolment needs (or one recorded beyond them)."""

    code: str
    name: str
    required: bool = Field(description="Asked for the child's stage")
    provided: bool


class NonBeijingOut(Camel):
    """A non-Beijing child's hukou and documents; `complete` when every required one is in."""

    hukou_division_code: str
    stage: SchoolStage = Field(description="The stage the documents are asked for")
    documents: list[DocumentOut]
    complete: bool
    checked_on: date | None
    checked_by: str | None
    rule_version: str
