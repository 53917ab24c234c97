"""Decisions and entitlements from the registry's events: projection, month rules, events, scope."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, func, select

from shouhu.benefits import jobs
from shouhu.benefits.models import Decision, Entitlement
from shouhu.platform.events import InboxRow

ADMIN = "admin.district"
MARCH, MAY, JUNE = date(2026, 3, 12), date(2026, 5, 20), date(2026, 6, 3)


def benefits_of(client, headers, child_id):
    response = client.get(f"/children/{child_id}/benefits", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def entitlements(body, programme=None):
    return [e for e in body["entitlements"] if programme is None or e["programme"] == programme]


def decision(body, programme):
    return next(d for d in body["decisions"] if d["programme"] == programme)


def count(client, model) -> int:
    with Session(client.app.state.engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_classifying_decides_grants_from_the_first_of_the_month_and_tells_the_plan(
    benefits, harness, ev, as_user
):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH), ev.classified(child, MARCH, ["DISABLED", "LOW_INCOME_FAMILY"])
    )
    body = benefits_of(benefits, as_user(ADMIN), child)
    assert body["decidedOn"] == "2026-03-12" and body["ruleVersion"] == "2026.1"
    allowance = decision(body, "HARDSHIP_LIVING_ALLOWANCE")
    assert allowance["eligible"] and allowance["granted"] and allowance["outcome"] == "GRANTED"
    assert allowance["ruleVersion"] == "2026.1"
    subsidies = decision(body, "DISABILITY_TWO_SUBSIDIES")
    assert (subsidies["eligible"], subsidies["granted"]) == (True, False)
    assert subsidies["reasons"][-1].startswith("符合条件，未予发放：择高原则，由困境儿童生活保障")
    assert body["facts"]["subtypes"] == ["DISABLED", "LOW_INCOME_FAMILY"]
    assert body["facts"]["standardsFen"]["HARDSHIP_LIVING_ALLOWANCE"] == 180000
    [held] = entitlements(body, "HARDSHIP_LIVING_ALLOWANCE")
    assert (held["startsOn"], held["endsOn"], held["status"]) == ("2026-03-01", None, "ACTIVE")
    assert held["monthlyAmountFen"] == 180000 and held["paidInBatches"]
    premium = entitlements(body, "INSURANCE_PREMIUM_SUBSIDY")[0]
    assert premium["sharePercent"] == 100 and not premium["paidInBatches"]

    [made] = harness.events("benefits.decision.made")
    assert made["childId"] == child and made["trigger"] == "registry.child.classified"
    assert {o["programme"]: o["outcome"] for o in made["outcomes"]} == {
        "HARDSHIP_LIVING_ALLOWANCE": "GRANTED",
        "DISABILITY_TWO_SUBSIDIES": "SUPERSEDED",
        "MEDICAL_REHABILITATION": "GRANTED",
        "INSURANCE_PREMIUM_SUBSIDY": "GRANTED",
    }
    changed = {e["programme"]: e for e in harness.events("benefits.entitlement.changed")}
    measure = changed["HARDSHIP_LIVING_ALLOWANCE"]["planMeasure"]
    assert measure == {
        "sourceRef": f"benefits:entitlement:{held['id']}",
        "department": "CIVIL_AFFAIRS",
        "kind": "困境儿童生活保障",
        "description": "困境儿童生活保障（按月发放，区民政局），自2026-03-01起",
        "status": "IN_PROGRESS",
        "dueDate": None,
        "restricted": False,
    }
    # Rehabilitation is granted to the seriously ill and not to the HIV-affected: its measure
    # is for roles with health detail only.
    assert changed["MEDICAL_REHABILITATION"]["planMeasure"]["restricted"] is True
    assert changed["HARDSHIP_LIVING_ALLOWANCE"]["change"] == "GRANTED"


def test_a_redelivered_event_changes_nothing(benefits, harness, ev):
    child = ev.new_id()
    classified = ev.classified(child, MARCH, ["ORPHAN"])
    harness.deliver(ev.registered(child, MARCH), classified)
    before = (count(benefits, Decision), count(benefits, Entitlement), len(harness.events()))
    harness.deliver(classified)
    assert (
        count(benefits, Decision),
        count(benefits, Entitlement),
        len(harness.events()),
    ) == before
    with Session(benefits.app.state.engine) as session:
        assert len(session.exec(select(InboxRow)).all()) == 2


def test_the_same_facts_again_decide_nothing_new(benefits, harness, ev):
    child = ev.new_id()
    harness.deliver(ev.registered(child, MARCH), ev.classified(child, MARCH, ["ORPHAN"]))
    before = (count(benefits, Decision), len(harness.events()))
    harness.deliver(ev.classified(child, MAY, ["ORPHAN"], since=MARCH))
    assert (count(benefits, Decision), len(harness.events())) == before


def test_a_child_nothing_applies_to_is_explained_live_and_nothing_is_stored(
    benefits, harness, ev, as_user
):
    child = ev.new_id()
    harness.deliver(ev.registered(child, MARCH), ev.classified(child, MARCH, ["BOTH_PARENTS_AWAY"]))
    body = benefits_of(benefits, as_user(ADMIN), child)
    assert body["entitlements"] == [] and len(body["decisions"]) == 8
    assert not any(d["eligible"] for d in body["decisions"])
    assert decision(body, "HARDSHIP_LIVING_ALLOWANCE")["reasons"] == [
        "不符合条件：须为有困境儿童分类（留守儿童除外）"
    ]
    assert count(benefits, Decision) == 0 and harness.events() == []


def test_a_standard_change_switches_the_winner_at_the_month_boundary(
    benefits, harness, ev, as_user
):
    child, other = ev.new_id(), ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH),
        ev.classified(child, MARCH, ["DISABLED"]),
        ev.registered(other, MARCH),
        ev.classified(other, MARCH, ["LOW_INCOME_FAMILY"]),
    )
    admin = as_user(ADMIN)
    response = benefits.put(
        "/programmes/DISABILITY_TWO_SUBSIDIES/standards/2026",
        json={"monthlyAmountFen": 250000},
        headers=admin,
    )
    assert response.status_code == 200, response.text
    assert response.json()["monthlyAmountFen"] == 250000
    harness.pump(retime=MAY)  # the worker: the standard, then one range of children
    body = benefits_of(benefits, admin, child)
    assert decision(body, "DISABILITY_TWO_SUBSIDIES")["granted"]
    assert decision(body, "HARDSHIP_LIVING_ALLOWANCE")["reasons"][-1] == (
        "符合条件，未予发放：择高原则，由残疾人两项补贴（月标准2,500.00元）替代"
    )
    [old] = entitlements(body, "HARDSHIP_LIVING_ALLOWANCE")
    [new] = entitlements(body, "DISABILITY_TWO_SUBSIDIES")
    assert (old["startsOn"], old["endsOn"]) == ("2026-03-01", "2026-05-31")
    assert old["endReason"] == "择高原则，由残疾人两项补贴替代，待遇至2026-05-31止"
    assert (new["startsOn"], new["endsOn"], new["monthlyAmountFen"]) == ("2026-06-01", None, 250000)
    switched = [e for e in harness.events("benefits.entitlement.changed") if e["childId"] == child]
    assert [(e["programme"], e["change"], e["planMeasure"]["status"]) for e in switched[-2:]] == [
        ("HARDSHIP_LIVING_ALLOWANCE", "ENDING", "IN_PROGRESS"),
        ("DISABILITY_TWO_SUBSIDIES", "GRANTED", "PLANNED"),
    ]
    assert switched[-1]["planMeasure"]["dueDate"] == "2026-06-01"
    assert switched[-2]["planMeasure"]["dueDate"] == "2026-05-31"
    # The child the standard does not concern was not decided again.
    assert [e["childId"] for e in harness.events("benefits.decision.made")].count(other) == 1
    [requested] = harness.events("benefits.redecision.requested")
    assert requested["topic"] == "shouhu.benefits.work"  # benefits' own queue
    assert harness.events("benefits.standard.set")[0]["topic"] == "shouhu.benefits"
    assert requested["programmes"] == [
        "DESTITUTE_SUPPORT",
        "DISABILITY_TWO_SUBSIDIES",
        "HARDSHIP_LIVING_ALLOWANCE",
    ]


def test_a_standard_change_is_split_into_ranges_that_cover_every_child(benefits, harness, ev):
    from shouhu.benefits.decisions import ranges, repository
    from shouhu.benefits.rules.schema import ProgrammeCode

    children = [ev.new_id() for _ in range(7)]
    for child in children:
        harness.deliver(ev.registered(child, MARCH), ev.classified(child, MARCH, ["DISABLED"]))
    with Session(benefits.app.state.engine) as session:
        parts = ranges.request_redecision(
            session, {ProgrammeCode.DISABILITY_TWO_SUBSIDIES}, MAY, "test", "cause", batch=3
        )
        session.commit()
    assert parts == 3
    ranges = harness.events("benefits.redecision.requested")
    assert [(r["part"], r["parts"]) for r in ranges] == [(1, 3), (2, 3), (3, 3)]
    assert ranges[0]["afterChildId"] is None and ranges[-1]["upToChildId"] is None
    assert [r["upToChildId"] for r in ranges[:-1]] == [r["afterChildId"] for r in ranges[1:]]
    with Session(benefits.app.state.engine) as session:
        covered = [
            repository.eligible_ids(
                session, r["programmes"], after=r["afterChildId"], up_to=r["upToChildId"]
            )
            for r in ranges
        ]
    assert sorted(c for part in covered for c in part) == sorted(children)


def test_exit_ends_every_entitlement_with_the_month(benefits, harness, ev, as_user):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH),
        ev.classified(child, MARCH, ["ORPHAN", "MINIMUM_SUBSISTENCE_FAMILY"]),
        ev.exited(child, JUNE),
    )
    body = benefits_of(benefits, as_user(ADMIN), child)
    assert body["status"] == "EXITED"
    assert {e["endsOn"] for e in body["entitlements"]} == {"2026-06-30"}
    assert {e["status"] for e in body["entitlements"]} == {"ENDED"}
    assert not any(d["eligible"] for d in body["decisions"])
    ended = harness.events("benefits.entitlement.changed")[-1]
    assert ended["reason"] == "儿童已退出保障范围（2026-06-03），待遇至2026-06-30止"


def test_an_intervention_opens_and_closes_temporary_living_support(benefits, harness, ev, as_user):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH), ev.intervention(child, "case-1", MARCH, opened=True)
    )
    [support] = entitlements(benefits_of(benefits, as_user(ADMIN), child))
    assert support["programme"] == "TEMPORARY_LIVING_SUPPORT"
    assert support["startsOn"] == "2026-03-01"
    harness.deliver(ev.intervention(child, "case-1", MAY, opened=False))
    [support] = entitlements(benefits_of(benefits, as_user(ADMIN), child))
    assert support["endsOn"] == "2026-05-31"
    assert support["endReason"] == "不再符合条件，待遇至2026-05-31止"


def test_an_intervention_before_the_file_counts_once_the_file_arrives(
    benefits, harness, ev, as_user
):
    child = ev.new_id()
    harness.deliver(ev.intervention(child, "case-2", MARCH, opened=True))
    assert benefits.get(f"/children/{child}/benefits", headers=as_user(ADMIN)).status_code == 404
    harness.deliver(ev.registered(child, MARCH))
    [support] = entitlements(benefits_of(benefits, as_user(ADMIN), child))
    assert support["programme"] == "TEMPORARY_LIVING_SUPPORT"


def test_the_guardianship_pilot_once_enabled_grants_to_children_cared_for(
    benefits, harness, ev, as_user
):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH),
        ev.classified(child, MARCH, ["ORPHAN"]),
        ev.guardians(child, MARCH, capable=True),
    )
    body = benefits_of(benefits, as_user(ADMIN), child)
    assert decision(body, "GUARDIANSHIP_ALLOWANCE")["outcome"] == "PILOT_NOT_ENABLED"
    response = benefits.put(
        "/programmes/GUARDIANSHIP_ALLOWANCE/enabled",
        json={"enabled": True},
        headers=as_user(ADMIN),
    )
    assert response.status_code == 200 and response.json()["enabled"] is True
    harness.pump(retime=MAY)
    [allowance] = entitlements(
        benefits_of(benefits, as_user(ADMIN), child), "GUARDIANSHIP_ALLOWANCE"
    )
    assert allowance["startsOn"] == "2026-05-01"
    harness.deliver(ev.guardians(child, JUNE, capable=False))
    [allowance] = entitlements(
        benefits_of(benefits, as_user(ADMIN), child), "GUARDIANSHIP_ALLOWANCE"
    )
    assert allowance["endsOn"] == "2026-06-30"


def test_a_classification_that_runs_out_is_noticed_by_the_calendar(benefits, harness, ev, as_user):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH),
        ev.classified(child, MARCH, ["LOW_INCOME_FAMILY"], until={"LOW_INCOME_FAMILY": MAY}),
    )
    assert jobs.redecide_everyone(benefits.app.state.engine, date(2026, 4, 30)) == 0
    assert jobs.redecide_everyone(benefits.app.state.engine, MAY) == 1
    [allowance] = entitlements(
        benefits_of(benefits, as_user(ADMIN), child), "HARDSHIP_LIVING_ALLOWANCE"
    )
    assert allowance["endsOn"] == "2026-05-31"


def test_the_calendar_tells_the_plan_when_an_entitlement_starts_and_ends(
    benefits, harness, ev, as_user
):
    child = ev.new_id()
    harness.deliver(ev.registered(child, MARCH), ev.classified(child, MARCH, ["DISABLED"]))
    benefits.put(
        "/programmes/DISABILITY_TWO_SUBSIDIES/standards/2026",
        json={"monthlyAmountFen": 250000},
        headers=as_user(ADMIN),
    )
    harness.pump(retime=MAY)
    engine = benefits.app.state.engine
    told = len(harness.events("benefits.entitlement.changed"))
    assert jobs.publish_transitions(engine, date(2026, 5, 31)) == 0
    assert jobs.publish_transitions(engine, date(2026, 6, 1)) == 2
    assert jobs.publish_transitions(engine, date(2026, 6, 2)) == 0
    later = harness.events("benefits.entitlement.changed")[told:]
    assert {(e["programme"], e["change"], e["planMeasure"]["status"]) for e in later} == {
        ("HARDSHIP_LIVING_ALLOWANCE", "ENDED", "DONE"),
        ("DISABILITY_TWO_SUBSIDIES", "STARTED", "IN_PROGRESS"),
    }


# ---- who sees what ---------------------------------------------------------------------------


def test_scope_per_role(benefits, harness, ev, as_user):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH),
        ev.classified(child, MARCH, ["DISABLED", "HIV_AFFECTED"]),
    )
    for user in ("admin.district", "clerk.district", "worker.110109001", "supervisor.110109001001"):
        assert benefits.get(f"/children/{child}/benefits", headers=as_user(user)).status_code == 200
    for user in ("worker.110109101", "supervisor.110109101001"):
        response = benefits.get(f"/children/{child}/benefits", headers=as_user(user))
        assert response.status_code == 404 and response.json()["code"] == "NOT_FOUND"
    for user in ("auditor.district", "police.district", "reporter.school.110109001"):
        response = benefits.get(f"/children/{child}/benefits", headers=as_user(user))
        assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"
    assert benefits.get(f"/children/{child}/benefits").status_code == 401
    # HIV-affected only to roles that need it; to others it is shown as seriously ill.
    seen = benefits_of(benefits, as_user("supervisor.110109001001"), child)["facts"]["subtypes"]
    assert seen == ["DISABLED", "SERIOUSLY_ILL"]
    seen = benefits_of(benefits, as_user("worker.110109001"), child)["facts"]["subtypes"]
    assert seen == ["DISABLED", "HIV_AFFECTED"]


def test_many_children_at_once_leave_out_those_out_of_scope(benefits, harness, ev, as_user):
    mine, theirs = ev.new_id(), ev.new_id()
    harness.deliver(
        ev.registered(mine, MARCH),
        ev.registered(theirs, MARCH, village="110109101001"),
    )
    response = benefits.post(
        "/children/benefits",
        json={"childIds": [theirs, mine, ev.new_id()]},
        headers=as_user("supervisor.110109001001"),
    )
    assert [b["childId"] for b in response.json()] == [mine]
    district = benefits.post(
        "/children/benefits", json={"childIds": [theirs, mine]}, headers=as_user(ADMIN)
    )
    assert [b["childId"] for b in district.json()] == [theirs, mine]


def test_the_history_keeps_every_decision_newest_first(benefits, harness, ev, as_user):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, MARCH),
        ev.classified(child, MARCH, ["LOW_INCOME_FAMILY"]),
        ev.classified(child, MAY, ["ORPHAN"]),
    )
    history = benefits.get(f"/children/{child}/decisions", headers=as_user(ADMIN)).json()
    assert [h["decidedOn"] for h in history] == ["2026-05-20", "2026-03-12"]
    assert [h["trigger"] for h in history] == ["registry.child.classified"] * 2
    assert history[1]["facts"]["subtypes"] == ["LOW_INCOME_FAMILY"]
    granted = {d["programme"] for d in history[0]["decisions"] if d["granted"]}
    assert "DESTITUTE_SUPPORT" in granted
