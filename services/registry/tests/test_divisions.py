"""The seeded network of Mentougou."""

import pytest


def test_the_district_has_13_towns_and_304_villages(registry, as_user):
    headers = as_user("auditor.district")
    towns = registry.get("/divisions", headers=headers).json()
    assert len(towns) == 13
    villages = [
        v
        for town in towns
        for v in registry.get("/divisions", params={"parent": town["code"]}, headers=headers).json()
    ]
    assert len(villages) == 304
    assert all(v["code"].startswith(v["parentCode"]) for v in villages)
    assert {v["level"] for v in villages} == {"VILLAGE"}


def test_a_division_by_code(registry, as_user):
    town = registry.get("/divisions/110109101", headers=as_user("clerk.district")).json()
    assert town == {
        "code": "110109101",
        "name": "潭柘寺镇",
        "level": "TOWN",
        "parentCode": "110109",
    }


def test_many_divisions_at_once(registry, as_user):
    rows = registry.get(
        "/divisions",
        params=[("codes", "110109"), ("codes", "110109001001")],
        headers=as_user("clerk.district"),
    ).json()
    assert {r["code"] for r in rows} == {"110109", "110109001001"}


def test_an_unknown_division_is_not_found(registry, as_user):
    response = registry.get("/divisions/999", headers=as_user("clerk.district"))
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


def test_demo_children_are_seeded_once_through_the_rules(registry, as_user):
    from shouhu.registry.demo import DEMO_CHILDREN, seed_demo_children

    engine, keys = registry.app.state.engine, registry.app.state.identity_keys
    assert seed_demo_children(engine, keys) == len(DEMO_CHILDREN)
    assert seed_demo_children(engine, keys) == 0
    page = registry.post(
        "/children/search", json={"withTotal": True}, headers=as_user("clerk.district")
    ).json()
    assert page["totalCount"] == len(DEMO_CHILDREN)
    mine = registry.post(
        "/children/search", json={}, headers=as_user("supervisor.110109001001")
    ).json()
    assert {e["node"]["name"] for e in mine["edges"]} == {"张小明", "李思琪", "王浩然"}
    categories = {e["node"]["name"]: e["node"]["primaryCategory"] for e in mine["edges"]}
    assert categories == {"张小明": "LEFT_BEHIND", "李思琪": "HARDSHIP", "王浩然": "HARDSHIP"}


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/divisions", {"codes": ["false"]}, "codes.0"),
        ("/divisions", {"parent": "1101"}, "parent"),
        ("/workforce", {"divisionCodes": ["110109", "600.0"]}, "divisionCodes.1"),
        ("/workforce/coverage", {"divisionCode": "110109%"}, "divisionCode"),
    ],
    ids=["codes-item", "parent", "division-codes-item", "coverage"],
)
def test_a_division_code_that_is_no_code_is_refused_naming_it(
    registry, as_user, path, params, field
):
    response = registry.get(path, params=params, headers=as_user("admin.district"))
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {field: "区划代码应为6、9或12位数字"}
