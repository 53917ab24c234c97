"""The embedded identity provider: tokens for the demo users, as Keycloak signs them."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Annotated, Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter, Form
from fastapi.responses import JSONResponse
from jwt.algorithms import RSAAlgorithm

from shouhu.platform import clock
from shouhu.platform.auth import Role
from shouhu.platform.settings import Mode, ServiceSettings

DEMO_PASSWORD = "shouhu-dev"
DEMO_CLIENT_SECRET = "shouhu-dev-secret"
CONSOLE_CLIENT = "shouhu-console"


@dataclass(frozen=True)
class DemoUser:
    """A seeded user with one role and one division (API.md "Demo and test users")."""

    username: str
    role: Role
    division_code: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin.district", Role.CIVIL_AFFAIRS, "110109"),
    DemoUser("clerk.district", Role.INTAKE_CLERK, "110109"),
    DemoUser("clerk.110109001", Role.INTAKE_CLERK, "110109001"),
    DemoUser("worker.110109001", Role.TOWN_SOCIAL_WORKER, "110109001"),
    DemoUser("worker.110109101", Role.TOWN_SOCIAL_WORKER, "110109101"),
    DemoUser("supervisor.110109001001", Role.VILLAGE_SUPERVISOR, "110109001001"),
    DemoUser("supervisor.110109101001", Role.VILLAGE_SUPERVISOR, "110109101001"),
    DemoUser("police.district", Role.POLICE, "110109"),
    DemoUser("education.district", Role.EDUCATION, "110109"),
    DemoUser("health.district", Role.HEALTH, "110109"),
    DemoUser("youthleague.district", Role.YOUTH_LEAGUE, "110109"),
    DemoUser("reporter.school.110109001", Role.MANDATED_REPORTER, "110109001"),
    DemoUser("auditor.district", Role.AUDITOR, "110109"),
    DemoUser("police.110109001", Role.POLICE, "110109001"),
    DemoUser("judicial.district", Role.JUDICIAL, "110109"),
    DemoUser("housing.district", Role.HOUSING, "110109"),
    DemoUser("hr.district", Role.HUMAN_RESOURCES, "110109"),
    DemoUser("womensfed.district", Role.WOMENS_FEDERATION, "110109"),
    DemoUser("disabledfed.district", Role.DISABLED_PERSONS_FEDERATION, "110109"),
    DemoUser("union.district", Role.TRADE_UNION, "110109"),
    DemoUser("teacher.110109001", Role.SCHOOL_STAFF, "110109001"),
)

# Department systems with client-credentials, as in the Keycloak realm.
DEMO_CLIENTS: dict[str, DemoUser] = {
    "dept-police": DemoUser("service-account-dept-police", Role.POLICE, "110109"),
    "dept-education": DemoUser("service-account-dept-education", Role.EDUCATION, "110109"),
    "dept-health": DemoUser("service-account-dept-health", Role.HEALTH, "110109"),
    "dept-civil-affairs": DemoUser(
        "service-account-dept-civil-affairs", Role.CIVIL_AFFAIRS, "110109"
    ),
}


@dataclass(frozen=True)
class BruteForce:
    """Keycloak's brute-force detection settings; the defaults are the realms' (a test compares)."""

    failure_factor: int = 5
    wait_increment_seconds: int = 60
    max_failure_wait_seconds: int = 900
    quick_login_check_milli_seconds: int = 1000
    minimum_quick_login_wait_seconds: int = 60
    max_delta_time_seconds: int = 43200

    @classmethod
    def from_realm(cls, realm: Mapping[str, Any]) -> BruteForce:
        """The settings of a realm export, which must use what this class mirrors."""
        if not realm.get("bruteForceProtected"):
            raise ValueError("brute-force detection is off")
        if realm.get("permanentLockout") or realm.get("bruteForceStrategy") != "MULTIPLE":
            raise ValueError("only temporary lockouts with the MULTIPLE strategy are mirrored")

        def camel(name: str) -> str:
            head, *rest = name.split("_")
            return head + "".join(part.title() for part in rest)

        return cls(**{f.name: int(realm[camel(f.name)]) for f in fields(cls)})


BRUTE_FORCE = BruteForce()


@dataclass
class _Failures:
    count: int = 0
    last: float | None = None
    not_before: float = 0.0


class LoginFailures:
    """Per-user lockout after failed sign-ins, as Keycloak's DefaultBruteForceProtector does it."""

    def __init__(
        self, settings: BruteForce = BRUTE_FORCE, now: Callable[[], float] = clock.monotonic
    ) -> None:
        self.settings = settings
        self._now = now
        self._users: dict[str, _Failures] = {}
        # The token endpoint is a sync route: FastAPI runs it on a thread pool.
        self._lock = threading.Lock()

    def locked(self, username: str) -> bool:
        """Whether a lockout is in force for the user."""
        with self._lock:
            failures = self._users.get(username)
            return failures is not None and self._now() < failures.not_before

    def attempt(self, username: str, password_ok: bool) -> bool:
        """Record one sign-in of a known user; True if it succeeds."""
        now = self._now()
        with self._lock:
            failures = self._users.get(username)
            if failures is not None and now < failures.not_before:
                # Keycloak refuses before it checks the password and does not count the attempt.
                return False
            if password_ok:
                self._users.pop(username, None)
                return True
            self._fail(self._users.setdefault(username, _Failures()), now)
            return False

    def _fail(self, failures: _Failures, now: float) -> None:
        s = self.settings
        delta = 0.0 if failures.last is None else now - failures.last
        if delta > s.max_delta_time_seconds:
            failures.count = 0  # the last failure is too old to be part of an attack
        quick = failures.last is not None and delta * 1000 < s.quick_login_check_milli_seconds
        failures.last = now
        failures.count += 1
        wait = s.wait_increment_seconds * (failures.count // s.failure_factor)
        if wait <= 0 and quick:
            wait = s.minimum_quick_login_wait_seconds  # faster than a person types
        if wait > 0:
            failures.not_before = now + min(wait, s.max_failure_wait_seconds)


def _error(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


class EmbeddedIdentityProvider:
    """An RSA key, a JWKS and a token endpoint with the same shapes as Keycloak's."""

    lifetime_seconds = 900

    def __init__(
        self, settings: ServiceSettings, *, now: Callable[[], float] = clock.monotonic
    ) -> None:
        if settings.mode is not Mode.EMBEDDED:
            raise RuntimeError("the embedded identity provider runs only in embedded mode")
        self.issuer = settings.oidc_issuer
        self.audience = settings.oidc_audience
        self.kid = uuid.uuid4().hex
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._users = {u.username: u for u in DEMO_USERS}
        self.login_failures = LoginFailures(BRUTE_FORCE, now)

    def jwks(self) -> dict[str, Any]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self._key.public_key(), as_dict=True)
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}

    def issue(self, user: DemoUser, client_id: str, *, lifetime: int | None = None) -> str:
        """Sign an access token for a demo user or department client."""
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": str(uuid.uuid5(uuid.NAMESPACE_URL, f"shouhu:{user.username}")),
            "aud": [self.audience],
            "azp": client_id,
            "typ": "Bearer",
            "iat": now,
            "exp": now + (lifetime or self.lifetime_seconds),
            "preferred_username": user.username,
            "realm_access": {"roles": [user.role.value]},
            "division_code": user.division_code,
        }
        return jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self.kid})

    def router(self) -> APIRouter:
        """Token, JWKS and discovery at Keycloak's paths."""
        router = APIRouter(prefix="/realms/shouhu", tags=["identity (embedded)"])
        base = "/protocol/openid-connect"

        @router.post(f"{base}/token")
        def token(
            grant_type: Annotated[str, Form()],
            client_id: Annotated[str, Form()],
            username: Annotated[str | None, Form()] = None,
            password: Annotated[str | None, Form()] = None,
            client_secret: Annotated[str | None, Form()] = None,
        ) -> JSONResponse:
            if grant_type == "password" and client_id == CONSOLE_CLIENT:
                user = self._users.get(username or "")
                if user is None or not self.login_failures.attempt(
                    user.username, password == DEMO_PASSWORD
                ):
                    # Keycloak 26 gives one answer for an unknown user, a wrong password and a
                    # locked account, so that none of them can be told from the others.
                    return _error(400, "invalid_grant", "Invalid user credentials")
            elif grant_type == "client_credentials" and client_id in DEMO_CLIENTS:
                if client_secret != DEMO_CLIENT_SECRET:
                    return _error(401, "unauthorized_client", "Invalid client credentials")
                user = DEMO_CLIENTS[client_id]
            else:
                return _error(400, "unsupported_grant_type", "Unsupported grant type")
            return JSONResponse(
                {
                    "access_token": self.issue(user, client_id),
                    "expires_in": self.lifetime_seconds,
                    "token_type": "Bearer",
                    "scope": "profile email",
                }
            )

        @router.get(f"{base}/certs")
        def certs() -> dict[str, Any]:
            return self.jwks()

        @router.get("/.well-known/openid-configuration")
        def discovery() -> dict[str, Any]:
            return {
                "issuer": self.issuer,
                "token_endpoint": f"{self.issuer}{base}/token",
                "jwks_uri": f"{self.issuer}{base}/certs",
                "grant_types_supported": ["password", "client_credentials"],
                "id_token_signing_alg_values_supported": ["RS256"],
            }

        return router
