"""The account (Keycloak user) made for each volunteer."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class VolunteerAccount(SQLModel, table=True):
    """What the identity provider should hold for a volunteer, and whether it does yet.

    Written in the registration's transaction; the worker makes (or disables) the account after
    the commit, so an identity provider that is down delays an account and loses none."""

    __tablename__ = "volunteer_account"

    volunteer_id: str = Field(primary_key=True, foreign_key="volunteer.id", max_length=36)
    username: str = Field(unique=True, max_length=100)
    name: str = Field(max_length=50)
    division_code: str = Field(max_length=12)
    enabled: bool = True  # what the account should be
    synced: bool = Field(default=False, index=True)  # the provider holds it as it should be
    made_at: datetime | None = timestamp(nullable=True)
    # The one-time initial password, sealed under the data key until the account is made.
    password_cipher: str | None = None
    password_key_id: str | None = Field(default=None, max_length=16)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=500)
    disabled_reason: str | None = Field(default=None, max_length=200)
    disabled_by: str | None = Field(default=None, max_length=100)
    disabled_at: datetime | None = timestamp(nullable=True)
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
