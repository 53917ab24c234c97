"""The registry's pages: how many rows a page may ask for, and its cursor, as query parameters."""

from typing import Annotated

from fastapi import Query

from shouhu.platform.errors import ValidationFailed
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, Said

MAX_PAGE = 100
First = Annotated[int, Query(ge=1, le=MAX_PAGE), Said(f"每页条数应在1到{MAX_PAGE}之间")]
After = Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)]


def check_first(first: int) -> None:
    """`VALIDATION_FAILED` on `first` outside 1 to `MAX_PAGE` (a caller other than the route)."""
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
