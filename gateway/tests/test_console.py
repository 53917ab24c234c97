"""The gateway serves the console's build at /console/ (docs/console.md "Served")."""

from __future__ import annotations

import gzip
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from shouhu.gateway.app import create_app
from shouhu.gateway.console import IMMUTABLE, REVALIDATE
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.auth import TokenVerifier

INDEX = (
    '<!doctype html><html lang="zh-CN">'
    '<script type="module" src="/console/assets/index-AbC123.js"></script></html>'
)
SCRIPT = "console.log('守护');" * 50


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A build as `npm run build` lays it out: hashed assets, precompressed twins, a favicon."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    script = root / "assets" / "index-AbC123.js"
    script.write_text(SCRIPT, encoding="utf-8")
    script.with_name(script.name + ".gz").write_bytes(gzip.compress(SCRIPT.encode()))
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / ".vite").mkdir()
    (root / ".vite" / "manifest.json").write_text("{}")
    (tmp_path / "secret.txt").write_text("outside the build")
    return root


@pytest.fixture
def gateway(verifier: TokenVerifier) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        values: dict[str, Any] = {"oidc_issuer": "http://127.0.0.1:8000/realms/shouhu"}
        client = TestClient(
            create_app(GatewaySettings(**{**values, **overrides}), verifier=verifier),
            follow_redirects=False,
        )
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_hashed_assets_are_cached_for_good(gateway, dist):
    http = gateway(console_dir=str(dist))
    plain = http.get("/console/assets/index-AbC123.js", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and plain.text == SCRIPT
    assert plain.headers["cache-control"] == IMMUTABLE
    assert "javascript" in plain.headers["content-type"]
    assert "content-encoding" not in plain.headers


def test_the_precompressed_twin_goes_to_a_browser_that_takes_it(gateway, dist):
    http = gateway(console_dir=str(dist))
    # The test client would undo the encoding; ask by streaming the raw bytes.
    with http.stream(
        "GET", "/console/assets/index-AbC123.js", headers={"Accept-Encoding": "br, gzip"}
    ) as answer:
        raw = b"".join(answer.iter_raw())
    assert answer.headers["content-encoding"] == "gzip"  # no .br in this build
    assert answer.headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(raw).decode() == SCRIPT and len(raw) < len(SCRIPT.encode())


def test_index_is_revalidated_and_carries_the_pages_policy(gateway, dist):
    http = gateway(console_dir=str(dist))
    for path in ("/console/", "/console/tasks", "/console/children/abc-123"):
        page = http.get(path)
        assert page.status_code == 200 and page.text == INDEX, path
        assert page.headers["cache-control"] == REVALIDATE
        assert page.headers["content-type"].startswith("text/html")
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "http://127.0.0.1:8000" in csp  # the realm, for the token endpoint
    assert http.get("/console").headers["location"] == "/console/"


def test_missing_files_are_404_not_the_app(gateway, dist):
    http = gateway(console_dir=str(dist))
    assert http.get("/console/assets/gone-123.js").status_code == 404
    assert http.get("/console/robots.txt").status_code == 404
    assert http.get("/console/.vite/manifest.json").status_code == 404
    for escape in (
        "/console/../secret.txt",
        "/console/%2e%2e/secret.txt",
        "/console/..%2fsecret.txt",
    ):
        answer = http.get(escape)
        assert "outside the build" not in answer.text, escape


def test_other_files_of_the_build_are_served_and_revalidated(gateway, dist):
    favicon = gateway(console_dir=str(dist)).get("/console/favicon.svg")
    assert favicon.status_code == 200 and favicon.headers["content-type"] == "image/svg+xml"
    assert favicon.headers["cache-control"] == REVALIDATE


def test_the_config_names_the_realm_and_the_client(gateway, dist):
    http = gateway(console_dir=str(dist))
    config = http.get("/console/config.json")
    assert config.headers["cache-control"] == REVALIDATE
    assert config.json() == {
        "authority": "http://127.0.0.1:8000/realms/shouhu",
        "clientId": "shouhu-console",
        "graphqlPath": "/graphql",
    }
    other = gateway(
        console_dir=str(dist),
        console_authority="https://id.example.org/realms/shouhu/",
        console_client_id="shouhu-console-test",
    ).get("/console/config.json")
    assert other.json()["authority"] == "https://id.example.org/realms/shouhu"
    assert other.json()["clientId"] == "shouhu-console-test"


def test_without_a_build_the_gateway_starts_and_says_so(gateway, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="shouhu.gateway.console"):
        http = gateway(console_dir=str(tmp_path / "nothing-built"))
    assert any("console is not built" in r.getMessage() for r in caplog.records)
    page = http.get("/console/")
    assert page.status_code == 503 and "控制台尚未构建" in page.text and "make console" in page.text
    assert http.get("/console/tasks").status_code == 503
    assert http.get("/healthz").status_code == 200
    assert http.get("/console/config.json").status_code == 200
