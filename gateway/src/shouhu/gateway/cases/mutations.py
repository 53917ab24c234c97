"""Mutations of protection cases."""

from __future__ import annotations

import datetime

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from shouhu.gateway.cases.types import (
    AssessmentInput,
    CourtOutcome,
    Intervention,
    InterventionMeasure,
    InterventionReason,
    Report,
    ReportAttachment,
    ReportInput,
    ResponseInput,
)
from shouhu.gateway.common import Ctx, operation_name, to_json
from shouhu.platform.errors import ValidationFailed


async def _act(info: Ctx, report_id: str, action: str, body: object = None) -> Report:
    row = await info.context.registry.act_on_report(report_id, action, body, operation_name(info))
    return Report.from_row(row)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="File a mandatory report (强制报告); the answer is the reporter's receipt"
    )
    async def file_report(self, info: Ctx, input: ReportInput) -> Report:
        body = to_json(input)
        if body.get("urgent") is None:
            body.pop("urgent", None)
        row = await info.context.registry.file_report(body, operation_name(info))
        return Report.from_row(row)

    @strawberry.mutation(
        description="File a photo or document with a report (JPEG, PNG or PDF, multipart upload)"
    )
    async def add_report_attachment(
        self, info: Ctx, report_id: strawberry.ID, file: Upload
    ) -> ReportAttachment:
        if not isinstance(file, UploadFile):
            raise ValidationFailed("请上传附件", fields={"file": "请上传附件"})
        content_type = file.content_type or "application/octet-stream"
        row = await info.context.registry.add_report_attachment(
            report_id, (file.filename or "附件", file.file, content_type)
        )
        return ReportAttachment.from_row(row)

    @strawberry.mutation(description="The police of the division accept the report (受理)")
    async def accept_report(self, info: Ctx, id: strawberry.ID) -> Report:
        return await _act(info, id, "accept")

    @strawberry.mutation(description="A police response or emergency measure (出警、应急处置)")
    async def record_response(
        self, info: Ctx, report_id: strawberry.ID, input: ResponseInput
    ) -> Report:
        return await _act(info, report_id, "responses", to_json(input))

    @strawberry.mutation(description="The missing child was found: the alert closes")
    async def close_missing_alert(
        self, info: Ctx, report_id: strawberry.ID, note: str | None = None
    ) -> Report:
        return await _act(info, report_id, "missing-alert/close", {"note": note})

    @strawberry.mutation(
        description="The police notify the town (通报): its social worker's assessment is due"
    )
    async def notify_town(self, info: Ctx, id: strawberry.ID, note: str | None = None) -> Report:
        return await _act(info, id, "notify-town", {"note": note})

    @strawberry.mutation(description="The town's assessment (评估), once the town is notified")
    async def record_assessment(
        self, info: Ctx, report_id: strawberry.ID, input: AssessmentInput
    ) -> Report:
        body = to_json(input)
        if body.get("needs") is None:
            body.pop("needs", None)
        return await _act(info, report_id, "assessment", body)

    @strawberry.mutation(description="Close the case (结案), with what came of it")
    async def close_report(self, info: Ctx, id: strawberry.ID, outcome: str) -> Report:
        return await _act(info, id, "close", {"outcome": outcome})

    @strawberry.mutation(
        description="Open a guardianship intervention (监护干预), linked to a case when given"
    )
    async def open_intervention(
        self,
        info: Ctx,
        child_id: strawberry.ID,
        reason: InterventionReason,
        note: str | None = None,
        measures: list[InterventionMeasure] | None = None,
        opened_on: datetime.date | None = None,
        case_id: strawberry.ID | None = None,
    ) -> Intervention:
        body = {
            "reason": reason.value,
            "note": note,
            "measures": [m.value for m in measures or []],
            "openedOn": opened_on.isoformat() if opened_on else None,
            "caseId": case_id,
        }
        return Intervention.from_row(await info.context.registry.open_intervention(child_id, body))

    @strawberry.mutation(description="End an open intervention, with its outcome")
    async def close_intervention(
        self,
        info: Ctx,
        id: strawberry.ID,
        outcome: str,
        closed_on: datetime.date | None = None,
    ) -> Intervention:
        body = {"outcome": outcome, "closedOn": closed_on.isoformat() if closed_on else None}
        row = await info.context.registry.act_on_intervention(id, "close", body)
        return Intervention.from_row(row)

    @strawberry.mutation(
        description="The petition to the court to revoke guardianship was filed "
        "(申请撤销监护人资格)"
    )
    async def record_petition(
        self, info: Ctx, intervention_id: strawberry.ID, filed_on: datetime.date, court: str
    ) -> Intervention:
        body = {"filedOn": filed_on.isoformat(), "court": court}
        row = await info.context.registry.act_on_intervention(intervention_id, "petition", body)
        return Intervention.from_row(row)

    @strawberry.mutation(description="The court's decision on the petition")
    async def record_court_decision(
        self,
        info: Ctx,
        intervention_id: strawberry.ID,
        decided_on: datetime.date,
        outcome: CourtOutcome,
        note: str | None = None,
    ) -> Intervention:
        body = {"decidedOn": decided_on.isoformat(), "outcome": outcome.value, "note": note}
        row = await info.context.registry.act_on_intervention(
            intervention_id, "court-decision", body
        )
        return Intervention.from_row(row)
