"""API shapes of the education statistics."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.schemas import Camel


class StageFigures(Camel):
    """The children with an open enrolment at a stage."""

    stage: SchoolStage
    enrolled: int


class EducationFigures(Camel):
    """The counts of one set of children (all, or the non-Beijing ones) in scope."""

    children: int = Field(description="Children of the projection, not exited")
    compulsory_age: int = Field(description="Of compulsory-school age today (义务教育适龄)")
    compulsory_age_enrolled: int = Field(description="Of them, with an open enrolment")
    enrolled: int = Field(description="With an open enrolment (ACTIVE or SUSPENDED), any age")
    open_dropout_risks: int = Field(description="Open dropout risks (控辍保学)")
    home_teaching: int = Field(description="Open HOME_TEACHING enrolments (送教上门)")
    by_stage: list[StageFigures] = Field(description="Enrolled per stage, every stage listed")


class TownFigures(Camel):
    """A town's figures, all children and the non-Beijing ones."""

    town_code: str
    town_name: str
    all_children: EducationFigures
    non_beijing: EducationFigures


class EducationStatisticsOut(Camel):
    """A division's education figures as of today, non-Beijing children (非京籍) apart, and by
    town below the district."""

    division_code: str
    as_of: date
    all_children: EducationFigures
    non_beijing: EducationFigures = Field(
        description="Children whose hukou is recorded outside Beijing"
    )
    by_town: list[TownFigures] = Field(description="Each town with children in scope, by code")
    rule_version: str = Field(description="The version of documents.yaml (who is non-Beijing)")
