"""Rules of non-Beijing children's enrolment documents (非京籍入学材料): who is one, what the
stage asks, who records a check; never commits.

Recording a check tells no one (no event): nothing else in the platform acts on it, and the
dropout watch counts a non-Beijing child out of school whatever its documents say.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.children import repository as children
from shouhu.education.enrolments import repository as enrolments
from shouhu.education.models import ChildProjection, DocumentCheck
from shouhu.education.residency import repository
from shouhu.education.residency.rules import Documents, load, stage_by_age
from shouhu.education.residency.schemas import DocumentOut, DocumentsInput, NonBeijingOut
from shouhu.education.schools.schemas import SchoolStage
from shouhu.education.schools.service import school_of
from shouhu.platform.auth import Principal
from shouhu.platform.clock import age_on, today
from shouhu.platform.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow

NO_CHILD = "儿童不存在"
NOT_TIED = "该账号尚未关联学校，请联系教育部门"
EXITED = "EXITED"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def stage_of(child: ChildProjection, open_stage: str | None, on: date) -> SchoolStage:
    """The stage the documents are asked for: the open enrolment's, else the age's."""
    if open_stage is not None:
        return SchoolStage(open_stage)
    return stage_by_age(age_on(child.birth_date, on))


def _view(
    rules: Documents, child: ChildProjection, stage: SchoolStage, check: DocumentCheck | None
) -> NonBeijingOut:
    provided = set(check.documents) if check else set()
    required = rules.required(stage)
    # Kept beyond the stage's list (provided for another stage, or before the file changed).
    extra = sorted(c for c in provided - set(required) if c in rules.documents)
    return NonBeijingOut(
        hukou_division_code=child.hukou_division_code or "",
        stage=stage,
        documents=[
            DocumentOut(code=c, name=rules.name(c), required=True, provided=c in provided)
            for c in required
        ]
        + [DocumentOut(code=c, name=rules.name(c), required=False, provided=True) for c in extra],
        complete=provided >= set(required),
        checked_on=check.checked_on if check else None,
        checked_by=check.checked_by if check else None,
        rule_version=rules.version,
    )


def non_beijing_of(
    session: Session,
    facts: Sequence[ChildProjection],
    open_stages: Mapping[str, str | None],
    on: date | None = None,
) -> dict[str, NonBeijingOut]:
    """The non-Beijing children among `facts` with their documents, for `Child.education`; a
    Beijing child, or one whose hukou is not recorded, is left out (null)."""
    rules, on = load(), on or today()
    outside = [c for c in facts if rules.non_beijing(c.hukou_division_code)]
    checks = repository.latest_of(session, [c.child_id for c in outside])
    return {
        c.child_id: _view(
            rules,
            c,
            stage_of(c, open_stages.get(c.child_id), on),
            checks.get(c.child_id),
        )
        for c in outside
    }


def _reach(
    session: Session, principal: Principal, child_id: str
) -> tuple[ChildProjection, str | None]:
    """The child, and the school of a school's staff (None for the department); a school's
    staff reach only the children with an open enrolment at their school."""
    school: str | None = None
    if policy.school_staff(principal):
        school = school_of(session, principal)
        if school is None:
            raise Forbidden(NOT_TIED)
    else:
        policy.require(principal, policy.DOCUMENT_ROLES, "无权核验入学材料")
    child = children.facts(session, child_id)
    if child is None or (school is None and not principal.sees(child.residence_division_code)):
        raise NotFound(NO_CHILD)
    if school is not None:
        enrolment = enrolments.open_of(session, child_id)
        if enrolment is None or enrolment.school_code != school:
            raise NotFound(NO_CHILD)
    return child, school


def record(
    session: Session, principal: Principal, child_id: str, data: DocumentsInput
) -> NonBeijingOut:
    """Record the documents a non-Beijing child has provided as checked on a day (材料核验):
    the complete set, replacing the last check (which stays in the history)."""
    child, school = _reach(session, principal, child_id)
    if child.status == EXITED:
        raise _refuse("childId", "儿童已退出关爱保护范围，不能登记入学材料")
    rules = load()
    if not rules.non_beijing(child.hukou_division_code):
        raise _refuse(
            "childId",
            "该儿童户籍在北京市或户籍地未登记，无需登记非京籍入学材料"
            if child.hukou_division_code
            else "该儿童户籍地未登记，请先在儿童档案中登记户籍地",
        )
    codes = list(dict.fromkeys(c.strip() for c in data.documents))
    unknown = [c for c in codes if c not in rules.documents]
    if unknown:
        raise _refuse("documents", f"未知的入学材料：{'、'.join(unknown)}")
    on = today()
    checked_on = data.checked_on or on
    if checked_on < child.birth_date:
        raise _refuse("checkedOn", "核验日期不能早于出生日期")
    row = DocumentCheck(
        id=str(uuid.uuid4()),
        child_id=child_id,
        number=repository.count_of(session, child_id) + 1,
        documents=codes,
        checked_on=checked_on,
        checked_by=principal.username,
        school_code=school,
        checked_at=utcnow(),
    )
    repository.add(session, row)
    try:
        repository.flush(session)
    except IntegrityError as exc:  # another check of the child was recorded a moment before
        raise Conflict("该儿童的入学材料刚被他人核验，请刷新后重试") from exc
    open_enrolment = enrolments.open_of(session, child_id)
    stage = stage_of(child, open_enrolment.stage if open_enrolment else None, on)
    return _view(rules, child, stage, row)
