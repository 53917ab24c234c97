"""Volunteers' accounts with the embedded provider: made after the commit, signed in after the
required password change, disabled with the volunteer; the roster of volunteers."""

from __future__ import annotations

import io
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlmodel import Session, select

from shouhu.platform.events import Envelope, OutboxRow
from shouhu.platform.idp import CONSOLE_CLIENT, UPDATE_PASSWORD, EmbeddedIdentityProvider, s256
from shouhu.platform.settings import ServiceSettings
from shouhu.platform.testing import identity_number
from shouhu.volunteers.accounts import service as accounts
from shouhu.volunteers.accounts.directory import EmbeddedAccounts, NewAccount
from shouhu.volunteers.app import create_app
from shouhu.volunteers.models import Volunteer, VolunteerAccount
from shouhu.volunteers.settings import VolunteersSettings

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"
VILLAGE = "110109001001"
TOKEN = "/realms/shouhu/protocol/openid-connect/token"
USERNAME = re.compile(r"vol\.\d{8}")


@pytest.fixture
def provider() -> EmbeddedIdentityProvider:
    """A fresh provider per test: its run-time users are what the test made."""
    return EmbeddedIdentityProvider(ServiceSettings())


@pytest.fixture
def login(provider) -> TestClient:
    app = FastAPI()
    app.include_router(provider.router())
    return TestClient(app, follow_redirects=False)


@pytest.fixture
def service(tmp_path, verifier, provider):
    settings = VolunteersSettings(
        database_url=f"sqlite:///{tmp_path / 'volunteers.db'}", run_worker=False, demo_data=True
    )
    directory = EmbeddedAccounts(provider.local_users)
    with TestClient(create_app(settings, verifier=verifier, accounts=directory)) as client:
        yield client


def sync(client, directory=None) -> int:
    app = client.app
    return accounts.sync_all(
        app.state.engine, app.state.identity_keys, directory or app.state.accounts, 200
    )


def body(seq: int, **extra):
    return {
        "name": "李志愿",
        "idNumber": identity_number(date(1990, 5, 4), male=True, seq=seq),
        "phone": "13912345678",
        "skills": ["TUTORING"],
        "divisionCode": VILLAGE,
        **extra,
    }


def register(client, as_user, seq: int, user: str = LEAGUE):
    made = client.post("/volunteers", json=body(seq), headers=as_user(user))
    assert made.status_code == 201, made.text
    return made.json()


def password_grant(login, username: str, password: str):
    form = {
        "grant_type": "password",
        "client_id": CONSOLE_CLIENT,
        "username": username,
        "password": password,
    }
    return login.post(TOKEN, data=form)


def disabled_events(client, event_type: str = "volunteers.volunteer.disabled") -> list[dict]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(OutboxRow)).all()
    return [
        Envelope.model_validate_json(r.payload).data for r in rows if r.event_type == event_type
    ]


def stored(client, volunteer_id: str) -> VolunteerAccount:
    with Session(client.app.state.engine) as session:
        row = session.get(VolunteerAccount, volunteer_id)
        assert row is not None
        return row


def test_a_registration_answers_the_one_time_password_once_and_the_worker_makes_the_account(
    service, as_user, provider, login
):
    out = register(service, as_user, 11)
    account = out["account"]
    assert USERNAME.fullmatch(account["username"]) and out["username"] == account["username"]
    assert account["status"] == "PENDING" and len(account["initialPassword"]) == 14
    assert provider.local_users.get(account["username"]) is None  # not before the commit's job
    assert stored(service, out["id"]).password_cipher not in (None, account["initialPassword"])

    assert sync(service) == 1
    row = stored(service, out["id"])
    assert row.synced and row.made_at is not None and row.password_cipher is None
    read = service.get(f"/volunteers/{out['id']}", headers=as_user(LEAGUE)).json()
    assert read["account"]["status"] == "ACTIVE" and read["account"]["initialPassword"] is None
    user = provider.local_users.get(account["username"])
    assert user is not None and user.required_actions == {UPDATE_PASSWORD}
    assert (user.user.role.value, user.user.division_code) == ("volunteer", VILLAGE)
    # The direct grant cannot change a password: refused until the volunteer has.
    refused = password_grant(login, account["username"], account["initialPassword"])
    assert refused.json()["error_description"] == "Account is not fully set up"


def test_the_volunteer_changes_the_password_at_the_first_sign_in_then_signs_in(
    service, as_user, provider, login
):
    out = register(service, as_user, 12)
    username, initial = out["account"]["username"], out["account"]["initialPassword"]
    sync(service)
    verifier_code = "v" * 50
    page = login.get(
        "/realms/shouhu/protocol/openid-connect/auth",
        params={
            "client_id": CONSOLE_CLIENT,
            "redirect_uri": "http://127.0.0.1:8000/console/callback",
            "response_type": "code",
            "scope": "openid",
            "code_challenge": s256(verifier_code),
            "code_challenge_method": "S256",
        },
    )
    action = re.search(r'action="([^"]+)"', page.text).group(1).replace("&amp;", "&")
    update = login.post(action, data={"username": username, "password": initial})
    assert "password-new" in update.text and "更新密码" in update.text
    action = re.search(r'action="([^"]+)"', update.text).group(1).replace("&amp;", "&")
    short = login.post(action, data={"password-new": "short", "password-confirm": "short"})
    assert "密码至少12位" in short.text
    new = "Volunteer-2026-new"
    done = login.post(action, data={"password-new": new, "password-confirm": new})
    assert done.status_code == 302 and "code" in parse_qs(urlsplit(done.headers["location"]).query)
    token = password_grant(login, username, new)
    assert token.status_code == 200, token.text
    assert password_grant(login, username, initial).status_code == 400
    assert provider.local_users.get(username).required_actions == set()


def test_disabling_a_volunteer_disables_the_account(service, as_user, provider, login):
    out = register(service, as_user, 13)
    username = out["account"]["username"]
    sync(service)
    provider.local_users.set_password(username, "Volunteer-2026-new")
    assert password_grant(login, username, "Volunteer-2026-new").status_code == 200
    path = f"/volunteers/{out['id']}/disable"
    assert service.post(path, json={"reason": ""}, headers=as_user(LEAGUE)).status_code == 422
    other = service.post(path, json={"reason": "离职"}, headers=as_user(WOMENS))
    assert other.status_code == 403
    # The volunteer role may not disable anyone (themselves included).
    assert (
        service.post(path, json={"reason": "x"}, headers=as_user("volunteer.110109001001"))
    ).status_code == 403
    disabled = service.post(path, json={"reason": "本人申请退出"}, headers=as_user(LEAGUE))
    assert disabled.status_code == 200, disabled.text
    account = disabled.json()["account"]
    assert account["status"] == "DISABLED" and account["disabledReason"] == "本人申请退出"
    assert account["disabledBy"] == LEAGUE
    (event,) = disabled_events(service)
    assert (event["volunteerId"], event["username"]) == (out["id"], username)
    assert event["reason"] == "本人申请退出" and event["disabledBy"] == LEAGUE
    again = service.post(path, json={"reason": "再次"}, headers=as_user(LEAGUE)).json()
    assert again["account"]["disabledReason"] == "本人申请退出"
    assert len(disabled_events(service)) == 1
    assert sync(service) == 1
    refused = password_grant(login, username, "Volunteer-2026-new")
    assert refused.json()["error"] == "invalid_grant"


class Down:
    """An identity provider that does not answer."""

    def create(self, accounts):
        raise ConnectionError("keycloak down")

    def set_enabled(self, username, enabled):
        raise ConnectionError("keycloak down")


def test_an_outage_loses_no_account_and_an_existing_user_is_adopted(service, as_user, provider):
    out = register(service, as_user, 14)
    username = out["account"]["username"]
    assert sync(service, Down()) == 0
    row = stored(service, out["id"])
    assert (row.synced, row.attempts, row.last_error) == (False, 1, "keycloak down")
    assert row.password_cipher is not None  # kept for the next round
    # Made meanwhile (a round that failed after Keycloak had made it): adopted, not duplicated.
    EmbeddedAccounts(provider.local_users).create(
        [NewAccount(username, "李志愿", VILLAGE, "x" * 14)]
    )
    assert sync(service) == 1
    assert stored(service, out["id"]).synced


# ---- the roster ---------------------------------------------------------------------------

HEADER = ["姓名*", "身份证号*", "手机号码*", "技能*", "居住地区划代码*", "可服务时间", "服务区域"]


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "志愿者名册"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def good(seq: int) -> list[object]:
    number = identity_number(date(1988, 3, 2), male=False, seq=seq)
    return [f"王志愿{seq}", number, "13812345678", "学业辅导、陪伴", VILLAGE, "周末白天", ""]


def upload(client, as_user, content: bytes, mode: str, user: str = LEAGUE):
    files = {"file": ("名册.xlsx", content, "application/octet-stream")}
    return client.post(
        "/volunteers/roster", files=files, data={"mode": mode}, headers=as_user(user)
    )


def test_a_roster_registers_each_row_with_an_account_and_reports_the_bad_ones(
    service, as_user, provider
):
    bad = ["赵", "110109199005040010", "139", "弹琴", VILLAGE, "", ""]
    content = xlsx([good(1), good(2), bad, good(1)])
    refused = upload(service, as_user, content, "ALL_OR_NOTHING")
    assert refused.status_code == 200, refused.text
    report = refused.json()
    assert report["imported"] is False and report["registeredRows"] == 0
    assert {e["column"] for e in report["errors"] if e["row"] == 4} == {"技能"}
    with Session(service.app.state.engine) as session:
        assert session.exec(select(Volunteer)).all() == []

    taken = upload(service, as_user, content, "VALID_ROWS").json()
    assert taken["imported"] is True and taken["totalRows"] == 4
    assert (taken["registeredRows"], taken["rejectedRows"]) == (2, 2)
    # The same number twice in the file: the second is a duplicate.
    assert {(e["row"], e["column"]) for e in taken["errors"] if e["row"] == 5} == {(5, "身份证号")}
    names = [a["username"] for a in taken["accounts"]]
    assert len(set(names)) == 2 and all(USERNAME.fullmatch(n) for n in names)
    assert all(len(a["initialPassword"]) == 14 for a in taken["accounts"])
    assert sync(service) == 2
    assert all(provider.local_users.get(n) is not None for n in names)


def test_a_roster_with_a_wrong_header_or_by_the_wrong_role_is_refused(service, as_user):
    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    out = io.BytesIO()
    book.save(out)
    answer = upload(service, as_user, out.getvalue(), "VALID_ROWS")
    assert answer.status_code == 422 and "缺少必填列" in answer.text
    answer = upload(service, as_user, xlsx([good(3)]), "VALID_ROWS", user="clerk.district")
    assert answer.status_code == 403
    template = service.get("/volunteers/roster/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"


# ---- enabling again, the backfill ---------------------------------------------------------


def enabled_events(client) -> list[dict]:
    return disabled_events(client, "volunteers.volunteer.enabled")


def test_a_disabled_volunteer_is_enabled_again_by_whoever_may_disable(
    service, as_user, provider, login
):
    out = register(service, as_user, 15)
    username = out["account"]["username"]
    sync(service)
    provider.local_users.set_password(username, "Volunteer-2026-new")
    path = f"/volunteers/{out['id']}"
    service.post(f"{path}/disable", json={"reason": "暂停服务"}, headers=as_user(LEAGUE))
    assert sync(service) == 1
    assert password_grant(login, username, "Volunteer-2026-new").status_code == 400
    # Who may not disable may not enable either.
    for user in (WOMENS, "volunteer.110109001001", "admin.district"):
        assert service.post(f"{path}/enable", headers=as_user(user)).status_code == 403
    enabled = service.post(f"{path}/enable", headers=as_user(LEAGUE))
    assert enabled.status_code == 200, enabled.text
    account = enabled.json()["account"]
    assert account["status"] == "ACTIVE" and account["disabledReason"] is None
    (event,) = enabled_events(service)
    assert (event["volunteerId"], event["username"], event["enabledBy"]) == (
        out["id"],
        username,
        LEAGUE,
    )
    # Enabling an enabled volunteer changes nothing.
    assert service.post(f"{path}/enable", headers=as_user(LEAGUE)).status_code == 200
    assert len(enabled_events(service)) == 1
    assert sync(service) == 1
    assert password_grant(login, username, "Volunteer-2026-new").status_code == 200
    missing = service.post("/volunteers/nobody/enable", headers=as_user(LEAGUE))
    assert missing.status_code == 404


def test_the_backfill_plans_accounts_once_and_queues_failed_ones_again(service, as_user):
    engine, keys = service.app.state.engine, service.app.state.identity_keys
    without = register(service, as_user, 16)
    failed = register(service, as_user, 17)
    with Session(engine) as session:  # registered before accounts existed: no account row
        session.delete(session.get(VolunteerAccount, without["id"]))
        session.get(Volunteer, without["id"]).username = None  # type: ignore[union-attr]
        session.commit()
    assert sync(service, Down()) == 0  # the other one failed while the provider was down
    assert stored(service, failed["id"]).attempts == 1
    with Session(engine) as session:
        planned, retried = accounts.backfill(session, keys, 100)
        ids = [row.id for row, _ in planned]
        session.commit()
    ((_, account),) = planned
    assert ids == [without["id"]] and USERNAME.fullmatch(account.username)
    assert account.initial_password and retried == 1
    assert stored(service, failed["id"]).attempts == 0
    with Session(engine) as session:
        assert accounts.backfill(session, keys, 100)[0] == []  # run again: nothing twice
        session.commit()
    assert sync(service) == 2
    got = service.get(f"/volunteers/{without['id']}", headers=as_user(LEAGUE)).json()
    assert got["account"]["status"] == "ACTIVE" and got["username"] == account.username


def test_the_backfill_command_writes_the_passwords_to_a_new_file_only(
    service, as_user, tmp_path, monkeypatch
):
    import csv

    from shouhu.volunteers.accounts import backfill

    out = register(service, as_user, 18)
    with Session(service.app.state.engine) as session:
        session.delete(session.get(VolunteerAccount, out["id"]))
        session.commit()
    monkeypatch.setenv("SHOUHU_DATABASE_URL", f"sqlite:///{tmp_path / 'volunteers.db'}")
    path = tmp_path / "accounts.csv"
    assert backfill.main(["backfill", "--out", str(path)]) == 0
    with path.open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    assert rows[0] == backfill.HEADER and rows[1][0] == out["id"] and len(rows) == 2
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(SystemExit):
        backfill.main(["backfill", "--out", str(path)])  # never over a file of passwords
