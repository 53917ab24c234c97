"""Token checks against a JWKS served over loopback HTTP, and the scope rule."""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from shouhu.platform.auth import Principal, Role, TokenVerifier, bearer_token, in_scope
from shouhu.platform.errors import Unauthenticated

ISSUER = "http://127.0.0.1/realms/shouhu"
AUDIENCE = "shouhu-api"


class _Keys:
    def __init__(self) -> None:
        self.private: dict[str, Any] = {}
        self.published: list[str] = []

    def add(self, kid: str, *, publish: bool = True) -> None:
        self.private[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if publish:
            self.published.append(kid)

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid in self.published:
            jwk = RSAAlgorithm.to_jwk(self.private[kid].public_key(), as_dict=True)
            keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
        return {"keys": keys}


@pytest.fixture
def keys() -> _Keys:
    keys = _Keys()
    keys.add("k1")
    return keys


@pytest.fixture
def jwks_url(keys: _Keys) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(keys.jwks()).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/certs"
    server.shutdown()


@pytest.fixture
def verifier(jwks_url: str) -> TokenVerifier:
    return TokenVerifier(jwks_url=jwks_url, issuer=ISSUER, audience=AUDIENCE)


def _token(keys: _Keys, kid: str = "k1", **overrides: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": [AUDIENCE, "account"],
        "azp": "shouhu-console",
        "sub": "u-1",
        "iat": now,
        "exp": now + 300,
        "preferred_username": "supervisor.110109001001",
        "realm_access": {"roles": ["village_supervisor"]},
        "division_code": "110109001001",
    }
    claims.update(overrides)
    return jwt.encode(claims, keys.private[kid], algorithm="RS256", headers={"kid": kid})


def test_a_good_token_gives_the_principal(verifier, keys):
    principal = verifier.verify(_token(keys))
    assert principal.username == "supervisor.110109001001"
    assert principal.roles == frozenset({"village_supervisor"})
    assert principal.division_code == "110109001001"
    assert principal.client_id == "shouhu-console"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"exp": int(time.time()) - 60}, "令牌已过期"),
        ({"iss": "http://evil.example/realms/shouhu"}, "令牌签发者不符"),
        ({"aud": ["account"]}, "令牌受众不符"),
    ],
    ids=["expired", "wrong-issuer", "wrong-audience"],
)
def test_bad_claims_are_unauthenticated(verifier, keys, overrides, message):
    with pytest.raises(Unauthenticated) as caught:
        verifier.verify(_token(keys, **overrides))
    assert caught.value.code == "UNAUTHENTICATED"
    assert caught.value.message == message


def test_a_key_the_realm_never_published_is_unauthenticated(verifier, keys):
    keys.add("rogue", publish=False)
    with pytest.raises(Unauthenticated):
        verifier.verify(_token(keys, kid="rogue"))


def test_a_tampered_signature_is_unauthenticated(verifier, keys):
    header, _payload, signature = _token(keys).split(".")
    forged = jwt.encode(
        {
            **jwt.decode(_token(keys), options={"verify_signature": False}),
            "division_code": "110109",
        },
        "x" * 32,
        algorithm="HS256",
    ).split(".")[1]
    with pytest.raises(Unauthenticated):
        verifier.verify(f"{header}.{forged}.{signature}")


def test_a_token_signed_as_hs256_with_the_public_key_is_refused(verifier, keys):
    now = int(time.time())
    token = jwt.encode(
        {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "iat": now, "exp": now + 60},
        "secret-of-some-length-000000000000",
        algorithm="HS256",
        headers={"kid": "k1"},
    )
    with pytest.raises(Unauthenticated):
        verifier.verify(token)


def test_keys_are_refetched_when_the_realm_rotates(verifier, keys):
    verifier.verify(_token(keys))
    keys.add("k2")
    verifier.refetch_after_seconds = 0
    assert verifier.verify(_token(keys, kid="k2")).username == "supervisor.110109001001"


def test_keys_are_cached_between_tokens(keys):
    calls = {"n": 0}

    def fetch() -> dict[str, Any]:
        calls["n"] += 1
        return keys.jwks()

    verifier = TokenVerifier(jwks_url="", issuer=ISSUER, audience=AUDIENCE, fetch=fetch)
    for _ in range(5):
        verifier.verify(_token(keys))
    assert calls["n"] == 1


async def test_async_verification_matches(verifier, keys):
    principal = await verifier.averify(_token(keys))
    assert principal.division_code == "110109001001"


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer "])
def test_missing_or_malformed_bearer_is_unauthenticated(header):
    with pytest.raises(Unauthenticated):
        bearer_token(header)


@pytest.mark.parametrize(
    ("principal", "target", "expected"),
    [
        ("110109", "110109001001", True),
        ("110109001", "110109001001", True),
        ("110109001", "110109001", True),
        ("110109001001", "110109001001", True),
        ("110109001001", "110109001002", False),
        ("110109001", "110109101001", False),
        ("110109101", "110109001001", False),
        ("110109001001", "110109001", False),
        ("", "110109001001", False),
    ],
)
def test_scope_is_the_division_code_prefix(principal, target, expected):
    assert in_scope(principal, target) is expected


def test_principal_roles():
    p = Principal(subject="s", username="u", roles=frozenset({"police"}), division_code="110109")
    assert p.has_role(Role.POLICE)
    assert not p.has_role(Role.CIVIL_AFFAIRS, Role.AUDITOR)
    assert p.sees("110109101001")


def test_an_accepted_token_is_not_checked_again_until_it_expires(verifier, keys, monkeypatch):
    expiry = int(time.time()) + 2
    token = _token(keys, exp=expiry)
    first = verifier.verify(token)
    decoded: list[str] = []
    real_decode = jwt.decode
    monkeypatch.setattr(jwt, "decode", lambda *a, **k: decoded.append("x") or real_decode(*a, **k))
    assert verifier.verify(token) is first
    assert decoded == []  # remembered: no signature check for the same token
    monkeypatch.setattr(time, "time", lambda: expiry + 1.0)
    verifier.verify(token)  # past its expiry (by our clock) it is checked in full again
    assert decoded == ["x"]


def test_a_token_refused_once_is_refused_again(verifier, keys):
    token = _token(keys, aud=["account"])
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            verifier.verify(token)


@pytest.mark.parametrize("division", [None, "", "110109/", "abc", "1101", "110109001001001"])
def test_a_token_without_a_valid_division_is_refused(verifier, keys, division):
    """Scope is a prefix of the division code: an empty one would see the whole district."""
    overrides: dict[str, Any] = {"division_code": division}
    token = _token(keys, **overrides)
    if division is None:
        claims = jwt.decode(token, options={"verify_signature": False})
        claims.pop("division_code")
        token = jwt.encode(claims, keys.private["k1"], algorithm="RS256", headers={"kid": "k1"})
    with pytest.raises(Unauthenticated) as caught:
        verifier.verify(token)
    assert caught.value.message == "令牌缺少有效的区划代码"
