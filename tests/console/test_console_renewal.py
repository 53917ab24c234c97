"""The console renews its token before it expires, with the refresh token and no reload, and the
live subscription carries on with the new one: here on a platform of its own whose access tokens
last 70 s (the console renews a minute before expiry: after about 10 s), not the realm's 900."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, graphql

from ..conftest import embedded_platform
from .conftest import open_tab

LIFETIME = 70
FILE = """mutation File($input: ReportInput!) { fileReport(input: $input) { id caseNumber } }"""


@pytest.fixture(scope="module")
def short_tokens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    # Numbers of its own: no text it sends can be taken for another platform's (see
    # test_console_home.py).
    env = {
        "SHOUHU_IDP_TOKEN_LIFETIME_SECONDS": str(LIFETIME),
        "SHOUHU_INTAKE_RECEIPT_PREFIX": "XQTEST",
        "SHOUHU_CASE_NUMBER_PREFIX": "XQ-BG",
    }
    with embedded_platform(tmp_path_factory.mktemp("short-tokens"), env) as platform:
        yield platform


def stored_token(tab: Any) -> str | None:
    """The access token oidc-client-ts keeps in the tab's session storage."""
    raw = tab.page.evaluate(
        "() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))"
        ".map((k) => sessionStorage.getItem(k))[0] ?? null"
    )
    return json.loads(raw)["access_token"] if raw else None


def test_the_token_is_renewed_in_place_and_the_live_feed_follows(chromium, short_tokens):
    with open_tab(chromium, short_tokens.urls["gateway"]) as tab:
        tab.sign_in("police.110109001")
        tab.live()
        first = stored_token(tab)
        assert first
        renewed = eventually(
            lambda: (token := stored_token(tab)) != first and token, timeout=LIFETIME
        )
        assert renewed and "/realms/" not in tab.page.url  # no trip to the login page
        tab.live()  # the socket reconnected with the new token

        report = {
            "childName": f"续期{uuid.uuid4().hex[:4]}",
            "childAge": 7,
            "institution": "大峪第一小学",
            "divisionCode": "110109001001",
            "kind": "WANDERING",
            "occurredOn": (today() - timedelta(days=1)).isoformat(),
            "description": "儿童在车站附近独自徘徊",
            "urgent": True,
        }
        answer = graphql(
            short_tokens.graphql_url,
            FILE,
            short_tokens.token("reporter.school.110109001"),
            {"input": report},
        )
        assert "errors" not in answer, answer
        case = answer["data"]["fileReport"]["caseNumber"]
        expect(tab.page.get_by_test_id("urgent-banner")).to_contain_text(case)
        rows = tab.page.get_by_test_id("todo-reports-REPORTED").get_by_role("row")
        expect(rows.filter(has_text=case)).to_be_visible()  # a request with the new token
        tab.shot("home-police-after-renewal")
