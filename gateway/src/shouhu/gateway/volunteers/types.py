"""Volunteers (志愿者): organisations, volunteers, their vetting (审核)."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from shouhu.gateway.children.types import Gender
from shouhu.gateway.common import Ctx, ExportFile, PageInfo, connection, lazy, to_date, to_datetime
from shouhu.gateway.ledger.types import ImportMode, ImportRowError

if TYPE_CHECKING:
    from shouhu.gateway.pairing.types import OwnPairing


@strawberry.enum(description="What a volunteer can offer (志愿服务技能)")
class VolunteerSkill(Enum):
    TUTORING = "TUTORING"
    PSYCHOLOGY = "PSYCHOLOGY"
    MEDICAL = "MEDICAL"
    LEGAL = "LEGAL"
    ARTS = "ARTS"
    SPORTS = "SPORTS"
    COMPANIONSHIP = "COMPANIONSHIP"


@strawberry.enum(description="When a volunteer can serve (可服务时间)")
class VolunteerAvailability(Enum):
    WEEKDAY_DAYTIME = "WEEKDAY_DAYTIME"
    WEEKDAY_EVENING = "WEEKDAY_EVENING"
    WEEKEND_DAYTIME = "WEEKEND_DAYTIME"
    WEEKEND_EVENING = "WEEKEND_EVENING"
    SCHOOL_HOLIDAYS = "SCHOOL_HOLIDAYS"


@strawberry.enum(
    description="A check of a volunteer: the record of offences against minors "
    "(侵害未成年人违法犯罪信息查询) or training (岗前培训)"
)
class VettingKind(Enum):
    MINOR_PROTECTION_RECORD_CHECK = "MINOR_PROTECTION_RECORD_CHECK"
    TRAINING = "TRAINING"


@strawberry.enum(description="What an organisation is (组织类型)")
class OrganisationKind(Enum):
    YOUTH_LEAGUE = "YOUTH_LEAGUE"
    TRADE_UNION = "TRADE_UNION"
    WOMENS_FEDERATION = "WOMENS_FEDERATION"
    DISABLED_PERSONS_FEDERATION = "DISABLED_PERSONS_FEDERATION"
    SOCIAL_WORK_AGENCY = "SOCIAL_WORK_AGENCY"
    CHARITY = "CHARITY"
    ENTERPRISE = "ENTERPRISE"
    CHILDRENS_HOME = "CHILDRENS_HOME"


@strawberry.enum(description="The federation's role that acts for an organisation's records")
class ActingRole(Enum):
    YOUTH_LEAGUE = "YOUTH_LEAGUE"
    TRADE_UNION = "TRADE_UNION"
    WOMENS_FEDERATION = "WOMENS_FEDERATION"
    DISABLED_PERSONS_FEDERATION = "DISABLED_PERSONS_FEDERATION"


@strawberry.type(description="An organisation volunteers serve with (组织)")
class Organisation:
    id: strawberry.ID
    kind: OrganisationKind
    name: str
    division_code: str
    division_name: str
    contact_name: str | None
    contact_mobile: str | None = strawberry.field(
        description="Masked unless the caller's role acts for the organisation"
    )
    acting_role: ActingRole
    demo: bool = strawberry.field(description="Demo data seeded on first start")
    version: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Organisation:
        return cls(
            id=strawberry.ID(row["id"]),
            kind=OrganisationKind(row["kind"]),
            name=row["name"],
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            contact_name=row.get("contactName"),
            contact_mobile=row.get("contactMobile"),
            acting_role=ActingRole(row["actingRole"]),
            demo=row["demo"],
            version=row["version"],
        )


@strawberry.type(description="A check recorded for a volunteer (审核记录); kept")
class Vetting:
    id: strawberry.ID
    kind: VettingKind
    passed: bool
    checked_on: datetime.date
    valid_until: datetime.date | None = strawberry.field(
        description="A passed record check's last valid day"
    )
    current: bool = strawberry.field(description="A passed record check within its period")
    rule_version: str
    note: str | None
    recorded_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Vetting:
        return cls(
            id=strawberry.ID(row["id"]),
            kind=VettingKind(row["kind"]),
            passed=row["passed"],
            checked_on=datetime.date.fromisoformat(row["checkedOn"]),
            valid_until=to_date(row.get("validUntil")),
            current=row["current"],
            rule_version=row["ruleVersion"],
            note=row.get("note"),
            recorded_by=row["recordedBy"],
        )


@strawberry.type(description="A registered volunteer (志愿者)")
class Volunteer:
    id: strawberry.ID
    name: str
    id_number: str = strawberry.field(description="Masked: the region digits only")
    phone: str = strawberry.field(description="Masked for all but the federations")
    gender: Gender = strawberry.field(description="From the identity number")
    age: int
    adult: bool = strawberry.field(description="18 or over: one-to-one pairing takes adults only")
    skills: list[VolunteerSkill]
    division_code: str
    division_name: str
    organisation_id: strawberry.ID
    organisation_name: str
    availability: list[VolunteerAvailability]
    service_area: list[str] = strawberry.field(description="Division codes they serve in")
    vetted: bool = strawberry.field(
        description="A passed, current record check and a passed training"
    )
    check_valid_until: datetime.date | None
    trained: bool
    vettings: list[Vetting] = strawberry.field(description="Every check, the latest first")
    total_hours: float = strawberry.field(description="Approved service hours")
    star_level: int = strawberry.field(
        description="0 to 5, from the approved hours (thresholds: hours/stars.yaml)"
    )
    next_star_hours: float | None = strawberry.field(
        default=None,
        description="The approved hours at which the next star is reached (hours/stars.yaml); "
        "null with all five",
    )
    username: str | None = strawberry.field(description="The volunteer's account, once made")
    account: VolunteerAccount | None = strawberry.field(
        default=None, description="The account made for the volunteer (status, disabling)"
    )
    version: int
    registered_at: datetime.datetime

    @strawberry.field(description="Records of service hours, the latest day first")
    async def service_hours(self, info: Ctx) -> list[ServiceHours]:
        rows = await info.context.volunteers.volunteer_hours(self.id)
        return [ServiceHours.from_row(r) for r in rows]

    @strawberry.field(
        description="Its pairings as the volunteer sees them (the child's name, village, age "
        "and needs), latest first: to itself, and to its readers for children in their scope"
    )
    async def pairings(
        self, info: Ctx
    ) -> list[Annotated[OwnPairing, strawberry.lazy("shouhu.gateway.pairing.types")]]:
        pairing = lazy("shouhu.gateway.pairing.types", "OwnPairing")
        rows = await info.context.volunteers.own_pairings(self.id)
        return [pairing.from_row(r) for r in rows]

    @strawberry.field(description="The activities signed up for, latest first")
    async def activities(self, info: Ctx) -> list[Activity]:
        rows = await info.context.volunteers.volunteer_activities(self.id)
        return [Activity.from_row(r) for r in rows]

    @strawberry.field(description="The certificate of approved hours (志愿服务时长证明), a PDF")
    async def certificate(self, info: Ctx) -> ExportFile:
        return ExportFile.from_row(await info.context.volunteers.certificate(self.id))

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Volunteer:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            id_number=row["idNumber"],
            phone=row["phone"],
            gender=Gender(row["gender"]),
            age=row["age"],
            adult=row["adult"],
            skills=[VolunteerSkill(s) for s in row["skills"]],
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            organisation_id=strawberry.ID(row["organisationId"]),
            organisation_name=row["organisationName"],
            availability=[VolunteerAvailability(a) for a in row["availability"]],
            service_area=list(row["serviceArea"]),
            vetted=row["vetted"],
            check_valid_until=to_date(row.get("checkValidUntil")),
            trained=row["trained"],
            vettings=[Vetting.from_row(v) for v in row["vettings"]],
            total_hours=row["totalHours"],
            star_level=row["starLevel"],
            next_star_hours=row.get("nextStarHours"),
            username=row.get("username"),
            account=VolunteerAccount.from_row(row["account"]) if row.get("account") else None,
            version=row["version"],
            registered_at=datetime.datetime.fromisoformat(row["registeredAt"]),
        )


@strawberry.enum(description="Where a volunteer's account stands (账号状态)")
class VolunteerAccountStatus(Enum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"


@strawberry.type(description="The account (Keycloak user) made for a volunteer")
class VolunteerAccount:
    username: str
    status: VolunteerAccountStatus = strawberry.field(
        description="PENDING until the worker has made it after the registration's commit"
    )
    initial_password: str | None = strawberry.field(
        description="The one-time initial password, only in registerVolunteer's answer; "
        "changed at the first sign-in"
    )
    made_at: datetime.datetime | None
    disabled_reason: str | None
    disabled_by: str | None
    disabled_at: datetime.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> VolunteerAccount:
        def moment(value: str | None) -> datetime.datetime | None:
            return datetime.datetime.fromisoformat(value) if value else None

        return cls(
            username=row["username"],
            status=VolunteerAccountStatus(row["status"]),
            initial_password=row.get("initialPassword"),
            made_at=moment(row.get("madeAt")),
            disabled_reason=row.get("disabledReason"),
            disabled_by=row.get("disabledBy"),
            disabled_at=moment(row.get("disabledAt")),
        )


@strawberry.type(description="A volunteer registered from a roster row, and their account")
class RosterAccount:
    row: int
    volunteer_id: strawberry.ID
    name: str
    username: str
    initial_password: str = strawberry.field(
        description="The one-time initial password, answered in this report only"
    )


@strawberry.type(description="The outcome of one roster of volunteers (志愿者名册导入结果)")
class VolunteerRosterReport:
    file_name: str
    mode: ImportMode
    organisation_id: strawberry.ID
    imported: bool = strawberry.field(description="False when ALL_OR_NOTHING refused the file")
    total_rows: int = strawberry.field(description="Rows with data (blank rows not counted)")
    registered_rows: int
    rejected_rows: int
    error_count: int = strawberry.field(description="Every error; `errors` lists the first 1000")
    errors: list[ImportRowError]
    accounts: list[RosterAccount]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> VolunteerRosterReport:
        return cls(
            file_name=row["fileName"],
            mode=ImportMode(row["mode"]),
            organisation_id=strawberry.ID(row["organisationId"]),
            imported=row["imported"],
            total_rows=row["totalRows"],
            registered_rows=row["registeredRows"],
            rejected_rows=row["rejectedRows"],
            error_count=row["errorCount"],
            errors=[ImportRowError(**e) for e in row["errors"]],
            accounts=[
                RosterAccount(
                    row=a["row"],
                    volunteer_id=strawberry.ID(a["volunteerId"]),
                    name=a["name"],
                    username=a["username"],
                    initial_password=a["initialPassword"],
                )
                for a in row["accounts"]
            ],
        )


@strawberry.type
class VolunteerEdge:
    cursor: str
    node: Volunteer


@strawberry.type(description="A page of volunteers (Relay connection)")
class VolunteerConnection:
    edges: list[VolunteerEdge]
    page_info: PageInfo

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> VolunteerConnection:
        return connection(cls, row, VolunteerEdge, Volunteer.from_row)


@strawberry.input(description="registerVolunteer (志愿者注册)")
class VolunteerInput:
    name: str
    id_number: str = strawberry.field(description="18 characters, GB 11643 (checked)")
    phone: str
    skills: list[VolunteerSkill]
    division_code: str
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="By default the caller's federation's own"
    )
    availability: list[VolunteerAvailability] | None = strawberry.UNSET
    service_area: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Division codes; by default the volunteer's own"
    )


@strawberry.input(description="recordVetting: one check, passed or not")
class VettingInput:
    kind: VettingKind
    passed: bool
    checked_on: datetime.date = strawberry.field(description="Not in the future")
    note: str | None = strawberry.UNSET


@strawberry.input(description="createOrganisation")
class OrganisationInput:
    kind: OrganisationKind
    name: str
    division_code: str
    contact_name: str | None = strawberry.UNSET
    contact_mobile: str | None = strawberry.UNSET
    acting_role: ActingRole | None = strawberry.field(
        default=strawberry.UNSET, description="By default the caller's own federation role"
    )


# ---- activities (志愿服务活动) and service hours (志愿服务时长) ----------------------------


@strawberry.enum(
    description="What an activity is (活动类型): study help, holiday camp, parents' visit "
    "organised by the union (亲情团聚), health check, ..."
)
class ActivityKind(Enum):
    STUDY_HELP = "STUDY_HELP"
    HOLIDAY_CAMP = "HOLIDAY_CAMP"
    FAMILY_REUNION = "FAMILY_REUNION"
    HEALTH_CHECK = "HEALTH_CHECK"
    PSYCHOLOGICAL_COUNSELLING = "PSYCHOLOGICAL_COUNSELLING"
    SAFETY_EDUCATION = "SAFETY_EDUCATION"
    CULTURE_AND_SPORTS = "CULTURE_AND_SPORTS"
    OTHER = "OTHER"


@strawberry.enum(description="Where a record of hours stands: recorded, approved, rejected")
class ServiceHoursStatus(Enum):
    RECORDED = "RECORDED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


@strawberry.type(description="A volunteer signed up for an activity")
class ActivityVolunteer:
    volunteer_id: strawberry.ID
    name: str
    attended: bool | None = strawberry.field(description="Null until attendance is taken")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ActivityVolunteer:
        return cls(
            volunteer_id=strawberry.ID(row["volunteerId"]),
            name=row["name"],
            attended=row.get("attended"),
        )


@strawberry.type(description="An organisation's activity on a day (志愿服务活动)")
class Activity:
    id: strawberry.ID
    organisation_id: strawberry.ID
    organisation_name: str
    kind: ActivityKind
    kind_name: str
    title: str
    division_code: str
    division_name: str
    on: datetime.date
    capacity: int = strawberry.field(description="Places for children")
    volunteer_capacity: int | None = strawberry.field(description="Null: no limit")
    children_signed_up: int = strawberry.field(
        description="Children are counted here; who they are stays in the registry"
    )
    children_attended: int | None
    volunteers: list[ActivityVolunteer] = strawberry.field(
        description="Those signed up; a volunteer sees only itself"
    )
    attendance_taken: bool
    version: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Activity:
        return cls(
            id=strawberry.ID(row["id"]),
            organisation_id=strawberry.ID(row["organisationId"]),
            organisation_name=row["organisationName"],
            kind=ActivityKind(row["kind"]),
            kind_name=row["kindName"],
            title=row["title"],
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            on=datetime.date.fromisoformat(row["on"]),
            capacity=row["capacity"],
            volunteer_capacity=row.get("volunteerCapacity"),
            children_signed_up=row["childrenSignedUp"],
            children_attended=row.get("childrenAttended"),
            volunteers=[ActivityVolunteer.from_row(v) for v in row["volunteers"]],
            attendance_taken=row["attendanceTaken"],
            version=row["version"],
        )


@strawberry.type(description="Hours a volunteer served on a day (志愿服务时长)")
class ServiceHours:
    id: strawberry.ID
    volunteer_id: strawberry.ID
    volunteer_name: str
    activity_id: strawberry.ID | None = strawberry.field(description="Null: a pairing visit")
    activity_title: str | None
    organisation_id: strawberry.ID = strawberry.field(description="The organisation approving")
    hours: float
    on: datetime.date
    status: ServiceHoursStatus
    note: str | None
    recorded_by: str
    recorded_at: datetime.datetime
    decided_by: str | None
    decided_at: datetime.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ServiceHours:
        activity_id = row.get("activityId")
        return cls(
            id=strawberry.ID(row["id"]),
            volunteer_id=strawberry.ID(row["volunteerId"]),
            volunteer_name=row["volunteerName"],
            activity_id=strawberry.ID(activity_id) if activity_id else None,
            activity_title=row.get("activityTitle"),
            organisation_id=strawberry.ID(row["organisationId"]),
            hours=row["hours"],
            on=datetime.date.fromisoformat(row["on"]),
            status=ServiceHoursStatus(row["status"]),
            note=row.get("note"),
            recorded_by=row["recordedBy"],
            recorded_at=datetime.datetime.fromisoformat(row["recordedAt"]),
            decided_by=row.get("decidedBy"),
            decided_at=to_datetime(row.get("decidedAt")),
        )


@strawberry.input(description="createActivity")
class ActivityInput:
    kind: ActivityKind
    title: str
    division_code: str = strawberry.field(
        description="A division within the organisation's, or the district"
    )
    on: datetime.date
    capacity: int = strawberry.field(description="Places for children")
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="By default the caller's federation's own"
    )
    volunteer_capacity: int | None = strawberry.UNSET


@strawberry.input(description="signUpForActivity: vetted volunteers by id, a number of children")
class ActivitySignUpInput:
    volunteer_ids: list[strawberry.ID] | None = strawberry.UNSET
    children: int | None = strawberry.UNSET


@strawberry.input(description="recordAttendance: the volunteers who came, the children who came")
class AttendanceInput:
    volunteer_ids: list[strawberry.ID]
    children_attended: int | None = strawberry.UNSET
