"""Rules of the payment ledger: one batch per month, whole months, nothing paid twice.

Writes the batch, its lines, totals and an outbox row; never commits (the request does).
"""

from __future__ import annotations

import re
import uuid
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.benefits import policy
from shouhu.benefits.decisions.periods import month_end
from shouhu.benefits.models import PaymentBatch
from shouhu.benefits.payments import export, repository
from shouhu.benefits.payments.events import BATCH_CREATED, BatchTotal, PaymentBatchCreated
from shouhu.benefits.payments.schemas import (
    MONTH_PATTERN,
    PaymentBatchOut,
    PaymentLineEdge,
    PaymentLineOut,
    PaymentLinePage,
    PaymentTotalOut,
)
from shouhu.benefits.programmes import service as programmes
from shouhu.benefits.publish import emit
from shouhu.benefits.rules.schema import ProgrammeCode, load
from shouhu.platform import divisions
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_seq_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo

FIRST_MONTH = "2017-01"
MAX_PAGE = 500
MAX_BATCHES = 120  # ten years of months


def check_month(month: str) -> date:
    """The first day of a month given as 2026-11; no future month (nothing is paid ahead)."""
    if not re.fullmatch(MONTH_PATTERN, month):
        raise ValidationFailed(fields={"month": "月份格式应为 YYYY-MM，如 2026-11"})
    current = today().strftime("%Y-%m")
    if month < FIRST_MONTH or month > current:
        raise ValidationFailed(
            fields={"month": f"只能为{FIRST_MONTH}至本月（{current}）之间的月份生成发放批次"}
        )
    return date.fromisoformat(f"{month}-01")


def run_batch(session: Session, principal: Principal, month: str) -> tuple[PaymentBatchOut, bool]:
    """The month's batch: computed and stored the first time, the same batch every time after."""
    # The month is unique on the batch, and each line is unique per entitlement and month and per
    # child, programme and month: a second run, even a concurrent one, pays nothing again.
    policy.require_district(principal, policy.PAYMENT_RUN_ROLES, "只有区民政局可以生成发放批次")
    first_day = check_month(month)
    existing = repository.batch_by_month(session, month)
    if existing is not None:
        return batch_out(session, principal, existing), False
    rules = load()
    standards = programmes.standards_for(session, first_day.year, rules)
    amounts = {
        p.code.value: standards[p.code]
        for p in rules.programmes
        if p.paid_in_batches and standards[p.code] > 0
    }
    batch = PaymentBatch(
        id=str(uuid.uuid4()),
        month=month,
        line_count=0,
        total_fen=0,
        rule_version=rules.version,
        standards={c.value: standards[c] for c in sorted(standards)},
        created_by=principal.username,
        created_at=utcnow(),
    )
    try:
        repository.add(session, batch)
        session.flush()  # the batch's row first: the month's unique key decides who computes it
    except IntegrityError:
        # Another run of the same month committed first (nothing else was written yet).
        session.rollback()
        won = repository.batch_by_month(session, month)
        if won is None:
            raise
        return batch_out(session, principal, won), False
    if amounts:
        repository.insert_lines(session, batch.id, month, first_day, month_end(first_day), amounts)
        repository.insert_totals(session, batch.id)
        repository.seal(session, batch.id)
        session.refresh(batch)
    totals = repository.totals(session, batch.id, None)
    emit(
        session,
        BATCH_CREATED,
        f"payment-batch:{month}",
        PaymentBatchCreated(
            batch_id=batch.id,
            month=month,
            line_count=batch.line_count,
            total_fen=batch.total_fen,
            totals=[
                BatchTotal(
                    town_division_code=t.town_code,
                    programme=t.programme,
                    line_count=t.line_count,
                    total_fen=t.total_fen,
                )
                for t in totals
            ],
            created_by=principal.username,
        ),
    )
    return batch_out(session, principal, batch), True


def _scope(principal: Principal) -> str:
    """The division whose lines and totals the principal sees."""
    return principal.division_code


def batch_out(session: Session, principal: Principal, batch: PaymentBatch) -> PaymentBatchOut:
    """The batch's figures, and the totals within the principal's division."""
    scope = _scope(principal)
    if len(scope) == 12:
        totals = [
            PaymentTotalOut(
                town_code=town,
                town_name=divisions.name(town),
                programme=ProgrammeCode(programme),
                line_count=int(count),
                total_fen=int(fen),
            )
            for town, programme, count, fen in repository.village_totals(session, batch.id, scope)
        ]
    else:
        town = scope if len(scope) == 9 else None
        totals = [
            PaymentTotalOut(
                town_code=t.town_code,
                town_name=divisions.name(t.town_code),
                programme=ProgrammeCode(t.programme),
                line_count=t.line_count,
                total_fen=t.total_fen,
            )
            for t in repository.totals(session, batch.id, town)
        ]
    return PaymentBatchOut(
        id=batch.id,
        month=batch.month,
        line_count=batch.line_count,
        total_fen=batch.total_fen,
        rule_version=batch.rule_version,
        standards=batch.standards,
        created_at=batch.created_at,
        created_by=batch.created_by,
        scope_division_code=scope,
        totals=totals,
    )


def load_batch(session: Session, principal: Principal, month: str) -> PaymentBatch:
    policy.require(principal, policy.PAYMENT_TOTAL_ROLES, "无权查看发放批次")
    if not re.fullmatch(MONTH_PATTERN, month):
        raise ValidationFailed(fields={"month": "月份格式应为 YYYY-MM，如 2026-11"})
    batch = repository.batch_by_month(session, month)
    if batch is None:
        raise NotFound(f"{month}的发放批次尚未生成")
    return batch


def get_batch(session: Session, principal: Principal, month: str) -> PaymentBatchOut:
    return batch_out(session, principal, load_batch(session, principal, month))


def list_batches(session: Session, principal: Principal, first: int) -> list[PaymentBatchOut]:
    policy.require(principal, policy.PAYMENT_TOTAL_ROLES, "无权查看发放批次")
    if not 1 <= first <= MAX_BATCHES:
        raise ValidationFailed(fields={"first": f"条数应在1到{MAX_BATCHES}之间"})
    return [batch_out(session, principal, b) for b in repository.batches(session, first)]


def require_lines(principal: Principal) -> None:
    """Children's lines: not for the auditor, who reads totals only (no personal data)."""
    if not principal.has_role(*policy.PAYMENT_LINE_ROLES):
        if principal.has_role(*policy.PAYMENT_TOTAL_ROLES):
            raise Forbidden("只能查看发放汇总，不能查看儿童发放明细")
        raise Forbidden("无权查看发放明细")


def lines(
    session: Session,
    principal: Principal,
    month: str,
    *,
    first: int,
    after: str | None,
    division_code: str | None,
    programme: ProgrammeCode | None,
    with_total: bool,
) -> PaymentLinePage:
    """A page of the batch's lines within the principal's division."""
    require_lines(principal)
    batch = load_batch(session, principal, month)
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
    prefix = principal.narrowed(division_code)
    code = programme.value if programme else None
    rows = repository.lines(
        session,
        batch.id,
        prefix,
        code,
        decode_seq_cursor("line", after) if after else None,
        first + 1,
    )
    edges = [
        PaymentLineEdge(
            cursor=encode_cursor("line", str(r.id or 0)),
            node=PaymentLineOut(
                id=str(r.id),
                month=r.month,
                child_id=r.child_id,
                child_name=r.child_name,
                programme=ProgrammeCode(r.programme),
                amount_fen=r.amount_fen,
                residence_division_code=r.residence_division_code,
                town_code=r.town_code,
                entitlement_id=r.entitlement_id,
            ),
        )
        for r in rows[:first]
    ]
    return PaymentLinePage(
        edges=edges,
        page_info=PageInfo.of(edges, more=len(rows) > first),
        total_count=repository.count_lines(session, batch.id, prefix, code) if with_total else None,
    )


def export_csv(session: Session, principal: Principal, month: str) -> bytes:
    """The batch's lines within the principal's division, as CSV."""
    require_lines(principal)
    batch = load_batch(session, principal, month)
    stream = repository.stream_lines(session, batch.id, _scope(principal))
    return b"".join(export.to_csv(month, stream, load()))


def export_xlsx(session: Session, principal: Principal, month: str) -> bytes:
    """The batch's lines and totals within the principal's division, as a workbook."""
    require_lines(principal)
    batch = load_batch(session, principal, month)
    out = batch_out(session, principal, batch)
    stream = repository.stream_lines(session, batch.id, _scope(principal))
    totals = [(t.town_code, t.programme.value, t.line_count, t.total_fen) for t in out.totals]
    return export.to_xlsx(month, stream, totals, load())
