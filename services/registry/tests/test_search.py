"""Searching files: every filter, pages, scope and the access log of each read."""

from datetime import date, timedelta

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import as_gateway

CLERK = "clerk.district"


@pytest.fixture
def ledger(registry, as_user, register):
    """Five children in two towns, of several categories and ages."""
    headers = as_user(CLERK)
    made = {
        "zhang": register(name="张小明", seq=1),
        "li": register(name="李华", seq=2, birth=date(2018, 1, 5)),
        "wang": register(name="王芳", seq=3, village="110109101001"),
        "zhao": register(name="赵强", seq=4, village="110109001002"),
        "chen": register(name="陈晨", seq=5, idNumber=None),
    }
    since = (today() - timedelta(days=5)).isoformat()
    sets = {
        "zhang": [{"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY", "since": since}],
        "li": [{"group": "GUARDIANSHIP_LACK", "subtype": "ORPHAN", "since": since}],
        "wang": [
            {"group": "ILLNESS_DISABILITY", "subtype": "HIV_AFFECTED", "since": since},
            {"group": "LEFT_BEHIND", "subtype": "ONE_AWAY_OTHER_INCAPABLE", "since": since},
        ],
    }
    for key, items in sets.items():
        child = made[key]
        response = registry.post(
            f"/children/{child['id']}/classifications",
            params={"version": child["version"]},
            json={"classifications": items},
            headers=headers,
        )
        assert response.status_code == 200, response.text
    return made


def _search(registry, headers, **criteria):
    first = criteria.pop("first", 20)
    after = criteria.pop("after", None)
    response = registry.post(
        "/children/search",
        json={"filter": criteria, "first": first, "after": after, "withTotal": True},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _names(page):
    return sorted(e["node"]["name"] for e in page["edges"])


@pytest.mark.parametrize(
    ("criteria", "names"),
    [
        ({}, ["张小明", "李华", "王芳", "赵强", "陈晨"]),
        ({"name": "小"}, ["张小明"]),
        ({"name": "zxm"}, ["张小明"]),
        ({"name": "ZX"}, ["张小明"]),
        ({"divisionCode": "110109101"}, ["王芳"]),
        ({"divisionCode": "110109001002"}, ["赵强"]),
        ({"primaryCategory": "HARDSHIP"}, ["李华", "王芳"]),
        ({"primaryCategory": "LEFT_BEHIND"}, ["张小明"]),
        ({"primaryCategory": "NONE"}, ["赵强", "陈晨"]),
        ({"leftBehind": True}, ["张小明", "王芳"]),
        ({"group": "GUARDIANSHIP_LACK"}, ["李华"]),
        ({"subtype": "BOTH_PARENTS_AWAY"}, ["张小明"]),
        ({"maxAge": 9}, ["李华"]),
        ({"minAge": 10, "primaryCategory": "HARDSHIP"}, ["王芳"]),
        ({"status": "EXITED"}, []),
    ],
)
def test_filters(registry, as_user, ledger, criteria, names):
    page = _search(registry, as_user(CLERK), **criteria)
    assert _names(page) == names
    assert page["totalCount"] == len(names)


def test_exact_identity_number(registry, as_user, ledger, child_input):
    number = child_input(seq=2, birth=date(2018, 1, 5))["idNumber"]
    assert _names(_search(registry, as_user(CLERK), idNumber=number)) == ["李华"]
    found = registry.post("/children/lookup", json={"idNumber": number}, headers=as_user(CLERK))
    assert found.json()["name"] == "李华"
    elsewhere = registry.post(
        "/children/lookup", json={"idNumber": number}, headers=as_user("worker.110109101")
    )
    assert elsewhere.status_code == 404


def test_scope_limits_every_search(registry, as_user, ledger):
    assert _names(_search(registry, as_user("worker.110109101"))) == ["王芳"]
    assert _names(_search(registry, as_user("supervisor.110109001001"))) == [
        "张小明",
        "李华",
        "陈晨",
    ]
    # Asking for a division outside one's own finds nothing rather than an error.
    assert _search(registry, as_user("worker.110109101"), divisionCode="110109001")["edges"] == []
    assert len(_search(registry, as_user("police.district"))["edges"]) == 5
    denied = registry.post("/children/search", json={}, headers=as_user("auditor.district"))
    assert denied.status_code == 403


def test_pages_follow_the_cursor_without_gaps_or_repeats(registry, as_user, ledger):
    headers = as_user(CLERK)
    seen, after = [], None
    while True:
        page = _search(registry, headers, first=2, after=after)
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"filter": {"divisionCode": "999"}}, "filter.divisionCode"),
        ({"filter": {"minAge": 10, "maxAge": 5}}, "minAge"),
        ({"first": 0}, "first"),
        ({"after": "not-a-cursor"}, "after"),
        ({"filter": {"primaryCategory": "SOMETHING"}}, "filter.primaryCategory"),
    ],
)
def test_bad_searches_name_the_field(registry, as_user, body, field):
    response = registry.post("/children/search", json=body, headers=as_user(CLERK))
    assert response.status_code == 422
    assert field in response.json()["fields"]


def test_hiv_affected_is_seen_only_by_roles_that_need_it(registry, as_user, ledger):
    wang = ledger["wang"]["id"]
    for username, shown in [
        ("admin.district", "HIV_AFFECTED"),
        ("health.district", "HIV_AFFECTED"),
        ("clerk.district", "SERIOUSLY_ILL"),
        ("education.district", "SERIOUSLY_ILL"),
    ]:
        body = registry.get(
            f"/children/{wang}", params={"include": "classifications"}, headers=as_user(username)
        ).json()
        health = [c for c in body["classifications"] if c["group"] == "ILLNESS_DISABILITY"]
        assert [c["subtype"] for c in health] == [shown], username
    denied = registry.post(
        "/children/search",
        json={"filter": {"subtype": "HIV_AFFECTED"}},
        headers=as_user(CLERK),
    )
    assert denied.status_code == 403


def _answers(registry, headers, child_id):
    """Everything a role can learn of a child's health by any read: file, filters, history."""
    file = registry.get(
        f"/children/{child_id}",
        params={"include": ["classifications", "history"]},
        headers=headers,
    ).json()

    def found(**criteria):
        page = _search(registry, headers, **criteria)
        return child_id in {e["node"]["id"] for e in page["edges"]}

    return {
        "primaryCategory": file["primaryCategory"],
        "classifications": [(c["group"], c["subtype"], c["note"]) for c in file["classifications"]],
        "history": [
            {
                s: (i.get("subtype"), i.get("note"))
                for s, i in (h["after"] or {}).get("classifications", {}).items()
            }
            for h in file["history"] or []
        ],
        "group": found(group="ILLNESS_DISABILITY"),
        "seriouslyIll": found(subtype="SERIOUSLY_ILL"),
        "hardship": found(primaryCategory="HARDSHIP"),
    }


def test_an_hiv_affected_child_reads_as_a_seriously_ill_one_without_health_detail(
    registry, as_user, register
):
    since = (today() - timedelta(days=5)).isoformat()
    children = {}
    for seq, subtype in [(11, "HIV_AFFECTED"), (12, "SERIOUSLY_ILL")]:
        child = register(name="孙" + str(seq), seq=seq)
        response = registry.post(
            f"/children/{child['id']}/classifications",
            params={"version": child["version"]},
            json={
                "classifications": [
                    {"group": "ILLNESS_DISABILITY", "subtype": subtype, "since": since, "note": "x"}
                ]
            },
            headers=as_user(CLERK),
        )
        assert response.status_code == 200, response.text
        children[subtype] = child["id"]
    for username in ["clerk.district", "supervisor.110109001001", "education.district"]:
        headers = as_user(username)
        hiv = _answers(registry, headers, children["HIV_AFFECTED"])
        ill = _answers(registry, headers, children["SERIOUSLY_ILL"])
        assert hiv == ill, username
    admin = as_user("admin.district")
    assert _answers(registry, admin, children["HIV_AFFECTED"]) != _answers(
        registry, admin, children["SERIOUSLY_ILL"]
    )


def test_every_file_read_is_logged(registry, as_user, ledger, logged_reads):
    before = len(logged_reads())
    page = _search(registry, as_user("worker.110109001"), primaryCategory="HARDSHIP")
    registry.get(
        f"/children/{ledger['li']['id']}",
        params={"include": ["classifications", "guardians"]},
        headers=as_gateway(as_user("worker.110109001"), "ChildFile"),
    )
    entries = logged_reads()[before:]
    assert [e.child_id for e in entries] == [e["node"]["id"] for e in page["edges"]] + [
        ledger["li"]["id"]
    ]
    assert entries[-1].parts == "classifications,guardians,identity"
    assert entries[-1].operation == "ChildFile"
    assert entries[-1].actor == "worker.110109001"


@pytest.mark.parametrize("wildcard", ["%", "_", "%%", "张%", "_小_"])
def test_like_wildcards_in_a_name_match_only_themselves(registry, as_user, ledger, wildcard):
    page = _search(registry, as_user(CLERK), name=wildcard)
    assert page["totalCount"] == 0  # no child is named with a literal % or _


@pytest.mark.parametrize(
    ("criteria", "field"),
    [
        ({"name": "张" * 100_000}, "filter.name"),
        ({"idNumber": "1" * 19}, "filter.idNumber"),
        ({"divisionCode": "%"}, "filter.divisionCode"),
        ({"divisionCode": "110109_"}, "filter.divisionCode"),
    ],
)
def test_overlong_or_malformed_filters_are_refused_naming_the_field(
    registry, as_user, criteria, field
):
    response = registry.post("/children/search", json={"filter": criteria}, headers=as_user(CLERK))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert field in response.json()["fields"]
