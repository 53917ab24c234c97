"""The console on the real stack: the gateway's console signs in through Keycloak's own login
page (the realm's zh-CN locale), with code + PKCE, and signs out at Keycloak."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from shouhu.localstack.keycloak import KeycloakHandle

from .conftest import open_tab


@pytest.fixture(scope="module")
def console_client(keycloak: KeycloakHandle, real_stack: Any) -> Iterator[None]:
    """The realm's console client also sends the browser back to this run's gateway (the
    demo realm names port 8000; the stack's gateway has a free port of its own)."""
    if keycloak.admin_username is None:
        pytest.skip("this Keycloak was not started here: no admin account to register the port")
    form = {"grant_type": "password", "client_id": "admin-cli"}
    form |= {"username": keycloak.admin_username, "password": keycloak.admin_password or ""}
    token = httpx.post(
        f"{keycloak.base_url}/realms/master/protocol/openid-connect/token", data=form
    ).raise_for_status()
    admin = httpx.Client(
        base_url=f"{keycloak.base_url}/admin/realms/shouhu",
        headers={"Authorization": f"Bearer {token.json()['access_token']}"},
        timeout=30,
    )
    (client,) = admin.get("/clients", params={"clientId": "shouhu-console"}).json()
    original = {k: client[k] for k in ("redirectUris", "attributes")}
    here = f"{real_stack.urls['gateway']}/console/*"
    attributes = dict(client["attributes"])
    attributes["post.logout.redirect.uris"] += f"##{here}"
    changed = client | {"redirectUris": [*client["redirectUris"], here], "attributes": attributes}
    admin.put(f"/clients/{client['id']}", json=changed).raise_for_status()
    try:
        yield
    finally:
        admin.put(f"/clients/{client['id']}", json=client | original).raise_for_status()
        admin.close()


@pytest.fixture
def stack_tab(chromium, real_stack, console_client):
    with open_tab(chromium, real_stack.urls["gateway"]) as opened:
        yield opened


def test_sign_in_and_out_through_keycloaks_own_login_page(stack_tab, keycloak):
    tab = stack_tab
    tab.goto("/")
    tab.at_login_page()
    assert tab.page.url.startswith(keycloak.base_url)
    expect(tab.page.locator("body")).to_contain_text("登录")  # the realm's zh-CN locale
    tab.shot("keycloak-login")
    tab.sign_in("clerk.110109001")
    expect(tab.page.get_by_test_id("current-user")).to_contain_text("窗口受理员")
    expect(tab.page.get_by_test_id("current-division")).to_have_text("大峪街道")
    expect(tab.page.get_by_test_id("todo-intakes")).to_be_visible()
    expect(tab.page.get_by_test_id("todo-error")).to_have_count(0)
    tab.live()
    tab.shot("keycloak-home-clerk")
    tab.sign_out()
    assert tab.page.url.startswith(keycloak.base_url)
    tab.goto("/tasks")
    tab.at_login_page()  # Keycloak's session ended too
    assert re.search(r"redirect_uri=[^&]*console", tab.page.url)
