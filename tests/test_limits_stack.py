"""The production lockdown on the real stack: Keycloak's own tokens tell people from systems."""

from __future__ import annotations

import httpx

from shouhu.platform.testing import error_codes, graphql

INTROSPECTION = "{ __schema { queryType { name } } }"


def test_keycloak_service_accounts_are_held_to_their_registered_operations(real_stack):
    system = real_stack.service_token("dept-civil-affairs")
    person = real_stack.token("admin.district")
    url = real_stack.graphql_url
    # A registered operation (the manifest's anonymous batch scope read) runs.
    scope = "query($m: String!) { paymentBatch(month: $m) { scopeDivisionCode totalFen } }"
    assert "errors" not in graphql(url, scope, system, {"m": "2000-01"})
    # Anything else is refused to the system, not to a person.
    assert error_codes(graphql(url, "{ me { username } }", system)) == ["FORBIDDEN"]
    assert graphql(url, "{ me { username } }", person)["data"]["me"]["username"] == (
        "admin.district"
    )
    # Introspection: the system may, the person may not.
    assert graphql(url, INTROSPECTION, system)["data"]["__schema"]["queryType"]["name"] == "Query"
    assert error_codes(graphql(url, INTROSPECTION, person)) == ["FORBIDDEN"]


def test_production_serves_no_graphiql_and_no_api_docs(real_stack):
    graphiql = httpx.get(real_stack.graphql_url, headers={"Accept": "text/html"}, timeout=10)
    assert graphiql.status_code == 404
    for name, base in real_stack.urls.items():
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert httpx.get(f"{base}{path}", timeout=10).status_code == 404, (name, path)
        assert httpx.get(f"{base}/healthz", timeout=10).status_code == 200
