"""Who sees what: without health detail, an HIV-affected child's benefits read as a seriously ill
child's, through every read path (issue 9, item 2)."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import openpyxl
import pytest

ADMIN = "admin.district"
WITHOUT_HEALTH_DETAIL = ("clerk.district", "supervisor.110109001001")
MARCH = date(2026, 3, 12)
MONTH = "2026-04"
# What tells two children apart whatever the policy: their ids, names and the moment decided.
IDS = frozenset({"id", "childId", "childName", "entitlementId", "decidedAt"})


def without_ids(value: Any) -> Any:
    """The answer less what names the child (ids, names) or the instant of writing."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in IDS}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


@pytest.fixture
def children(harness, ev, benefits, as_user) -> dict[str, str]:
    """Children alike but for illness, decided in March 2026, and April's batch run."""
    kids = {"hiv": ev.new_id(), "ill": ev.new_id(), "both": ev.new_id()}
    subtypes = {
        "hiv": ["HIV_AFFECTED"],
        "ill": ["SERIOUSLY_ILL"],
        "both": ["HIV_AFFECTED", "SERIOUSLY_ILL"],
    }
    for name, child in kids.items():
        harness.deliver(
            ev.registered(child, MARCH), ev.classified(child, MARCH, subtypes[name], since=MARCH)
        )
    response = benefits.post("/payment-batches", json={"month": MONTH}, headers=as_user(ADMIN))
    assert response.status_code == 201, response.text
    return kids


def reads(client, headers: dict[str, str], child: str) -> dict[str, Any]:
    """Every read of benefits that says something of one child, as the caller is answered."""
    answers: dict[str, Any] = {}
    for name, response in {
        "benefits": client.get(f"/children/{child}/benefits", headers=headers),
        "many": client.post("/children/benefits", json={"childIds": [child]}, headers=headers),
        "history": client.get(f"/children/{child}/decisions", headers=headers),
    }.items():
        assert response.status_code == 200, response.text
        answers[name] = response.json()
    lines = client.get(f"/payment-batches/{MONTH}/lines", headers=headers)
    if lines.status_code == 403:  # the clerk reads no batch: nothing there to tell apart
        return answers
    assert lines.status_code == 200, lines.text
    answers["lines"] = [e["node"] for e in lines.json()["edges"] if e["node"]["childId"] == child]
    answers["csv"] = [row[1:6] + row[8:11] for row in csv_rows(client, headers) if child in row]
    answers["xlsx"] = [row[1:6] + row[8:11] for row in xlsx_rows(client, headers) if child in row]
    return answers


def csv_rows(client, headers: dict[str, str]) -> list[list[str]]:
    response = client.get(f"/payment-batches/{MONTH}/export.csv", headers=headers)
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


def xlsx_rows(client, headers: dict[str, str]) -> list[list[Any]]:
    response = client.get(f"/payment-batches/{MONTH}/export.xlsx", headers=headers)
    assert response.status_code == 200, response.text
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book[f"{MONTH}发放明细"].iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("user", WITHOUT_HEALTH_DETAIL)
def test_without_health_detail_hiv_affected_reads_as_seriously_ill(
    benefits, children, as_user, user
):
    headers = as_user(user)
    hiv, ill, both = (without_ids(reads(benefits, headers, children[k])) for k in children)
    assert hiv == ill == both
    current = hiv["benefits"]
    assert current["facts"]["subtypes"] == ["SERIOUSLY_ILL"]
    assert current["facts"]["groups"] == ["ILLNESS_DISABILITY"]
    assert "MEDICAL_REHABILITATION" not in current["facts"]["standardsFen"]
    assert current["withheldProgrammes"] == ["MEDICAL_REHABILITATION"]
    decisions = {d["programme"]: d for d in current["decisions"]}
    # The allowance is told as it is: the rules treat the two alike there.
    allowance = decisions["HARDSHIP_LIVING_ALLOWANCE"]
    assert allowance["granted"] and allowance["monthlyAmountFen"] == 180000
    assert allowance["withheld"] == []
    # The premium share differs by the rules (70 % against 100 %): share, amount and reasons are
    # withheld; whether it is granted is not (both are eligible alike).
    premium = decisions["INSURANCE_PREMIUM_SUBSIDY"]
    assert premium["granted"] and premium["outcome"] == "GRANTED"
    assert premium["sharePercent"] is premium["monthlyAmountFen"] is premium["reasons"] is None
    assert premium["withheld"] == ["reasons", "monthlyAmountFen", "sharePercent"]
    # Rehabilitation is for the seriously ill only: its whole decision is withheld.
    rehabilitation = decisions["MEDICAL_REHABILITATION"]
    assert rehabilitation["outcome"] is rehabilitation["eligible"] is None
    assert "outcome" in rehabilitation["withheld"]
    held = {e["programme"]: e for e in current["entitlements"]}
    assert set(held) == {"HARDSHIP_LIVING_ALLOWANCE", "INSURANCE_PREMIUM_SUBSIDY"}
    assert held["INSURANCE_PREMIUM_SUBSIDY"]["sharePercent"] is None
    assert held["INSURANCE_PREMIUM_SUBSIDY"]["withheld"] == ["monthlyAmountFen", "sharePercent"]
    assert held["HARDSHIP_LIVING_ALLOWANCE"]["monthlyAmountFen"] == 180000


def test_a_role_with_health_detail_tells_them_apart(benefits, children, as_user):
    for user in (ADMIN, "worker.110109001"):
        headers = as_user(user)
        hiv = reads(benefits, headers, children["hiv"])["benefits"]
        ill = reads(benefits, headers, children["ill"])["benefits"]
        assert without_ids(hiv) != without_ids(ill)
        assert hiv["facts"]["subtypes"] == ["HIV_AFFECTED"] and hiv["withheldProgrammes"] == []
        share = {
            body["facts"]["subtypes"][0]: next(
                d["sharePercent"]
                for d in body["decisions"]
                if d["programme"] == "INSURANCE_PREMIUM_SUBSIDY"
            )
            for body in (hiv, ill)
        }
        assert share == {"HIV_AFFECTED": 70, "SERIOUSLY_ILL": 100}
        rehabilitation = {e["programme"] for e in ill["entitlements"]} - {
            e["programme"] for e in hiv["entitlements"]
        }
        assert rehabilitation == {"MEDICAL_REHABILITATION"}


def test_what_is_withheld_is_withheld_from_every_child(benefits, harness, ev, as_user):
    orphan = ev.new_id()
    harness.deliver(ev.registered(orphan, MARCH), ev.classified(orphan, MARCH, ["ORPHAN"]))
    body = benefits.get(f"/children/{orphan}/benefits", headers=as_user(WITHOUT_HEALTH_DETAIL[1]))
    body = body.json()
    premium = next(d for d in body["decisions"] if d["programme"] == "INSURANCE_PREMIUM_SUBSIDY")
    assert premium["granted"] and premium["sharePercent"] is None
    assert body["withheldProgrammes"] == ["MEDICAL_REHABILITATION"]
    admin = benefits.get(f"/children/{orphan}/benefits", headers=as_user(ADMIN)).json()
    premium = next(d for d in admin["decisions"] if d["programme"] == "INSURANCE_PREMIUM_SUBSIDY")
    assert premium["sharePercent"] == 100 and premium["withheld"] == []
