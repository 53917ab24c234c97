"""A file over time: classify, update, guardians, exit, history, conflicts, reviews."""

import json
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from shouhu.platform.clock import today
from shouhu.platform.events import OutboxRow
from shouhu.registry.jobs import exit_adults
from shouhu.registry.models import CategoryPeriod, Child, ChildHistory, DuplicateReview

CLERK = "clerk.district"


def _events(registry, child_id, event_type):
    with Session(registry.app.state.engine) as session:
        rows = session.exec(
            select(OutboxRow).where(OutboxRow.key == child_id, OutboxRow.event_type == event_type)
        ).all()
        return [json.loads(r.payload)["data"] for r in rows]


def _classify(registry, headers, child, items, **params):
    return registry.post(
        f"/children/{child['id']}/classifications",
        params={"version": child["version"], **params},
        json={"classifications": items, "reason": "入户核查"},
        headers=headers,
    )


def test_classifying_derives_categories_and_tells_the_full_active_set(registry, as_user, register):
    child = register()
    since = (today() - timedelta(days=30)).isoformat()
    response = _classify(
        registry,
        as_user(CLERK),
        child,
        [
            {"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY", "since": since},
            {"group": "ILLNESS_DISABILITY", "subtype": "DISABLED", "since": since, "note": "二级"},
        ],
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["primaryCategory"] == "HARDSHIP"
    assert body["leftBehind"] is True
    assert body["version"] == child["version"] + 1
    (event,) = _events(registry, child["id"], "registry.child.classified")
    assert event["primaryCategory"] == "HARDSHIP"
    assert {c["subtype"] for c in event["classifications"]} == {"BOTH_PARENTS_AWAY", "DISABLED"}


def test_the_set_replaces_what_was_active_and_ends_the_rest_today(registry, as_user, register):
    child = register()
    since = (today() - timedelta(days=10)).isoformat()
    first = _classify(
        registry,
        as_user(CLERK),
        child,
        [{"group": "POVERTY", "subtype": "MINIMUM_SUBSISTENCE_FAMILY", "since": since}],
    ).json()
    second = _classify(
        registry,
        as_user(CLERK),
        first,
        [{"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY", "since": since}],
    ).json()
    assert second["primaryCategory"] == "LEFT_BEHIND"
    by_subtype = {c["subtype"]: c for c in second["classifications"]}
    assert by_subtype["MINIMUM_SUBSISTENCE_FAMILY"]["until"] == today().isoformat()
    assert by_subtype["BOTH_PARENTS_AWAY"]["until"] is None


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"group": "POVERTY", "subtype": "ORPHAN", "since": "2024-01-01"}, "subtype"),
        (
            {
                "group": "POVERTY",
                "subtype": "LOW_INCOME_FAMILY",
                "since": "2024-05-01",
                "until": "2024-04-01",
            },
            "until",
        ),
        ({"group": "POVERTY", "subtype": "LOW_INCOME_FAMILY", "since": "2999-01-01"}, "since"),
    ],
    ids=["subtype-under-wrong-group", "until-before-since", "since-in-future"],
)
def test_bad_classifications_are_refused_whole(registry, as_user, register, item, field):
    child = register()
    response = _classify(registry, as_user(CLERK), child, [item])
    assert response.status_code == 422
    assert set(response.json()["fields"]) == {f"classifications.0.{field}"}
    assert _events(registry, child["id"], "registry.child.classified") == []
    again = registry.get(f"/children/{child['id']}", headers=as_user(CLERK)).json()
    assert again["version"] == child["version"]


@pytest.mark.parametrize(
    ("since", "until", "field", "message"),
    [
        ("1900-01-01", None, "since", "起始日期不能早于儿童出生日期"),
        ("2013-04-08", None, "since", "起始日期不能早于儿童出生日期"),
        ("1899-12-31", None, "since", "起始日期不能早于1900年1月1日"),
        ("0197-06-01", None, "since", "起始日期不能早于1900年1月1日"),
        ("2024-01-01", "9999-12-31", "until", "结束日期不能晚于10年后的今天"),
        (20240101, None, "since", "日期格式应为 YYYY-MM-DD"),
    ],
    ids=["1900-before-birth", "day-before-birth", "1899", "year-197", "year-9999", "number"],
)
def test_a_classification_day_that_cannot_be_true_is_refused(
    registry, as_user, register, since, until, field, message
):
    child = register()  # born 2013-04-09
    item = {"group": "POVERTY", "subtype": "LOW_INCOME_FAMILY", "since": since, "until": until}
    response = _classify(registry, as_user(CLERK), child, [item])
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {f"classifications.0.{field}": message}
    assert _events(registry, child["id"], "registry.child.classified") == []
    again = registry.get(f"/children/{child['id']}", headers=as_user(CLERK)).json()
    assert again["version"] == child["version"]


def test_a_classification_from_the_day_of_birth_is_taken(registry, as_user, register):
    child = register()
    item = {"group": "POVERTY", "subtype": "LOW_INCOME_FAMILY", "since": "2013-04-09"}
    assert _classify(registry, as_user(CLERK), child, [item]).status_code == 200


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"birthDate": "1899-12-31"}, "birthDate", "出生日期不能早于1900年1月1日"),
        ({"birthDate": "0001-01-01"}, "birthDate", "出生日期不能早于1900年1月1日"),
        ({"birthDate": True}, "birthDate", "日期格式应为 YYYY-MM-DD"),
    ],
    ids=["1899", "year-1", "true"],
)
def test_a_birth_date_that_cannot_be_true_is_refused(
    registry, as_user, register, change, field, message
):
    child = register()
    response = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json=change,
        headers=as_user(CLERK),
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {field: message}


def test_a_stale_version_is_conflict_and_changes_nothing(registry, as_user, register):
    child = register()
    ok = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json={"school": "大峪中学"},
        headers=as_user(CLERK),
    )
    assert ok.status_code == 200
    stale = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json={"school": "门头沟小学"},
        headers=as_user(CLERK),
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "CONFLICT"
    now = registry.get(f"/children/{child['id']}", headers=as_user(CLERK)).json()
    assert now["school"] == "大峪中学"


def test_updates_follow_registration_rules_and_keep_history(registry, as_user, register):
    child = register()
    bad = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json={"gender": "MALE"},
        headers=as_user(CLERK),
    )
    assert bad.status_code == 422
    assert "idNumber" in bad.json()["fields"]
    moved = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json={"residenceDivisionCode": "110109101001", "reason": "搬家"},
        headers=as_user(CLERK),
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["residenceDivisionCode"] == "110109101001"
    history = registry.get(
        f"/children/{child['id']}", params={"include": "history"}, headers=as_user(CLERK)
    ).json()["history"]
    assert [h["operation"] for h in history] == ["REGISTERED", "UPDATED"]
    assert history[1]["reason"] == "搬家"
    assert history[1]["before"] == {"residenceDivisionCode": "110109001001"}
    assert history[1]["after"] == {"residenceDivisionCode": "110109101001"}
    # The identity number appears in the history only masked.
    assert "********" in history[0]["after"]["idNumber"]
    # The village supervisor of the old village no longer sees the child.
    gone = registry.get(f"/children/{child['id']}", headers=as_user("supervisor.110109001001"))
    assert gone.status_code == 404


def test_moving_a_child_outside_ones_division_is_forbidden(registry, as_user, register):
    child = register(by="clerk.110109001")
    response = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json={"residenceDivisionCode": "110109101001"},
        headers=as_user("clerk.110109001"),
    )
    assert response.status_code == 403


def test_history_cannot_be_changed_even_in_the_database(registry, register):
    child = register()
    with Session(registry.app.state.engine) as session:
        entry = session.exec(select(ChildHistory).where(ChildHistory.child_id == child["id"])).one()
        entry.reason = "篡改"
        session.add(entry)
        with pytest.raises(Exception, match="append-only"):
            session.commit()


def test_guardians_and_entrusted_guardianship(registry, as_user, register):
    child = register()
    household = {
        "guardians": [
            {
                "name": "王父",
                "relation": "FATHER",
                "isGuardian": True,
                "workingAway": True,
                "awayLocation": "广东深圳",
                "awaySince": "2023-03-01",
                "phone": "13800000001",
            },
            {
                "name": "王奶奶",
                "relation": "GRANDMOTHER",
                "isGuardian": True,
                "entrustedSince": "2023-03-01",
                "entrustmentAgreedOn": "2023-02-20",
            },
        ]
    }
    response = registry.put(
        f"/children/{child['id']}/guardians",
        params={"version": child["version"]},
        json=household,
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    guardians = {g["name"]: g for g in response.json()["guardians"]}
    assert guardians["王奶奶"]["entrusted"] is True
    assert guardians["王奶奶"]["entrustedSince"] == "2023-03-01"
    assert guardians["王父"]["entrusted"] is False
    (event,) = _events(registry, child["id"], "registry.child.guardianship_changed")
    assert event["entrusted"] is True


@pytest.mark.parametrize(
    ("guardians", "field"),
    [
        (
            [
                {
                    "name": "甲",
                    "relation": "MOTHER",
                    "isGuardian": True,
                    "entrustedSince": "2024-01-01",
                },
                {
                    "name": "乙",
                    "relation": "FATHER",
                    "isGuardian": True,
                    "entrustedSince": "2024-01-01",
                },
            ],
            "guardians",
        ),
        (
            [{"name": "甲", "relation": "OTHER", "entrustedSince": "2024-01-01"}],
            "guardians.0.isGuardian",
        ),
        ([{"name": " ", "relation": "OTHER"}], "guardians.0.name"),
    ],
    ids=["two-entrusted", "entrusted-not-guardian", "empty-name"],
)
def test_bad_households_are_refused(registry, as_user, register, guardians, field):
    child = register()
    response = registry.put(
        f"/children/{child['id']}/guardians",
        params={"version": child["version"]},
        json={"guardians": guardians},
        headers=as_user(CLERK),
    )
    assert response.status_code == 422
    assert field in response.json()["fields"]


def test_exit_ends_classifications_and_the_period(registry, as_user, register):
    child = register()
    classified = _classify(
        registry,
        as_user(CLERK),
        child,
        [{"group": "GUARDIANSHIP_LACK", "subtype": "ORPHAN", "since": "2020-01-01"}],
    ).json()
    response = registry.post(
        f"/children/{child['id']}/exit",
        params={"version": classified["version"]},
        json={"reason": "ADOPTED", "note": "依法收养"},
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["exitReason"], body["primaryCategory"]) == (
        "EXITED",
        "ADOPTED",
        "NONE",
    )
    with Session(registry.app.state.engine) as session:
        periods = session.exec(
            select(CategoryPeriod).where(CategoryPeriod.child_id == child["id"])
        ).all()
    assert all(p.to_date == today() for p in periods)
    (event,) = _events(registry, child["id"], "registry.child.exited")
    assert event["reason"] == "ADOPTED"
    again = registry.post(
        f"/children/{child['id']}/exit",
        params={"version": body["version"]},
        json={"reason": "OTHER"},
        headers=as_user(CLERK),
    )
    assert again.status_code == 422


def test_the_daily_job_exits_children_on_their_eighteenth_birthday(registry, register):
    child = register()
    with Session(registry.app.state.engine) as session:
        row = session.get(Child, child["id"])
        assert row is not None
        row.birth_date = today().replace(year=today().year - 18)
        row.id_number_cipher = row.id_number_hash = row.id_number_key_id = None
        session.add(row)
        session.commit()
    assert exit_adults(registry.app.state.engine) == 1
    assert exit_adults(registry.app.state.engine) == 0
    with Session(registry.app.state.engine) as session:
        exited = session.get(Child, child["id"])
        assert exited is not None
        assert (exited.status, exited.exit_reason) == ("EXITED", "AGED_OUT")


def test_a_possible_duplicate_waits_for_the_town_worker(registry, as_user, register):
    register(idNumber=None)
    held = registry.post(
        "/children",
        json={
            "name": "王小红",
            "gender": "FEMALE",
            "birthDate": date(2013, 4, 9).isoformat(),
            "residenceDivisionCode": "110109001001",
        },
        headers=as_user("supervisor.110109001001"),
    )
    assert held.status_code == 409
    body = held.json()
    assert body["code"] == "DUPLICATE" and body["reviewId"] and body["existingId"]
    # The other town's worker does not see it; this town's does.
    assert registry.get("/duplicate-reviews", headers=as_user("worker.110109101")).json() == []
    (pending,) = registry.get("/duplicate-reviews", headers=as_user("worker.110109001")).json()
    decided = registry.post(
        f"/duplicate-reviews/{pending['id']}/decide",
        json={"decision": "DIFFERENT_CHILD"},
        headers=as_user("worker.110109001"),
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["registeredChildId"]
    twice = registry.post(
        f"/duplicate-reviews/{pending['id']}/decide",
        json={"decision": "SAME_CHILD"},
        headers=as_user("worker.110109001"),
    )
    assert twice.status_code == 422
    with Session(registry.app.state.engine) as session:
        assert session.exec(select(DuplicateReview)).one().status == "DIFFERENT_CHILD"
