"""Wire conventions every module of the registry shares: camelCase, cursor pages."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class Camel(BaseModel):
    """camelCase on the wire."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class PageInfo(Camel):
    has_next_page: bool
    end_cursor: str | None
