"""Where volunteers' accounts are made: one interface, Keycloak's admin API or the embedded
identity provider, chosen by settings."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Protocol

from shouhu.platform.auth import Role
from shouhu.platform.idp import LocalUsers
from shouhu.volunteers.settings import AccountsKind, VolunteersSettings

log = logging.getLogger(__name__)

UPDATE_PASSWORD = "UPDATE_PASSWORD"
# The realm's group whose realm role is `volunteer`: a user created in it has the role in the
# same request (mapping a role afterwards would need a second call and a look-up of the role).
VOLUNTEERS_GROUP = "/volunteers"
# Keycloak's user profile asks for an email at sign-in when a user has none; volunteers have
# none, so each gets an address that can never receive mail (RFC 2606 `.invalid`).
EMAIL_DOMAIN = "volunteers.shouhu.invalid"
# The one-time password is sent hashed, as Keycloak stores a password (pbkdf2-sha256), with few
# iterations. Stretching protects passwords people choose; this one is some 70 random bits, which
# no number of guesses reaches, and it lasts until the first sign-in, when the volunteer's own
# password is hashed by the realm's policy. Sent in clear, Keycloak would hash each with its
# default (argon2 or pbkdf2-sha512 at 210,000 iterations): the whole cost of a roster's
# accounts, about a second of CPU each on a busy machine, for no gain in safety.
TEMPORARY_HASH = "pbkdf2-sha256"
TEMPORARY_ITERATIONS = 1000


@dataclass(frozen=True)
class NewAccount:
    """One account to make: the volunteer's username, name, division and one-time password."""

    username: str
    name: str
    division_code: str
    password: str
    enabled: bool = True


class Accounts(Protocol):
    """An identity provider's users, as volunteers need them."""

    def create(self, accounts: Sequence[NewAccount]) -> dict[str, str | None]:
        """Make each account (an existing user of the username is adopted as it is); by
        username, None when made or adopted, else why not (it is tried again later)."""
        ...

    def set_enabled(self, username: str, enabled: bool) -> None:
        """Enable or disable an account (disabling ends its sessions); raises on failure."""
        ...


def hashed_password(password: str) -> dict[str, object]:
    """A temporary password credential as Keycloak stores it: pbkdf2-sha256, salted."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, TEMPORARY_ITERATIONS, 32)
    return {
        "type": "password",
        "temporary": True,
        "secretData": json.dumps(
            {
                "value": base64.b64encode(digest).decode(),
                "salt": base64.b64encode(salt).decode(),
                "additionalParameters": {},
            }
        ),
        "credentialData": json.dumps(
            {
                "hashIterations": TEMPORARY_ITERATIONS,
                "algorithm": TEMPORARY_HASH,
                "additionalParameters": {},
            }
        ),
    }


def _names(name: str) -> tuple[str, str]:
    """A Chinese name as (family, given): the first character is the family name."""
    return name[:1], name[1:] or name


class EmbeddedAccounts:
    """The embedded identity provider's run-time users (embedded mode)."""

    def __init__(self, users: LocalUsers | None = None) -> None:
        self.users = users or LocalUsers()

    def create(self, accounts: Sequence[NewAccount]) -> dict[str, str | None]:
        for a in accounts:
            made = self.users.add(a.username, Role.VOLUNTEER, a.division_code, a.password)
            if made and not a.enabled:
                self.users.set_enabled(a.username, False)
        return {a.username: None for a in accounts}

    def set_enabled(self, username: str, enabled: bool) -> None:
        if not self.users.set_enabled(username, enabled):
            raise LookupError(f"no account {username}")


class KeycloakAccounts:
    """Keycloak's admin REST API through python-keycloak, as a service-account client.

    The admin API creates one user a request (`POST /admin/realms/{realm}/users`); its only bulk
    write, `partialImport`, needs `manage-realm` (the whole realm's settings), too much for a
    service. So a batch is made as concurrent single creates, each in one request: username,
    names, the division attribute, the group giving the `volunteer` role, the temporary password
    (hashed here: see `TEMPORARY_ITERATIONS`) and the required password change."""

    def __init__(self, settings: VolunteersSettings) -> None:
        self.settings = settings
        self._local = threading.local()  # one admin client (and its token) per thread
        self._pool = ThreadPoolExecutor(
            settings.accounts_concurrency, thread_name_prefix="keycloak-accounts"
        )

    def _admin(self) -> Any:
        admin = getattr(self._local, "admin", None)
        if admin is None:
            from keycloak import KeycloakAdmin, KeycloakOpenIDConnection

            s = self.settings
            connection = KeycloakOpenIDConnection(
                server_url=s.keycloak_url,
                realm_name=s.keycloak_realm,
                user_realm_name=s.keycloak_realm,
                client_id=s.accounts_client_id,
                client_secret_key=s.accounts_client_secret,
                verify=True,
                timeout=30,
            )
            admin = KeycloakAdmin(connection=connection)
            self._local.admin = admin
        return admin

    def _create(self, account: NewAccount) -> str | None:
        family, given = _names(account.name)
        payload = {
            "username": account.username,
            "enabled": account.enabled,
            "firstName": given,
            "lastName": family,
            "email": f"{account.username}@{EMAIL_DOMAIN}",
            "emailVerified": True,
            "attributes": {"division_code": [account.division_code]},
            "groups": [VOLUNTEERS_GROUP],
            "requiredActions": [UPDATE_PASSWORD],
            "credentials": [hashed_password(account.password)],
        }
        from keycloak.exceptions import KeycloakPostError

        try:
            try:
                # One request: no look-up first (python-keycloak's exist_ok costs a search each).
                self._admin().create_user(payload)
            except KeycloakPostError as exc:
                if exc.response_code != HTTPStatus.CONFLICT:
                    raise
                # The username exists (a round that failed after Keycloak had made it): adopted.
            if not account.enabled:  # adopted, or disabled before it was made
                self.set_enabled(account.username, False)
        except Exception as exc:  # one failure must not stop the batch
            log.warning("account %s not made: %s", account.username, exc)
            return str(exc)[:500] or type(exc).__name__
        return None

    def create(self, accounts: Sequence[NewAccount]) -> dict[str, str | None]:
        outcomes = self._pool.map(self._create, accounts)
        return {a.username: outcome for a, outcome in zip(accounts, outcomes, strict=True)}

    def set_enabled(self, username: str, enabled: bool) -> None:
        admin = self._admin()
        user_id = admin.get_user_id(username)
        if user_id is None:
            raise LookupError(f"no account {username}")
        user = admin.get_user(user_id)
        user["enabled"] = enabled
        admin.update_user(user_id, user)
        if not enabled:
            admin.user_logout(user_id)  # a disabled volunteer's sessions end now


def make_accounts(settings: VolunteersSettings, users: LocalUsers | None = None) -> Accounts:
    """The implementation the settings name."""
    if settings.accounts is AccountsKind.KEYCLOAK:
        return KeycloakAccounts(settings)
    return EmbeddedAccounts(users)
