"""Token verification against the realm's JWKS, the `Principal`, and the division scope rule."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jwt.algorithms import RSAAlgorithm

from shouhu.platform.errors import Forbidden, Unauthenticated, ValidationFailed


class Role(StrEnum):
    """The roles of DESIGN.md's user table, as realm roles in Keycloak."""

    CIVIL_AFFAIRS = "civil_affairs"
    WOMEN_CHILDREN_COMMITTEE = "women_children_committee"
    INTAKE_CLERK = "intake_clerk"
    TOWN_SOCIAL_WORKER = "town_social_worker"
    VILLAGE_SUPERVISOR = "village_supervisor"
    POLICE = "police"
    EDUCATION = "education"
    HEALTH = "health"
    HUMAN_RESOURCES = "human_resources"
    JUDICIAL = "judicial"
    HOUSING = "housing"
    MANDATED_REPORTER = "mandated_reporter"
    SCHOOL_STAFF = "school_staff"
    YOUTH_LEAGUE = "youth_league"
    TRADE_UNION = "trade_union"
    WOMENS_FEDERATION = "womens_federation"
    DISABLED_PERSONS_FEDERATION = "disabled_persons_federation"
    AUDITOR = "auditor"
    # A registered volunteer (志愿者): sees only their own pairings and hours.
    VOLUNTEER = "volunteer"


_ROLE_NAMES = frozenset(role.value for role in Role)
_DIVISION = re.compile(r"\d{6}(\d{3}){0,2}")  # district, town or village (API.md)
VERIFIED_TOKENS = 10_000  # accepted tokens remembered until they expire, per process

# Department roles act district-wide, on their own part of the data only (API.md).
DEPARTMENT_ROLES = frozenset(
    {
        Role.POLICE,
        Role.EDUCATION,
        Role.HEALTH,
        Role.HUMAN_RESOURCES,
        Role.JUDICIAL,
        Role.HOUSING,
        Role.YOUTH_LEAGUE,
        Role.TRADE_UNION,
        Role.WOMENS_FEDERATION,
        Role.DISABLED_PERSONS_FEDERATION,
    }
)


@dataclass(frozen=True)
class Principal:
    """Who is calling: a person or a department system, with roles and a division."""

    subject: str
    username: str
    roles: frozenset[str]
    division_code: str
    client_id: str = ""
    token: str = field(default="", repr=False)

    def has_role(self, *roles: Role) -> bool:
        return any(role.value in self.roles for role in roles)

    def sees(self, division_code: str) -> bool:
        """The scope rule: a division is in scope when its code starts with the principal's."""
        return in_scope(self.division_code, division_code)

    def require_role(self, *roles: Role) -> None:
        if not self.has_role(*roles):
            raise Forbidden()

    def narrowed(self, division_code: str | None) -> str:
        """The division prefix a listing of `division_code` shows: no wider than the principal's."""
        if division_code is None:
            return self.division_code
        if not division_code.isdigit() or len(division_code) not in (6, 9, 12):
            raise ValidationFailed(fields={"divisionCode": "区划代码应为6、9或12位数字"})
        if not self.sees(division_code) and not in_scope(division_code, self.division_code):
            raise Forbidden("该区划不在您的管辖范围内")
        return max(division_code, self.division_code, key=len)


def in_scope(principal_division: str, target_division: str) -> bool:
    """True when `target_division` lies within `principal_division` (prefix of the code)."""
    return bool(principal_division) and target_division.startswith(principal_division)


class TokenVerifier:
    """Checks signature, expiry, issuer and audience; keys cached, refetched on an unknown `kid`."""

    refetch_after_seconds = 10.0

    def __init__(
        self,
        *,
        jwks_url: str,
        issuer: str,
        audience: str,
        leeway: int = 5,
        fetch: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        self._jwks_url = jwks_url
        self._fetch_jwks = fetch or self._fetch_over_http
        self._issuer = issuer
        self._audience = audience
        self._leeway = leeway
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._lock = threading.Lock()
        self._verified: dict[str, tuple[Principal, float]] = {}  # token → principal, expiry

    def _fetch_over_http(self) -> dict[str, Any]:
        with urllib.request.urlopen(self._jwks_url, timeout=5) as response:
            jwks: dict[str, Any] = json.load(response)
        return jwks

    def _fetch(self) -> None:
        jwks = self._fetch_jwks()
        self._keys = {
            k["kid"]: RSAAlgorithm.from_jwk(json.dumps(k))
            for k in jwks.get("keys", [])
            if k.get("kty") == "RSA" and k.get("use", "sig") == "sig"
        }
        self._fetched_at = time.monotonic()

    def _key(self, kid: str) -> Any:
        key = self._keys.get(kid)
        if key is not None:
            return key
        with self._lock:
            if kid not in self._keys and (
                time.monotonic() - self._fetched_at > self.refetch_after_seconds or not self._keys
            ):
                try:
                    self._fetch()
                except OSError as exc:
                    raise Unauthenticated("无法获取签名密钥") from exc
        key = self._keys.get(kid)
        if key is None:
            raise Unauthenticated("令牌签名密钥未知")
        return key

    def ping(self) -> None:
        """Raise unless the issuer's keys can be had."""
        with self._lock:
            if not self._keys:
                self._fetch()

    async def averify(self, token: str) -> Principal:
        """`verify` for async callers: off the event loop only when keys must be fetched."""
        known = self._verified_before(token)
        if known is not None:
            return known
        try:
            kid = str(jwt.get_unverified_header(token).get("kid", ""))
        except jwt.PyJWTError as exc:
            raise Unauthenticated("令牌无效") from exc
        if kid in self._keys:
            return self.verify(token)
        return await asyncio.to_thread(self.verify, token)

    def _verified_before(self, token: str) -> Principal | None:
        """A token this verifier accepted and that has not expired: no signature check again."""
        known = self._verified.get(token)
        if known is None or time.time() >= known[1]:
            return None
        return known[0]

    def verify(self, token: str) -> Principal:
        """The principal a token speaks for, or `Unauthenticated`."""
        known = self._verified_before(token)
        if known is not None:
            return known
        try:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(
                token,
                key=self._key(str(header.get("kid", ""))),
                algorithms=["RS256"],
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("令牌已过期") from exc
        except jwt.InvalidIssuerError as exc:
            raise Unauthenticated("令牌签发者不符") from exc
        except jwt.InvalidAudienceError as exc:
            raise Unauthenticated("令牌受众不符") from exc
        except jwt.PyJWTError as exc:
            raise Unauthenticated("令牌无效") from exc
        division_code = str(claims.get("division_code", ""))
        if not _DIVISION.fullmatch(division_code):
            # Fail closed: scope is a prefix of the division code, and an empty one is all.
            raise Unauthenticated("令牌缺少有效的区划代码")
        principal = Principal(
            subject=str(claims["sub"]),
            username=str(claims.get("preferred_username") or claims.get("azp") or claims["sub"]),
            # Keycloak adds its own default roles; only the platform's roles count.
            roles=frozenset(claims.get("realm_access", {}).get("roles", [])) & _ROLE_NAMES,
            division_code=division_code,
            client_id=str(claims.get("azp", "")),
            token=token,
        )
        if len(self._verified) >= VERIFIED_TOKENS:
            self._verified.clear()  # rare: a busy hour's distinct tokens; the next ones refill it
        self._verified[token] = (principal, float(claims["exp"]))
        return principal


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer …` header."""
    if not authorization:
        raise Unauthenticated()
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated()
    return token.strip()


# The dependencies below are async on purpose: FastAPI runs a sync dependency in a worker
# thread, and a thread hop per dependency per request cost more than the work itself.


# The OpenAPI document's `bearerAuth` scheme, on every operation that takes a principal. It only
# declares: the token is read and refused by `bearer_token` below, with the API's codes.
BEARER = HTTPBearer(
    scheme_name="bearerAuth",
    bearerFormat="JWT",
    description="An access token of the realm (Keycloak, or the embedded provider)",
    auto_error=False,
)


async def get_principal(
    request: Request,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)],
) -> Principal:
    """The verified caller of a service request."""
    verifier: TokenVerifier = request.app.state.verifier
    return await verifier.averify(bearer_token(request.headers.get("authorization")))


PrincipalDep = Annotated[Principal, Depends(get_principal)]


OPERATION_HEADER = "X-Shouhu-Operation"
PROOF_HEADER = "X-Shouhu-Operation-Proof"


def operation_proof(key: str, operation: str, token: str) -> str:
    """The gateway's signature of the operation it names for this caller's call (HMAC-SHA256).

    Bound to the caller's token, so a signature seen once serves no other caller's call.
    """
    message = f"{operation}\n{token}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def operation_headers(key: str, operation: str, token: str) -> dict[str, str]:
    """What the gateway sends with a read so that the access log records the operation."""
    operation = operation[:100]
    return {OPERATION_HEADER: operation, PROOF_HEADER: operation_proof(key, operation, token)}


async def get_operation(request: Request) -> str:
    """The operation a read serves, as the gateway names it (for the access log).

    Believed only with the gateway's signature; any other caller's read is recorded as the
    plain call it made (method and path), whatever it claims.
    """
    operation = request.headers.get(OPERATION_HEADER, "")[:100]
    proof = request.headers.get(PROOF_HEADER, "")
    if operation and proof:
        try:
            token = bearer_token(request.headers.get("authorization"))
        except Unauthenticated:
            token = ""  # the principal dependency answers for that; the read is plain here
        key: str = request.app.state.settings.gateway_key
        if token and hmac.compare_digest(proof, operation_proof(key, operation, token)):
            return operation
    return f"{request.method} {request.url.path}"[:100]


OperationDep = Annotated[str, Depends(get_operation)]
