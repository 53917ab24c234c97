"""HTTP routes of classifications."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.registry.children.schemas import ChildOut, ClassifyChild
from shouhu.registry.classifications import service

router = APIRouter(tags=["classifications"])


@router.post(
    "/children/{child_id}/classifications", response_model=ChildOut, response_model_by_alias=True
)
def classify_child(
    child_id: str,
    version: Annotated[int, Query(description="The version the caller saw")],
    data: ClassifyChild,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> ChildOut:
    child = service.classify_child(session, principal, child_id, version, data, keys)
    commit(session)
    return child
