"""The embedded identity provider locks a user out after failed sign-ins, as Keycloak does."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shouhu.platform.idp import (
    BRUTE_FORCE,
    DEMO_PASSWORD,
    BruteForce,
    EmbeddedIdentityProvider,
    LoginFailures,
)
from shouhu.platform.settings import ServiceSettings

USER = "clerk.district"
OTHER = "worker.110109001"
TOKEN = "/realms/shouhu/protocol/openid-connect/token"
REFUSED = {"error": "invalid_grant", "error_description": "Invalid user credentials"}
# Failures this far apart are a person's, not the quick ones of a script.
PAUSE = BRUTE_FORCE.quick_login_check_milli_seconds / 1000 + 1


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sign_in(clock: Clock) -> Iterator[Callable[..., tuple[int, dict[str, Any]]]]:
    """POST a password grant to the embedded token endpoint; the status and the body."""
    idp = EmbeddedIdentityProvider(ServiceSettings(), now=clock)
    app = FastAPI()
    app.include_router(idp.router())
    with TestClient(app) as client:

        def post(username: str, password: str = DEMO_PASSWORD) -> tuple[int, dict[str, Any]]:
            form = {"grant_type": "password", "client_id": "shouhu-console"}
            response = client.post(TOKEN, data={**form, "username": username, "password": password})
            return response.status_code, response.json()

        yield post


def fail(sign_in: Callable[..., tuple[int, dict[str, Any]]], clock: Clock, times: int) -> None:
    """Wrong passwords, each refused, paced like a person."""
    for _ in range(times):
        clock.advance(PAUSE)
        assert sign_in(USER, "wrong") == (400, REFUSED)


def test_failures_lock_the_user_out_until_the_wait_is_over(sign_in, clock):
    fail(sign_in, clock, BRUTE_FORCE.failure_factor - 1)
    clock.advance(PAUSE)
    assert sign_in(USER)[0] == 200  # one failure short of the factor: not locked
    fail(sign_in, clock, BRUTE_FORCE.failure_factor)
    assert sign_in(USER) == (400, REFUSED)  # the right password, answered as a wrong one
    clock.advance(BRUTE_FORCE.wait_increment_seconds - 1)
    assert sign_in(USER) == (400, REFUSED)
    clock.advance(1)
    status, body = sign_in(USER)
    assert status == 200 and body["access_token"]


def test_a_success_resets_the_count(sign_in, clock):
    fail(sign_in, clock, BRUTE_FORCE.failure_factor - 1)
    assert sign_in(USER)[0] == 200
    fail(sign_in, clock, BRUTE_FORCE.failure_factor - 1)
    assert sign_in(USER)[0] == 200


def test_other_users_are_not_locked(sign_in, clock):
    fail(sign_in, clock, BRUTE_FORCE.failure_factor)
    assert sign_in(USER) == (400, REFUSED)
    assert sign_in(OTHER)[0] == 200


def test_two_failures_within_the_quick_login_check_lock_for_the_minimum_wait(sign_in, clock):
    assert sign_in(USER, "wrong") == (400, REFUSED)
    clock.advance(BRUTE_FORCE.quick_login_check_milli_seconds / 1000 / 2)
    assert sign_in(USER, "wrong") == (400, REFUSED)
    assert sign_in(USER) == (400, REFUSED)
    clock.advance(BRUTE_FORCE.minimum_quick_login_wait_seconds)
    assert sign_in(USER)[0] == 200


def test_unknown_users_get_the_same_answer(sign_in):
    assert sign_in("nobody.here", "wrong") == (400, REFUSED)
    assert sign_in("nobody.here") == (400, REFUSED)


def test_failures_older_than_the_max_delta_are_forgotten(sign_in, clock):
    fail(sign_in, clock, BRUTE_FORCE.failure_factor - 1)
    clock.advance(BRUTE_FORCE.max_delta_time_seconds + 1)
    assert sign_in(USER, "wrong") == (400, REFUSED)
    assert sign_in(USER)[0] == 200  # counted from one again, not locked


def locked_for(failures: LoginFailures, clock: Clock) -> int:
    """Seconds until the user's lockout ends, found by moving the clock."""
    waited = 0
    while failures.locked(USER):
        clock.advance(1)
        waited += 1
    return waited


def test_each_failure_past_the_factor_locks_longer_up_to_the_maximum(clock):
    settings = BruteForce(
        failure_factor=2,
        wait_increment_seconds=60,
        max_failure_wait_seconds=150,
        quick_login_check_milli_seconds=0,
    )
    failures = LoginFailures(settings, clock)
    waits = []
    for _ in range(6):
        assert failures.attempt(USER, False) is False
        waits.append(locked_for(failures, clock))
    # Keycloak's MULTIPLE strategy: increment x (failures // factor), at most the maximum.
    assert waits == [0, 60, 60, 120, 120, 150]


def test_attempts_during_a_lockout_are_refused_and_not_counted(clock):
    failures = LoginFailures(BRUTE_FORCE, clock)
    for _ in range(BRUTE_FORCE.failure_factor):
        clock.advance(PAUSE)
        failures.attempt(USER, False)
    for _ in range(BRUTE_FORCE.failure_factor):
        assert failures.attempt(USER, False) is False
    assert failures.attempt(USER, True) is False
    locked_for(failures, clock)
    clock.advance(PAUSE)
    assert failures.attempt(USER, False) is False
    # One more counted failure than the factor: the first wait again, not the second.
    assert locked_for(failures, clock) == BRUTE_FORCE.wait_increment_seconds
