"""Organisations (组织): the federations, agencies, charities, enterprises, children's homes."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Organisation(SQLModel, table=True):
    """An organisation volunteers serve with, and the federation's role that acts for it."""

    id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=40)
    name: str = Field(max_length=100)
    division_code: str = Field(index=True, max_length=12)
    contact_name: str | None = Field(default=None, max_length=50)
    contact_mobile: str | None = Field(default=None, max_length=11)
    acting_role: str = Field(max_length=40)
    demo: bool = False
    version: int = 1
    created_by: str
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
