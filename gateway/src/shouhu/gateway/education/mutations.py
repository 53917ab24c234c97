"""Mutations of education."""

from __future__ import annotations

import datetime

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from shouhu.gateway.common import Ctx, operation_name, to_json
from shouhu.gateway.education.types import (
    AbsenceInput,
    Absences,
    AidProgramme,
    AidSemester,
    AidStandardInput,
    DropoutRisk,
    Enrolment,
    EnrolmentDocumentsInput,
    EnrolmentEndReason,
    EnrolmentInput,
    ExemptionInput,
    HomeTeaching,
    HomeTeachingPlanInput,
    HomeTeachingSession,
    HomeTeachingSessionInput,
    NonBeijing,
    Placement,
    PlacementInput,
    RosterReport,
    School,
    SchoolFieldsInput,
    SchoolInput,
)
from shouhu.gateway.ledger.types import ImportMode
from shouhu.platform.errors import ValidationFailed

NO_FILE = "请上传花名册文件"


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=(
            "Import a school's roster (花名册, CSV or XLSX, multipart upload): each row matched by "
            "identity number at the registry, then an enrolment at the school; once per file and "
            "school; mode ALL_OR_NOTHING when not given"
        )
    )
    async def import_roster(
        self,
        info: Ctx,
        school_code: str,
        file: Upload,
        mode: ImportMode | None = None,
    ) -> RosterReport:
        if not isinstance(file, UploadFile):
            raise ValidationFailed(NO_FILE, fields={"file": NO_FILE})
        # Read once (the upload cap bounds it): the file goes to education twice.
        upload = (
            file.filename or "花名册",
            await file.read(),
            file.content_type or "application/octet-stream",
        )
        education = info.context.education
        # Numbers stay in the registry: education reads them from the file, the registry
        # answers ids, education writes the enrolments; the gateway composes the three calls.
        found = await education.roster_identities(school_code, upload)
        matches: dict[str, str] = {}
        if not found["alreadyImported"] and found["idNumbers"]:
            answer = await info.context.registry.match_identities(
                found["idNumbers"], operation_name(info)
            )
            matches = answer["matches"]
        chosen = (
            mode or ImportMode.ALL_OR_NOTHING
        ).value  # as the ledger: refused whole by default
        row = await education.import_roster(school_code, chosen, matches, upload)
        return RosterReport.from_row(row)

    @strawberry.mutation(description="Record a child's enrolment (登记学籍); none may be open")
    async def record_enrolment(
        self, info: Ctx, child_id: strawberry.ID, input: EnrolmentInput
    ) -> Enrolment:
        row = await info.context.education.record_enrolment(child_id, to_json(input))
        return Enrolment.from_row(row)

    @strawberry.mutation(description="End an enrolment with its reason (终止学籍)")
    async def end_enrolment(
        self,
        info: Ctx,
        id: strawberry.ID,
        reason: EnrolmentEndReason,
        ended_on: datetime.date | None = None,
    ) -> Enrolment:
        body = {"reason": reason.value, "endedOn": ended_on.isoformat() if ended_on else None}
        return Enrolment.from_row(await info.context.education.enrolment_action(id, "end", body))

    @strawberry.mutation(
        description="Transfer within the district (转学): the open one ends, the new one opens"
    )
    async def transfer_enrolment(
        self, info: Ctx, id: strawberry.ID, input: EnrolmentInput
    ) -> Enrolment:
        row = await info.context.education.enrolment_action(id, "transfer", to_json(input))
        return Enrolment.from_row(row)

    @strawberry.mutation(description="Suspend schooling (休学); the child stays enrolled")
    async def suspend_enrolment(
        self, info: Ctx, id: strawberry.ID, on: datetime.date | None = None
    ) -> Enrolment:
        body = {"on": on.isoformat() if on else None}
        return Enrolment.from_row(
            await info.context.education.enrolment_action(id, "suspend", body)
        )

    @strawberry.mutation(description="Resume schooling after a suspension (复学)")
    async def resume_enrolment(
        self, info: Ctx, id: strawberry.ID, on: datetime.date | None = None
    ) -> Enrolment:
        body = {"on": on.isoformat() if on else None}
        return Enrolment.from_row(await info.context.education.enrolment_action(id, "resume", body))

    @strawberry.mutation(description="Add a school to the district's list (education department)")
    async def create_school(self, info: Ctx, input: SchoolInput) -> School:
        return School.from_row(await info.context.education.create_school(to_json(input)))

    @strawberry.mutation(description="Change a school at the version shown (education department)")
    async def update_school(
        self, info: Ctx, code: str, version: int, input: SchoolFieldsInput
    ) -> School:
        row = await info.context.education.update_school(code, version, to_json(input))
        return School.from_row(row)

    @strawberry.mutation(
        description="Record an exemption (免予入学) of an open dropout risk: the education "
        "department or the town's social worker"
    )
    async def exempt_dropout_risk(
        self, info: Ctx, id: strawberry.ID, input: ExemptionInput
    ) -> DropoutRisk:
        row = await info.context.education.exempt_dropout_risk(id, to_json(input))
        return DropoutRisk.from_row(row)

    @strawberry.mutation(
        description="A school reports a child's absent days (缺课); a long run opens a dropout risk"
    )
    async def report_absence(
        self, info: Ctx, child_id: strawberry.ID, input: AbsenceInput
    ) -> Absences:
        row = await info.context.education.report_absence(child_id, to_json(input))
        return Absences.from_row(row)

    @strawberry.mutation(
        description="A school reports a child back at school (返校); a long absence is resolved"
    )
    async def report_return(
        self, info: Ctx, child_id: strawberry.ID, on: datetime.date | None = None
    ) -> Absences:
        body = {"on": on.isoformat() if on else None}
        return Absences.from_row(await info.context.education.report_return(child_id, body))

    @strawberry.mutation(
        description="Set an aid programme's annual standard from a day on (education department)"
    )
    async def set_aid_standard(self, info: Ctx, input: AidStandardInput) -> AidProgramme:
        row = await info.context.education.set_aid_standard(to_json(input))
        return AidProgramme.from_row(row)

    @strawberry.mutation(
        description="Compute a semester's aid ledger; running it twice pays nothing twice"
    )
    async def run_aid_semester(self, info: Ctx, semester: str) -> AidSemester:
        return AidSemester.from_row(await info.context.education.run_aid_semester(semester))

    @strawberry.mutation(
        description="Decide a disabled child's placement (安置) after its assessment; the current "
        "one ends, kept (the district's education department)"
    )
    async def decide_placement(
        self, info: Ctx, child_id: strawberry.ID, input: PlacementInput
    ) -> Placement:
        row = await info.context.education.decide_placement(child_id, to_json(input))
        return Placement.from_row(row)

    @strawberry.mutation(
        description="Plan home teaching (送教上门) of a HOME_TEACHING placement; the current plan "
        "ends (the district's education department)"
    )
    async def plan_home_teaching(
        self, info: Ctx, child_id: strawberry.ID, input: HomeTeachingPlanInput
    ) -> HomeTeaching:
        row = await info.context.education.plan_home_teaching(child_id, to_json(input))
        return HomeTeaching.from_row(row)

    @strawberry.mutation(
        description="Log a home teaching session held (送教记录): the sending school's staff or "
        "the education department"
    )
    async def record_home_teaching_session(
        self, info: Ctx, child_id: strawberry.ID, input: HomeTeachingSessionInput
    ) -> HomeTeachingSession:
        row = await info.context.education.record_home_teaching_session(child_id, to_json(input))
        return HomeTeachingSession.from_row(row)

    @strawberry.mutation(
        description="Record the enrolment documents a non-Beijing child (非京籍) has provided, as "
        "checked: the education department, or the staff of the child's school"
    )
    async def record_enrolment_documents(
        self, info: Ctx, child_id: strawberry.ID, input: EnrolmentDocumentsInput
    ) -> NonBeijing:
        row = await info.context.education.record_enrolment_documents(child_id, to_json(input))
        return NonBeijing.from_row(row)
