"""Benefits (福利待遇): programmes and standards, a child's decisions and entitlements, payments."""

from __future__ import annotations

import datetime
import warnings
from enum import Enum
from typing import Any, NewType

import strawberry
from strawberry.scalars import JSON

from shouhu.gateway.common import Ctx, ExportFile, PageInfo, connection, selected, to_date

# A district's month passes 2^31 fen: GraphQL's Int is 32 bits, so totals are BigInt. Strawberry
# now prefers a `scalar_map` in the schema's config; until the schema takes one, the class form.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    BigInt = strawberry.scalar(
        NewType("BigInt", int),
        description="A whole number beyond 32 bits (totals in fen 分)",
        serialize=int,
        parse_value=int,
    )


@strawberry.enum(description="The programmes of the district (保障项目)")
class ProgrammeCode(Enum):
    HARDSHIP_LIVING_ALLOWANCE = "HARDSHIP_LIVING_ALLOWANCE"
    DISABILITY_TWO_SUBSIDIES = "DISABILITY_TWO_SUBSIDIES"
    DESTITUTE_SUPPORT = "DESTITUTE_SUPPORT"
    MINIMUM_SUBSISTENCE = "MINIMUM_SUBSISTENCE"
    TEMPORARY_LIVING_SUPPORT = "TEMPORARY_LIVING_SUPPORT"
    MEDICAL_REHABILITATION = "MEDICAL_REHABILITATION"
    INSURANCE_PREMIUM_SUBSIDY = "INSURANCE_PREMIUM_SUBSIDY"
    GUARDIANSHIP_ALLOWANCE = "GUARDIANSHIP_ALLOWANCE"


@strawberry.enum(description="How a programme is given (发放方式)")
class ProgrammeKind(Enum):
    MONTHLY_CASH = "MONTHLY_CASH"
    ANNUAL_SUBSIDY = "ANNUAL_SUBSIDY"
    ONE_OFF = "ONE_OFF"
    SERVICE = "SERVICE"


@strawberry.enum(description="What a programme secures (保障类别)")
class ProgrammeCategory(Enum):
    BASIC_LIVING = "BASIC_LIVING"
    TEMPORARY_SUPPORT = "TEMPORARY_SUPPORT"
    MEDICAL = "MEDICAL"
    INSURANCE = "INSURANCE"
    GUARDIANSHIP = "GUARDIANSHIP"


@strawberry.enum(description="What was decided for one programme (认定结果)")
class DecisionOutcome(Enum):
    GRANTED = "GRANTED"
    SUPERSEDED = "SUPERSEDED"
    NOT_COMBINABLE = "NOT_COMBINABLE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    PILOT_NOT_ENABLED = "PILOT_NOT_ENABLED"


@strawberry.enum(description="SCHEDULED (starts later), ACTIVE or ENDED (待遇状态)")
class EntitlementStatus(Enum):
    SCHEDULED = "SCHEDULED"
    ACTIVE = "ACTIVE"
    ENDED = "ENDED"


@strawberry.enum(description="A file for the finance office")
class ExportFormat(Enum):
    CSV = "csv"
    XLSX = "xlsx"


@strawberry.type(description="A programme's monthly standard in one year, in fen")
class BenefitStandard:
    year: int
    monthly_amount_fen: int
    placeholder: bool
    set_by: str | None
    set_at: datetime.datetime | None


@strawberry.type(description="Programmes of which a child receives only the highest (择高组)")
class ExclusiveGroup:
    code: str
    name: str
    basis: str
    members: list[ProgrammeCode]
    stacks_with: list[ProgrammeCode] = strawberry.field(
        description="Stacking exceptions: held beside the winner (叠加例外)"
    )


@strawberry.type(description="A programme (保障项目) with this year's standard")
class Programme:
    code: ProgrammeCode
    name: str
    kind: ProgrammeKind
    category: ProgrammeCategory
    basis: str
    administered_elsewhere: bool = strawberry.field(
        description="Paid by another office (低保): recorded here, left out of payment batches"
    )
    paid_in_batches: bool
    pilot: bool
    enabled: bool
    exclusive_group: ExclusiveGroup | None
    year: int
    monthly_amount_fen: int = strawberry.field(description="This year's standard, in fen")
    placeholder: bool = strawberry.field(
        description="True while no standard is set: the rules file's placeholder applies"
    )
    standards: list[BenefitStandard]
    rule_version: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Programme:
        group = row.get("exclusiveGroup")
        return cls(
            code=ProgrammeCode(row["code"]),
            name=row["name"],
            kind=ProgrammeKind(row["kind"]),
            category=ProgrammeCategory(row["category"]),
            basis=row["basis"],
            administered_elsewhere=row["administeredElsewhere"],
            paid_in_batches=row["paidInBatches"],
            pilot=row["pilot"],
            enabled=row["enabled"],
            exclusive_group=(
                ExclusiveGroup(
                    code=group["code"],
                    name=group["name"],
                    basis=group["basis"],
                    members=[ProgrammeCode(m) for m in group["members"]],
                    stacks_with=[ProgrammeCode(m) for m in group["stacksWith"]],
                )
                if group
                else None
            ),
            year=row["year"],
            monthly_amount_fen=row["monthlyAmountFen"],
            placeholder=row["placeholder"],
            standards=[
                BenefitStandard(
                    year=s["year"],
                    monthly_amount_fen=s["monthlyAmountFen"],
                    placeholder=s["placeholder"],
                    set_by=s.get("setBy"),
                    set_at=datetime.datetime.fromisoformat(s["setAt"]) if s.get("setAt") else None,
                )
                for s in row["standards"]
            ],
            rule_version=row["ruleVersion"],
        )


async def programme_of(info: Ctx, code: str) -> Programme:
    """A programme from the process's copy of the list."""
    return Programme.from_row((await info.context.loaders.programmes())[code])


WITHHELD = (
    "Fields answered null because the caller's role sees no health detail and the rules could "
    "tell it by them (the same for every child; docs/benefits.md)"
)


@strawberry.type(
    description="The decision on one programme, with its reasons (认定结果及理由); a field "
    "named in `withheld` is null"
)
class BenefitDecision:
    eligible: bool | None
    granted: bool | None
    outcome: DecisionOutcome | None
    reasons: list[str] | None = strawberry.field(description="In Chinese, as the rules say")
    monthly_amount_fen: int | None
    share_percent: int | None
    superseded_by: ProgrammeCode | None = strawberry.field(description="The winner (择高原则)")
    rule_version: str
    decided_on: datetime.date
    withheld: list[str] = strawberry.field(description=WITHHELD)
    programme_code: strawberry.Private[str]

    @strawberry.field
    async def programme(self, info: Ctx) -> Programme:
        return await programme_of(info, self.programme_code)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> BenefitDecision:
        return cls(
            eligible=row.get("eligible"),
            granted=row.get("granted"),
            outcome=DecisionOutcome(row["outcome"]) if row.get("outcome") else None,
            reasons=row.get("reasons"),
            monthly_amount_fen=row.get("monthlyAmountFen"),
            share_percent=row.get("sharePercent"),
            superseded_by=ProgrammeCode(row["supersededBy"]) if row.get("supersededBy") else None,
            rule_version=row["ruleVersion"],
            decided_on=datetime.date.fromisoformat(row["decidedOn"]),
            withheld=row.get("withheld", []),
            programme_code=row["programme"],
        )


@strawberry.type(
    description="A right to a programme over whole months (待遇); a field named in `withheld` is "
    "null"
)
class Entitlement:
    id: strawberry.ID
    kind: ProgrammeKind
    status: EntitlementStatus
    monthly_amount_fen: int | None = strawberry.field(description="This month's amount, in fen")
    share_percent: int | None
    starts_on: datetime.date
    ends_on: datetime.date | None
    end_reason: str | None
    administered_elsewhere: bool
    paid_in_batches: bool
    withheld: list[str] = strawberry.field(description=WITHHELD)
    programme_code: strawberry.Private[str]

    @strawberry.field
    async def programme(self, info: Ctx) -> Programme:
        return await programme_of(info, self.programme_code)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Entitlement:
        return cls(
            id=strawberry.ID(row["id"]),
            kind=ProgrammeKind(row["kind"]),
            status=EntitlementStatus(row["status"]),
            monthly_amount_fen=row.get("monthlyAmountFen"),
            share_percent=row.get("sharePercent"),
            starts_on=datetime.date.fromisoformat(row["startsOn"]),
            ends_on=to_date(row.get("endsOn")),
            end_reason=row.get("endReason"),
            administered_elsewhere=row["administeredElsewhere"],
            paid_in_batches=row["paidInBatches"],
            withheld=row.get("withheld", []),
            programme_code=row["programme"],
        )


@strawberry.type(description="One decision on every programme, with the facts it used")
class DecisionSet:
    id: strawberry.ID
    decided_on: datetime.date
    decided_at: datetime.datetime
    rule_version: str
    trigger: str
    facts: JSON
    decisions: list[BenefitDecision]


@strawberry.type(description="A child's benefits: the current decision and every entitlement")
class ChildBenefits:
    decided_on: datetime.date | None
    rule_version: str | None
    facts: JSON | None = strawberry.field(description="The facts the decision used")
    decisions: list[BenefitDecision]
    entitlements: list[Entitlement] = strawberry.field(description="Newest first")
    withheld_programmes: list[ProgrammeCode] = strawberry.field(
        description="Programmes whose entitlements are left out and whose decisions are withheld "
        "for the caller's role, as whether a child holds one could tell a health detail (the same "
        "for every child; docs/benefits.md)"
    )
    child_id: strawberry.Private[str]

    @strawberry.field(description="Every decision, newest first")
    async def history(self, info: Ctx, first: int = 20) -> list[DecisionSet]:
        rows = await info.context.benefits.decisions(self.child_id, first)
        return [
            DecisionSet(
                id=strawberry.ID(r["id"]),
                decided_on=datetime.date.fromisoformat(r["decidedOn"]),
                decided_at=datetime.datetime.fromisoformat(r["decidedAt"]),
                rule_version=r["ruleVersion"],
                trigger=r["trigger"],
                facts=r["facts"],
                decisions=[BenefitDecision.from_row(d) for d in r["decisions"]],
            )
            for r in rows
        ]

    @classmethod
    def from_row(cls, child_id: str, row: dict[str, Any] | None) -> ChildBenefits:
        """A child the benefits service does not know yet has nothing decided."""
        if row is None:
            return cls(
                decided_on=None,
                rule_version=None,
                facts=None,
                decisions=[],
                entitlements=[],
                withheld_programmes=[],
                child_id=child_id,
            )
        return cls(
            decided_on=to_date(row.get("decidedOn")),
            rule_version=row.get("ruleVersion"),
            facts=row.get("facts"),
            decisions=[BenefitDecision.from_row(d) for d in row["decisions"]],
            entitlements=[Entitlement.from_row(e) for e in row["entitlements"]],
            withheld_programmes=[ProgrammeCode(p) for p in row.get("withheldProgrammes", [])],
            child_id=child_id,
        )


# ---- the payment ledger ---------------------------------------------------------------------


@strawberry.type(description="What one town receives of one programme in a batch (汇总)")
class PaymentTotal:
    town_code: str
    town_name: str
    programme: ProgrammeCode
    line_count: int
    total_fen: BigInt  # type: ignore[valid-type]


@strawberry.type(description="One month of one child's entitlement paid (发放明细)")
class PaymentLine:
    id: strawberry.ID
    month: str
    child_id: strawberry.ID
    child_name: str
    programme: ProgrammeCode
    amount_fen: int
    residence_division_code: str
    town_code: str
    entitlement_id: strawberry.ID

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PaymentLine:
        return cls(
            id=strawberry.ID(row["id"]),
            month=row["month"],
            child_id=strawberry.ID(row["childId"]),
            child_name=row["childName"],
            programme=ProgrammeCode(row["programme"]),
            amount_fen=row["amountFen"],
            residence_division_code=row["residenceDivisionCode"],
            town_code=row["townCode"],
            entitlement_id=strawberry.ID(row["entitlementId"]),
        )


@strawberry.type
class PaymentLineEdge:
    cursor: str
    node: PaymentLine


@strawberry.type(description="A page of a batch's lines in the caller's division")
class PaymentLineConnection:
    edges: list[PaymentLineEdge]
    page_info: PageInfo
    total_count: int | None = strawberry.field(description="Counted only when asked for")


@strawberry.type(description="A month's payment batch (月度发放批次); computed once, never twice")
class PaymentBatch:
    id: strawberry.ID
    month: str
    line_count: int
    total_fen: BigInt  # type: ignore[valid-type]
    rule_version: str
    standards: JSON = strawberry.field(description="The standards of the month, in fen")
    created_at: datetime.datetime
    created_by: str
    scope_division_code: str = strawberry.field(description="The division the totals cover")
    totals: list[PaymentTotal] = strawberry.field(description="Per town and programme, in scope")

    @strawberry.field(description="The children paid, within the caller's division (not auditors)")
    async def lines(
        self,
        info: Ctx,
        first: int = 50,
        after: str | None = None,
        division_code: str | None = None,
        programme: ProgrammeCode | None = None,
    ) -> PaymentLineConnection:
        page = await info.context.benefits.payment_lines(
            self.month,
            {
                "first": first,
                "after": after,
                "divisionCode": division_code,
                "programme": programme.value if programme else None,
                "withTotal": "totalCount" in selected(info),
            },
        )
        return connection(
            PaymentLineConnection,
            page,
            PaymentLineEdge,
            PaymentLine.from_row,
            total_count=page.get("totalCount"),
        )

    @strawberry.field(description="The lines in the caller's division as CSV or XLSX")
    async def export(self, info: Ctx, format: ExportFormat) -> ExportFile:
        row = await info.context.benefits.payment_export(self.month, format.value)
        return ExportFile.from_row(row)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PaymentBatch:
        return cls(
            id=strawberry.ID(row["id"]),
            month=row["month"],
            line_count=row["lineCount"],
            total_fen=row["totalFen"],
            rule_version=row["ruleVersion"],
            standards=row["standards"],
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            created_by=row["createdBy"],
            scope_division_code=row["scopeDivisionCode"],
            totals=[
                PaymentTotal(
                    town_code=t["townCode"],
                    town_name=t["townName"],
                    programme=ProgrammeCode(t["programme"]),
                    line_count=t["lineCount"],
                    total_fen=t["totalFen"],
                )
                for t in row["totals"]
            ],
        )
