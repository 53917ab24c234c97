"""The embedded identity provider: tokens for the demo users, as Keycloak signs them."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter, Form
from fastapi.responses import JSONResponse
from jwt.algorithms import RSAAlgorithm

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


def _error(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


class EmbeddedIdentityProvider:
    """An RSA key, a JWKS and a token endpoint with the same shapes as Keycloak's."""

    lifetime_seconds = 900

    def __init__(self, settings: ServiceSettings) -> None:
        if settings.mode is not Mode.EMBEDDED:
            raise RuntimeError("the embedded identity provider runs only in embedded mode")
        self.issuer = settings.oidc_issuer
        self.audience = settings.oidc_audience
        self.kid = uuid.uuid4().hex
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._users = {u.username: u for u in DEMO_USERS}

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
                if user is None or password != DEMO_PASSWORD:
                    return _error(401, "invalid_grant", "Invalid user credentials")
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
