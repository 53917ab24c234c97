"""API shapes of the single window: applications, department tasks, their timeline."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.mobile import MobileNumber
from shouhu.platform.schemas import Camel, Input, PageInfo, Said
from shouhu.registry.children.schemas import RegisterChild


class IntakeNeed(StrEnum):
    """What a family asks for at the window (申请事项)."""

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


class ApplicantRelation(StrEnum):
    """Who applies, as the child's what (申请人与儿童关系)."""

    SELF = "SELF"
    PARENT = "PARENT"
    GUARDIAN = "GUARDIAN"
    RELATIVE = "RELATIVE"
    VILLAGE_COMMITTEE = "VILLAGE_COMMITTEE"
    SCHOOL = "SCHOOL"
    OTHER = "OTHER"


class TaskDepartment(StrEnum):
    """A department that takes its part of an application (协同办理部门)."""

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


class IntakeStatus(StrEnum):
    """Where an application stands (申请状态)."""

    OPEN = "OPEN"
    COMPLETED = "COMPLETED"
    WITHDRAWN = "WITHDRAWN"


class TaskStatus(StrEnum):
    """Where a department's task stands (任务状态); DONE and DECLINED are final."""

    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    NEEDS_MATERIALS = "NEEDS_MATERIALS"
    DONE = "DONE"
    DECLINED = "DECLINED"


class StepAction(StrEnum):
    """A step of an application's timeline (办理环节)."""

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


MAX_NEEDS = len(IntakeNeed)
MAX_MATERIALS = 30
Material = Annotated[str, Field(max_length=50), Said("材料名称不能超过50个字")]
Materials = Annotated[
    list[Material], Field(max_length=MAX_MATERIALS), Said(f"材料最多{MAX_MATERIALS}项")
]
Text = Annotated[str, Field(max_length=2000), Said("不能超过2000个字")]


class SubmitIntake(Input):
    """An application at the window: an existing file (`childId`) or a new one (`child`)."""

    child_id: str | None = Field(default=None, max_length=64)
    child: RegisterChild | None = None
    applicant_name: Annotated[str, Field(max_length=50), Said("申请人姓名不能超过50个字")]
    applicant_relation: ApplicantRelation
    applicant_phone: MobileNumber
    needs: Annotated[
        list[IntakeNeed],
        Field(min_length=1, max_length=MAX_NEEDS),
        Said("至少选择一项申请事项"),
    ]
    materials: Materials = Field(default_factory=list)
    note: Text | None = None


class RequestMaterials(Input):
    """What the department still needs; `materials` names documents, `note` says the rest."""

    note: Text
    materials: Materials = Field(default_factory=list)


class RecordMaterials(Input):
    """Documents the window received for a task waiting for them."""

    materials: Annotated[
        list[Material], Field(min_length=1, max_length=MAX_MATERIALS), Said("至少登记一项材料")
    ]


class CompleteTask(Input):
    outcome: Text


class DeclineTask(Input):
    reason: Text


class WithdrawIntake(Input):
    reason: Text


class TimelineStepOut(Camel):
    """One step of an application or of one of its tasks: who, when, what."""

    at: datetime
    actor: str
    action: StepAction
    note: str | None
    task_id: str | None
    department: TaskDepartment | None


class DepartmentTaskOut(Camel):
    """A department's part of an application (部门任务), with what it needs to act."""

    id: str
    intake_id: str
    receipt_number: str
    child_id: str
    division_code: str
    department: TaskDepartment
    need: IntakeNeed
    status: TaskStatus
    working_days: int
    due_at: datetime | None
    overdue: bool
    outcome: str | None
    note: str | None
    missing_materials: list[str]
    received_materials: list[str]
    intake_status: IntakeStatus
    applicant_name: str
    applicant_relation: ApplicantRelation
    applicant_phone: str
    version: int
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class IntakeOut(Camel):
    """An application (受理申请) with its tasks and its timeline, oldest step first."""

    id: str
    receipt_number: str
    status: IntakeStatus
    child_id: str
    division_code: str
    clerk: str
    clerk_division_code: str
    applicant_name: str
    applicant_relation: ApplicantRelation
    applicant_phone: str
    needs: list[IntakeNeed]
    materials: list[str]
    note: str | None
    routing_version: str
    submitted_at: datetime
    closed_at: datetime | None
    withdraw_reason: str | None
    version: int
    tasks: list[DepartmentTaskOut]
    timeline: list[TimelineStepOut]


class IntakeEdge(Camel):
    cursor: str
    node: IntakeOut


class IntakePage(Camel):
    """A page of applications, newest first."""

    edges: list[IntakeEdge]
    page_info: PageInfo


class DepartmentTaskEdge(Camel):
    cursor: str
    node: DepartmentTaskOut


class DepartmentTaskPage(Camel):
    """A page of a department's board, newest first."""

    edges: list[DepartmentTaskEdge]
    page_info: PageInfo


class RouteOut(Camel):
    """A department that takes a need, and when it would be due for an application made today."""

    department: TaskDepartment
    department_name: str
    working_days: int
    due_on: date


class NeedGuideOut(Camel):
    """A need as the window shows it: its departments and deadlines, the materials it asks for."""

    need: IntakeNeed
    name: str
    routes: list[RouteOut]
    materials: list[str]


class IntakeGuideOut(Camel):
    """The window's guide (办事指南): every need with its routing, as new applications get it."""

    routing_version: str
    today: date
    needs: list[NeedGuideOut]
