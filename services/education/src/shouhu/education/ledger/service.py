"""Rules of the semester ledger: one run per semester, nothing paid twice; writes the semester,
its lines and totals, never commits (the request does).

What is paid: each child's kept, eligible decision on a programme of `aid-rules.yaml`, at the
programme's standard in force on the semester's first day times the semester's share. Only
education's programmes: benefits' programmes (living allowances, subsidies of care, insurance)
are paid by benefits' monthly batch, and none of them is a school fee, a grant or a boarding
subsidy, so no item is paid by both (docs/education.md).
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.aid import repository as aid_repository
from shouhu.education.aid.rules import AidProgramme, Rules, Semester, load
from shouhu.education.aid.service import standard_on
from shouhu.education.enrolments import stages as stages_file
from shouhu.education.ledger import export, repository
from shouhu.education.ledger.schemas import (
    SEMESTER_PATTERN,
    SEMESTER_SAID,
    AidLineEdge,
    AidLineOut,
    AidLinePage,
    AidSemesterOut,
    AidTotalOut,
)
from shouhu.education.models import AidSemester, AidTotal
from shouhu.platform import divisions
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_seq_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo

FIRST_YEAR = 2017
MAX_PAGE = 500
MAX_SEMESTERS = 40  # twenty school years


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def starts_on(rules: Rules, code: str) -> date:
    """The semester's first day (秋季学期 from 09-01, 春季学期 from 03-01, as the rules say);
    refused when malformed, before 2017, or not yet begun (nothing is paid ahead)."""
    if not re.fullmatch(SEMESTER_PATTERN, code):
        raise _refuse("semester", SEMESTER_SAID)
    year, which = code.split("-")
    first = date.fromisoformat(f"{year}-{rules.semester(Semester(which)).starts}")
    if int(year) < FIRST_YEAR:
        raise _refuse("semester", f"只能为{FIRST_YEAR}年以后的学期生成发放台账")
    if first > today():
        raise _refuse("semester", f"该学期尚未开始（{first.isoformat()}开学），不能提前发放")
    return first


def run(session: Session, principal: Principal, code: str) -> tuple[AidSemesterOut, bool]:
    """The semester's ledger: computed and stored the first time, the same one every time after."""
    # The semester is unique on its row, and each line is unique per child, programme and
    # semester: a second run, even a concurrent one, pays nothing again.
    policy.require_district(principal, policy.AID_ADMIN_ROLES, "只有区教委可以生成学期资助发放台账")
    rules = load()
    first = starts_on(rules, code)
    existing = repository.semester(session, code)
    if existing is not None:
        return semester_out(session, principal, existing), False
    share = rules.semester(Semester(code.split("-")[1])).percent
    set_rows = aid_repository.standards(session)
    amounts = {
        p.code.value: standard_on(set_rows, rules, p.code, first).annual_fen * share // 100
        for p in rules.programmes
    }
    row = AidSemester(
        id=str(uuid.uuid4()),
        semester=code,
        starts_on=first,
        line_count=0,
        total_fen=0,
        rule_version=rules.version,
        standards=amounts,
        created_by=principal.username,
        created_at=utcnow(),
    )
    try:
        repository.add(session, row)
        session.flush()  # the semester's unique key decides who computes it
    except IntegrityError:
        session.rollback()  # another run of the same semester committed first
        won = repository.semester(session, code)
        if won is None:
            raise
        return semester_out(session, principal, won), False
    paid = [c for c, fen in amounts.items() if fen > 0]
    lines: list[dict[str, Any]] = []
    sums: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for child, name, village, town, programme, stage in repository.eligible(session, paid):
        fen = amounts[programme]
        lines.append(
            {
                "semester_id": row.id,
                "semester": code,
                "child_id": child,
                "child_name": name,
                "programme": programme,
                "stage": stage or "",
                "amount_fen": fen,
                "residence_division_code": village,
                "town_code": town,
            }
        )
        total = sums[(town, programme)]
        total[0], total[1] = total[0] + 1, total[1] + fen
    repository.insert_lines(session, lines)
    repository.insert_totals(
        session,
        [
            AidTotal(semester_id=row.id, town_code=t, programme=p, line_count=n, total_fen=f)
            for (t, p), (n, f) in sorted(sums.items())
        ],
    )
    row.line_count, row.total_fen = len(lines), sum(line["amount_fen"] for line in lines)
    repository.add(session, row)
    session.flush()
    return semester_out(session, principal, row), True


def semester_out(session: Session, principal: Principal, row: AidSemester) -> AidSemesterOut:
    """The semester's figures, and the totals within the principal's division."""
    scope = principal.division_code
    if len(scope) == 12:
        found = [
            (str(t), str(p), int(n), int(f))
            for t, p, n, f in repository.village_totals(session, row.id, scope)
        ]
    else:
        town = scope if len(scope) == 9 else None
        found = [
            (t.town_code, t.programme, t.line_count, t.total_fen)
            for t in repository.totals(session, row.id, town)
        ]
    return AidSemesterOut(
        id=row.id,
        semester=row.semester,
        starts_on=row.starts_on,
        line_count=row.line_count,
        total_fen=row.total_fen,
        rule_version=row.rule_version,
        standards=row.standards,
        created_at=row.created_at,
        created_by=row.created_by,
        scope_division_code=scope,
        totals=[
            AidTotalOut(
                town_code=t,
                town_name=divisions.name(t),
                programme=AidProgramme(p),
                line_count=n,
                total_fen=f,
            )
            for t, p, n, f in found
        ],
    )


def load_semester(session: Session, principal: Principal, code: str) -> AidSemester:
    policy.require(principal, policy.AID_TOTAL_ROLES, "无权查看学期资助发放台账")
    if not re.fullmatch(SEMESTER_PATTERN, code):
        raise _refuse("semester", SEMESTER_SAID)
    row = repository.semester(session, code)
    if row is None:
        raise NotFound(f"{code}的资助发放台账尚未生成")
    return row


def get(session: Session, principal: Principal, code: str) -> AidSemesterOut:
    return semester_out(session, principal, load_semester(session, principal, code))


def many(session: Session, principal: Principal, first: int) -> list[AidSemesterOut]:
    policy.require(principal, policy.AID_TOTAL_ROLES, "无权查看学期资助发放台账")
    if not 1 <= first <= MAX_SEMESTERS:
        raise _refuse("first", f"条数应在1到{MAX_SEMESTERS}之间")
    return [semester_out(session, principal, r) for r in repository.semesters(session, first)]


def require_lines(principal: Principal) -> None:
    """Children's lines: not for the auditor, who reads totals only (no personal data)."""
    if not principal.has_role(*policy.AID_LINE_ROLES):
        if principal.has_role(*policy.AID_TOTAL_ROLES):
            raise Forbidden("只能查看发放汇总，不能查看儿童发放明细")
        raise Forbidden("无权查看发放明细")


def lines(
    session: Session,
    principal: Principal,
    code: str,
    *,
    first: int,
    after: str | None,
    division_code: str | None,
    programme: AidProgramme | None,
    with_total: bool,
) -> AidLinePage:
    """A page of the semester's lines within the principal's division."""
    require_lines(principal)
    row = load_semester(session, principal, code)
    if not 1 <= first <= MAX_PAGE:
        raise _refuse("first", f"每页条数应在1到{MAX_PAGE}之间")
    prefix = principal.narrowed(division_code)
    wanted = programme.value if programme else None
    found = repository.lines(
        session,
        row.id,
        prefix,
        wanted,
        decode_seq_cursor("aid-line", after) if after else None,
        first + 1,
    )
    edges = [
        AidLineEdge(
            cursor=encode_cursor("aid-line", str(r.id or 0)),
            node=AidLineOut(
                id=str(r.id),
                semester=r.semester,
                child_id=r.child_id,
                child_name=r.child_name,
                programme=AidProgramme(r.programme),
                stage=r.stage,
                amount_fen=r.amount_fen,
                residence_division_code=r.residence_division_code,
                town_code=r.town_code,
            ),
        )
        for r in found[:first]
    ]
    return AidLinePage(
        edges=edges,
        page_info=PageInfo.of(edges, more=len(found) > first),
        total_count=repository.count_lines(session, row.id, prefix, wanted) if with_total else None,
    )


def export_csv(session: Session, principal: Principal, code: str) -> bytes:
    """The semester's lines within the principal's division, as CSV."""
    require_lines(principal)
    row = load_semester(session, principal, code)
    stream = repository.stream_lines(session, row.id, principal.division_code)
    return b"".join(export.to_csv(code, stream, load(), stages_file.load()))


def export_xlsx(session: Session, principal: Principal, code: str) -> bytes:
    """The semester's lines and totals within the principal's division, as a workbook."""
    require_lines(principal)
    row = load_semester(session, principal, code)
    out = semester_out(session, principal, row)
    stream = repository.stream_lines(session, row.id, principal.division_code)
    totals = [(t.town_code, t.programme.value, t.line_count, t.total_fen) for t in out.totals]
    return export.to_xlsx(code, stream, totals, load(), stages_file.load())
