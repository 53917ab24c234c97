"""The network and its workforce."""

from datetime import date

from sqlmodel import Field, SQLModel


class Division(SQLModel, table=True):
    """A division of the three-tier network (区划): district, town or village."""

    code: str = Field(primary_key=True, max_length=12)
    name: str
    level: str
    parent_code: str | None = Field(default=None, foreign_key="division.code")


class WorkforceMember(SQLModel, table=True):
    """A town's child social worker (儿童社会工作者) or a village's supervisor (儿童福利督导员)."""

    __tablename__ = "workforce_member"

    id: str = Field(primary_key=True, max_length=36)
    division_code: str = Field(foreign_key="division.code", index=True)
    post: str
    name: str
    phone: str
    employment: str
    since: date
    until: date | None = None
    username: str | None = None
