"""Activities and service hours: vetted volunteers sign up, attendance, hours recorded within the
day's limit, approved by the organisation, the total and the stars, the certificate, and the
volunteer's own view."""

from __future__ import annotations

import base64
from datetime import date, timedelta

import pytest
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.platform.testing import identity_number
from shouhu.volunteers.hours import rules
from shouhu.volunteers.models import Volunteer

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"
ME = "volunteer.110109001001"
CHECK = "MINOR_PROTECTION_RECORD_CHECK"


def volunteer(client, as_user, seq: int, vetted: bool = True, user: str = LEAGUE) -> str:
    body = {
        "name": f"张服务{seq}",
        "idNumber": identity_number(date(1990, 5, 1), male=True, seq=seq),
        "phone": "13712345678",
        "skills": ["TUTORING"],
        "divisionCode": "110109001001",
    }
    made = client.post("/volunteers", json=body, headers=as_user(user))
    assert made.status_code == 201, made.text
    vid = str(made.json()["id"])
    if vetted:
        for kind in (CHECK, "TRAINING"):
            check = {"kind": kind, "passed": True, "checkedOn": today().isoformat()}
            done = client.post(f"/volunteers/{vid}/vettings", json=check, headers=as_user(user))
            assert done.status_code == 201, done.text
    return vid


def link(client, volunteer_id: str, username: str) -> None:
    """What the account slice does: the volunteer's account on its record."""
    with Session(client.app.state.engine) as session:
        row = session.get(Volunteer, volunteer_id)
        assert row is not None
        row.username = username
        session.add(row)
        session.commit()


def activity(client, as_user, on: date | None = None, user: str = LEAGUE, **extra) -> dict:
    body = {
        "kind": "STUDY_HELP",
        "title": "周末学业辅导",
        "divisionCode": "110109001",
        "on": (on or today()).isoformat(),
        "capacity": 10,
        **extra,
    }
    made = client.post("/activities", json=body, headers=as_user(user))
    assert made.status_code == 201, made.text
    return dict(made.json())


def attended(client, as_user, volunteer_id: str, on: date | None = None) -> str:
    act = activity(client, as_user, on)
    signed = client.post(
        f"/activities/{act['id']}/sign-ups",
        json={"volunteerIds": [volunteer_id], "children": 4},
        headers=as_user(LEAGUE),
    )
    assert signed.status_code == 200, signed.text
    came = client.post(
        f"/activities/{act['id']}/attendance",
        json={"volunteerIds": [volunteer_id], "childrenAttended": 3},
        headers=as_user(LEAGUE),
    )
    assert came.status_code == 200, came.text
    return str(act["id"])


def hours(client, as_user, volunteer_id, amount, on=None, activity_id=None, user=LEAGUE):
    body = {"hours": amount, "on": (on or today()).isoformat(), "activityId": activity_id}
    return client.post(f"/volunteers/{volunteer_id}/hours", json=body, headers=as_user(user))


def approve(client, as_user, volunteer_id: str, user: str = LEAGUE) -> dict:
    records = client.get(f"/volunteers/{volunteer_id}/hours", headers=as_user(user)).json()
    out: dict = {}
    for record in records:
        if record["status"] == "RECORDED":
            done = client.post(f"/hours/{record['id']}/decision", json={}, headers=as_user(user))
            assert done.status_code == 200, done.text
            out = done.json()
    return out


def test_an_activity_signs_up_vetted_volunteers_and_children_and_takes_attendance(
    volunteers, as_user
):
    vid = volunteer(volunteers, as_user, 11)
    act = activity(volunteers, as_user, volunteer_capacity=1, capacity=5)
    assert (act["kindName"], act["divisionName"], act["attendanceTaken"]) == (
        "学业辅导",
        "大峪街道",
        False,
    )
    url = f"/activities/{act['id']}/sign-ups"
    signed = volunteers.post(
        url, json={"volunteerIds": [vid], "children": 5}, headers=as_user(LEAGUE)
    ).json()
    assert [v["volunteerId"] for v in signed["volunteers"]] == [vid]
    assert signed["childrenSignedUp"] == 5
    full = volunteers.post(url, json={"children": 1}, headers=as_user(LEAGUE))
    assert full.status_code == 422 and "children" in full.json()["fields"]
    other = volunteer(volunteers, as_user, 12)
    over = volunteers.post(url, json={"volunteerIds": [other]}, headers=as_user(LEAGUE))
    assert over.status_code == 422 and "volunteerIds" in over.json()["fields"]

    came = volunteers.post(
        f"/activities/{act['id']}/attendance",
        json={"volunteerIds": [vid], "childrenAttended": 4},
        headers=as_user(LEAGUE),
    ).json()
    assert came["volunteers"][0]["attended"] is True and came["childrenAttended"] == 4
    listed = volunteers.get(
        "/activities", params={"divisionCode": "110109001001"}, headers=as_user(LEAGUE)
    ).json()
    assert act["id"] in {a["id"] for a in listed}  # held for the town: the village sees it
    # The women's federation reads the activity but not the Youth League's volunteers.
    seen = volunteers.get(f"/activities/{act['id']}", headers=as_user(WOMENS)).json()
    assert seen["volunteers"] == [] and seen["childrenAttended"] == 4


def test_an_unvetted_volunteer_may_not_sign_up_and_a_future_activity_takes_no_attendance(
    volunteers, as_user
):
    unvetted = volunteer(volunteers, as_user, 13, vetted=False)
    act = activity(volunteers, as_user, today() + timedelta(days=7))
    refused = volunteers.post(
        f"/activities/{act['id']}/sign-ups",
        json={"volunteerIds": [unvetted]},
        headers=as_user(LEAGUE),
    )
    assert refused.status_code == 422 and "volunteerIds.0" in refused.json()["fields"]
    early = volunteers.post(
        f"/activities/{act['id']}/attendance", json={"volunteerIds": []}, headers=as_user(LEAGUE)
    )
    assert early.status_code == 422


def test_another_federation_may_not_run_the_youth_leagues_activity(volunteers, as_user):
    act = activity(volunteers, as_user)
    refused = volunteers.post(
        f"/activities/{act['id']}/sign-ups", json={"children": 1}, headers=as_user(WOMENS)
    )
    assert refused.status_code == 403


@pytest.mark.parametrize(
    ("amount", "on", "field"),
    [
        (0, 0, "hours"),
        (-2, 0, "hours"),
        (25, 0, "hours"),
        (3, -1, "on"),  # tomorrow
    ],
)
def test_bad_hours_are_refused_with_their_field(volunteers, as_user, amount, on, field):
    vid = volunteer(volunteers, as_user, 14)
    day = today() - timedelta(days=on)
    refused = hours(volunteers, as_user, vid, amount, day)
    assert refused.status_code == 422, refused.text
    assert field in refused.json()["fields"]
    assert volunteers.get(f"/volunteers/{vid}/hours", headers=as_user(LEAGUE)).json() == []


def test_more_than_24_hours_on_a_day_in_all_is_refused(volunteers, as_user):
    vid = volunteer(volunteers, as_user, 15)
    day = today() - timedelta(days=1)
    assert hours(volunteers, as_user, vid, 20, day).status_code == 201
    over = hours(volunteers, as_user, vid, 5, day)
    assert over.status_code == 422 and "20" in over.json()["fields"]["hours"]
    assert hours(volunteers, as_user, vid, 4, day).status_code == 201
    assert hours(volunteers, as_user, vid, 4, day - timedelta(days=1)).status_code == 201


def test_hours_at_an_activity_need_attendance_and_its_day_and_are_recorded_once(
    volunteers, as_user
):
    vid = volunteer(volunteers, as_user, 16)
    other = volunteer(volunteers, as_user, 17)
    act = attended(volunteers, as_user, vid)
    absent = hours(volunteers, as_user, other, 2, activity_id=act)
    assert absent.status_code == 422 and "activityId" in absent.json()["fields"]
    wrong_day = hours(volunteers, as_user, vid, 2, today() - timedelta(days=1), act)
    assert wrong_day.status_code == 422 and "on" in wrong_day.json()["fields"]
    assert hours(volunteers, as_user, vid, 2, activity_id=act).status_code == 201
    again = hours(volunteers, as_user, vid, 1, activity_id=act)
    assert again.status_code == 409 and again.json()["code"] == "DUPLICATE"
    # One with hours recorded there cannot be marked absent afterwards.
    undo = volunteers.post(
        f"/activities/{act}/attendance", json={"volunteerIds": []}, headers=as_user(LEAGUE)
    )
    assert undo.status_code == 422


def test_approved_hours_count_and_the_star_level_moves_at_the_threshold(volunteers, as_user, store):
    vid = volunteer(volunteers, as_user, 18)
    first = rules.load().thresholds[0]
    for back in range(1, 6):
        made = hours(volunteers, as_user, vid, (first - 1) / 5, today() - timedelta(days=back))
        assert made.status_code == 201, made.text
    assert made.json()["totalHours"] == 0  # not approved yet
    out = approve(volunteers, as_user, vid)
    assert (out["totalHours"], out["starLevel"]) == (first - 1, 0)
    hours(volunteers, as_user, vid, 1, today())
    out = approve(volunteers, as_user, vid)
    assert (out["totalHours"], out["starLevel"]) == (first, 1)
    assert out["nextStarHours"] == rules.load().thresholds[1]
    events = store.events("volunteers.hours.approved")
    assert len(events) == 6
    assert (events[-1]["previousStarLevel"], events[-1]["starLevel"]) == (0, 1)
    assert events[-1]["starsVersion"] == rules.load().version
    again = volunteers.post(
        f"/hours/{events[-1]['hoursId']}/decision", json={}, headers=as_user(LEAGUE)
    )
    assert again.status_code == 409


def test_a_rejected_record_does_not_count_and_frees_the_day(volunteers, as_user, store):
    vid = volunteer(volunteers, as_user, 19)
    hours(volunteers, as_user, vid, 24)
    (record,) = volunteers.get(f"/volunteers/{vid}/hours", headers=as_user(LEAGUE)).json()
    pending = volunteers.get("/hours/to-approve", headers=as_user(LEAGUE)).json()
    assert record["id"] in {p["id"] for p in pending}
    assert volunteers.get("/hours/to-approve", headers=as_user(WOMENS)).json() == []
    refused = volunteers.post(f"/hours/{record['id']}/decision", json={}, headers=as_user(WOMENS))
    assert refused.status_code == 403
    out = volunteers.post(
        f"/hours/{record['id']}/decision",
        json={"approved": False, "note": "与签到不符"},
        headers=as_user(LEAGUE),
    ).json()
    assert out["totalHours"] == 0 and store.events("volunteers.hours.approved") == []
    assert hours(volunteers, as_user, vid, 8).status_code == 201


def test_the_certificate_is_a_pdf_of_approved_hours(volunteers, as_user):
    vid = volunteer(volunteers, as_user, 20)
    hours(volunteers, as_user, vid, 3.5, today() - timedelta(days=2))
    approve(volunteers, as_user, vid)
    made = volunteers.get(f"/volunteers/{vid}/certificate", headers=as_user(LEAGUE))
    assert made.status_code == 200, made.text
    body = made.json()
    assert body["mediaType"] == "application/pdf" and body["filename"].endswith(".pdf")
    assert base64.b64decode(body["contentBase64"]).startswith(b"%PDF")


def test_a_volunteer_sees_itself_and_records_its_own_hours_but_nothing_of_others(
    volunteers, as_user
):
    mine = volunteer(volunteers, as_user, 21)
    theirs = volunteer(volunteers, as_user, 22)
    assert volunteers.get("/me/volunteer", headers=as_user(ME)).status_code == 404
    link(volunteers, mine, ME)
    act = activity(volunteers, as_user)
    volunteers.post(
        f"/activities/{act['id']}/sign-ups",
        json={"volunteerIds": [mine, theirs]},
        headers=as_user(LEAGUE),
    )
    me = volunteers.get("/me/volunteer", headers=as_user(ME)).json()
    assert me["id"] == mine and me["idNumber"].endswith("*")
    assert hours(volunteers, as_user, mine, 2, user=ME).status_code == 201
    assert hours(volunteers, as_user, theirs, 2, user=ME).status_code == 403
    (own,) = volunteers.get(f"/volunteers/{mine}/hours", headers=as_user(ME)).json()
    assert own["status"] == "RECORDED"
    (seen,) = volunteers.get(f"/volunteers/{mine}/activities", headers=as_user(ME)).json()
    assert [v["volunteerId"] for v in seen["volunteers"]] == [mine]
    one = volunteers.get(f"/activities/{act['id']}", headers=as_user(ME)).json()
    assert [v["volunteerId"] for v in one["volunteers"]] == [mine]
    for path in (
        f"/volunteers/{theirs}",
        f"/volunteers/{theirs}/hours",
        f"/volunteers/{theirs}/activities",
        f"/volunteers/{theirs}/certificate",
        f"/volunteers/{mine}",  # its own full record is `myVolunteer`, not the registry's read
    ):
        assert volunteers.get(path, headers=as_user(ME)).status_code == 403, path
    listing = volunteers.get(
        "/activities", params={"divisionCode": "110109001001"}, headers=as_user(ME)
    )
    assert listing.status_code == 403
    mine_pdf = volunteers.get(f"/volunteers/{mine}/certificate", headers=as_user(ME))
    assert mine_pdf.status_code == 200


def test_the_star_thresholds_are_data_that_must_rise():
    loaded = rules.load()
    assert loaded.thresholds == (100, 300, 600, 1000, 1500)
    assert [loaded.star_level(h) for h in (0, 99.5, 100, 299, 300, 1499, 1500, 9999)] == [
        0,
        0,
        1,
        1,
        2,
        4,
        5,
        5,
    ]
    with pytest.raises(ValueError, match="rising"):
        rules.StarRules(version="x", thresholds=(100, 100, 600, 1000, 1500))
    # The next star's hours, served so the console needs no thresholds of its own.
    assert [loaded.next_threshold(h) for h in (0, 99.5, 100, 1499, 1500)] == [
        100,
        100,
        300,
        1500,
        None,
    ]


def test_a_federations_activity_takes_only_volunteers_it_reads(volunteers, as_user):
    orgs = volunteers.get("/organisations", headers=as_user(WOMENS)).json()
    womens = next(o for o in orgs if o["kind"] == "WOMENS_FEDERATION")
    act = activity(volunteers, as_user, organisationId=womens["id"])
    league_volunteer = volunteer(volunteers, as_user, 23)
    refused = volunteers.post(
        f"/activities/{act['id']}/sign-ups",
        json={"volunteerIds": [league_volunteer]},
        headers=as_user(LEAGUE),
    )
    assert refused.status_code == 422 and "volunteerIds.0" in refused.json()["fields"]
    own = volunteer(volunteers, as_user, 24, user=WOMENS)
    signed = volunteers.post(
        f"/activities/{act['id']}/sign-ups", json={"volunteerIds": [own]}, headers=as_user(WOMENS)
    )
    assert signed.status_code == 200, signed.text
