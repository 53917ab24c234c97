"""Benefits through the gateway, on the embedded platform and the real stack.

classify in the registry → event → benefits decides → the decision and the entitlement through the
gateway, one trace throughout; a standard change switches the winner at the month boundary; a
payment batch run twice pays once; each role sees what it may.
"""

from __future__ import annotations

import base64
import json
import secrets
import urllib.request
import uuid
from datetime import date, timedelta

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
BENEFITS = """
query Benefits($id: ID!) {
  child(id: $id) {
    id
    benefits {
      decidedOn ruleVersion
      decisions { programme { code name } eligible granted outcome reasons ruleVersion }
      entitlements { id programme { code } status monthlyAmountFen startsOn endsOn endReason }
    }
  }
}
"""
REGISTER = """
mutation Register($input: RegisterChildInput!) {
  registerChild(input: $input) { id version name }
}
"""
CLASSIFY = """
mutation Classify($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id version primaryCategory }
}
"""
SET_STANDARD = """
mutation Set($programme: ProgrammeCode!, $year: Int!, $fen: Int!) {
  setBenefitStandard(programme: $programme, year: $year, monthlyAmountFen: $fen) {
    code name monthlyAmountFen placeholder
  }
}
"""
RUN_BATCH = """
mutation Run($month: String!) {
  runPaymentBatch(month: $month) {
    id month lineCount totalFen createdAt
    totals { townCode townName programme lineCount totalFen }
  }
}
"""
LINES = """
query Lines($month: String!, $division: String, $after: String) {
  paymentBatch(month: $month) {
    id lineCount
    lines(first: 500, divisionCode: $division, after: $after) {
      edges { node { childId programme amountFen } } pageInfo { hasNextPage endCursor }
    }
  }
}
"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _register(platform, token, village=VILLAGE):
    # A birth date of its own too: a fixed one and 499 orders meet within a few dozen children.
    birth = date(2012, 1, 1) + timedelta(days=secrets.randbelow(1500))
    child_input = {
        "name": f"福利{uuid.uuid4().hex[:6]}",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=False),
        "residenceDivisionCode": village,
    }
    body = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert "errors" not in body, body
    return body["data"]["registerChild"]


def _classify(platform, token, child, subtypes, headers=None):
    groups = {
        "DISABLED": "ILLNESS_DISABILITY",
        "SERIOUSLY_ILL": "ILLNESS_DISABILITY",
        "HIV_AFFECTED": "ILLNESS_DISABILITY",
        "LOW_INCOME_FAMILY": "POVERTY",
        "MINIMUM_SUBSISTENCE_FAMILY": "POVERTY",
    }
    since = (today() - timedelta(days=2)).isoformat()
    variables = {
        "id": child["id"],
        "version": child["version"],
        "input": {
            "classifications": [
                {"group": groups[s], "subtype": s, "since": since} for s in subtypes
            ]
        },
    }
    # urllib, not httpx: tests in this process may have instrumented httpx, which would
    # replace our traceparent with the process's own context.
    request = urllib.request.Request(
        platform.graphql_url,
        data=json.dumps({"query": CLASSIFY, "variables": variables}).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "content-type": "application/json",
            **(headers or {}),
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.load(response)
    assert "errors" not in body, body
    return body["data"]["classifyChild"]


def _benefits(platform, token, child_id):
    body = graphql(platform.graphql_url, BENEFITS, token, {"id": child_id})
    assert "errors" not in body, body
    return body["data"]["child"]["benefits"]


def _entitlement(benefits, programme):
    return [e for e in benefits["entitlements"] if e["programme"]["code"] == programme]


def _winner(benefits):
    return next(
        (
            d
            for d in benefits["decisions"]
            if d["granted"]
            and d["programme"]["code"]
            in ("HARDSHIP_LIVING_ALLOWANCE", "DISABILITY_TWO_SUBSIDIES", "DESTITUTE_SUPPORT")
        ),
        None,
    )


def test_classifying_grants_benefits_visible_through_the_gateway_in_one_trace(platform):
    worker = platform.token("worker.110109001")
    child = _register(platform, worker)
    trace_id = secrets.token_hex(16)
    traceparent = f"00-{trace_id}-{secrets.token_hex(8)}-01"
    _classify(
        platform,
        worker,
        child,
        ["DISABLED", "MINIMUM_SUBSISTENCE_FAMILY"],
        headers={"traceparent": traceparent},
    )

    def decided():
        benefits = _benefits(platform, worker, child["id"])
        return benefits if benefits["entitlements"] else None

    benefits = eventually(decided, timeout=60)
    decisions = {d["programme"]["code"]: d for d in benefits["decisions"]}
    winner = _winner(benefits)
    assert winner is not None and winner["eligible"], json.dumps(benefits, ensure_ascii=False)
    assert winner["ruleVersion"] == benefits["ruleVersion"]
    group = [
        decisions[c]
        for c in ("HARDSHIP_LIVING_ALLOWANCE", "DISABILITY_TWO_SUBSIDIES")
        if c != winner["programme"]["code"]
    ]
    assert group[0]["eligible"] and not group[0]["granted"]
    assert "择高原则" in group[0]["reasons"][-1]
    assert decisions["MINIMUM_SUBSISTENCE"]["granted"]  # stacks with the winner
    assert decisions["DESTITUTE_SUPPORT"]["eligible"] is False
    assert decisions["DESTITUTE_SUPPORT"]["reasons"][0].startswith("不符合条件")
    decided_on = date.fromisoformat(benefits["decidedOn"])
    [held] = _entitlement(benefits, winner["programme"]["code"])
    assert held["startsOn"] == decided_on.replace(day=1).isoformat()
    assert held["status"] == "ACTIVE" and held["endsOn"] is None
    assert held["monthlyAmountFen"] > 0
    assert _entitlement(benefits, "MINIMUM_SUBSISTENCE")[0]["status"] == "ACTIVE"

    def traced():
        found: dict[str, set[str]] = {}
        for span in platform.spans():
            if span["context"]["trace_id"] != f"0x{trace_id}":
                continue
            attributes = span.get("attributes") or {}
            group = attributes.get("messaging.consumer.group.name")
            found.setdefault(span["name"], set()).add(group or "")
        wanted = {"POST /graphql", "shouhu.registry publish", "shouhu.benefits publish"}
        consumed = "benefits" in found.get("shouhu.registry process", set())
        return found if wanted <= found.keys() and consumed else None

    spans = eventually(traced, timeout=60)
    assert any(name.startswith("POST /children") for name in spans), spans


def test_a_standard_change_switches_the_winner_at_the_month_boundary(platform):
    admin = platform.token("admin.district")
    worker = platform.token("worker.110109001")
    child = _register(platform, worker)
    _classify(platform, worker, child, ["DISABLED"])
    before = eventually(
        lambda: (b := _benefits(platform, worker, child["id"]))["entitlements"] and b, timeout=60
    )
    old = _winner(before)["programme"]["code"]
    new = (
        "DISABILITY_TWO_SUBSIDIES"
        if old == "HARDSHIP_LIVING_ALLOWANCE"
        else "HARDSHIP_LIVING_ALLOWANCE"
    )
    programmes = graphql(platform.graphql_url, "{ programmes { code monthlyAmountFen } }", admin)[
        "data"
    ]["programmes"]
    highest = max(p["monthlyAmountFen"] for p in programmes if p["code"] in (old, new))
    year = today().year
    body = graphql(
        platform.graphql_url,
        SET_STANDARD,
        admin,
        {"programme": new, "year": year, "fen": highest + 10000},
    )
    assert "errors" not in body, body
    assert body["data"]["setBenefitStandard"]["monthlyAmountFen"] == highest + 10000
    assert body["data"]["setBenefitStandard"]["placeholder"] is False

    def switched():
        benefits = _benefits(platform, worker, child["id"])
        return benefits if _entitlement(benefits, new) else None

    after = eventually(switched, timeout=60)
    day = date.fromisoformat(after["decidedOn"])
    [ending] = _entitlement(after, old)
    [starting] = _entitlement(after, new)
    assert ending["endsOn"] == _month_end(day).isoformat()
    assert ending["status"] == "ACTIVE"  # paid to the end of this month
    assert "择高原则" in ending["endReason"]
    assert starting["startsOn"] == (_month_end(day) + timedelta(days=1)).isoformat()
    assert starting["status"] == "SCHEDULED"
    assert starting["monthlyAmountFen"] == highest + 10000
    assert _winner(after)["programme"]["code"] == new

    # Not the district's: a worker may not set standards.
    denied = graphql(
        platform.graphql_url, SET_STANDARD, worker, {"programme": new, "year": year, "fen": 1}
    )
    assert error_codes(denied) == ["FORBIDDEN"]
    invalid = graphql(
        platform.graphql_url, SET_STANDARD, admin, {"programme": new, "year": year, "fen": -1}
    )
    assert error_codes(invalid) == ["VALIDATION_FAILED"]
    assert "monthlyAmountFen" in invalid["errors"][0]["extensions"]["fields"]


def _all_lines(platform, token, month, division=None):
    found, after = [], None
    while True:
        body = graphql(
            platform.graphql_url,
            LINES,
            token,
            {"month": month, "division": division, "after": after},
        )
        assert "errors" not in body, body
        page = body["data"]["paymentBatch"]["lines"]
        found += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


def test_a_batch_run_twice_pays_once_and_each_role_sees_its_part(platform):
    admin = platform.token("admin.district")
    worker = platform.token("worker.110109001")
    child = _register(platform, worker)
    _classify(platform, worker, child, ["LOW_INCOME_FAMILY"])
    eventually(lambda: _benefits(platform, worker, child["id"])["entitlements"], timeout=60)
    month = date.fromisoformat(_benefits(platform, worker, child["id"])["decidedOn"]).strftime(
        "%Y-%m"
    )

    first = graphql(platform.graphql_url, RUN_BATCH, admin, {"month": month})
    assert "errors" not in first, first
    batch = first["data"]["runPaymentBatch"]
    again = graphql(platform.graphql_url, RUN_BATCH, admin, {"month": month})["data"][
        "runPaymentBatch"
    ]
    assert again["id"] == batch["id"] and again["lineCount"] == batch["lineCount"]
    assert again["totalFen"] == batch["totalFen"]
    assert batch["lineCount"] == sum(t["lineCount"] for t in batch["totals"])
    assert batch["totalFen"] == sum(t["totalFen"] for t in batch["totals"])

    lines = _all_lines(platform, admin, month)
    assert len(lines) == batch["lineCount"]
    mine = [line for line in lines if line["childId"] == child["id"]]
    assert [(line["programme"], line["amountFen"] > 0) for line in mine] == [
        ("HARDSHIP_LIVING_ALLOWANCE", True)
    ]
    # The village's supervisor sees the child; another town's does not.
    village = _all_lines(platform, platform.token("supervisor.110109001001"), month)
    assert child["id"] in {line["childId"] for line in village}
    other = _all_lines(platform, platform.token("supervisor.110109101001"), month)
    assert child["id"] not in {line["childId"] for line in other}
    assert {line["childId"] for line in village} <= {line["childId"] for line in lines}

    # The auditor reads the totals, never a child's line.
    auditor = platform.token("auditor.district")
    totals = graphql(
        platform.graphql_url,
        "query($m: String!) { paymentBatch(month: $m) { lineCount totalFen totals { townName } } }",
        auditor,
        {"m": month},
    )
    assert "errors" not in totals, totals
    assert totals["data"]["paymentBatch"]["totalFen"] == batch["totalFen"]
    denied = graphql(
        platform.graphql_url,
        "query($m: String!) { paymentBatch(month: $m) { lines { edges { cursor } } } }",
        auditor,
        {"m": month},
    )
    assert error_codes(denied) == ["FORBIDDEN"]
    assert error_codes(graphql(platform.graphql_url, RUN_BATCH, worker, {"month": month})) == [
        "FORBIDDEN"
    ]

    # The finance office's files, through the gateway.
    export = graphql(
        platform.graphql_url,
        "query($m: String!) { paymentBatch(month: $m) { export(format: CSV) { filename "
        "mediaType contentBase64 } } }",
        admin,
        {"m": month},
    )
    assert "errors" not in export, export
    csv_file = export["data"]["paymentBatch"]["export"]
    assert csv_file["filename"] == f"payment-batch-{month}.csv"
    text = base64.b64decode(csv_file["contentBase64"]).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("序号,发放月份")
    assert len(text.splitlines()) == batch["lineCount"] + 1


def test_programmes_and_child_benefits_by_role(platform):
    supervisor = platform.token("supervisor.110109001001")
    programmes = graphql(
        platform.graphql_url,
        "{ programmes { code name kind administeredElsewhere pilot enabled "
        "exclusiveGroup { name members stacksWith } } }",
        supervisor,
    )
    assert "errors" not in programmes, programmes
    by_code = {p["code"]: p for p in programmes["data"]["programmes"]}
    assert by_code["HARDSHIP_LIVING_ALLOWANCE"]["name"] == "困境儿童生活保障"
    assert by_code["MINIMUM_SUBSISTENCE"]["administeredElsewhere"] is True
    assert by_code["GUARDIANSHIP_ALLOWANCE"]["pilot"] is True
    assert by_code["DESTITUTE_SUPPORT"]["exclusiveGroup"]["stacksWith"] == ["MINIMUM_SUBSISTENCE"]

    worker = platform.token("worker.110109001")
    child = _register(platform, worker)
    _classify(platform, worker, child, ["LOW_INCOME_FAMILY"])
    eventually(lambda: _benefits(platform, supervisor, child["id"])["entitlements"], timeout=60)
    # Another town's worker cannot read the child at all.
    other = graphql(
        platform.graphql_url, BENEFITS, platform.token("worker.110109101"), {"id": child["id"]}
    )
    assert other["data"]["child"] is None
    # Many files at once: benefits come in one call per page of files.
    page = graphql(
        platform.graphql_url,
        """query($f: ChildFilter) { children(filter: $f, first: 20) {
             edges { node { id benefits { entitlements { programme { code } status } } } } } }""",
        supervisor,
        {"f": {"divisionCode": VILLAGE, "name": child["name"]}},
    )
    assert "errors" not in page, page
    [node] = [e["node"] for e in page["data"]["children"]["edges"]]
    assert node["id"] == child["id"]
    assert node["benefits"]["entitlements"][0]["status"] == "ACTIVE"


def test_the_civil_affairs_department_system_sees_every_town(platform):
    """Civil affairs' own system, with its service account, reads benefits across towns."""
    towns = {"110109001001": "worker.110109001", "110109101001": "worker.110109101"}
    children = []
    for village, username in towns.items():
        worker = platform.token(username)
        child = _register(platform, worker, village)
        _classify(platform, worker, child, ["LOW_INCOME_FAMILY"])
        children.append(child)
    system = platform.service_token("dept-civil-affairs")
    for child in children:
        benefits = eventually(
            lambda child=child: _benefits(platform, system, child["id"])["entitlements"] or None,
            timeout=60,
        )
        assert "HARDSHIP_LIVING_ALLOWANCE" in {e["programme"]["code"] for e in benefits}
    # Another town's worker does not see the first child at all.
    other = graphql(
        platform.graphql_url,
        BENEFITS,
        platform.token("worker.110109101"),
        {"id": children[0]["id"]},
    )
    assert other["data"]["child"] is None
    # The month's batch (run here, or earlier by another test: the same batch) in district scope.
    month = today().strftime("%Y-%m")
    admin = platform.token("admin.district")
    assert "errors" not in graphql(platform.graphql_url, RUN_BATCH, admin, {"month": month})
    scope = graphql(
        platform.graphql_url,
        "query($m: String!) { paymentBatch(month: $m) { scopeDivisionCode totalFen } }",
        system,
        {"m": month},
    )
    assert scope["data"]["paymentBatch"]["scopeDivisionCode"] == "110109"
    everything = {line["childId"] for line in _all_lines(platform, admin, month)}
    assert {line["childId"] for line in _all_lines(platform, system, month)} == everything


PLAN = """
query Plan($id: ID!) {
  child(id: $id) {
    supportPlan { measures { department kind description status dueDate } }
    history { operation }
  }
}
"""


def test_the_plan_tells_hiv_from_serious_illness_only_to_health_detail(embedded):
    """The measures benefits adds to the plan read alike for both children without health detail."""
    admin = embedded.token("admin.district")
    hiv, ill = _register(embedded, admin), _register(embedded, admin)
    _classify(embedded, admin, hiv, ["HIV_AFFECTED"])
    _classify(embedded, admin, ill, ["SERIOUSLY_ILL"])

    def plan(token, child):
        body = graphql(embedded.graphql_url, PLAN, token, {"id": child["id"]})
        assert "errors" not in body, body
        return body["data"]["child"]

    for child in (hiv, ill):  # benefits decided, and the plan shows its measures
        eventually(lambda child=child: plan(admin, child)["supportPlan"]["measures"], timeout=60)
    clerk = embedded.token("clerk.district")
    assert plan(clerk, hiv) == plan(clerk, ill)
    assert plan(admin, hiv) != plan(admin, ill)
