"""Batch reads for the gateway's DataLoaders: many files or workforces, one query a part."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from shouhu.platform.auth import operation_headers
from shouhu.platform.clock import today
from shouhu.platform.testing import as_gateway, identity_number

VILLAGE = "110109001001"
OTHER_TOWN_VILLAGE = "110109101001"
BIRTH = date(2013, 4, 9)
ALL_PARTS = ["classifications", "guardians", "history", "visits", "plan"]
CLERK = "clerk.district"


def _register(registry, as_user, name, *, seq, village=VILLAGE):
    data = {
        "name": name,
        "gender": "FEMALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": identity_number(BIRTH, male=False, seq=seq),
        "residenceDivisionCode": village,
    }
    response = registry.post("/children", json=data, headers=as_user(CLERK))
    assert response.status_code == 201, response.text
    return response.json()


def _fill(registry, as_user, child, *, visits=1, measures=1):
    """Every part of a file: a classification, guardians, visits and plan measures."""
    since = (today() - timedelta(days=2)).isoformat()
    response = registry.post(
        f"/children/{child['id']}/classifications",
        params={"version": child["version"]},
        json={
            "classifications": [
                {"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY", "since": since}
            ]
        },
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    response = registry.put(
        f"/children/{child['id']}/guardians",
        params={"version": response.json()["version"]},
        json={"guardians": [{"name": "王秀英", "relation": "GRANDMOTHER", "isGuardian": True}]},
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    for days_ago in range(visits):
        response = registry.post(
            f"/children/{child['id']}/visits",
            json={
                "visitedOn": (today() - timedelta(days=days_ago + 1)).isoformat(),
                "seen": "儿童本人及祖母",
                "findings": "生活正常",
                "riskLevel": "LOW",
            },
            headers=as_user("admin.district"),
        )
        assert response.status_code == 201, response.text
    for index in range(measures):
        response = registry.post(
            f"/children/{child['id']}/plan/measures",
            json={"department": "CIVIL_AFFAIRS", "kind": "生活保障", "description": f"措施{index}"},
            headers=as_user("admin.district"),
        )
        assert response.status_code == 201, response.text


def _batch(registry, headers, ids, include=()):
    return registry.post(
        "/children/batch", json={"ids": ids, "include": list(include)}, headers=headers
    )


def _reads(registry, as_user, child_id):
    """The access log of a file, oldest first, through its route (sealed or not yet)."""
    response = registry.get(
        f"/children/{child_id}/access-log", params={"first": 100}, headers=as_user("admin.district")
    )
    assert response.status_code == 200, response.text
    nodes = [edge["node"] for edge in reversed(response.json()["edges"])]
    return [(n["parts"], n["operation"], n["actor"]) for n in nodes]


@pytest.fixture
def two_towns(registry, as_user):
    """One file in each of two towns."""
    return (
        _register(registry, as_user, "王小红", seq=1),
        _register(registry, as_user, "李小华", seq=2, village=OTHER_TOWN_VILLAGE),
    )


# ---- POST /children/batch -------------------------------------------------------------------


def test_a_batch_answers_only_the_files_in_scope_in_the_order_asked(registry, as_user, two_towns):
    here, there = two_towns
    ids = [there["id"], "no-such-child", here["id"], here["id"]]
    town = _batch(registry, as_user("clerk.110109001"), ids)
    assert town.status_code == 200, town.text
    assert [c["id"] for c in town.json()] == [here["id"]]
    district = _batch(registry, as_user("police.district"), ids)
    assert [c["id"] for c in district.json()] == [there["id"], here["id"]]
    assert _batch(registry, as_user("clerk.110109001"), [there["id"]]).json() == []


def test_a_batch_is_for_readers_only(registry, as_user, two_towns):
    response = _batch(registry, as_user("auditor.district"), [two_towns[0]["id"]])
    assert response.status_code == 403
    assert response.json()["code"] == "FORBIDDEN"


def test_a_batch_logs_one_entry_per_file_returned_with_the_parts(registry, as_user, two_towns):
    here, there = two_towns
    response = _batch(
        registry,
        as_gateway(as_user("clerk.110109001"), "ChildrenByIds"),
        [here["id"], there["id"], here["id"]],
        include=["guardians", "visits"],
    )
    assert response.status_code == 200, response.text
    assert _reads(registry, as_user, here["id"]) == [
        (["guardians", "identity", "visits"], "ChildrenByIds", "clerk.110109001")
    ]
    assert _reads(registry, as_user, there["id"]) == []


def test_more_than_a_hundred_ids_are_refused(registry, as_user, two_towns):
    response = _batch(registry, as_user(CLERK), [two_towns[0]["id"]] * 101)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "VALIDATION_FAILED"
    assert body["fields"]["ids"] == "一次最多读取100份儿童档案"
    assert _batch(registry, as_user(CLERK), [two_towns[0]["id"]] * 100).status_code == 200
    assert len(_reads(registry, as_user, two_towns[0]["id"])) == 1


def test_unknown_parts_are_refused_everywhere(registry, as_user, two_towns):
    child_id = two_towns[0]["id"]
    answers = [
        _batch(registry, as_user(CLERK), [child_id], include=["visits", "salary"]),
        registry.post("/children/search", json={"include": ["salary"]}, headers=as_user(CLERK)),
        registry.get(
            f"/children/{child_id}", params={"include": ["salary"]}, headers=as_user(CLERK)
        ),
    ]
    for response in answers:
        assert response.status_code == 422, response.text
        assert response.json()["fields"]["include"] == "未知的档案部分：salary"


# ---- the new parts: visits and plan ---------------------------------------------------------


def test_included_visits_and_plan_equal_the_single_routes(registry, as_user, two_towns):
    here, there = two_towns
    _fill(registry, as_user, here, visits=2, measures=2)
    headers = as_user("worker.110109001")
    visits = registry.get(f"/children/{here['id']}/visits", headers=headers).json()
    plan = registry.get(f"/children/{here['id']}/plan", headers=headers).json()
    assert len(visits) == 2 and len(plan["measures"]) == 2
    (batched,) = _batch(registry, headers, [here["id"]], include=["visits", "plan"]).json()
    single = registry.get(
        f"/children/{here['id']}", params={"include": ["visits", "plan"]}, headers=headers
    ).json()
    page = registry.post(
        "/children/search",
        json={"filter": {"divisionCode": VILLAGE}, "include": ["visits", "plan"]},
        headers=headers,
    ).json()
    (searched,) = [e["node"] for e in page["edges"]]
    for file in (batched, single, searched):
        assert file["visits"] == visits
        assert file["plan"] == plan
    # A file without visits or measures: empty, as the single routes answer.
    (bare,) = _batch(
        registry, as_user("admin.district"), [there["id"]], include=["visits", "plan"]
    ).json()
    assert (
        bare["visits"]
        == []
        == registry.get(f"/children/{there['id']}/visits", headers=as_user("admin.district")).json()
    )
    assert bare["plan"] == {"childId": there["id"], "measures": []}
    # Parts not asked for are left out.
    (plain,) = _batch(registry, headers, [here["id"]]).json()
    assert (plain["visits"], plain["plan"], plain["guardians"]) == (None, None, None)


def test_every_part_equals_the_single_file(registry, as_user, two_towns):
    here, _ = two_towns
    _fill(registry, as_user, here)
    headers = as_user("worker.110109001")
    (batched,) = _batch(registry, headers, [here["id"]], include=ALL_PARTS).json()
    single = registry.get(
        f"/children/{here['id']}", params={"include": ALL_PARTS}, headers=headers
    ).json()
    assert batched == single
    assert batched["classifications"] and batched["guardians"] and batched["history"]


def test_search_fills_the_parts_asked_for_and_logs_them(registry, as_user, two_towns):
    here, there = two_towns
    _fill(registry, as_user, here)
    response = registry.post(
        "/children/search",
        json={"filter": {}, "include": ["guardians", "plan"]},
        headers=as_gateway(as_user("clerk.110109001"), "Children"),
    )
    assert response.status_code == 200, response.text
    (node,) = [e["node"] for e in response.json()["edges"]]
    assert [g["name"] for g in node["guardians"]] == ["王秀英"]
    assert len(node["plan"]["measures"]) == 1
    assert node["visits"] is None
    assert _reads(registry, as_user, here["id"]) == [
        (["guardians", "plan", "summary"], "Children", "clerk.110109001")
    ]
    assert _reads(registry, as_user, there["id"]) == []


def test_search_without_include_logs_the_summary_as_before(registry, as_user, two_towns):
    page = registry.post("/children/search", json={}, headers=as_user(CLERK)).json()
    assert len(page["edges"]) == 2
    assert all(e["node"]["visits"] is None for e in page["edges"])
    for child in two_towns:
        assert _reads(registry, as_user, child["id"]) == [
            (["summary"], "POST /children/search", CLERK)
        ]


# ---- no N+1 ---------------------------------------------------------------------------------


@contextmanager
def _statements(registry) -> Iterator[list[str]]:
    """The SQL statements the registry runs meanwhile."""
    seen: list[str] = []
    engine = registry.app.state.engine

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_batch_of_fifty_costs_the_statements_of_a_batch_of_one(registry, as_user):
    files = [_register(registry, as_user, f"儿童{n:02d}", seq=100 + n) for n in range(50)]
    for file in files:
        _fill(registry, as_user, file)
    ids = [f["id"] for f in files]
    headers = as_user("admin.district")
    with _statements(registry) as one:
        response = _batch(registry, headers, ids[:1], include=ALL_PARTS)
        assert len(response.json()) == 1
    with _statements(registry) as fifty:
        response = _batch(registry, headers, ids, include=ALL_PARTS)
        assert len(response.json()) == 50
    assert all(c["visits"] and c["plan"]["measures"] and c["guardians"] for c in response.json())
    assert len(fifty) == len(one), (one, fifty)
    # The page of a search likewise.
    search = {"filter": {"name": "儿童"}, "include": ALL_PARTS}
    with _statements(registry) as one:
        registry.post("/children/search", json={**search, "first": 1}, headers=headers)
    with _statements(registry) as fifty:
        page = registry.post("/children/search", json={**search, "first": 50}, headers=headers)
        assert len(page.json()["edges"]) == 50
    assert len(fifty) == len(one), (one, fifty)


# ---- GET /workforce -------------------------------------------------------------------------


def test_the_workforce_of_many_divisions_leaves_out_those_out_of_line(registry, as_user):
    headers = as_user("worker.110109001")
    codes = ["110109001", "110109001001", "110109101", "110109101001", "110109", "110109999"]
    response = registry.get("/workforce", params={"divisionCodes": codes}, headers=headers)
    assert response.status_code == 200, response.text
    members = response.json()
    assert {m["divisionCode"] for m in members} == {"110109001", "110109001001"}
    single = [
        m
        for code in ("110109001", "110109001001")
        for m in registry.get(f"/divisions/{code}/workforce", headers=headers).json()
    ]
    assert members == single
    assert registry.get("/divisions/110109101/workforce", headers=headers).status_code == 404
    everyone = registry.get(
        "/workforce", params={"divisionCodes": codes}, headers=as_user("admin.district")
    ).json()
    assert {m["divisionCode"] for m in everyone} == {
        "110109001",
        "110109001001",
        "110109101",
        "110109101001",
    }


def test_the_workforce_of_many_divisions_keeps_ended_terms_only_when_asked(registry, as_user):
    headers = as_user("admin.district")
    assigned = registry.post(
        "/divisions/110109001002/workforce",
        json={
            "post": "SUPERVISOR",
            "name": "陈淑芬",
            "phone": "13912345678",
            "employment": "PART_TIME",
            "since": (today() - timedelta(days=10)).isoformat(),
        },
        headers=headers,
    ).json()
    ended = registry.post(f"/workforce/{assigned['id']}/end", json={}, headers=headers)
    assert ended.status_code == 200, ended.text
    params: dict[str, object] = {"divisionCodes": ["110109001002", "110109001001"]}
    current = registry.get("/workforce", params=params, headers=headers).json()
    assert [m["divisionCode"] for m in current] == ["110109001001"]
    everything = registry.get(
        "/workforce", params={**params, "includeEnded": "true"}, headers=headers
    ).json()
    assert [(m["divisionCode"], m["current"]) for m in everything] == [
        ("110109001001", True),
        ("110109001002", False),
    ]


def test_more_than_four_hundred_divisions_are_refused(registry, as_user):
    codes = [f"110109{n:06d}" for n in range(401)]
    response = registry.get(
        "/workforce", params={"divisionCodes": codes}, headers=as_user("admin.district")
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"]["divisionCodes"] == "一次最多查询400个区划"
    assert registry.get("/workforce", headers=as_user("admin.district")).json() == []


def test_only_the_gateway_names_the_operation_a_read_serves(registry, as_user, two_towns):
    """A direct caller's claim is not believed: its read is logged as the plain call it made."""
    here, _ = two_towns
    headers = as_user(CLERK)
    forged = {"X-Shouhu-Operation": "court-order-approved <img src=x>"}
    wrong_key = operation_headers("not-the-gateway-key", "CourtOrder", headers["Authorization"][7:])
    other_caller = as_gateway(as_user("clerk.110109001"), "Borrowed")  # signed for another token
    for extra in (forged, wrong_key, {**other_caller, **headers}):
        registry.get(f"/children/{here['id']}", headers={**headers, **extra})
    registry.get(f"/children/{here['id']}", headers=as_gateway(headers, "ChildFile"))
    operations = [operation for _, operation, _ in _reads(registry, as_user, here["id"])]
    assert operations == ["GET /children/" + here["id"]] * 3 + ["ChildFile"]
