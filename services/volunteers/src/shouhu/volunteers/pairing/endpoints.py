"""HTTP routes of pairing (一对一帮扶)."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import Said
from shouhu.volunteers.pairing import service
from shouhu.volunteers.pairing.schemas import (
    MAX_SUGGESTIONS,
    EndPairingInput,
    PairingInput,
    PairingOut,
    PairingVisitInput,
    SuggestionsOut,
)

router = APIRouter(tags=["pairing"])


@router.get(
    "/children/{child_id}/volunteer-suggestions",
    response_model=SuggestionsOut,
    response_model_by_alias=True,
)
def suggest_volunteers(
    child_id: str,
    session: SnapshotDep,
    principal: PrincipalDep,
    keys: KeysDep,
    first: Annotated[
        int, Query(ge=1, le=MAX_SUGGESTIONS), Said(f"推荐人数应在1到{MAX_SUGGESTIONS}之间")
    ] = 10,
) -> SuggestionsOut:
    """Vetted volunteers for a child, best first, with the score and its reasons."""
    return service.suggest(session, principal, keys, child_id, first)


@router.get(
    "/children/{child_id}/pairings", response_model=list[PairingOut], response_model_by_alias=True
)
def child_pairings(
    child_id: str, session: SnapshotDep, principal: PrincipalDep
) -> list[PairingOut]:
    """A child's pairings, latest first."""
    return service.of_child(session, principal, child_id)


@router.get(
    "/volunteers/{volunteer_id}/pairings",
    response_model=list[PairingOut],
    response_model_by_alias=True,
)
def volunteer_pairings(
    volunteer_id: str, session: SnapshotDep, principal: PrincipalDep
) -> list[PairingOut]:
    """A volunteer's pairings, latest first."""
    return service.of_volunteer(session, principal, volunteer_id)


@router.get("/pairings/{pairing_id}", response_model=PairingOut, response_model_by_alias=True)
def pairing(pairing_id: str, session: SnapshotDep, principal: PrincipalDep) -> PairingOut:
    """One pairing with its visits."""
    return service.get(session, principal, pairing_id)


@router.post("/pairings", response_model=PairingOut, response_model_by_alias=True, status_code=201)
def pair_volunteer(data: PairingInput, session: SessionDep, principal: PrincipalDep) -> PairingOut:
    """Pair a vetted adult volunteer with a child (一对一帮扶)."""
    out = service.pair(session, principal, data)
    commit(session)
    return out


@router.post(
    "/pairings/{pairing_id}/visits",
    response_model=PairingOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_pairing_visit(
    pairing_id: str, data: PairingVisitInput, session: SessionDep, principal: PrincipalDep
) -> PairingOut:
    """Log a visit of a pairing."""
    out = service.record_visit(session, principal, pairing_id, data)
    commit(session)
    return out


@router.post("/pairings/{pairing_id}/end", response_model=PairingOut, response_model_by_alias=True)
def end_pairing(
    pairing_id: str, data: EndPairingInput, session: SessionDep, principal: PrincipalDep
) -> PairingOut:
    """End a pairing with its reason."""
    out = service.end(session, principal, pairing_id, data)
    commit(session)
    return out
