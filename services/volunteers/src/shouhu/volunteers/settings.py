"""Settings of volunteers."""

from enum import StrEnum

from pydantic import Field

from shouhu.platform.settings import PLACEHOLDER_PREFIX, ServiceSettings


class AccountsKind(StrEnum):
    """Where volunteers' accounts are made: Keycloak's admin API, or the embedded provider."""

    EMBEDDED = "embedded"
    KEYCLOAK = "keycloak"


class VolunteersSettings(ServiceSettings):
    """Volunteers settings; `SHOUHU_*` variables."""

    service_name: str = "volunteers"
    database_url: str = "sqlite:///./data/volunteers.db"
    accounts: AccountsKind = AccountsKind.EMBEDDED
    # Keycloak's base URL (no /realms), the realm, and the confidential client whose service
    # account holds realm-management's manage-users and view-users (docs/deploy.md).
    keycloak_url: str = "http://127.0.0.1:8080"
    keycloak_realm: str = "shouhu"
    accounts_client_id: str = "shouhu-volunteers-admin"
    accounts_client_secret: str = PLACEHOLDER_PREFIX + "-accounts-secret"
    # How often the worker looks for accounts to make, how many at a time, and how many
    # requests to Keycloak run at once (one user each: the admin API has no bulk create).
    accounts_interval_seconds: float = Field(default=1.0, gt=0)
    accounts_batch: int = Field(default=200, ge=1)
    accounts_concurrency: int = Field(default=8, ge=1, le=64)

    def secret_fields(self) -> dict[str, str]:
        fields = super().secret_fields()
        if self.accounts is AccountsKind.KEYCLOAK:
            fields["accounts_client_secret"] = self.accounts_client_secret
        return fields

    # How often the daily vetting job looks whether its day has come (it acts once a day).
    vetting_every_seconds: float = 600.0
