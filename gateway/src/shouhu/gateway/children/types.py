"""Children's files: the one file of every child (一人一档)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import strawberry
from strawberry.scalars import JSON

from shouhu.gateway.common import Ctx, PageInfo, deferred, lazy, operation_name, to_date
from shouhu.gateway.divisions.types import Division, named_division
from shouhu.platform import clock

R = TypeVar("R")

if TYPE_CHECKING:
    from shouhu.gateway.benefits.types import ChildBenefits
    from shouhu.gateway.education.types import ChildEducation
    from shouhu.gateway.plans.types import SupportPlan
    from shouhu.gateway.visits.types import Visit


@strawberry.enum
class Gender(Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


@strawberry.enum(description="In scope, or exited (退出)")
class ChildStatus(Enum):
    ACTIVE = "ACTIVE"
    EXITED = "EXITED"


@strawberry.enum(description="Hardship (困境), left-behind (留守), or neither")
class PrimaryCategory(Enum):
    HARDSHIP = "HARDSHIP"
    LEFT_BEHIND = "LEFT_BEHIND"
    NONE = "NONE"


@strawberry.enum(description="The four hardship groups and left-behind (policy 二)")
class ClassificationGroup(Enum):
    POVERTY = "POVERTY"
    GUARDIANSHIP_LACK = "GUARDIANSHIP_LACK"
    ILLNESS_DISABILITY = "ILLNESS_DISABILITY"
    TEMPORARY = "TEMPORARY"
    LEFT_BEHIND = "LEFT_BEHIND"


@strawberry.enum(description="The named subtypes of each group")
class ClassificationSubtype(Enum):
    MINIMUM_SUBSISTENCE_FAMILY = "MINIMUM_SUBSISTENCE_FAMILY"
    LOW_INCOME_FAMILY = "LOW_INCOME_FAMILY"
    ORPHAN = "ORPHAN"
    ABANDONED_INFANT = "ABANDONED_INFANT"
    DE_FACTO_UNSUPPORTED = "DE_FACTO_UNSUPPORTED"
    STREET_CHILD = "STREET_CHILD"
    DISABLED = "DISABLED"
    SERIOUSLY_ILL = "SERIOUSLY_ILL"
    HIV_AFFECTED = "HIV_AFFECTED"
    TRAFFICKING_RESCUED = "TRAFFICKING_RESCUED"
    TEMPORARILY_WITHOUT_FAMILY_SUPPORT = "TEMPORARILY_WITHOUT_FAMILY_SUPPORT"
    BOTH_PARENTS_AWAY = "BOTH_PARENTS_AWAY"
    ONE_AWAY_OTHER_INCAPABLE = "ONE_AWAY_OTHER_INCAPABLE"


@strawberry.enum(description="Why a child left the scope (退出原因)")
class ExitReason(Enum):
    AGED_OUT = "AGED_OUT"
    MOVED_OUT = "MOVED_OUT"
    CONDITIONS_ENDED = "CONDITIONS_ENDED"
    DECEASED = "DECEASED"
    ADOPTED = "ADOPTED"
    OTHER = "OTHER"


@strawberry.enum(description="A household member's relation to the child")
class Relation(Enum):
    FATHER = "FATHER"
    MOTHER = "MOTHER"
    GRANDFATHER = "GRANDFATHER"
    GRANDMOTHER = "GRANDMOTHER"
    SIBLING = "SIBLING"
    OTHER_RELATIVE = "OTHER_RELATIVE"
    OTHER = "OTHER"


@strawberry.enum(description="Guardianship capacity (监护能力)")
class GuardianshipCapacity(Enum):
    FULL = "FULL"
    LIMITED = "LIMITED"
    NONE = "NONE"


@strawberry.enum(description="A held-back registration: same child, or a different one")
class ReviewDecision(Enum):
    SAME_CHILD = "SAME_CHILD"
    DIFFERENT_CHILD = "DIFFERENT_CHILD"


@strawberry.type(description="A classification (分类), in force from since until until")
class Classification:
    group: ClassificationGroup
    subtype: ClassificationSubtype
    since: datetime.date
    until: datetime.date | None
    note: str | None
    recorded_by: str
    recorded_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Classification:
        return cls(
            group=ClassificationGroup(row["group"]),
            subtype=ClassificationSubtype(row["subtype"]),
            since=datetime.date.fromisoformat(row["since"]),
            until=to_date(row.get("until")),
            note=row.get("note"),
            recorded_by=row["recordedBy"],
            recorded_at=datetime.datetime.fromisoformat(row["recordedAt"]),
        )


@strawberry.type(description="A household member or guardian (家庭成员/监护人)")
class Guardian:
    id: strawberry.ID
    name: str
    relation: Relation
    is_guardian: bool
    capacity: GuardianshipCapacity
    working_away: bool
    away_location: str | None
    away_since: datetime.date | None
    phone: str | None
    entrusted: bool = strawberry.field(description="The entrusted guardian (委托监护人)")
    entrusted_since: datetime.date | None
    entrustment_agreed_on: datetime.date | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Guardian:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row["name"],
            relation=Relation(row["relation"]),
            is_guardian=row["isGuardian"],
            capacity=GuardianshipCapacity(row["capacity"]),
            working_away=row["workingAway"],
            away_location=row.get("awayLocation"),
            away_since=to_date(row.get("awaySince")),
            phone=row.get("phone"),
            entrusted=row["entrusted"],
            entrusted_since=to_date(row.get("entrustedSince")),
            entrustment_agreed_on=to_date(row.get("entrustmentAgreedOn")),
        )


@strawberry.type(description="One change to a file: who, when, why, before and after")
class HistoryEntry:
    seq: int
    at: datetime.datetime
    actor: str
    operation: str
    reason: str | None
    before: JSON | None
    after: JSON | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> HistoryEntry:
        return cls(
            seq=row["seq"],
            at=datetime.datetime.fromisoformat(row["at"]),
            actor=row["actor"],
            operation=row["operation"],
            reason=row.get("reason"),
            before=row.get("before"),
            after=row.get("after"),
        )


@strawberry.type(
    description="A child's file (儿童档案), as the caller may see it: a part the caller's role "
    "does not see (docs/access-policy.md) is null and named in `withheld`"
)
class Child:
    id: strawberry.ID
    version: int
    name: str
    gender: Gender | None
    birth_date: datetime.date | None
    age: int | None
    id_number: str | None = strawberry.field(description="Masked unless the role needs it")
    hukou_division_code: str | None
    school: str | None
    notes: str | None
    status: ChildStatus
    primary_category: PrimaryCategory
    left_behind: bool
    registered_on: datetime.date | None
    exited_on: datetime.date | None
    exit_reason: ExitReason | None
    withheld: list[str] = strawberry.field(
        description="Parts of the file the caller's role does not see, answered as null"
    )
    row: strawberry.Private[dict[str, Any]]
    # The benefits service's answer when the page fetched it for every file at once: (row,).
    benefits_row: strawberry.Private[tuple[dict[str, Any] | None] | None] = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Child:
        return cls(
            id=strawberry.ID(row["id"]),
            version=row["version"],
            name=row["name"],
            gender=Gender(row["gender"]) if row.get("gender") else None,
            birth_date=to_date(row.get("birthDate")),
            age=row.get("age"),
            id_number=row.get("idNumber"),
            hukou_division_code=row.get("hukouDivisionCode"),
            school=row.get("school"),
            notes=row.get("notes"),
            status=ChildStatus(row["status"]),
            primary_category=PrimaryCategory(row["primaryCategory"]),
            left_behind=row["leftBehind"],
            registered_on=to_date(row.get("registeredOn")),
            exited_on=to_date(row.get("exitedOn")),
            exit_reason=ExitReason(row["exitReason"]) if row.get("exitReason") else None,
            withheld=row.get("withheld", []),
            row=row,
        )

    def _part(self, info: Ctx, part: str, shape: Callable[[Any], R]) -> R | None:
        """A part of the file: read with it, else in one batch with the page's other files;
        null when the caller's role does not see it."""
        if part in self.withheld:
            return None
        if self.row.get(part) is not None:
            return shape(self.row[part])

        async def batched() -> R:
            key = (str(self.id), part, operation_name(info))
            loaded = await info.context.loaders.child_part.load(key)
            return shape((loaded or {}).get(part))

        return deferred(batched())

    @strawberry.field(description="The village the child lives in")
    def residence_division(self, info: Ctx) -> Division:
        return named_division(info, self.row["residenceDivisionCode"])

    @strawberry.field(description="Classifications, current and past (health details by role)")
    def classifications(self, info: Ctx, active_only: bool = False) -> list[Classification] | None:
        def shape(rows: list[dict[str, Any]] | None) -> list[Classification]:
            items = [Classification.from_row(r) for r in rows or []]
            if active_only:
                today = clock.today()
                items = [
                    c for c in items if c.since <= today and (c.until is None or c.until > today)
                ]
            return items

        return self._part(info, "classifications", shape)

    @strawberry.field(description="Household members and guardians")
    def guardians(self, info: Ctx) -> list[Guardian] | None:
        return self._part(
            info, "guardians", lambda rows: [Guardian.from_row(r) for r in rows or []]
        )

    @strawberry.field(description="Every change to the file, oldest first")
    def history(self, info: Ctx) -> list[HistoryEntry] | None:
        return self._part(
            info, "history", lambda rows: [HistoryEntry.from_row(r) for r in rows or []]
        )

    @strawberry.field(description="Visits to the family, newest first (定期走访)")
    def visits(
        self, info: Ctx
    ) -> list[Annotated[Visit, strawberry.lazy("shouhu.gateway.visits.types")]] | None:
        visit = lazy("shouhu.gateway.visits.types", "Visit")
        return self._part(info, "visits", lambda rows: [visit.from_row(r) for r in rows or []])

    @strawberry.field(
        description="The one support plan (一策): every department's measures, or the caller's "
        "department's only (docs/access-policy.md)"
    )
    def support_plan(
        self, info: Ctx
    ) -> Annotated[SupportPlan, strawberry.lazy("shouhu.gateway.plans.types")] | None:
        plan = lazy("shouhu.gateway.plans.types", "SupportPlan")
        shaped: SupportPlan | None = self._part(
            info, "plan", lambda row: plan.from_row(str(self.id), row)
        )
        return shaped

    @strawberry.field(description="Benefits: decisions with reasons, and entitlements (福利待遇)")
    def benefits(
        self, info: Ctx
    ) -> Annotated[ChildBenefits, strawberry.lazy("shouhu.gateway.benefits.types")] | None:
        shape = lazy("shouhu.gateway.benefits.types", "ChildBenefits").from_row
        if "benefits" in self.withheld:
            return None
        if self.benefits_row is not None:
            shaped: ChildBenefits = shape(str(self.id), self.benefits_row[0])
            return shaped

        async def batched() -> ChildBenefits:
            shaped: ChildBenefits = shape(
                str(self.id), await info.context.loaders.benefits.load(str(self.id))
            )
            return shaped

        return deferred(batched())

    @strawberry.field(
        description="Education (教育): enrolments (学籍), newest first; the open dropout risk"
    )
    def education(
        self, info: Ctx
    ) -> Annotated[ChildEducation, strawberry.lazy("shouhu.gateway.education.types")] | None:
        shape = lazy("shouhu.gateway.education.types", "ChildEducation").from_row

        async def batched() -> ChildEducation | None:
            shaped: ChildEducation | None = shape(
                await info.context.loaders.education.load(str(self.id))
            )
            return shaped

        return deferred(batched())


@strawberry.type
class ChildEdge:
    cursor: str
    node: Child


@strawberry.type(description="A page of files, ordered by village")
class ChildConnection:
    edges: list[ChildEdge]
    page_info: PageInfo
    total_count: int | None = strawberry.field(description="Counted only when asked for")


@strawberry.type(description="A registration held back as a possible duplicate (疑似重复)")
class DuplicateReview:
    id: strawberry.ID
    town_code: str
    matched_child_id: strawberry.ID
    name: str
    birth_date: datetime.date
    residence_division_code: str
    submitted_by: str
    submitted_at: datetime.datetime
    status: str
    decided_by: str | None
    registered_child_id: strawberry.ID | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DuplicateReview:
        return cls(
            id=strawberry.ID(row["id"]),
            town_code=row["townCode"],
            matched_child_id=strawberry.ID(row["matchedChildId"]),
            name=row["name"],
            birth_date=datetime.date.fromisoformat(row["birthDate"]),
            residence_division_code=row["residenceDivisionCode"],
            submitted_by=row["submittedBy"],
            submitted_at=datetime.datetime.fromisoformat(row["submittedAt"]),
            status=row["status"],
            decided_by=row.get("decidedBy"),
            registered_child_id=(
                strawberry.ID(row["registeredChildId"]) if row.get("registeredChildId") else None
            ),
        )


@strawberry.enum(description="A transfer request's state (档案转移申请)")
class TransferStatus(Enum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"


@strawberry.enum(description="Move the file to the requested village, or refuse")
class TransferDecision(Enum):
    APPROVE = "APPROVE"
    REFUSE = "REFUSE"


@strawberry.type(
    description="A registration of a number filed elsewhere in the district: the district's "
    "civil affairs decides whether the file moves to the requesting village (档案转移申请)"
)
class TransferRequest:
    id: strawberry.ID
    child_id: strawberry.ID | None = strawberry.field(
        description="The file; only for the district that decides"
    )
    to_village: str
    name: str
    requested_by: str
    requested_at: datetime.datetime
    status: TransferStatus
    decided_by: str | None
    decided_at: datetime.datetime | None
    reason: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TransferRequest:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]) if row.get("childId") else None,
            to_village=row["toVillage"],
            name=row["name"],
            requested_by=row["requestedBy"],
            requested_at=datetime.datetime.fromisoformat(row["requestedAt"]),
            status=TransferStatus(row["status"]),
            decided_by=row.get("decidedBy"),
            decided_at=(
                datetime.datetime.fromisoformat(row["decidedAt"]) if row.get("decidedAt") else None
            ),
            reason=row.get("reason"),
        )


@strawberry.input(description="What opens a child's file")
class RegisterChildInput:
    name: str
    gender: Gender
    birth_date: datetime.date
    residence_division_code: str = strawberry.field(description="A village code")
    id_number: str | None = strawberry.field(
        default=None, description="18 characters, GB 11643 checksum"
    )
    hukou_division_code: str | None = strawberry.field(
        default=None, description="May be outside Beijing"
    )
    school: str | None = None
    notes: str | None = None


@strawberry.input(description="The identity fields to change; those left out stay")
class UpdateChildInput:
    name: str | None = strawberry.UNSET
    gender: Gender | None = strawberry.UNSET
    birth_date: datetime.date | None = strawberry.UNSET
    id_number: str | None = strawberry.UNSET
    residence_division_code: str | None = strawberry.UNSET
    hukou_division_code: str | None = strawberry.UNSET
    school: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET
    reason: str | None = strawberry.UNSET


@strawberry.input
class ClassificationInput:
    group: ClassificationGroup
    subtype: ClassificationSubtype
    since: datetime.date
    until: datetime.date | None = None
    note: str | None = None


@strawberry.input(description="The complete active set after this call")
class ClassifyChildInput:
    classifications: list[ClassificationInput]
    reason: str | None = None


@strawberry.input
class GuardianInput:
    name: str
    relation: Relation
    is_guardian: bool = False
    capacity: GuardianshipCapacity = GuardianshipCapacity.FULL
    working_away: bool = False
    away_location: str | None = None
    away_since: datetime.date | None = None
    phone: str | None = None
    entrusted_since: datetime.date | None = strawberry.field(
        default=None, description="Set on the entrusted guardian (委托监护人) only"
    )
    entrustment_agreed_on: datetime.date | None = None


@strawberry.input(description="The whole household after this change")
class SetGuardiansInput:
    guardians: list[GuardianInput]
    reason: str | None = None


@strawberry.input(description="Search criteria; all given must hold")
class ChildFilter:
    name: str | None = strawberry.field(
        default=None, description="Part of the name, or its pinyin initials"
    )
    id_number: str | None = None
    division_code: str | None = None
    primary_category: PrimaryCategory | None = None
    group: ClassificationGroup | None = None
    subtype: ClassificationSubtype | None = None
    status: ChildStatus | None = None
    min_age: int | None = None
    max_age: int | None = None
    left_behind: bool | None = None
