"""The single window (一门受理、协同办理): applications, department tasks, their timeline."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.children.types import Child, RegisterChildInput
from shouhu.gateway.common import (
    Ctx,
    ExportFile,
    PageInfo,
    connection,
    deferred,
    operation_name,
    to_datetime,
)
from shouhu.gateway.divisions.types import Division, named_division
from shouhu.gateway.pairing.types import VolunteerSuggestion, suggestions


@strawberry.enum(description="What a family asks for at the window (申请事项)")
class IntakeNeed(Enum):
    LIVING_ALLOWANCE = "LIVING_ALLOWANCE"
    MEDICAL_ASSISTANCE = "MEDICAL_ASSISTANCE"
    REHABILITATION = "REHABILITATION"
    EDUCATION_AID = "EDUCATION_AID"
    GUARDIANSHIP_SUPPORT = "GUARDIANSHIP_SUPPORT"
    PSYCHOLOGICAL_SUPPORT = "PSYCHOLOGICAL_SUPPORT"
    LEGAL_AID = "LEGAL_AID"
    HOUSING = "HOUSING"
    PARENT_EMPLOYMENT = "PARENT_EMPLOYMENT"
    HUKOU_REGISTRATION = "HUKOU_REGISTRATION"
    VOLUNTEER_PAIRING = "VOLUNTEER_PAIRING"


@strawberry.enum(description="Who applies, as the child's what (申请人与儿童关系)")
class ApplicantRelation(Enum):
    SELF = "SELF"
    PARENT = "PARENT"
    GUARDIAN = "GUARDIAN"
    RELATIVE = "RELATIVE"
    VILLAGE_COMMITTEE = "VILLAGE_COMMITTEE"
    SCHOOL = "SCHOOL"
    OTHER = "OTHER"


@strawberry.enum(
    description="A department that takes its part of an application (协同办理部门); the plan's "
    "`Department` groups the mass organisations, this one names each"
)
class TaskDepartment(Enum):
    CIVIL_AFFAIRS = "CIVIL_AFFAIRS"
    EDUCATION = "EDUCATION"
    HEALTH = "HEALTH"
    HUMAN_RESOURCES = "HUMAN_RESOURCES"
    JUDICIAL = "JUDICIAL"
    HOUSING = "HOUSING"
    POLICE = "POLICE"
    YOUTH_LEAGUE = "YOUTH_LEAGUE"
    WOMENS_FEDERATION = "WOMENS_FEDERATION"
    DISABLED_PERSONS_FEDERATION = "DISABLED_PERSONS_FEDERATION"
    TRADE_UNION = "TRADE_UNION"


@strawberry.enum(description="Where an application stands (申请状态)")
class IntakeStatus(Enum):
    OPEN = "OPEN"
    COMPLETED = "COMPLETED"
    WITHDRAWN = "WITHDRAWN"


@strawberry.enum(description="Where a department's task stands; DONE and DECLINED are final")
class TaskStatus(Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    NEEDS_MATERIALS = "NEEDS_MATERIALS"
    DONE = "DONE"
    DECLINED = "DECLINED"


@strawberry.enum(description="A step of an application's timeline (办理环节)")
class TimelineAction(Enum):
    SUBMITTED = "SUBMITTED"
    ROUTED = "ROUTED"
    ACCEPTED = "ACCEPTED"
    MATERIALS_REQUESTED = "MATERIALS_REQUESTED"
    MATERIALS_RECEIVED = "MATERIALS_RECEIVED"
    ESCALATED = "ESCALATED"
    COMPLETED = "COMPLETED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"
    INTAKE_COMPLETED = "INTAKE_COMPLETED"


def child_of(info: Ctx, child_id: str) -> Child | None:
    """The applied-for child's file, batched with the request's other files (logged as a read);
    null when the caller may not read it."""

    async def loaded() -> Child | None:
        key = (child_id, "identity", operation_name(info))
        row = await info.context.loaders.child_part.load(key)
        return Child.from_row(row) if row else None

    return deferred(loaded())


@strawberry.type(description="One step of an application or of one of its tasks: who, when, what")
class TimelineStep:
    at: datetime.datetime
    actor: str = strawberry.field(description="A username, or the service that acted")
    action: TimelineAction
    note: str | None
    task_id: strawberry.ID | None
    department: TaskDepartment | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TimelineStep:
        return cls(
            at=datetime.datetime.fromisoformat(row["at"]),
            actor=row["actor"],
            action=TimelineAction(row["action"]),
            note=row.get("note"),
            task_id=strawberry.ID(row["taskId"]) if row.get("taskId") else None,
            department=TaskDepartment(row["department"]) if row.get("department") else None,
        )


@strawberry.type(description="A department's part of an application (部门任务)")
class DepartmentTask:
    id: strawberry.ID
    intake_id: strawberry.ID
    receipt_number: str = strawberry.field(description="The application's (受理编号)")
    child_id: strawberry.ID
    department: TaskDepartment
    need: IntakeNeed
    status: TaskStatus
    working_days: int = strawberry.field(description="The deadline it was given, in working days")
    due_at: datetime.datetime | None = strawberry.field(
        description="The end of its due working day; null while it waits for materials"
    )
    overdue: bool
    outcome: str | None = strawberry.field(description="The result, or the reason it was declined")
    note: str | None = strawberry.field(description="What the department last asked for")
    missing_materials: list[str] = strawberry.field(
        description="Documents still missing: the first thing the department asks for"
    )
    received_materials: list[str]
    intake_status: IntakeStatus
    applicant_name: str
    applicant_relation: ApplicantRelation
    applicant_phone: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    finished_at: datetime.datetime | None
    division_code: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DepartmentTask:
        return cls(
            id=strawberry.ID(row["id"]),
            intake_id=strawberry.ID(row["intakeId"]),
            receipt_number=row["receiptNumber"],
            child_id=strawberry.ID(row["childId"]),
            department=TaskDepartment(row["department"]),
            need=IntakeNeed(row["need"]),
            status=TaskStatus(row["status"]),
            working_days=row["workingDays"],
            due_at=to_datetime(row.get("dueAt")),
            overdue=row["overdue"],
            outcome=row.get("outcome"),
            note=row.get("note"),
            missing_materials=row["missingMaterials"],
            received_materials=row["receivedMaterials"],
            intake_status=IntakeStatus(row["intakeStatus"]),
            applicant_name=row["applicantName"],
            applicant_relation=ApplicantRelation(row["applicantRelation"]),
            applicant_phone=row["applicantPhone"],
            version=row["version"],
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            updated_at=datetime.datetime.fromisoformat(row["updatedAt"]),
            finished_at=to_datetime(row.get("finishedAt")),
            division_code=row["divisionCode"],
        )

    @strawberry.field(description="The child, as the caller's role may see the file")
    def child(self, info: Ctx) -> Child | None:
        return child_of(info, str(self.child_id))

    @strawberry.field(description="The child's village")
    def division(self, info: Ctx) -> Division:
        return named_division(info, self.division_code)

    @strawberry.field(
        description="For an open VOLUNTEER_PAIRING task: vetted volunteers for the child, best "
        "first (the Youth League's board); null for any other task"
    )
    async def volunteer_suggestions(
        self, info: Ctx, first: int = 5
    ) -> list[VolunteerSuggestion] | None:
        if self.need != IntakeNeed.VOLUNTEER_PAIRING or self.status in (
            TaskStatus.DONE,
            TaskStatus.DECLINED,
        ):
            return None
        return await suggestions(info, str(self.child_id), first)


@strawberry.type(description="An application taken at the window (受理申请), followed to the end")
class Intake:
    id: strawberry.ID
    receipt_number: str = strawberry.field(description="受理编号, as MTG-2026-000123")
    status: IntakeStatus
    child_id: strawberry.ID
    needs: list[IntakeNeed]
    submitted_at: datetime.datetime
    clerk: str = strawberry.field(description="Who took it")
    clerk_division_code: str
    applicant_name: str
    applicant_relation: ApplicantRelation
    applicant_phone: str
    materials: list[str] = strawberry.field(description="Documents received at the window")
    note: str | None
    routing_version: str = strawberry.field(description="The routing its tasks were given")
    closed_at: datetime.datetime | None = strawberry.field(description="Completed or withdrawn")
    withdraw_reason: str | None
    version: int
    tasks: list[DepartmentTask] = strawberry.field(description="One per department and need")
    timeline: list[TimelineStep] = strawberry.field(description="Every step, oldest first")
    division_code: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Intake:
        return cls(
            id=strawberry.ID(row["id"]),
            receipt_number=row["receiptNumber"],
            status=IntakeStatus(row["status"]),
            child_id=strawberry.ID(row["childId"]),
            needs=[IntakeNeed(n) for n in row["needs"]],
            submitted_at=datetime.datetime.fromisoformat(row["submittedAt"]),
            clerk=row["clerk"],
            clerk_division_code=row["clerkDivisionCode"],
            applicant_name=row["applicantName"],
            applicant_relation=ApplicantRelation(row["applicantRelation"]),
            applicant_phone=row["applicantPhone"],
            materials=row["materials"],
            note=row.get("note"),
            routing_version=row["routingVersion"],
            closed_at=to_datetime(row.get("closedAt")),
            withdraw_reason=row.get("withdrawReason"),
            version=row["version"],
            tasks=[DepartmentTask.from_row(t) for t in row["tasks"]],
            timeline=[TimelineStep.from_row(s) for s in row["timeline"]],
            division_code=row["divisionCode"],
        )

    @strawberry.field(description="The child, as the caller's role may see the file")
    def child(self, info: Ctx) -> Child | None:
        return child_of(info, str(self.child_id))

    @strawberry.field(description="The child's village when the application was taken")
    def division(self, info: Ctx) -> Division:
        return named_division(info, self.division_code)

    @strawberry.field(description="The printable receipt (受理回执): an A4 PDF in Chinese")
    async def receipt(self, info: Ctx) -> ExportFile:
        return ExportFile.from_row(await info.context.registry.intake_receipt(str(self.id)))


@strawberry.type
class IntakeEdge:
    cursor: str
    node: Intake


@strawberry.type(description="A page of applications, newest first")
class IntakeConnection:
    edges: list[IntakeEdge]
    page_info: PageInfo

    @classmethod
    def from_row(cls, page: dict[str, Any]) -> IntakeConnection:
        return connection(cls, page, IntakeEdge, Intake.from_row)


@strawberry.type
class DepartmentTaskEdge:
    cursor: str
    node: DepartmentTask


@strawberry.type(description="A page of a department's board, newest first")
class DepartmentTaskConnection:
    edges: list[DepartmentTaskEdge]
    page_info: PageInfo

    @classmethod
    def from_row(cls, page: dict[str, Any]) -> DepartmentTaskConnection:
        return connection(cls, page, DepartmentTaskEdge, DepartmentTask.from_row)


@strawberry.input(description="An application: an existing file (childId) or a new child")
class SubmitIntakeInput:
    child_id: strawberry.ID | None = strawberry.field(default=None, description="An existing file")
    child: RegisterChildInput | None = strawberry.field(
        default=None, description="A new child, registered in the same step"
    )
    applicant_name: str
    applicant_relation: ApplicantRelation
    applicant_phone: str = strawberry.field(description="An 11-digit mainland mobile number")
    needs: list[IntakeNeed] = strawberry.field(description="At least one, each once")
    materials: list[str] | None = strawberry.field(
        default=None, description="Documents received at the window"
    )
    note: str | None = None


@strawberry.input(description="Which applications; all given must hold")
class IntakeFilter:
    status: IntakeStatus | None = None
    division_code: str | None = strawberry.field(
        default=None, description="A division within the caller's"
    )
    child_id: strawberry.ID | None = None


@strawberry.input(description="Which tasks of the caller's department(s); all given must hold")
class TaskFilter:
    department: TaskDepartment | None = None
    status: TaskStatus | None = None
    overdue: bool | None = None
    town_code: str | None = strawberry.field(
        default=None, description="One town's tasks (9 digits); a town's users see only theirs"
    )


@strawberry.type(description="A department that takes a need, and its deadline for one made today")
class NeedRoute:
    department: TaskDepartment
    department_name: str
    working_days: int = strawberry.field(description="工作日, on the public-holiday calendar")
    due_on: datetime.date = strawberry.field(description="For an application made today")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> NeedRoute:
        return cls(
            department=TaskDepartment(row["department"]),
            department_name=row["departmentName"],
            working_days=row["workingDays"],
            due_on=datetime.date.fromisoformat(row["dueOn"]),
        )


@strawberry.type(description="A need as the window shows it: departments, deadlines, materials")
class NeedGuide:
    need: IntakeNeed
    name: str
    routes: list[NeedRoute]
    materials: list[str] = strawberry.field(description="The documents the window asks for")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> NeedGuide:
        return cls(
            need=IntakeNeed(row["need"]),
            name=row["name"],
            routes=[NeedRoute.from_row(r) for r in row["routes"]],
            materials=row["materials"],
        )


@strawberry.type(description="The window's guide (办事指南): every need as new applications get it")
class IntakeGuide:
    routing_version: str
    today: datetime.date
    needs: list[NeedGuide]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IntakeGuide:
        return cls(
            routing_version=row["routingVersion"],
            today=datetime.date.fromisoformat(row["today"]),
            needs=[NeedGuide.from_row(n) for n in row["needs"]],
        )
