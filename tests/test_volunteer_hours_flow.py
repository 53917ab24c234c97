"""Activities and hours end to end on the embedded platform, through the gateway.

The Youth League holds an activity → a vetted volunteer signs up with children → attendance →
hours recorded (a pairing visit's too) and approved → the star level moves at 100 hours → the
certificate is a PDF → the volunteer signs in and sees itself, its hours and activities, and
nothing of another volunteer.
"""

from __future__ import annotations

import base64
import secrets
from datetime import date, timedelta

import sqlalchemy as sa

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, fresh_identity_number, graphql

LEAGUE = "youthleague.district"
ME = "volunteer.110109001001"
VILLAGE = "110109001001"
REGISTER = """
mutation R($input: VolunteerInput!) { registerVolunteer(input: $input) { id } }
"""
VET = """
mutation V($id: ID!, $input: VettingInput!) { recordVetting(volunteerId: $id, input: $input) {
  vetted } }
"""
CREATE = """
mutation C($input: ActivityInput!) {
  createActivity(input: $input) { id kind kindName divisionName capacity attendanceTaken }
}
"""
SIGN_UP = """
mutation S($id: ID!, $input: ActivitySignUpInput!) {
  signUpForActivity(activityId: $id, input: $input) {
    childrenSignedUp volunteers { volunteerId name attended }
  }
}
"""
ATTEND = """
mutation A($id: ID!, $input: AttendanceInput!) {
  recordAttendance(activityId: $id, input: $input) {
    attendanceTaken childrenAttended volunteers { volunteerId attended }
  }
}
"""
HOURS = """
mutation H($id: ID!, $activity: ID, $hours: Float!, $on: Date!) {
  recordServiceHours(volunteerId: $id, activityId: $activity, hours: $hours, on: $on) {
    id totalHours starLevel
  }
}
"""
TO_APPROVE = "query { serviceHoursToApprove { id volunteerId hours status activityTitle } }"
APPROVE = """
mutation P($id: ID!) { approveServiceHours(hoursId: $id) { id totalHours starLevel } }
"""
CERTIFICATE = """
query C($id: ID!) { volunteer(id: $id) { certificate { filename mediaType contentBase64 } } }
"""
MINE = """
query {
  myVolunteer {
    id name idNumber totalHours starLevel
    serviceHours { hours status activityId }
    activities { id title volunteers { volunteerId } }
    certificate { mediaType contentBase64 }
  }
}
"""


def _register(url: str, token: str) -> str:
    birth = date(1986, 1, 1) + timedelta(days=secrets.randbelow(5000))
    number = fresh_identity_number(birth, male=True)
    body = {
        "name": f"时长{secrets.token_hex(2)}",
        "idNumber": number,
        "phone": "13912345678",
        "skills": ["TUTORING"],
        "divisionCode": VILLAGE,
    }
    made = graphql(url, REGISTER, token, {"input": body})
    assert not made.get("errors"), made
    vid = str(made["data"]["registerVolunteer"]["id"])
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": today().isoformat()}
        assert graphql(url, VET, token, {"id": vid, "input": check}).get("data"), kind
    return vid


def _link(database_url: str, volunteer_id: str) -> None:
    """What the account slice does on registration: the demo volunteer's account on the record."""
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE volunteer SET username = NULL WHERE username = :u"), {"u": ME}
        )
        connection.execute(
            sa.text("UPDATE volunteer SET username = :u WHERE id = :id"),
            {"u": ME, "id": volunteer_id},
        )
    engine.dispose()


def _approve_all(url: str, token: str, volunteer_id: str) -> dict:
    pending = graphql(url, TO_APPROVE, token)["data"]["serviceHoursToApprove"]
    out: dict = {}
    for record in (p for p in pending if p["volunteerId"] == volunteer_id):
        done = graphql(url, APPROVE, token, {"id": record["id"]})
        assert not done.get("errors"), done
        out = done["data"]["approveServiceHours"]
    return out


def test_an_activity_hours_approved_stars_certificate_and_the_volunteers_own_view(embedded):
    url, league = embedded.graphql_url, embedded.token(LEAGUE)
    mine, theirs = _register(url, league), _register(url, league)

    activity = {
        "kind": "STUDY_HELP",
        "title": "周末学业辅导",
        "divisionCode": VILLAGE[:9],
        "on": today().isoformat(),
        "capacity": 20,
    }
    made = graphql(url, CREATE, league, {"input": activity})
    assert not made.get("errors"), made
    act = made["data"]["createActivity"]
    assert (act["kindName"], act["attendanceTaken"]) == ("学业辅导", False)
    signed = graphql(
        url,
        SIGN_UP,
        league,
        {"id": act["id"], "input": {"volunteerIds": [mine, theirs], "children": 8}},
    )["data"]["signUpForActivity"]
    assert signed["childrenSignedUp"] == 8 and len(signed["volunteers"]) == 2
    came = graphql(
        url,
        ATTEND,
        league,
        {"id": act["id"], "input": {"volunteerIds": [mine], "childrenAttended": 7}},
    )["data"]["recordAttendance"]
    assert {v["volunteerId"]: v["attended"] for v in came["volunteers"]} == {
        mine: True,
        theirs: False,
    }

    # Absent, no hours; a day in the future, or over 24 a day, refused.
    absent = {"id": theirs, "activity": act["id"], "hours": 3, "on": today().isoformat()}
    assert error_codes(graphql(url, HOURS, league, absent)) == ["VALIDATION_FAILED"]
    tomorrow = {"id": mine, "hours": 2, "on": (today() + timedelta(days=1)).isoformat()}
    assert error_codes(graphql(url, HOURS, league, tomorrow)) == ["VALIDATION_FAILED"]
    too_many = {"id": mine, "hours": 25, "on": today().isoformat()}
    assert error_codes(graphql(url, HOURS, league, too_many)) == ["VALIDATION_FAILED"]

    # 96 hours of pairing visits over four days, approved: no star yet.
    for back in range(1, 5):
        visit = {"id": mine, "hours": 24, "on": (today() - timedelta(days=back)).isoformat()}
        recorded = graphql(url, HOURS, league, visit)
        assert not recorded.get("errors"), recorded
        assert recorded["data"]["recordServiceHours"]["totalHours"] == 0
    assert _approve_all(url, league, mine) == {"id": mine, "totalHours": 96, "starLevel": 0}
    # Four at the activity make 100: the first star.
    at_activity = {"id": mine, "activity": act["id"], "hours": 4, "on": today().isoformat()}
    assert not graphql(url, HOURS, league, at_activity).get("errors")
    assert _approve_all(url, league, mine) == {"id": mine, "totalHours": 100, "starLevel": 1}

    paper = graphql(url, CERTIFICATE, league, {"id": mine})["data"]["volunteer"]["certificate"]
    assert paper["mediaType"] == "application/pdf" and paper["filename"].endswith(".pdf")
    assert base64.b64decode(paper["contentBase64"]).startswith(b"%PDF")

    # The volunteer signs in: itself, its hours and activities, and nothing of the other one.
    _link(embedded.databases["volunteers"], mine)
    me = embedded.token(ME)
    own = graphql(url, MINE, me)
    assert not own.get("errors"), own
    view = own["data"]["myVolunteer"]
    assert (view["id"], view["totalHours"], view["starLevel"]) == (mine, 100, 1)
    assert view["idNumber"].endswith("*")
    assert len(view["serviceHours"]) == 5
    assert {h["status"] for h in view["serviceHours"]} == {"APPROVED"}
    (seen,) = view["activities"]
    assert [v["volunteerId"] for v in seen["volunteers"]] == [mine]
    assert base64.b64decode(view["certificate"]["contentBase64"]).startswith(b"%PDF")
    assert error_codes(graphql(url, CERTIFICATE, me, {"id": theirs})) == ["FORBIDDEN"]
    assert error_codes(graphql(url, TO_APPROVE, me)) == ["FORBIDDEN"]
    others = {"id": theirs, "hours": 1, "on": today().isoformat()}
    assert error_codes(graphql(url, HOURS, me, others)) == ["FORBIDDEN"]
    listing = "query($d: String!) { activities(divisionCode: $d) { id } }"
    assert error_codes(graphql(url, listing, me, {"d": VILLAGE})) == ["FORBIDDEN"]
