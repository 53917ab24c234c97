"""The console's Chinese names of education's values (the platform's label tables) agree with
the district's files and cover every value of the API's enums."""

from __future__ import annotations

from shouhu.education.aid import rules
from shouhu.education.dropout.schemas import (
    DropoutRiskOutcome,
    DropoutRiskReason,
    ExemptionReason,
)
from shouhu.education.enrolments import stages
from shouhu.education.enrolments.schemas import EnrolmentEndReason, EnrolmentStatus
from shouhu.education.inclusive.schemas import PlacementKind
from shouhu.education.schools.schemas import SchoolKind, SchoolStage
from shouhu.platform import labels


def test_stage_and_programme_names_are_the_files_names():
    assert {str(k): v.name for k, v in stages.load().stages.items()} == dict(
        labels.SCHOOL_STAGE_NAMES
    )
    assert {str(p.code): p.name for p in rules.load().programmes} == dict(
        labels.AID_PROGRAMME_NAMES
    )


def test_every_enum_value_has_a_name():
    for enum, table in (
        (SchoolStage, labels.SCHOOL_STAGE_NAMES),
        (SchoolKind, labels.SCHOOL_KIND_NAMES),
        (EnrolmentStatus, labels.ENROLMENT_STATUS_NAMES),
        (EnrolmentEndReason, labels.ENROLMENT_END_REASON_NAMES),
        (DropoutRiskReason, labels.DROPOUT_RISK_REASON_NAMES),
        (DropoutRiskOutcome, labels.DROPOUT_RISK_OUTCOME_NAMES),
        (ExemptionReason, labels.EXEMPTION_REASON_NAMES),
        (PlacementKind, labels.PLACEMENT_KIND_NAMES),
    ):
        assert sorted(table) == sorted(m.value for m in enum), enum
