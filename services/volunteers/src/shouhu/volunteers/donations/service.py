"""Rules of donations: who records them, uses within what is left, the public summary without
any child's identity, the export; never commits."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from shouhu.platform import spreadsheets
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.volunteers import policy
from shouhu.volunteers.donations import repository
from shouhu.volunteers.donations.schemas import (
    ANONYMOUS,
    DESIGNATION_NAMES,
    Designation,
    DesignationTotal,
    DonationInput,
    DonationKind,
    DonationOut,
    DonationSummary,
    DonationUseInput,
    DonationUseOut,
    DonorKind,
    MonthTotal,
    PublicDonation,
    PublicUse,
)
from shouhu.volunteers.models import Donation, DonationUse, Organisation
from shouhu.volunteers.organisations import repository as organisations

UNKNOWN = "捐赠记录不存在"
MAX_LIST = 500


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def _money(row: Donation) -> bool:
    return row.kind == DonationKind.MONEY.value


def use_out(row: DonationUse, money: bool) -> DonationUseOut:
    return DonationUseOut(
        id=row.id,
        amount_fen=row.amount if money else None,
        quantity=None if money else row.amount,
        used_on=row.used_on,
        purpose=row.purpose,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


def to_out(row: Donation, organisation: Organisation, uses: Sequence[DonationUse]) -> DonationOut:
    money = _money(row)
    designation = Designation(row.designation)
    return DonationOut(
        id=row.id,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        donor_kind=DonorKind(row.donor_kind),
        donor_name=ANONYMOUS if row.anonymous or not row.donor_name else row.donor_name,
        anonymous=row.anonymous,
        kind=DonationKind(row.kind),
        amount_fen=row.amount if money else None,
        goods_description=row.goods_description,
        quantity=None if money else row.amount,
        unit=row.unit,
        used=row.used,
        remaining=row.amount - row.used,
        designation=designation,
        designation_name=DESIGNATION_NAMES[designation],
        designated_id=row.designated_id,
        received_on=row.received_on,
        note=row.note,
        uses=[use_out(u, money) for u in uses],
        version=row.version,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


def _organisation_for(session: Session, principal: Principal, organisation_id: str) -> Organisation:
    row = organisations.organisation(session, organisation_id)
    if row is None:
        raise _refuse("organisationId", "组织不存在")
    if not policy.records_for(principal, row.acting_role):
        raise Forbidden("只能为本单位负责的组织登记捐赠")
    return row


def _designated(session: Session, data: DonationInput) -> str | None:
    """The id the donation is designated to: a child's or an activity's as given (not checked
    here: the child is the registry's), an organisation that exists; none for general."""
    if data.designation is Designation.GENERAL:
        if data.designated_id is not None:
            raise _refuse("designatedId", "非定向捐赠不应指定对象")
        return None
    if data.designated_id is None:
        raise _refuse("designatedId", "请指定定向对象")
    if data.designation is Designation.ORGANISATION:
        if organisations.organisation(session, data.designated_id) is None:
            raise _refuse("designatedId", "组织不存在")
        return data.designated_id
    try:
        return str(uuid.UUID(data.designated_id))
    except ValueError as exc:
        raise _refuse("designatedId", "定向对象编号不正确") from exc


def record(session: Session, principal: Principal, data: DonationInput) -> DonationOut:
    """A gift received by an organisation the caller acts for; checked whole before written."""
    policy.require(principal, policy.DONATION_ROLES, "无权登记捐赠")
    organisation = _organisation_for(session, principal, data.organisation_id)
    if not data.anonymous and data.donor_name is None:
        raise _refuse("donorName", "请填写捐赠人，或选择匿名")
    if data.received_on > today():
        raise _refuse("receivedOn", "接收日期不能晚于今天")
    if data.kind is DonationKind.MONEY:
        if data.amount_fen is None:
            raise _refuse("amountFen", "请填写捐赠金额")
        if data.quantity is not None or data.goods_description is not None:
            raise _refuse("quantity", "捐款不应填写物资和数量")
        amount = data.amount_fen
    else:
        if data.goods_description is None:
            raise _refuse("goodsDescription", "请填写捐赠物资")
        if data.quantity is None:
            raise _refuse("quantity", "请填写物资数量")
        if data.amount_fen is not None:
            raise _refuse("amountFen", "捐物不应填写金额")
        amount = data.quantity
    designated = _designated(session, data)
    row = Donation(
        id=str(uuid.uuid4()),
        organisation_id=organisation.id,
        donor_kind=data.donor_kind.value,
        # An anonymous donor's name is not kept at all: nobody can let it out later.
        donor_name=None if data.anonymous else data.donor_name,
        anonymous=data.anonymous,
        kind=data.kind.value,
        amount=amount,
        used=0,
        goods_description=data.goods_description,
        unit=data.unit if data.kind is DonationKind.GOODS else None,
        designation=data.designation.value,
        designated_id=designated,
        received_on=data.received_on,
        note=data.note,
        version=1,
        recorded_by=principal.username,
        recorded_at=utcnow(),
    )
    repository.add(session, row)
    return to_out(row, organisation, [])


def _readable(session: Session, principal: Principal, donation_id: str) -> Donation:
    policy.require(principal, policy.DONATION_READ_ROLES, "无权查看捐赠")
    row = repository.donation(session, donation_id)
    if row is None:
        raise NotFound(UNKNOWN)
    roles = _acting_roles(principal)
    if roles is not None:
        organisation = organisations.organisation(session, row.organisation_id)
        if organisation is None or organisation.acting_role not in roles:
            raise Forbidden("无权查看该捐赠")
    return row


def _acting_roles(principal: Principal) -> frozenset[str] | None:
    """Civil affairs reads all; a federation its own organisations'."""
    if principal.has_role(*policy.FAMILY_ROLES):
        return None
    return frozenset(r.value for r in policy.FEDERATION_ROLES if r.value in principal.roles)


def get(session: Session, principal: Principal, donation_id: str) -> DonationOut:
    row = _readable(session, principal, donation_id)
    organisation = organisations.organisation(session, row.organisation_id)
    assert organisation is not None
    return to_out(row, organisation, repository.uses_of(session, [row.id])[row.id])


def listing(
    session: Session, principal: Principal, organisation_id: str | None, first: int
) -> list[DonationOut]:
    """The donations the caller reads, newest first, at most `first`."""
    policy.require(principal, policy.DONATION_READ_ROLES, "无权查看捐赠")
    rows = repository.donations(session, _acting_roles(principal), organisation_id, first)
    orgs = organisations.by_ids(session, [r.organisation_id for r in rows])
    uses = repository.uses_of(session, [r.id for r in rows])
    return [to_out(r, orgs[r.organisation_id], uses[r.id]) for r in rows]


def record_use(
    session: Session, principal: Principal, donation_id: str, data: DonationUseInput
) -> DonationOut:
    """Part of a donation used; refused, with nothing written, beyond what is left."""
    policy.require(principal, policy.DONATION_ROLES, "无权登记捐赠使用")
    row = repository.donation(session, donation_id)
    if row is None:
        raise NotFound(UNKNOWN)
    organisation = _organisation_for(session, principal, row.organisation_id)
    money = _money(row)
    field = "amountFen" if money else "quantity"
    amount = data.amount_fen if money else data.quantity
    other = data.quantity if money else data.amount_fen
    if other is not None:
        wrong = "quantity" if money else "amountFen"
        raise _refuse(wrong, "捐款按金额使用" if money else "捐物按数量使用")
    if amount is None:
        raise _refuse(field, "请填写使用金额" if money else "请填写使用数量")
    if data.used_on > today():
        raise _refuse("usedOn", "使用日期不能晚于今天")
    if data.used_on < row.received_on:
        raise _refuse("usedOn", "使用日期不能早于接收日期")
    left = row.amount - row.used
    if amount > left or not repository.take(session, row.id, amount):
        repository.refresh(session, row)
        left = row.amount - row.used
        said = f"超出剩余{spreadsheets.yuan(left)}元" if money else f"超出剩余数量{left}"
        raise _refuse(field, f"使用{'金额' if money else '数量'}{said}")
    repository.add(
        session,
        DonationUse(
            id=str(uuid.uuid4()),
            donation_id=row.id,
            amount=amount,
            used_on=data.used_on,
            purpose=data.purpose,
            recorded_by=principal.username,
            recorded_at=utcnow(),
        ),
    )
    repository.refresh(session, row)
    return to_out(row, organisation, repository.uses_of(session, [row.id])[row.id])


# ---- the public summary and the export ----------------------------------------------------


def _public_text(row: Donation, text: str | None) -> str | None:
    """Free text of a child-designated donation may name the child: the public sees none."""
    if row.designation == Designation.CHILD.value:
        return DESIGNATION_NAMES[Designation.CHILD]
    return text


def summary(session: Session, principal: Principal, year: int) -> DonationSummary:
    """The year's donations and uses for everyone (公开透明): totals by designation kind and by
    month, each gift and use, and no child's id, name or the free text of a child's gift."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    rows = repository.of_year(session, start, end)
    uses = repository.uses_between(session, start, end)
    of_uses = repository.by_ids(session, [u.donation_id for u in uses])
    orgs = organisations.by_ids(
        session, [r.organisation_id for r in rows] + [d.organisation_id for d in of_uses.values()]
    )
    totals: dict[Designation, dict[str, int]] = {d: defaultdict(int) for d in Designation}
    months: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        total, money = totals[Designation(row.designation)], _money(row)
        total["count"] += 1
        total["money" if money else "goods"] += row.amount
        total["money_used" if money else "goods_used"] += row.used
        month = months[row.received_on.strftime("%Y-%m")]
        month["count"] += 1
        if money:
            month["received"] += row.amount
    for use in uses:
        if _money(of_uses[use.donation_id]):
            months[use.used_on.strftime("%Y-%m")]["used"] += use.amount
    return DonationSummary(
        year=year,
        by_designation=[
            DesignationTotal(
                designation=d,
                designation_name=DESIGNATION_NAMES[d],
                donation_count=t["count"],
                money_fen=t["money"],
                money_used_fen=t["money_used"],
                goods_quantity=t["goods"],
                goods_used_quantity=t["goods_used"],
            )
            for d, t in totals.items()
        ],
        by_month=[
            MonthTotal(
                month=m,
                received_fen=t["received"],
                used_fen=t["used"],
                donation_count=t["count"],
            )
            for m, t in sorted(months.items())
        ],
        donations=[_public_donation(r, orgs[r.organisation_id]) for r in rows],
        uses=[_public_use(u, of_uses[u.donation_id], orgs) for u in uses],
    )


def _public_donation(row: Donation, organisation: Organisation) -> PublicDonation:
    money, designation = _money(row), Designation(row.designation)
    return PublicDonation(
        received_on=row.received_on,
        organisation_name=organisation.name,
        donor_name=ANONYMOUS if row.anonymous or not row.donor_name else row.donor_name,
        kind=DonationKind(row.kind),
        amount_fen=row.amount if money else None,
        goods_description=None if money else _public_text(row, row.goods_description),
        quantity=None if money else row.amount,
        unit=row.unit,
        designation=designation,
        designation_name=DESIGNATION_NAMES[designation],
    )


def _public_use(use: DonationUse, row: Donation, orgs: dict[str, Organisation]) -> PublicUse:
    money, designation = _money(row), Designation(row.designation)
    return PublicUse(
        used_on=use.used_on,
        organisation_name=orgs[row.organisation_id].name,
        designation=designation,
        designation_name=DESIGNATION_NAMES[designation],
        kind=DonationKind(row.kind),
        amount_fen=use.amount if money else None,
        quantity=None if money else use.amount,
        unit=row.unit,
        purpose=_public_text(row, use.purpose) or "",
    )


HEADER = (
    "接收日期",
    "受赠组织",
    "捐赠人",
    "类型",
    "金额（元）",
    "物资",
    "数量",
    "单位",
    "定向",
    "已使用",
    "剩余",
)


def _export_rows(session: Session, principal: Principal, year: int) -> Iterator[list[Any]]:
    """The year's donations the caller reads, as the export's rows; a child never named."""
    roles = _acting_roles(principal)
    rows = repository.of_year(session, date(year, 1, 1), date(year + 1, 1, 1))
    orgs = organisations.by_ids(session, [r.organisation_id for r in rows])
    for row in rows:
        organisation = orgs[row.organisation_id]
        if roles is not None and organisation.acting_role not in roles:
            continue
        out = _public_donation(row, organisation)
        money = _money(row)
        left = row.amount - row.used
        yield [
            row.received_on.isoformat(),
            organisation.name,
            out.donor_name,
            "捐款" if money else "捐物",
            spreadsheets.plain_yuan(row.amount) if money else "",
            out.goods_description or "",
            "" if money else row.amount,
            row.unit or "",
            out.designation_name,
            spreadsheets.plain_yuan(row.used) if money else row.used,
            spreadsheets.plain_yuan(left) if money else left,
        ]


def export_csv(session: Session, principal: Principal, year: int) -> bytes:
    policy.require(principal, policy.DONATION_READ_ROLES, "无权导出捐赠")
    return b"".join(spreadsheets.csv_chunks(HEADER, _export_rows(session, principal, year)))


def export_xlsx(session: Session, principal: Principal, year: int) -> bytes:
    policy.require(principal, policy.DONATION_READ_ROLES, "无权导出捐赠")
    return spreadsheets.workbook(
        [(f"{year}年捐赠", HEADER, _export_rows(session, principal, year))]
    )
