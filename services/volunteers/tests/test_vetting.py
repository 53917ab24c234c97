"""Vetting: `vetted` only with a passed, current record check and a passed training; history kept;
the checks ending on a day."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.platform.testing import identity_number
from shouhu.volunteers.vetting import rules
from shouhu.volunteers.vetting.service import checks_ending

LEAGUE = "youthleague.district"
CHECK = "MINOR_PROTECTION_RECORD_CHECK"


def volunteer(client, as_user, seq: int) -> str:
    body = {
        "name": "李审核",
        "idNumber": identity_number(date(1988, 3, 1), male=False, seq=seq),
        "phone": "13712345678",
        "skills": ["COMPANIONSHIP"],
        "divisionCode": "110109001001",
    }
    made = client.post("/volunteers", json=body, headers=as_user(LEAGUE))
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def vet(client, as_user, volunteer_id: str, kind: str, on: date, passed: bool = True, user=LEAGUE):
    return client.post(
        f"/volunteers/{volunteer_id}/vettings",
        json={"kind": kind, "passed": passed, "checkedOn": on.isoformat()},
        headers=as_user(user),
    )


def test_a_passed_current_check_and_training_make_a_volunteer_vetted(volunteers, as_user, store):
    vid = volunteer(volunteers, as_user, 1)
    day = today() - timedelta(days=10)
    after_check = vet(volunteers, as_user, vid, CHECK, day).json()
    assert after_check["vetted"] is False and after_check["checkValidUntil"]
    assert store.events("volunteers.volunteer.vetted") == []
    after_training = vet(volunteers, as_user, vid, "TRAINING", day)
    assert after_training.status_code == 201, after_training.text
    out = after_training.json()
    assert out["vetted"] is True and out["trained"] is True
    assert [v["kind"] for v in out["vettings"]] == ["TRAINING", CHECK]
    # The answer is the whole volunteer, as reading it answers: the account too (the console
    # showed "no account" after a check when it was left out).
    read = volunteers.get(f"/volunteers/{vid}", headers=as_user(LEAGUE)).json()
    assert out["account"] == read["account"] and out["account"]["username"].startswith("vol.")
    assert out["totalHours"] == read["totalHours"]
    valid_until = rules.load().valid_until(day)
    assert out["checkValidUntil"] == valid_until.isoformat()
    (event,) = store.events("volunteers.volunteer.vetted")
    assert (event["vetted"], event["kind"], event["volunteerId"]) == (True, "TRAINING", vid)
    listed = volunteers.get(
        "/volunteers", params={"divisionCode": "110109", "vetted": True}, headers=as_user(LEAGUE)
    ).json()
    assert [e["node"]["id"] for e in listed["edges"]] == [vid]


def test_an_expired_check_does_not_vet(volunteers, as_user, store):
    vid = volunteer(volunteers, as_user, 2)
    months = rules.load().record_check.valid_months
    old = today() - timedelta(days=31 * months + 1)
    vet(volunteers, as_user, vid, "TRAINING", today())
    out = vet(volunteers, as_user, vid, CHECK, old).json()
    assert out["vetted"] is False and out["trained"] is True
    assert out["vettings"][0]["current"] is False
    assert store.events("volunteers.volunteer.vetted") == []
    unvetted = volunteers.get(
        "/volunteers", params={"divisionCode": "110109", "vetted": False}, headers=as_user(LEAGUE)
    ).json()
    assert [e["node"]["id"] for e in unvetted["edges"]] == [vid]


def test_without_training_a_passed_check_does_not_vet(volunteers, as_user):
    vid = volunteer(volunteers, as_user, 3)
    vet(volunteers, as_user, vid, "TRAINING", today(), passed=False)
    out = vet(volunteers, as_user, vid, CHECK, today()).json()
    assert (out["vetted"], out["trained"]) == (False, False)


def test_a_failed_later_check_unvets_and_history_is_kept(volunteers, as_user, store):
    vid = volunteer(volunteers, as_user, 4)
    vet(volunteers, as_user, vid, CHECK, today() - timedelta(days=40))
    assert vet(volunteers, as_user, vid, "TRAINING", today()).json()["vetted"] is True
    out = vet(volunteers, as_user, vid, CHECK, today(), passed=False).json()
    assert out["vetted"] is False and out["checkValidUntil"] is None
    assert len(out["vettings"]) == 3
    assert [e["vetted"] for e in store.events("volunteers.volunteer.vetted")] == [True, False]


def test_bad_checks_are_refused_and_nothing_written(volunteers, as_user, store):
    vid = volunteer(volunteers, as_user, 5)
    future = vet(volunteers, as_user, vid, CHECK, today() + timedelta(days=1))
    assert future.status_code == 422 and "checkedOn" in future.json()["fields"]
    before_birth = vet(volunteers, as_user, vid, CHECK, date(1980, 1, 1))
    assert before_birth.status_code == 422 and "checkedOn" in before_birth.json()["fields"]
    other = vet(volunteers, as_user, vid, CHECK, today(), user="womensfed.district")
    assert other.status_code == 403
    worker = vet(volunteers, as_user, vid, CHECK, today(), user="worker.110109001")
    assert worker.status_code == 403
    missing = vet(volunteers, as_user, "no-such-volunteer", CHECK, today())
    assert missing.status_code == 404
    assert store.counts() == (1, 0)


def test_checks_ending_on_a_day(volunteers, as_user):
    vid = volunteer(volunteers, as_user, 6)
    day = today() - timedelta(days=3)
    vet(volunteers, as_user, vid, CHECK, day)
    rule = rules.load()
    last = rule.valid_until(day)
    with Session(volunteers.app.state.engine) as session:
        reminded = checks_ending(session, rule.remind_on(last))
        ran_out = checks_ending(session, last + timedelta(days=1))
        neither = checks_ending(session, last)
    assert [v.id for v in reminded.expiring] == [vid] and reminded.expired == []
    assert [v.id for v in ran_out.expired] == [vid] and ran_out.expiring == []
    assert neither.expiring == [] and neither.expired == []


def test_the_validity_period_counts_whole_months():
    assert rules.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert rules.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    period = rules.load()
    assert period.valid_until(date(2026, 3, 15)) == date(2027, 3, 14)
