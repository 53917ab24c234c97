"""HTTP routes of children's files."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.registry.children import service
from shouhu.registry.children.identity import IdentityKeys
from shouhu.registry.children.schemas import ChildOut, RegisterChild

router = APIRouter(prefix="/children", tags=["children"])


def get_keys(request: Request) -> IdentityKeys:
    keys: IdentityKeys = request.app.state.identity_keys
    return keys


KeysDep = Annotated[IdentityKeys, Depends(get_keys)]


@router.post("", response_model=ChildOut, response_model_by_alias=True, status_code=201)
def register_child(
    data: RegisterChild, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> ChildOut:
    child = service.register_child(session, principal, data, keys)
    session.commit()
    return child


@router.get("/{child_id}", response_model=ChildOut, response_model_by_alias=True)
def get_child(
    child_id: str, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> ChildOut:
    return service.get_child(session, principal, child_id, keys)
