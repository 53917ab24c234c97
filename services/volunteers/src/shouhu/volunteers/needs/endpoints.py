"""HTTP routes of needs and offers."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Said
from shouhu.volunteers.needs import service
from shouhu.volunteers.needs.schemas import (
    CloseNeedInput,
    NeedInput,
    NeedOut,
    NeedStatus,
    OfferInput,
    OfferOut,
)

router = APIRouter(tags=["needs"])


@router.post("/needs", response_model=NeedOut, response_model_by_alias=True, status_code=201)
def raise_need(data: NeedInput, session: SessionDep, principal: PrincipalDep) -> NeedOut:
    """Raise a need (需求) of a child or a division."""
    out = service.raise_need(session, principal, data)
    commit(session)
    return out


@router.get("/needs", response_model=list[NeedOut], response_model_by_alias=True)
def needs(
    session: SessionDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
    status: NeedStatus | None = None,
) -> list[NeedOut]:
    """The needs of a division, newest first."""
    return service.needs(session, principal, division_code, status)


@router.post("/needs/{need_id}/match", response_model=NeedOut, response_model_by_alias=True)
def match_need(
    need_id: str,
    session: SessionDep,
    principal: PrincipalDep,
    offer_id: Annotated[str, Query(alias="offerId", min_length=1, max_length=36)],
) -> NeedOut:
    """Match an open need with an offer."""
    out = service.match(session, principal, need_id, offer_id)
    commit(session)
    return out


@router.post("/needs/{need_id}/close", response_model=NeedOut, response_model_by_alias=True)
def close_need(
    need_id: str, data: CloseNeedInput, session: SessionDep, principal: PrincipalDep
) -> NeedOut:
    """Close a need, met or withdrawn."""
    out = service.close(session, principal, need_id, data)
    commit(session)
    return out


@router.post("/offers", response_model=OfferOut, response_model_by_alias=True, status_code=201)
def create_offer(data: OfferInput, session: SessionDep, principal: PrincipalDep) -> OfferOut:
    """An organisation's offer (资源): tutoring hours, goods, places at a camp."""
    out = service.create_offer(session, principal, data)
    commit(session)
    return out


@router.get("/offers", response_model=list[OfferOut], response_model_by_alias=True)
def offers(
    session: SessionDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
    open_only: Annotated[bool, Query(alias="openOnly")] = False,
) -> list[OfferOut]:
    """The offers, or a division's, newest first."""
    return service.offers(session, principal, division_code, open_only)
