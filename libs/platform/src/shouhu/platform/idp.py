"""The embedded identity provider: the demo users signed in and their tokens, as Keycloak does.

Only in embedded mode (`make run`); the local stack and Kubernetes use Keycloak itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from jwt.algorithms import RSAAlgorithm

from shouhu.platform import clock
from shouhu.platform.auth import Role
from shouhu.platform.idp_pages import (
    error_page,
    logged_out_page,
    login_page,
    logout_confirm_page,
    update_password_page,
)
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
    DemoUser("volunteer.110109001001", Role.VOLUNTEER, "110109001001"),
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


UPDATE_PASSWORD = "UPDATE_PASSWORD"
MIN_PASSWORD_LENGTH = 12  # the production realm's passwordPolicy length(12)
# Development only (embedded mode): cheap enough for a roster of thousands made at once.
_HASH_ITERATIONS = 10_000


@dataclass
class LocalUser:
    """A user added at run time (a volunteer's account), as Keycloak keeps one."""

    user: DemoUser
    salt: bytes
    digest: bytes
    enabled: bool = True
    required_actions: set[str] = field(default_factory=set)


def _digest(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _HASH_ITERATIONS)


class LocalUsers:
    """Users added at run time, beside the demo users: what the admin API makes in Keycloak
    (a role, a division, a password, required actions, enabled or not)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users: dict[str, LocalUser] = {}

    def add(
        self,
        username: str,
        role: Role,
        division_code: str,
        password: str,
        *,
        temporary: bool = True,
        enabled: bool = True,
    ) -> bool:
        """Add a user; False (and nothing changed) when the username exists: it is adopted."""
        salt = secrets.token_bytes(16)
        found = LocalUser(DemoUser(username, role, division_code), salt, _digest(password, salt))
        found.enabled = enabled
        if temporary:
            found.required_actions.add(UPDATE_PASSWORD)
        with self._lock:
            if username in self._users or any(u.username == username for u in DEMO_USERS):
                return False
            self._users[username] = found
            return True

    def get(self, username: str) -> LocalUser | None:
        with self._lock:
            return self._users.get(username)

    def set_enabled(self, username: str, enabled: bool) -> bool:
        """Enable or disable a user; False if there is none."""
        with self._lock:
            found = self._users.get(username)
            if found is None:
                return False
            found.enabled = enabled
            return True

    def check(self, username: str, password: str) -> bool:
        """Whether the password is the user's."""
        found = self.get(username)
        return found is not None and hmac.compare_digest(
            _digest(password, found.salt), found.digest
        )

    def set_password(self, username: str, password: str) -> None:
        """The user's new password; the required password change is done."""
        with self._lock:
            found = self._users[username]
            found.salt = secrets.token_bytes(16)
            found.digest = _digest(password, found.salt)
            found.required_actions.discard(UPDATE_PASSWORD)


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


@dataclass(frozen=True)
class SessionLifetimes:
    """Keycloak's session and code lifetimes; the realms set the same (a test compares).

    A sign-in starts a session (SSO): it ends after `sso_session_idle_timeout` seconds without a
    refresh, after `sso_session_max_lifespan` in any case, or at sign-out. An authorization code
    is good for `access_code_lifespan` seconds, once; the login page for
    `access_code_lifespan_login`. A refresh token is good once (the realms revoke it on use:
    `revokeRefreshToken`, `refreshTokenMaxReuse` 0): each refresh answers a new one.
    """

    sso_session_idle_timeout: int = 1800
    sso_session_max_lifespan: int = 36000
    access_code_lifespan: int = 60
    access_code_lifespan_login: int = 1800

    @classmethod
    def from_realm(cls, realm: Mapping[str, Any]) -> SessionLifetimes:
        """The lifetimes of a realm export, which must rotate refresh tokens as this one does."""
        if realm.get("revokeRefreshToken") is not True or realm.get("refreshTokenMaxReuse") != 0:
            raise ValueError("refresh tokens are not revoked on use")

        def camel(name: str) -> str:
            head, *rest = name.split("_")
            return head + "".join(part.title() for part in rest)

        return cls(**{f.name: int(realm[camel(f.name)]) for f in fields(cls)})


SESSION_LIFETIMES = SessionLifetimes()
SESSION_COOKIE = "SHOUHU_IDP_SESSION"
# RFC 7636: 43 to 128 characters of this alphabet, for the verifier and (S256) the challenge.
_PKCE_VALUE = re.compile(r"[A-Za-z0-9\-._~]{43,128}")


def s256(verifier: str) -> str:
    """The S256 code challenge of a PKCE code verifier."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class AuthRequest:
    """An authorization request of the console, waiting for its sign-in or answered."""

    client_id: str
    redirect_uri: str
    scope: str
    state: str | None
    nonce: str | None
    code_challenge: str


@dataclass
class Session:
    """A user's sign-in (Keycloak's user session): what codes and refresh tokens belong to."""

    id: str
    user: DemoUser
    auth_time: int  # seconds since the epoch, as the id token says it
    started: float  # on the provider's clock (monotonic), as the waits below
    last_seen: float


@dataclass(frozen=True)
class _Code:
    session_id: str
    request: AuthRequest
    expires: float


@dataclass(frozen=True)
class _Refresh:
    session_id: str
    client_id: str
    scope: str
    nonce: str | None


class Sessions:
    """Pending sign-ins, sessions, codes and refresh tokens, in memory (embedded mode only)."""

    def __init__(self, lifetimes: SessionLifetimes, now: Callable[[], float]) -> None:
        self.lifetimes = lifetimes
        self._now = now
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[AuthRequest, float]] = {}
        self._sessions: dict[str, Session] = {}
        self._codes: dict[str, _Code] = {}
        self._used_codes: dict[str, tuple[str, float]] = {}  # code → its session, until it expires
        self._refresh: dict[str, _Refresh] = {}

    def _alive(self, session: Session, now: float) -> bool:
        lt = self.lifetimes
        return (
            now - session.last_seen < lt.sso_session_idle_timeout
            and now - session.started < lt.sso_session_max_lifespan
        )

    def _prune(self, now: float) -> None:
        """Forget what has expired (called with the lock held, on each new thing)."""
        login = self.lifetimes.access_code_lifespan_login
        self._pending = {k: v for k, v in self._pending.items() if now - v[1] < login}
        dead = {k for k, v in self._sessions.items() if not self._alive(v, now)}
        for session_id in dead:
            self._end(session_id)
        self._codes = {k: v for k, v in self._codes.items() if now < v.expires}
        self._used_codes = {k: v for k, v in self._used_codes.items() if now < v[1]}

    def _end(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)
        self._codes = {k: v for k, v in self._codes.items() if v.session_id != session_id}
        self._refresh = {k: v for k, v in self._refresh.items() if v.session_id != session_id}

    def begin(self, request: AuthRequest) -> str:
        """Keep a request while its user signs in; the key the login form posts back."""
        now = self._now()
        key = secrets.token_urlsafe(24)
        with self._lock:
            self._prune(now)
            self._pending[key] = (request, now)
        return key

    def pending(self, key: str) -> AuthRequest | None:
        with self._lock:
            found = self._pending.get(key)
            if found is None or self._now() - found[1] >= self.lifetimes.access_code_lifespan_login:
                return None
            return found[0]

    def start(self, key: str, user: DemoUser) -> tuple[Session, AuthRequest] | None:
        """The user signed in on the page of pending request `key`: a new session."""
        now = self._now()
        with self._lock:
            found = self._pending.pop(key, None)
            if found is None or now - found[1] >= self.lifetimes.access_code_lifespan_login:
                return None
            session = Session(secrets.token_urlsafe(24), user, int(time.time()), now, now)
            self._sessions[session.id] = session
            return session, found[0]

    def get(self, session_id: str | None) -> Session | None:
        """A session still alive, or None."""
        if not session_id:
            return None
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None:
                return None
            if not self._alive(session, self._now()):
                self._end(session_id)
                return None
            return session

    def end(self, session_id: str | None) -> None:
        """Sign-out: the session, its codes and its refresh tokens are gone."""
        if session_id:
            with self._lock:
                self._end(session_id)

    def code(self, session: Session, request: AuthRequest) -> str:
        """A new authorization code for the request, good once, for a short while."""
        now = self._now()
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._prune(now)
            self._codes[code] = _Code(
                session.id, request, now + self.lifetimes.access_code_lifespan
            )
        return code

    def redeem(self, code: str) -> _Code | None:
        """The code's grant, once. A code used twice was stolen: its session ends (RFC 6749
        4.1.2), so the tokens got with it stop refreshing."""
        now = self._now()
        with self._lock:
            grant = self._codes.pop(code, None)
            if grant is None:
                used = self._used_codes.get(code)
                if used is not None:
                    self._end(used[0])
                return None
            self._used_codes[code] = (grant.session_id, grant.expires)
            if now >= grant.expires:
                return None
            return grant

    def refresh_token(self, session: Session, client_id: str, scope: str, nonce: str | None) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._refresh[token] = _Refresh(session.id, client_id, scope, nonce)
        return token

    def take_refresh(self, token: str) -> _Refresh | None:
        """A refresh token's grant; the token is spent (rotation)."""
        with self._lock:
            return self._refresh.pop(token, None)

    def touch(self, session_id: str) -> Session | None:
        """A refresh keeps the session alive; None if it has ended."""
        with self._lock:
            session = self._sessions.get(session_id)
            now = self._now()
            if session is None or not self._alive(session, now):
                self._end(session_id)
                return None
            session.last_seen = now
            return session

    def refresh_expires_in(self, session: Session) -> int:
        lt = self.lifetimes
        left = lt.sso_session_max_lifespan - (self._now() - session.started)
        return max(0, int(min(lt.sso_session_idle_timeout, left)))


def _error(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


def _with_query(uri: str, **params: str | None) -> str:
    """`uri` with the parameters added to its query (None left out)."""
    parts = urlsplit(uri)
    extra = urlencode({k: v for k, v in params.items() if v is not None})
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def console_redirect_uris(issuer: str) -> tuple[str, ...]:
    """The console's addresses on the issuer's origin (both loopback names on a loopback one),
    as the demo realm's `redirectUris` name them for port 8000."""
    parts = urlsplit(issuer)
    hosts = [parts.hostname or ""]
    if hosts[0] in ("127.0.0.1", "localhost"):
        hosts = ["127.0.0.1", "localhost"]
    port = f":{parts.port}" if parts.port else ""
    return tuple(f"{parts.scheme}://{host}{port}/console/*" for host in hosts)


def redirect_allowed(uri: str, patterns: Sequence[str]) -> bool:
    """Keycloak's match: exact, or a prefix where the pattern ends in `*`; no fragment."""
    if not uri or "#" in uri:
        return False
    return any(uri == p or (p.endswith("*") and uri.startswith(p[:-1])) for p in patterns)


class EmbeddedIdentityProvider:
    """An RSA key, a JWKS, and Keycloak's endpoints for what the platform uses of them.

    The token endpoint's password and client-credentials grants; for the console (a public
    client), the authorization endpoint with its login page, authorization code with PKCE S256,
    refresh tokens, end-session, userinfo and revocation, at Keycloak's paths and with its
    answers' shapes. Sessions live in this process's memory.
    """

    lifetime_seconds = 900

    def __init__(
        self,
        settings: ServiceSettings,
        *,
        now: Callable[[], float] = clock.monotonic,
        redirect_uris: Sequence[str] | None = None,
        lifetimes: SessionLifetimes = SESSION_LIFETIMES,
    ) -> None:
        if settings.mode is not Mode.EMBEDDED:
            raise RuntimeError("the embedded identity provider runs only in embedded mode")
        self.issuer = settings.oidc_issuer
        self.audience = settings.oidc_audience
        self.kid = uuid.uuid4().hex
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._users = {u.username: u for u in DEMO_USERS}
        # Accounts added at run time (volunteers'), signed in as Keycloak's users are.
        self.local_users = LocalUsers()
        # Pending sign-ins waiting for their user's new password: key → username.
        self._updating: dict[str, str] = {}
        self.login_failures = LoginFailures(BRUTE_FORCE, now)
        self.sessions = Sessions(lifetimes, now)
        self.redirect_uris = tuple(redirect_uris or console_redirect_uris(self.issuer))
        # Keycloak's web origins "+": the origins of the redirect URIs may call from a page.
        self.web_origins = frozenset(
            "{0.scheme}://{0.netloc}".format(urlsplit(p)) for p in self.redirect_uris
        )
        self._path = urlsplit(self.issuer).path or "/realms/shouhu"
        self._secure_cookie = self.issuer.startswith("https://")

    def _user(self, username: str) -> DemoUser | None:
        """A demo user or an enabled local one."""
        local = self.local_users.get(username)
        if local is not None:
            return local.user if local.enabled else None
        return self._users.get(username)

    def _password_ok(self, user: DemoUser, password: str) -> bool:
        if self.local_users.get(user.username) is not None:
            return self.local_users.check(user.username, password)
        return password == DEMO_PASSWORD

    def _needs_update(self, user: DemoUser) -> bool:
        local = self.local_users.get(user.username)
        return local is not None and UPDATE_PASSWORD in local.required_actions

    def jwks(self) -> dict[str, Any]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self._key.public_key(), as_dict=True)
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}

    def _sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self.kid})

    @staticmethod
    def _subject(user: DemoUser) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"shouhu:{user.username}"))

    def issue(
        self,
        user: DemoUser,
        client_id: str,
        *,
        lifetime: int | None = None,
        session_id: str | None = None,
        scope: str | None = None,
    ) -> str:
        """Sign an access token for a demo user or department client."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": self._subject(user),
            "aud": [self.audience],
            "azp": client_id,
            "typ": "Bearer",
            "iat": now,
            "exp": now + (lifetime or self.lifetime_seconds),
            "preferred_username": user.username,
            "realm_access": {"roles": [user.role.value]},
            "division_code": user.division_code,
        }
        if session_id is not None:
            claims["sid"] = session_id
        if scope is not None:
            claims["scope"] = scope
        return self._sign(claims)

    def id_token(self, session: Session, client_id: str, nonce: str | None) -> str:
        """The id token of a session for a client, as Keycloak's (`typ` ID)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": self._subject(session.user),
            "aud": client_id,
            "azp": client_id,
            "typ": "ID",
            "iat": now,
            "exp": now + self.lifetime_seconds,
            "auth_time": session.auth_time,
            "sid": session.id,
            "preferred_username": session.user.username,
            "division_code": session.user.division_code,
        }
        if nonce is not None:
            claims["nonce"] = nonce
        return self._sign(claims)

    def _read_own(self, token: str, **options: Any) -> dict[str, Any] | None:
        """The claims of a token this provider signed, or None."""
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._key.public_key(),
                algorithms=["RS256"],
                issuer=self.issuer,
                **options,
            )
        except jwt.PyJWTError:
            return None
        return claims

    def _session_tokens(
        self, session: Session, client_id: str, scope: str, nonce: str | None
    ) -> dict[str, Any]:
        """What the token endpoint answers for a session: Keycloak's fields."""
        body: dict[str, Any] = {
            "access_token": self.issue(session.user, client_id, session_id=session.id, scope=scope),
            "expires_in": self.lifetime_seconds,
            "refresh_expires_in": self.sessions.refresh_expires_in(session),
            "refresh_token": self.sessions.refresh_token(session, client_id, scope, nonce),
            "token_type": "Bearer",
            "not-before-policy": 0,
            "session_state": session.id,
            "scope": scope,
        }
        if "openid" in scope.split():
            body["id_token"] = self.id_token(session, client_id, nonce)
        return body

    def _code_grant(
        self, client_id: str, code: str | None, redirect_uri: str | None, verifier: str | None
    ) -> JSONResponse | dict[str, Any]:
        grant = self.sessions.redeem(code or "")
        if grant is None:
            return _error(400, "invalid_grant", "Code not valid")
        request = grant.request
        if request.client_id != client_id:
            return _error(400, "invalid_grant", "Code not issued to this client")
        if redirect_uri != request.redirect_uri:
            return _error(400, "invalid_grant", "Incorrect redirect_uri")
        if not verifier:
            return _error(400, "invalid_grant", "PKCE code verifier not specified")
        if not _PKCE_VALUE.fullmatch(verifier):
            return _error(400, "invalid_grant", "PKCE invalid code verifier")
        if not hmac.compare_digest(s256(verifier), request.code_challenge):
            return _error(400, "invalid_grant", "PKCE verification failed: Code mismatch")
        session = self.sessions.touch(grant.session_id)
        if session is None:
            return _error(400, "invalid_grant", "Session not active")
        return self._session_tokens(session, client_id, request.scope, request.nonce)

    def _refresh_grant(self, client_id: str, token: str | None) -> JSONResponse | dict[str, Any]:
        grant = self.sessions.take_refresh(token or "")
        if grant is None:
            return _error(400, "invalid_grant", "Invalid refresh token")
        if grant.client_id != client_id:
            return _error(
                400,
                "invalid_grant",
                "Invalid refresh token. Token client and authorized client don't match",
            )
        session = self.sessions.touch(grant.session_id)
        if session is None or self._user(session.user.username) is None:
            # A disabled user's sessions end, as Keycloak's logout of the user ends them.
            self.sessions.end(grant.session_id)
            return _error(400, "invalid_grant", "Session not active")
        return self._session_tokens(session, client_id, grant.scope, grant.nonce)

    def _cors(self, request: Request, response: Response) -> Response:
        """Keycloak's CORS for its web origins: the console's page calls the token endpoint."""
        origin = request.headers.get("origin")
        if origin in self.web_origins:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Credentials"] = "true"
            response.headers["Vary"] = "Origin"
        return response

    def _redirect(self, uri: str) -> RedirectResponse:
        return RedirectResponse(uri, status_code=302, headers={"Cache-Control": "no-store"})

    def _answer_code(self, session: Session, request: AuthRequest) -> RedirectResponse:
        code = self.sessions.code(session, request)
        uri = _with_query(
            request.redirect_uri,
            state=request.state,
            session_state=session.id,
            iss=self.issuer,
            code=code,
        )
        return self._redirect(uri)

    def _begin_session(self, key: str, user: DemoUser) -> Response:
        """The user of pending request `key` is signed in: a session and the code."""
        started = self.sessions.start(key, user)
        if started is None:
            return error_page("登录页面已过期，请回到系统重新登录。")
        session, auth = started
        response = self._answer_code(session, auth)
        self._set_cookie(response, session)
        return response

    def _set_cookie(self, response: Response, session: Session) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            session.id,
            path=f"{self._path}/",
            httponly=True,
            samesite="lax",
            secure=self._secure_cookie,
        )

    def router(self) -> APIRouter:
        """Keycloak's realm endpoints at its paths."""
        router = APIRouter(prefix=self._path, tags=["identity (embedded)"])
        base = "/protocol/openid-connect"
        login_action = f"{self._path}/login-actions/authenticate"
        update_action = f"{self._path}/login-actions/required-action"

        @router.post(f"{base}/token")
        def token(
            request: Request,
            grant_type: Annotated[str, Form()],
            client_id: Annotated[str, Form()],
            username: Annotated[str | None, Form()] = None,
            password: Annotated[str | None, Form()] = None,
            client_secret: Annotated[str | None, Form()] = None,
            code: Annotated[str | None, Form()] = None,
            redirect_uri: Annotated[str | None, Form()] = None,
            code_verifier: Annotated[str | None, Form()] = None,
            refresh_token: Annotated[str | None, Form()] = None,
        ) -> Response:
            body: JSONResponse | dict[str, Any]
            if grant_type == "password" and client_id == CONSOLE_CLIENT:
                user = self._user(username or "")
                if user is None or not self.login_failures.attempt(
                    user.username, self._password_ok(user, password or "")
                ):
                    # Keycloak 26 gives one answer for an unknown user, a wrong password and a
                    # locked account, so that none of them can be told from the others.
                    return _error(400, "invalid_grant", "Invalid user credentials")
                if self._needs_update(user):
                    # A direct grant cannot change the password: Keycloak refuses it so.
                    return _error(400, "invalid_grant", "Account is not fully set up")
                body = {
                    "access_token": self.issue(user, client_id),
                    "expires_in": self.lifetime_seconds,
                    "token_type": "Bearer",
                    "scope": "profile email",
                }
            elif grant_type == "client_credentials" and client_id in DEMO_CLIENTS:
                if client_secret != DEMO_CLIENT_SECRET:
                    return _error(401, "unauthorized_client", "Invalid client credentials")
                body = {
                    "access_token": self.issue(DEMO_CLIENTS[client_id], client_id),
                    "expires_in": self.lifetime_seconds,
                    "token_type": "Bearer",
                    "scope": "profile email",
                }
            elif grant_type == "authorization_code" and client_id == CONSOLE_CLIENT:
                body = self._code_grant(client_id, code, redirect_uri, code_verifier)
            elif grant_type == "refresh_token" and client_id == CONSOLE_CLIENT:
                body = self._refresh_grant(client_id, refresh_token)
            else:
                return _error(400, "unsupported_grant_type", "Unsupported grant type")
            response = body if isinstance(body, JSONResponse) else JSONResponse(body)
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
            return self._cors(request, response)

        @router.get(f"{base}/auth")
        def authorize(request: Request) -> Response:
            q = request.query_params
            if q.get("client_id") != CONSOLE_CLIENT:
                return error_page("客户端无效：此地址不能用于登录。")
            redirect_uri = q.get("redirect_uri", "")
            if not redirect_allowed(redirect_uri, self.redirect_uris):
                return error_page("重定向地址无效：此地址未登记为本系统的地址。")
            state = q.get("state")

            def refuse(error: str, description: str) -> RedirectResponse:
                uri = _with_query(
                    redirect_uri,
                    error=error,
                    error_description=description,
                    state=state,
                    iss=self.issuer,
                )
                return self._redirect(uri)

            if q.get("response_type") != "code":
                return refuse("unsupported_response_type", "Unsupported response_type")
            if q.get("response_mode", "query") != "query":
                return refuse("invalid_request", "Invalid parameter: response_mode")
            method = q.get("code_challenge_method")
            challenge = q.get("code_challenge")
            if not method:
                return refuse("invalid_request", "Missing parameter: code_challenge_method")
            if method != "S256":
                return refuse("invalid_request", "Invalid parameter: code_challenge_method")
            if not challenge:
                return refuse("invalid_request", "Missing parameter: code_challenge")
            if not _PKCE_VALUE.fullmatch(challenge):
                return refuse("invalid_request", "Invalid parameter: code_challenge")
            auth = AuthRequest(
                client_id=CONSOLE_CLIENT,
                redirect_uri=redirect_uri,
                scope=q.get("scope") or "openid",
                state=state,
                nonce=q.get("nonce"),
                code_challenge=challenge,
            )
            prompt = set(q.get("prompt", "").split())
            session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
            if session is not None and "login" not in prompt:
                return self._answer_code(session, auth)  # signed in already (SSO)
            if "none" in prompt:
                return refuse("login_required", "Login required")
            key = self.sessions.begin(auth)
            return login_page(_with_query(login_action, session_code=key, client_id=CONSOLE_CLIENT))

        @router.post("/login-actions/authenticate")
        async def authenticate(request: Request) -> Response:
            key = request.query_params.get("session_code", "")
            if self.sessions.pending(key) is None:
                return error_page("登录页面已过期，请回到系统重新登录。")
            form = await request.form()
            username = str(form.get("username") or "").strip()
            password = str(form.get("password") or "")
            user = self._user(username)
            if user is None or not self.login_failures.attempt(
                user.username, self._password_ok(user, password)
            ):
                # One answer for an unknown user, a wrong password and a locked account.
                action = _with_query(login_action, session_code=key, client_id=CONSOLE_CLIENT)
                return login_page(action, username=username, error="用户名或密码错误。")
            if self._needs_update(user):
                # Forget the sign-ins whose page expired before their password was changed.
                self._updating = {
                    k: v for k, v in self._updating.items() if self.sessions.pending(k) is not None
                }
                self._updating[key] = user.username
                return update_password_page(_with_query(update_action, session_code=key))
            return self._begin_session(key, user)

        @router.post("/login-actions/required-action")
        async def required_action(request: Request) -> Response:
            key = request.query_params.get("session_code", "")
            username = self._updating.get(key)
            if self.sessions.pending(key) is None or username is None:
                return error_page("登录页面已过期，请回到系统重新登录。")
            form = await request.form()
            new = str(form.get("password-new") or "")
            action = _with_query(update_action, session_code=key)
            if new != str(form.get("password-confirm") or ""):
                return update_password_page(action, error="两次输入的密码不一致。")
            if len(new) < MIN_PASSWORD_LENGTH or new == username:
                message = f"密码至少{MIN_PASSWORD_LENGTH}位，且不能与用户名相同。"
                return update_password_page(action, error=message)
            if self.local_users.check(username, new):
                return update_password_page(action, error="新密码不能与初始密码相同。")
            self.local_users.set_password(username, new)
            self._updating.pop(key, None)
            user = self._user(username)
            if user is None:
                return error_page("账户已停用。")
            return self._begin_session(key, user)

        @router.api_route(f"{base}/logout", methods=["GET", "POST"])
        async def logout(request: Request) -> Response:
            params: dict[str, str] = dict(request.query_params)
            if request.method == "POST":
                form = await request.form()
                params |= {k: v for k, v in form.items() if isinstance(v, str)}
            if request.method == "POST" and "refresh_token" in params:
                # A client's own sign-out of its session (Keycloak's back-channel logout).
                grant = self.sessions.take_refresh(params["refresh_token"])
                if grant is None or grant.client_id != params.get("client_id"):
                    return self._cors(
                        request, _error(400, "invalid_grant", "Invalid refresh token")
                    )
                self.sessions.end(grant.session_id)
                return self._cors(request, Response(status_code=204))
            hint = params.get("id_token_hint")
            client_id = params.get("client_id")
            post_logout = params.get("post_logout_redirect_uri")
            hinted_session = None
            if hint:
                claims = self._read_own(hint, options={"verify_exp": False, "verify_aud": False})
                if claims is None or claims.get("typ") != "ID":
                    return error_page("退出请求无效：id_token_hint 无法识别。")
                if client_id and claims.get("aud") != client_id:
                    return error_page("退出请求无效：id_token_hint 与客户端不符。")
                client_id = str(claims.get("aud"))
                hinted_session = claims.get("sid")
            if post_logout:
                if not client_id:
                    return error_page("退出请求无效：缺少 client_id 或 id_token_hint。")
                if client_id != CONSOLE_CLIENT or not redirect_allowed(
                    post_logout, self.redirect_uris
                ):
                    return error_page("退出后的重定向地址无效：此地址未登记为本系统的地址。")
            if not hint and params.get("confirm") != "1":
                # Without proof of who asks, Keycloak asks the person first.
                action = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return logout_confirm_page(action)
            self.sessions.end(hinted_session)
            self.sessions.end(request.cookies.get(SESSION_COOKIE))
            response: Response
            if post_logout:
                response = self._redirect(_with_query(post_logout, state=params.get("state")))
            else:
                response = logged_out_page()
            response.delete_cookie(SESSION_COOKIE, path=f"{self._path}/")
            return response

        @router.api_route(f"{base}/userinfo", methods=["GET", "POST"])
        def userinfo(request: Request) -> Response:
            authorization = request.headers.get("authorization", "")
            scheme, _, token = authorization.partition(" ")
            claims = (
                self._read_own(token, audience=self.audience)
                if scheme.lower() == "bearer"
                else None
            )
            if claims is None or (
                "sid" in claims and self.sessions.get(str(claims["sid"])) is None
            ):
                response: Response = _error(401, "invalid_token", "Token verification failed")
                response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
                return self._cors(request, response)
            info = {k: claims[k] for k in ("sub", "preferred_username", "division_code")}
            return self._cors(request, JSONResponse(info))

        @router.post(f"{base}/revoke")
        def revoke(
            request: Request,
            token: Annotated[str, Form()],
            client_id: Annotated[str, Form()],
        ) -> Response:
            grant = self.sessions.take_refresh(token)
            if grant is not None and grant.client_id != client_id:
                return self._cors(
                    request, _error(400, "invalid_grant", "Token not issued to client")
                )
            # RFC 7009: an unknown token (or an access token, which lives out its minutes) is 200.
            return self._cors(request, Response(status_code=200))

        @router.get(f"{base}/certs")
        def certs(request: Request) -> Response:
            return self._cors(request, JSONResponse(self.jwks()))

        @router.get("/.well-known/openid-configuration")
        def discovery(request: Request) -> Response:
            return self._cors(request, JSONResponse(self.discovery()))

        @router.options("/{path:path}")
        def preflight(request: Request, path: str) -> Response:
            response = self._cors(request, Response(status_code=200))
            if "Access-Control-Allow-Origin" in response.headers:
                response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
                response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
                response.headers["Access-Control-Max-Age"] = "3600"
            return response

        return router

    def discovery(self) -> dict[str, Any]:
        """The realm's OpenID Provider metadata, for what this provider serves."""
        base = f"{self.issuer}/protocol/openid-connect"
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{base}/auth",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "end_session_endpoint": f"{base}/logout",
            "revocation_endpoint": f"{base}/revoke",
            "jwks_uri": f"{base}/certs",
            "grant_types_supported": [
                "authorization_code",
                "refresh_token",
                "password",
                "client_credentials",
            ],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "subject_types_supported": ["public"],
            "scopes_supported": ["openid", "profile", "email"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "none"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "frontchannel_logout_supported": False,
            "claims_supported": [
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "auth_time",
                "nonce",
                "sid",
                "preferred_username",
                "division_code",
            ],
        }
