"""The Keycloak realm files: brute-force detection, and the embedded provider locking out alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shouhu.platform.idp import BRUTE_FORCE, BruteForce

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "infra/keycloak/shouhu-realm.json"


def load(path: Path) -> dict[str, Any]:
    realm: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return realm


def test_demo_realm_locks_out_as_the_embedded_provider_does():
    realm = load(DEMO)
    assert realm["bruteForceProtected"] is True and realm["permanentLockout"] is False
    assert BruteForce.from_realm(realm) == BRUTE_FORCE
    # Sane: a few tries, a growing wait of at most a quarter of an hour, forgotten after 12 h.
    assert 3 <= BRUTE_FORCE.failure_factor <= 10
    assert BRUTE_FORCE.max_failure_wait_seconds == 15 * 60
    assert BRUTE_FORCE.max_delta_time_seconds == 12 * 3600
