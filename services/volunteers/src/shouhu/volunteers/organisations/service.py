"""Rules of organisations: who adds them, who acts for them, the seeded federations; never
commits."""

from __future__ import annotations

import uuid
from functools import cache
from importlib import resources
from typing import Any

import yaml  # type: ignore[import-untyped]
from sqlmodel import Session

from shouhu.platform import divisions
from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Duplicate, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.mobile import is_mobile, masked
from shouhu.volunteers import policy
from shouhu.volunteers.models import Organisation
from shouhu.volunteers.organisations import repository
from shouhu.volunteers.organisations.schemas import (
    FEDERATION_KINDS,
    ActingRole,
    OrganisationInput,
    OrganisationKind,
    OrganisationOut,
)

SYSTEM = "system"
DISTRICT = "110109"
UNKNOWN = "组织不存在"
# Stable ids of the seeded organisations: the same on every start and every replica.
SEED_NAMESPACE = uuid.UUID("5b0f7c1e-7a7d-4f0e-9a43-4c8b1d3e2f60")


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def to_out(row: Organisation, principal: Principal) -> OrganisationOut:
    """The organisation as the caller may see it: the mobile whole for the role acting for it."""
    mobile = row.contact_mobile
    if mobile and not policy.acts_for(principal, row.acting_role):
        mobile = masked(mobile)
    return OrganisationOut(
        id=row.id,
        kind=OrganisationKind(row.kind),
        name=row.name,
        division_code=row.division_code,
        division_name=divisions.name(row.division_code),
        contact_name=row.contact_name,
        contact_mobile=mobile,
        acting_role=ActingRole(row.acting_role.upper()),
        demo=row.demo,
        version=row.version,
        created_at=row.created_at,
    )


def list_organisations(
    session: Session, principal: Principal, division_code: str | None
) -> list[OrganisationOut]:
    """Every organisation, or those of a division; reference data any signed-in caller reads."""
    return [to_out(r, principal) for r in repository.organisations(session, division_code)]


def get(session: Session, organisation_id: str) -> Organisation:
    row = repository.organisation(session, organisation_id)
    if row is None:
        raise NotFound(UNKNOWN)
    return row


def create(session: Session, principal: Principal, data: OrganisationInput) -> OrganisationOut:
    """A new organisation, acted for by one of the caller's federation roles."""
    policy.require_district(principal, policy.ORGANISATION_ADMIN_ROLES, "无权登记组织")
    if data.kind in FEDERATION_KINDS:
        raise _refuse("kind", "群团组织已由系统内置，不能重复登记")
    acting = data.acting_role or _own_role(principal)
    if not policy.acts_for(principal, acting.role):
        raise _refuse("actingRole", "只能登记由本单位负责的组织")
    if data.division_code not in divisions.names():
        raise _refuse("divisionCode", "区划代码不存在")
    if data.kind is OrganisationKind.CHILDRENS_HOME and len(data.division_code) != 12:
        raise _refuse("divisionCode", "儿童之家应设在村（社区）")
    if (data.contact_name is None) != (data.contact_mobile is None):
        field = "contactMobile" if data.contact_mobile is None else "contactName"
        raise _refuse(field, "联系人姓名和手机号码应同时填写")
    found = repository.named(session, data.division_code, data.name)
    if found is not None:
        raise Duplicate("该区划内已有同名组织", existing_id=found.id)
    now = utcnow()
    row = Organisation(
        id=str(uuid.uuid4()),
        kind=data.kind.value,
        name=data.name,
        division_code=data.division_code,
        contact_name=data.contact_name,
        contact_mobile=data.contact_mobile,
        acting_role=acting.role,
        demo=False,
        version=1,
        created_by=principal.username,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    return to_out(row, principal)


def _own_role(principal: Principal) -> ActingRole:
    """The caller's federation role, the Youth League's first where they hold several."""
    for role in ActingRole:
        if role.role in principal.roles:
            return role
    raise _refuse("actingRole", "请指定负责该组织的单位")


@cache
def seeds() -> dict[str, Any]:
    """The seeded organisations of `organisations.yaml`."""
    source = resources.files("shouhu.volunteers.organisations") / "organisations.yaml"
    loaded: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return loaded


def seed(session: Session, *, demo: bool) -> None:
    """The district's four federations, and the demo organisations where asked; rows there
    already are left alone."""
    data, now, rows = seeds(), utcnow(), []
    for entry in data["federations"]:
        kind = OrganisationKind(entry["kind"])
        rows.append(_seeded(entry, kind, DISTRICT, FEDERATION_KINDS[kind], None, False, now))
    if demo:
        for entry in data["demo"]:
            kind = OrganisationKind(entry["kind"])
            acting = ActingRole(entry["acting_role"]).role
            rows.append(
                _seeded(entry, kind, str(entry["division"]), acting, entry["contact"], True, now)
            )
    repository.add_if_missing(session, rows)


def _seeded(
    entry: dict[str, Any],
    kind: OrganisationKind,
    division: str,
    acting: str,
    contact: dict[str, str] | None,
    demo: bool,
    now: Any,
) -> Organisation:
    assert division in divisions.names(), division
    assert contact is None or is_mobile(contact["mobile"]), contact
    assert Role(acting) in policy.FEDERATION_ROLES, acting
    return Organisation(
        id=str(uuid.uuid5(SEED_NAMESPACE, f"{kind.value}:{entry['name']}")),
        kind=kind.value,
        name=entry["name"],
        division_code=division,
        contact_name=contact["name"] if contact else None,
        contact_mobile=contact["mobile"] if contact else None,
        acting_role=acting,
        demo=demo,
        version=1,
        created_by=SYSTEM,
        created_at=now,
        updated_at=now,
    )


def federation_id(kind: OrganisationKind) -> str:
    """The seeded id of a federation's own organisation."""
    for entry in seeds()["federations"]:
        if entry["kind"] == kind.value:
            return str(uuid.uuid5(SEED_NAMESPACE, f"{kind.value}:{entry['name']}"))
    raise KeyError(kind)
