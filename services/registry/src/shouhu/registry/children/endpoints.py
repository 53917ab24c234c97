"""HTTP routes of children's files."""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import Field

from shouhu.platform.app import json_answer
from shouhu.platform.auth import OperationDep, PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, Input, Said
from shouhu.registry import files
from shouhu.registry.children import reviews, service, transfers
from shouhu.registry.children.schemas import (
    ChildFilter,
    ChildOut,
    ChildPage,
    ExitChild,
    IdentityMatches,
    MatchIdentities,
    RegisterChild,
    SetGuardians,
    UpdateChild,
)

router = APIRouter(tags=["children"])


VersionQuery = Annotated[int, Query(description="The version the caller saw")]


PARTS_SAID = "Parts of each file to fill, as `GET /children/{id}`"


class SearchRequest(Input):
    filter: ChildFilter = ChildFilter()
    first: Annotated[
        int,
        Field(ge=1, le=service.MAX_PAGE),
        Said(f"每页条数应在1到{service.MAX_PAGE}之间"),
    ] = 20
    after: str | None = Field(default=None, max_length=CURSOR_MAX_LENGTH)
    with_total: bool = False
    include: list[str] = Field(
        default_factory=list, max_length=len(files.PARTS), description=PARTS_SAID
    )


class BatchRequest(Input):
    ids: Annotated[
        list[str],
        Field(max_length=files.MAX_BATCH, description=f"At most {files.MAX_BATCH} files"),
        Said(f"一次最多读取{files.MAX_BATCH}份儿童档案"),
    ]
    include: list[str] = Field(
        default_factory=list, max_length=len(files.PARTS), description=PARTS_SAID
    )


class LookupRequest(Input):
    id_number: str = Field(max_length=18)


class DecideRequest(Input):
    decision: reviews.ReviewDecision


@router.post("/children", response_model=ChildOut, response_model_by_alias=True, status_code=201)
def register_child(
    data: RegisterChild, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> ChildOut:
    outcome = service.register_child(session, principal, data, keys)
    commit(session)  # a duplicate's count and transfer request land, then it is answered
    return service.opened(outcome)


@router.post("/children/search", response_model=ChildPage, response_model_by_alias=True)
def search_children(
    request: SearchRequest,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
) -> Response:
    page = files.search(
        session,
        principal,
        request.filter,
        keys,
        first=request.first,
        after=request.after,
        with_total=request.with_total,
        include=request.include,
        operation=operation,
    )
    commit(session)
    return json_answer(page)


@router.post("/children/batch", response_model=list[ChildOut], response_model_by_alias=True)
def batch_children(
    request: BatchRequest,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
) -> list[ChildOut]:
    """Many files at once, for the gateway's DataLoader; those unknown or out of scope left out."""
    found = files.batch(
        session, principal, request.ids, keys, include=request.include, operation=operation
    )
    commit(session)
    return found


@router.post("/children/lookup", response_model=ChildOut, response_model_by_alias=True)
def lookup_child(
    request: LookupRequest,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
) -> ChildOut:
    child = service.lookup_by_id_number(
        session, principal, request.id_number, keys, operation=operation
    )
    commit(session)
    return child


@router.post("/children/match", response_model=IdentityMatches, response_model_by_alias=True)
def match_children(
    request: MatchIdentities,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
) -> IdentityMatches:
    """Identity numbers → the ids of the children filed under them (a school's roster); ids
    only, each match logged as a read; numbers failing GB 11643 left out."""
    matches = service.match_identities(
        session, principal, request.id_numbers, keys, operation=operation
    )
    commit(session)
    return IdentityMatches(matches=matches)


@router.get("/children/{child_id}", response_model=ChildOut, response_model_by_alias=True)
def get_child(
    child_id: str,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
    include: Annotated[list[str] | None, Query(max_length=len(files.PARTS))] = None,
) -> Response:
    child = files.get_child(
        session, principal, child_id, keys, include=include or (), operation=operation
    )
    commit(session)
    return json_answer(child)


@router.patch("/children/{child_id}", response_model=ChildOut, response_model_by_alias=True)
def update_child(
    child_id: str,
    version: VersionQuery,
    data: UpdateChild,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> ChildOut:
    outcome = service.update_child(session, principal, child_id, version, data, keys)
    commit(session)  # a duplicate's count lands, the file unchanged
    if isinstance(outcome, service.DuplicateFound):
        raise outcome.error()
    return outcome


@router.post("/children/{child_id}/exit", response_model=ChildOut, response_model_by_alias=True)
def exit_child(
    child_id: str,
    version: VersionQuery,
    data: ExitChild,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> ChildOut:
    child = service.exit_child(session, principal, child_id, version, data, keys)
    commit(session)
    return child


@router.put("/children/{child_id}/guardians", response_model=ChildOut, response_model_by_alias=True)
def set_guardians(
    child_id: str,
    version: VersionQuery,
    data: SetGuardians,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> ChildOut:
    child = service.set_guardians(session, principal, child_id, version, data, keys)
    commit(session)
    return child


@router.get(
    "/duplicate-reviews",
    response_model=list[reviews.DuplicateReviewOut],
    response_model_by_alias=True,
)
def pending_reviews(
    session: SessionDep, principal: PrincipalDep
) -> list[reviews.DuplicateReviewOut]:
    return reviews.pending(session, principal)


@router.post(
    "/duplicate-reviews/{review_id}/decide",
    response_model=reviews.DuplicateReviewOut,
    response_model_by_alias=True,
)
def decide_review(
    review_id: str,
    request: DecideRequest,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> reviews.DuplicateReviewOut:
    review = reviews.decide(session, principal, review_id, request.decision, keys)
    commit(session)
    return review


class TransferDecisionRequest(Input):
    decision: transfers.TransferDecision
    reason: str | None = Field(default=None, max_length=500)


@router.get(
    "/transfer-requests",
    response_model=list[transfers.TransferOut],
    response_model_by_alias=True,
)
def transfer_requests(
    session: SessionDep,
    principal: PrincipalDep,
    status: transfers.TransferStatus | None = None,
) -> list[transfers.TransferOut]:
    """Requests to move a file filed elsewhere: all for the district, one's own for others."""
    return transfers.listed(session, principal, status)


@router.post(
    "/transfer-requests/{transfer_id}/decision",
    response_model=transfers.TransferOut,
    response_model_by_alias=True,
)
def decide_transfer(
    transfer_id: str,
    request: TransferDecisionRequest,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> transfers.TransferOut:
    decided = transfers.decide(
        session, principal, transfer_id, request.decision, request.reason, keys
    )
    commit(session)
    return decided
