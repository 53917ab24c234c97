"""The Keycloak realm files: the demo one, the production one beside it, and what they share."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from shouhu.platform.idp import (
    BRUTE_FORCE,
    SESSION_LIFETIMES,
    BruteForce,
    SessionLifetimes,
    console_redirect_uris,
)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "infra/keycloak/shouhu-realm.json"
PRODUCTION = ROOT / "infra/keycloak/production/shouhu-realm.json"
# What the production realm sets apart from the demo one: the console's address, the password
# grant the tests use, the committed development secrets and the descriptions that say so.
DEV_ONLY_CLIENT_KEYS = ("description", "directAccessGrantsEnabled", "redirectUris", "secret")
DEV_ONLY_CLIENT_ATTRIBUTES = ("post.logout.redirect.uris",)


def load(path: Path) -> dict[str, Any]:
    realm: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return realm


def console(realm: dict[str, Any]) -> dict[str, Any]:
    (client,) = [c for c in realm["clients"] if c["clientId"] == "shouhu-console"]
    return client


def without_dev_settings(realm: dict[str, Any]) -> dict[str, Any]:
    """The realm without its users, password policy and the clients' dev-only settings."""
    realm = copy.deepcopy(realm)
    del realm["users"]
    realm.pop("passwordPolicy", None)
    for client in realm["clients"]:
        for key in DEV_ONLY_CLIENT_KEYS:
            client.pop(key, None)
        for key in DEV_ONLY_CLIENT_ATTRIBUTES:
            client.get("attributes", {}).pop(key, None)
    return realm


def test_demo_realm_locks_out_as_the_embedded_provider_does():
    realm = load(DEMO)
    assert realm["bruteForceProtected"] is True and realm["permanentLockout"] is False
    assert BruteForce.from_realm(realm) == BRUTE_FORCE
    # Sane: a few tries, a growing wait of at most a quarter of an hour, forgotten after 12 h.
    assert 3 <= BRUTE_FORCE.failure_factor <= 10
    assert BRUTE_FORCE.max_failure_wait_seconds == 15 * 60
    assert BRUTE_FORCE.max_delta_time_seconds == 12 * 3600


def test_production_realm_is_the_demo_realm_without_its_dev_settings():
    # Same name, roles, clients, mappers, user profile and brute-force settings: no drift.
    assert without_dev_settings(load(PRODUCTION)) == without_dev_settings(load(DEMO))


def test_production_realm_has_no_people_and_no_secrets():
    realm = load(PRODUCTION)
    demo_accounts = [u for u in load(DEMO)["users"] if "serviceAccountClientId" in u]
    # Only the department clients' service accounts, with their roles; each deployment sets
    # their division_code (a token without one is refused), and no one has a password.
    assert realm["users"] == [
        {k: v for k, v in u.items() if k != "attributes"} for u in demo_accounts
    ]
    assert all("credentials" not in u for u in realm["users"])
    text = PRODUCTION.read_text(encoding="utf-8")
    assert '"secret"' not in text and "shouhu-dev" not in text
    confidential = [c for c in realm["clients"] if not c["publicClient"]]
    assert confidential and all(
        c["clientAuthenticatorType"] == "client-secret" for c in confidential
    )


def test_production_console_signs_in_with_code_and_pkce_only():
    client = console(load(PRODUCTION))
    assert client["publicClient"] is True and client["standardFlowEnabled"] is True
    assert client["directAccessGrantsEnabled"] is False
    assert client["implicitFlowEnabled"] is False and client["serviceAccountsEnabled"] is False
    assert client["attributes"]["pkce.code.challenge.method"] == "S256"
    uris = [*client["redirectUris"], *client["attributes"]["post.logout.redirect.uris"].split("##")]
    assert uris and all(uri.startswith("https://") for uri in uris)
    assert console(load(DEMO))["directAccessGrantsEnabled"] is True  # the demo's, for tests


def test_production_realm_has_a_password_policy_and_brute_force_detection():
    realm = load(PRODUCTION)
    parts = [
        re.fullmatch(r"(\w+)(?:\((\d+)\))?", p) for p in realm["passwordPolicy"].split(" and ")
    ]
    policies = {m[1]: m[2] for m in parts if m}
    assert len(policies) == len(parts)
    assert int(policies["length"]) >= 12 and int(policies["passwordHistory"]) >= 5
    assert {"notUsername", "notEmail"} <= set(policies)
    assert BruteForce.from_realm(realm) == BRUTE_FORCE


def test_sessions_codes_and_refresh_tokens_last_as_in_the_embedded_provider():
    for path in (DEMO, PRODUCTION):
        assert SessionLifetimes.from_realm(load(path)) == SESSION_LIFETIMES


def test_the_login_page_speaks_chinese_only():
    for path in (DEMO, PRODUCTION):
        realm = load(path)
        assert realm["internationalizationEnabled"] is True
        assert (realm["supportedLocales"], realm["defaultLocale"]) == (["zh-CN"], "zh-CN")


def test_the_console_returns_to_its_own_addresses_only():
    # The embedded provider on port 8000 allows what the demo realm allows, and no more.
    client = console(load(DEMO))
    embedded = list(console_redirect_uris("http://127.0.0.1:8000/realms/shouhu"))
    assert client["redirectUris"] == embedded
    assert client["attributes"]["post.logout.redirect.uris"].split("##") == embedded
    production = console(load(PRODUCTION))
    for uri in [*production["redirectUris"], production["attributes"]["post.logout.redirect.uris"]]:
        assert uri.endswith("/console/*")
