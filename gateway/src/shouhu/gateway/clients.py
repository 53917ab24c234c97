"""One typed call per service operation: paths built here only, every id checked and encoded."""

from __future__ import annotations

import asyncio
import io
import json
import re
import time
from collections.abc import AsyncIterator
from typing import IO, Any, Literal
from urllib.parse import quote

import aiohttp

from shouhu.platform.auth import operation_headers
from shouhu.platform.errors import Internal, ValidationFailed
from shouhu.platform.http import ServiceClient

JSON = Any
MAX_BATCH = 100  # ids per batch call, as the services accept
# A relayed stream that drops is reopened where it left off: at once, then backing off, and given
# up after this many drops in a row (about 11 s: a replica's restart), each within a minute.
STREAM_RETRIES = 7
STREAM_STEADY_SECONDS = 60.0
STREAM_UNAVAILABLE = "实时通知暂时中断，请稍后重新订阅"
# A 100,000-row ledger takes about a minute; a district-wide XLSX export about 12 s.
IMPORT_TIMEOUT_SECONDS = 600.0
EXPORT_TIMEOUT_SECONDS = 120.0

JSON_TYPE = "application/json"
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_DIVISION = re.compile(r"\d{6}(\d{3}){0,2}")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_CODE = re.compile(r"[A-Z][A-Z_]{0,63}")
TASK_ACTIONS = frozenset({"accept", "request-materials", "materials", "complete", "decline"})
CASE_ACTIONS = frozenset(
    {"accept", "responses", "missing-alert/close", "notify-town", "assessment", "close"}
)
INTERVENTION_ACTIONS = frozenset({"close", "petition", "court-decision"})
ENROLMENT_ACTIONS = frozenset({"end", "transfer", "suspend", "resume"})
_SCHOOL = re.compile(r"\d{10}")
SCHOOL_CODE_SAID = "学校标识码应为10位数字"
_SEMESTER = re.compile(r"\d{4}-(SPRING|AUTUMN)")
SEMESTER_SAID = "学期格式应为 年份-SPRING 或 年份-AUTUMN，如 2026-AUTUMN"


def _segment(value: str, pattern: re.Pattern[str], field: str, message: str) -> str:
    """A path segment that cannot leave its place: checked for shape, then percent-encoded."""
    if not pattern.fullmatch(value):
        raise ValidationFailed(message, fields={field: message})
    return quote(value, safe="")


def id_segment(value: str, field: str = "id") -> str:
    return _segment(str(value), _ID, field, "编号格式不正确")


def division_segment(value: str, field: str = "divisionCode") -> str:
    return _segment(value, _DIVISION, field, "区划代码应为6、9或12位数字")


def month_segment(value: str, field: str = "month") -> str:
    return _segment(value, _MONTH, field, "月份格式应为YYYY-MM，如2026-11")


def code_segment(value: str, field: str) -> str:
    return _segment(value, _CODE, field, "代码格式不正确")


class _Bound:
    """A service's client with the caller's token (and the key that signs what reads serve)."""

    def __init__(self, client: ServiceClient, token: str, gateway_key: str = "") -> None:
        self._client = client
        self._token = token
        self._gateway_key = gateway_key

    def _reading(self, operation: str) -> dict[str, str]:
        """What the access log records as the reason of a read, signed as the gateway's."""
        return operation_headers(self._gateway_key, operation, self._token)

    async def _get(self, path: str, **kwargs: Any) -> JSON:
        return await self._client.get(path, token=self._token, **kwargs)

    async def _post(self, path: str, **kwargs: Any) -> JSON:
        return await self._client.post(path, token=self._token, **kwargs)

    async def _send(self, method: str, path: str, **kwargs: Any) -> JSON:
        return await self._client.request(method, path, token=self._token, **kwargs)


class Registry(_Bound):
    """The registry: divisions, workforce, children's files, visits, plans, statistics."""

    # -- divisions and workforce
    async def all_divisions(self) -> JSON:
        return await self._get("/divisions", params={"all": True})

    async def workforce_of(self, codes: list[str], include_ended: bool) -> JSON:
        return await self._get(
            "/workforce", params={"divisionCodes": codes, "includeEnded": include_ended}
        )

    async def workforce_coverage(self, division_code: str | None) -> JSON:
        return await self._get("/workforce/coverage", params={"divisionCode": division_code})

    async def assign_worker(self, division_code: str, body: JSON) -> JSON:
        return await self._post(
            f"/divisions/{division_segment(division_code)}/workforce", json=body
        )

    async def end_worker_assignment(self, member_id: str, until: str | None) -> JSON:
        return await self._post(f"/workforce/{id_segment(member_id)}/end", json={"until": until})

    # -- children's files
    async def child(self, child_id: str, include: list[str], operation: str) -> JSON:
        return await self._get(
            f"/children/{id_segment(child_id)}",
            params={"include": include},
            headers=self._reading(operation),
        )

    async def children(self, ids: list[str], include: list[str], operation: str) -> JSON:
        for child_id in ids:
            id_segment(child_id)
        return await self._post(
            "/children/batch",
            json={"ids": ids, "include": include},
            headers=self._reading(operation),
        )

    async def search_children(self, body: JSON, include: list[str], operation: str) -> JSON:
        body = {**body, "include": include}
        return await self._post("/children/search", json=body, headers=self._reading(operation))

    async def match_identities(self, id_numbers: list[str], operation: str) -> JSON:
        """Identity numbers → children's ids (a school's roster); each match logged as a read."""
        return await self._post(
            "/children/match",
            json={"idNumbers": id_numbers},
            headers=self._reading(operation),
            timeout_seconds=IMPORT_TIMEOUT_SECONDS,
        )

    async def lookup_child(self, id_number: str, operation: str) -> JSON:
        return await self._post(
            "/children/lookup", json={"idNumber": id_number}, headers=self._reading(operation)
        )

    async def register_child(self, body: JSON) -> JSON:
        return await self._post("/children", json=body)

    async def update_child(self, child_id: str, version: int, body: JSON) -> JSON:
        return await self._send(
            "PATCH", f"/children/{id_segment(child_id)}", params={"version": version}, json=body
        )

    async def classify_child(self, child_id: str, version: int, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id)}/classifications",
            params={"version": version},
            json=body,
        )

    async def exit_child(self, child_id: str, version: int, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id)}/exit", params={"version": version}, json=body
        )

    async def set_guardians(self, child_id: str, version: int, body: JSON) -> JSON:
        return await self._send(
            "PUT",
            f"/children/{id_segment(child_id, 'childId')}/guardians",
            params={"version": version},
            json=body,
        )

    async def duplicate_reviews(self) -> JSON:
        return await self._get("/duplicate-reviews")

    async def transfer_requests(self, status: str | None) -> JSON:
        return await self._get("/transfer-requests", params={"status": status} if status else None)

    async def decide_transfer(self, transfer_id: str, decision: str, reason: str | None) -> JSON:
        return await self._post(
            f"/transfer-requests/{id_segment(transfer_id)}/decision",
            json={"decision": decision, "reason": reason},
        )

    async def decide_duplicate_review(self, review_id: str, decision: str) -> JSON:
        return await self._post(
            f"/duplicate-reviews/{id_segment(review_id)}/decide", json={"decision": decision}
        )

    async def access_log(self, child_id: str, first: int, after: str | None) -> JSON:
        return await self._get(
            f"/children/{id_segment(child_id, 'childId')}/access-log",
            params={"first": first, "after": after},
        )

    async def statistics(self, division_code: str, as_of: str | None) -> JSON:
        return await self._get(
            f"/statistics/{division_segment(division_code)}", params={"as_of": as_of}
        )

    # -- visits and plans
    async def record_visit(self, child_id: str, body: JSON) -> JSON:
        return await self._post(f"/children/{id_segment(child_id, 'childId')}/visits", json=body)

    async def overdue_visits(
        self, division_code: str | None, first: int, after: str | None, operation: str
    ) -> JSON:
        return await self._get(
            "/visits/overdue",
            params={"divisionCode": division_code, "first": first, "after": after},
            headers=self._reading(operation),
        )

    async def visit_policy(self) -> JSON:
        return await self._get("/visit-policy")

    async def set_visit_interval(self, category: str, interval_days: int) -> JSON:
        return await self._send(
            "PUT",
            f"/visit-policy/{code_segment(category, 'category')}",
            json={"intervalDays": interval_days},
        )

    async def add_plan_measure(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/plan/measures", json=body
        )

    async def update_plan_measure(self, measure_id: str, version: int, body: JSON) -> JSON:
        return await self._send(
            "PATCH",
            f"/plan-measures/{id_segment(measure_id)}",
            params={"version": version},
            json=body,
        )

    # -- the single window (一门受理、协同办理)
    async def submit_intake(self, body: JSON) -> JSON:
        return await self._post("/intakes", json=body)

    async def intake(self, intake_id: str) -> JSON:
        return await self._get(f"/intakes/{id_segment(intake_id)}")

    async def intakes(self, params: dict[str, Any]) -> JSON:
        return await self._get("/intakes", params=params)

    async def intake_receipt(self, intake_id: str) -> JSON:
        return await self._get(
            f"/intakes/{id_segment(intake_id)}/receipt", timeout_seconds=EXPORT_TIMEOUT_SECONDS
        )

    async def intake_guide(self) -> JSON:
        return await self._get("/intake-guide")

    async def intake_statistics(self, start: str, end: str) -> JSON:
        return await self._get("/intake-statistics", params={"from": start, "to": end})

    async def intake_statistics_export(self, start: str, end: str) -> JSON:
        return await self._get(
            "/intake-statistics/export",
            params={"from": start, "to": end},
            timeout_seconds=EXPORT_TIMEOUT_SECONDS,
        )

    async def case_statistics(self, start: str, end: str) -> JSON:
        return await self._get("/case-statistics", params={"from": start, "to": end})

    async def case_statistics_export(self, start: str, end: str) -> JSON:
        return await self._get(
            "/case-statistics/export",
            params={"from": start, "to": end},
            timeout_seconds=EXPORT_TIMEOUT_SECONDS,
        )

    async def withdraw_intake(self, intake_id: str, reason: str) -> JSON:
        return await self._post(
            f"/intakes/{id_segment(intake_id)}/withdraw", json={"reason": reason}
        )

    async def department_tasks(self, params: dict[str, Any]) -> JSON:
        return await self._get("/department-tasks", params=params)

    async def act_on_task(self, task_id: str, action: str, body: JSON | None = None) -> JSON:
        """`accept`, `request-materials`, `materials`, `complete` or `decline` a task."""
        if action not in TASK_ACTIONS:
            raise ValueError(f"unknown task action {action}")
        return await self._post(f"/department-tasks/{id_segment(task_id)}/{action}", json=body)

    # -- protection cases (强制报告)
    async def file_report(self, body: JSON, operation: str) -> JSON:
        return await self._post("/reports", json=body, headers=self._reading(operation))

    async def report(self, report_id: str, operation: str) -> JSON:
        return await self._get(
            f"/reports/{id_segment(report_id)}", headers=self._reading(operation)
        )

    async def reports(self, params: dict[str, Any], operation: str) -> JSON:
        return await self._get("/reports", params=params, headers=self._reading(operation))

    async def act_on_report(
        self, report_id: str, action: str, body: JSON | None, operation: str
    ) -> JSON:
        """`accept`, `responses`, `missing-alert/close`, `notify-town`, `assessment` or `close`;
        the case read back is logged as the operation's."""
        if action not in CASE_ACTIONS:
            raise ValueError(f"unknown case action {action}")
        return await self._post(
            f"/reports/{id_segment(report_id, 'reportId')}/{action}",
            json=body or {},
            headers=self._reading(operation),
        )

    async def add_report_attachment(self, report_id: str, file: tuple[str, IO[bytes], str]) -> JSON:
        return await self._client.post_form(
            f"/reports/{id_segment(report_id, 'reportId')}/attachments",
            token=self._token,
            fields={},
            files={"file": file},
        )

    async def report_attachment(self, report_id: str, attachment_id: str, operation: str) -> JSON:
        return await self._get(
            f"/reports/{id_segment(report_id)}/attachments/{id_segment(attachment_id)}",
            headers=self._reading(operation),
        )

    async def open_intervention(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/interventions", json=body
        )

    async def interventions(self, child_id: str, operation: str) -> JSON:
        return await self._get(
            f"/children/{id_segment(child_id, 'childId')}/interventions",
            headers=self._reading(operation),
        )

    async def act_on_intervention(self, intervention_id: str, action: str, body: JSON) -> JSON:
        """`close`, `petition` or `court-decision` an intervention."""
        if action not in INTERVENTION_ACTIONS:
            raise ValueError(f"unknown intervention action {action}")
        return await self._post(f"/interventions/{id_segment(intervention_id)}/{action}", json=body)

    # -- the ledger
    async def import_ledger(self, mode: str, file: tuple[str, IO[bytes], str]) -> JSON:
        return await self._client.post_form(
            "/imports",
            token=self._token,
            fields={"mode": mode},
            files={"file": file},
            timeout_seconds=IMPORT_TIMEOUT_SECONDS,
        )


async def ledger_template(client: ServiceClient, kind: Literal["xlsx", "csv"]) -> bytes:
    """The blank ledger template; no token (a browser link)."""
    body, _ = await client.get_bytes(f"/imports/template.{kind}")
    return body


async def roster_template(client: ServiceClient, kind: Literal["xlsx", "csv"]) -> bytes:
    """The blank roster template of education; no token (a browser link)."""
    body, _ = await client.get_bytes(f"/rosters/template.{kind}")
    return body


async def volunteer_roster_template(client: ServiceClient) -> bytes:
    """The blank roster of volunteers (XLSX); no token (a browser link)."""
    body, _ = await client.get_bytes("/volunteers/roster/template.xlsx")
    return body


class Benefits(_Bound):
    """Benefits: programmes and standards, decisions and entitlements, payment batches."""

    async def programmes(self) -> JSON:
        return await self._get("/programmes")

    async def set_standard(self, programme: str, year: int, monthly_amount_fen: int) -> JSON:
        return await self._send(
            "PUT",
            f"/programmes/{code_segment(programme, 'programme')}/standards/{int(year)}",
            json={"monthlyAmountFen": monthly_amount_fen},
        )

    async def set_enabled(self, programme: str, enabled: bool) -> JSON:
        return await self._send(
            "PUT",
            f"/programmes/{code_segment(programme, 'programme')}/enabled",
            json={"enabled": enabled},
        )

    async def benefits_of(self, child_ids: list[str]) -> JSON:
        """Many children's benefits, `MAX_BATCH` per call."""
        rows: list[JSON] = []
        for start in range(0, len(child_ids), MAX_BATCH):
            rows += await self._post(
                "/children/benefits", json={"childIds": child_ids[start : start + MAX_BATCH]}
            )
        return rows

    async def decisions(self, child_id: str, first: int) -> JSON:
        return await self._get(
            f"/children/{id_segment(child_id, 'childId')}/decisions", params={"first": first}
        )

    async def run_payment_batch(self, month: str) -> JSON:
        return await self._post("/payment-batches", json={"month": month})

    async def payment_batch(self, month: str) -> JSON:
        return await self._get(f"/payment-batches/{month_segment(month)}")

    async def payment_batches(self, first: int) -> JSON:
        return await self._get("/payment-batches", params={"first": first})

    async def payment_lines(self, month: str, params: dict[str, Any]) -> JSON:
        return await self._get(f"/payment-batches/{month_segment(month)}/lines", params=params)

    async def payment_export(self, month: str, format: str) -> JSON:
        return await self._get(
            f"/payment-batches/{month_segment(month)}/export",
            params={"format": format},
            timeout_seconds=EXPORT_TIMEOUT_SECONDS,
        )


class Education(_Bound):
    """Education: schools, children's enrolments, the dropout watch, aid, home teaching."""

    async def schools(self, town_code: str | None) -> JSON:
        return await self._get("/schools", params={"townCode": town_code})

    async def create_school(self, body: JSON) -> JSON:
        return await self._post("/schools", json=body)

    async def update_school(self, code: str, version: int, body: JSON) -> JSON:
        return await self._send(
            "PUT",
            f"/schools/{_segment(code, _SCHOOL, 'code', SCHOOL_CODE_SAID)}",
            params={"version": version},
            json=body,
        )

    async def my_school(self) -> JSON:
        return await self._get("/school-staff/me")

    async def school_pupils(self, school_code: str, first: int, after: str | None) -> JSON:
        code = _segment(school_code, _SCHOOL, "schoolCode", SCHOOL_CODE_SAID)
        return await self._get(f"/schools/{code}/pupils", params={"first": first, "after": after})

    async def education_of(self, child_ids: list[str]) -> JSON:
        """Many children's education, `MAX_BATCH` per call."""
        rows: list[JSON] = []
        for start in range(0, len(child_ids), MAX_BATCH):
            rows += await self._post(
                "/children/education", json={"childIds": child_ids[start : start + MAX_BATCH]}
            )
        return rows

    async def record_enrolment(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/enrolments", json=body
        )

    async def enrolment_action(self, enrolment_id: str, action: str, body: JSON) -> JSON:
        """`end`, `transfer`, `suspend` or `resume` an enrolment."""
        if action not in ENROLMENT_ACTIONS:
            raise ValueError(f"unknown enrolment action {action}")
        return await self._post(f"/enrolments/{id_segment(enrolment_id)}/{action}", json=body)

    async def roster_identities(self, school_code: str, file: tuple[str, bytes, str]) -> JSON:
        """The roster's well-formed distinct numbers (none when imported for the school before)."""
        name, content, content_type = file
        return await self._client.post_form(
            "/rosters/identities",
            token=self._token,
            fields={"schoolCode": school_code},
            # A stream of its own each call: the form closes what it sends.
            files={"file": (name, io.BytesIO(content), content_type)},
            timeout_seconds=IMPORT_TIMEOUT_SECONDS,
        )

    async def import_roster(
        self, school_code: str, mode: str, matches: dict[str, str], file: tuple[str, bytes, str]
    ) -> JSON:
        name, content, content_type = file
        return await self._client.post_form(
            "/rosters",
            token=self._token,
            fields={"schoolCode": school_code, "mode": mode},
            files={
                "file": (name, io.BytesIO(content), content_type),
                "matches": ("matches.json", io.BytesIO(json.dumps(matches).encode()), JSON_TYPE),
            },
            timeout_seconds=IMPORT_TIMEOUT_SECONDS,
        )

    async def dropout_risks(self, division_code: str, first: int, after: str | None) -> JSON:
        return await self._get(
            "/dropout-risks",
            params={"divisionCode": division_code, "first": first, "after": after},
        )

    async def exempt_dropout_risk(self, risk_id: str, body: JSON) -> JSON:
        return await self._post(f"/dropout-risks/{id_segment(risk_id)}/exempt", json=body)

    async def report_absence(self, child_id: str, body: JSON) -> JSON:
        return await self._post(f"/children/{id_segment(child_id, 'childId')}/absences", json=body)

    async def report_return(self, child_id: str, body: JSON) -> JSON:
        return await self._post(f"/children/{id_segment(child_id, 'childId')}/returns", json=body)

    # -- inclusive schooling (融合教育) and home teaching (送教上门)
    async def decide_placement(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/placements", json=body
        )

    async def plan_home_teaching(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/home-teaching", json=body
        )

    async def record_home_teaching_session(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/home-teaching/sessions", json=body
        )

    async def home_teaching_sessions(self, child_id: str, last: int) -> JSON:
        return await self._get(
            f"/children/{id_segment(child_id, 'childId')}/home-teaching/sessions",
            params={"last": last},
        )

    async def home_teaching(self, division_code: str) -> JSON:
        return await self._get("/home-teaching", params={"divisionCode": division_code})

    # -- non-Beijing children (非京籍) and the statistics
    async def record_enrolment_documents(self, child_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/children/{id_segment(child_id, 'childId')}/enrolment-documents", json=body
        )

    async def education_statistics(self, division_code: str) -> JSON:
        return await self._get("/education-statistics", params={"divisionCode": division_code})

    # -- aid by stage (分类资助)
    async def aid_programmes(self) -> JSON:
        return await self._get("/aid/programmes")

    async def set_aid_standard(self, body: JSON) -> JSON:
        return await self._post("/aid/standards", json=body)

    async def run_aid_semester(self, semester: str) -> JSON:
        return await self._post("/aid/semesters", json={"semester": semester})

    async def aid_semester(self, semester: str) -> JSON:
        return await self._get(f"/aid/semesters/{_semester(semester)}")

    async def aid_semesters(self, first: int) -> JSON:
        return await self._get("/aid/semesters", params={"first": first})

    async def aid_lines(self, semester: str, params: dict[str, Any]) -> JSON:
        return await self._get(f"/aid/semesters/{_semester(semester)}/lines", params=params)

    async def aid_export(self, semester: str, format: str) -> JSON:
        return await self._get(
            f"/aid/semesters/{_semester(semester)}/export",
            params={"format": format},
            timeout_seconds=EXPORT_TIMEOUT_SECONDS,
        )


def _semester(value: str) -> str:
    return _segment(value, _SEMESTER, "semester", SEMESTER_SAID)


class Volunteers(_Bound):
    """Volunteers: organisations, volunteers, their vetting, activities, hours, own view."""

    async def organisations(self, division_code: str | None) -> JSON:
        return await self._get("/organisations", params={"divisionCode": division_code})

    async def create_organisation(self, body: JSON) -> JSON:
        return await self._post("/organisations", json=body)

    async def register(self, body: JSON) -> JSON:
        return await self._post("/volunteers", json=body)

    async def volunteer(self, volunteer_id: str) -> JSON:
        return await self._get(f"/volunteers/{id_segment(volunteer_id)}")

    async def volunteers(
        self, division_code: str, first: int, after: str | None, vetted: bool | None
    ) -> JSON:
        return await self._get(
            "/volunteers",
            params={
                "divisionCode": division_code,
                "first": first,
                "after": after,
                "vetted": vetted,
            },
        )

    async def record_vetting(self, volunteer_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/volunteers/{id_segment(volunteer_id, 'volunteerId')}/vettings", json=body
        )

    # -- caring families (爱心家庭)
    async def register_caring_family(self, body: JSON) -> JSON:
        return await self._post("/caring-families", json=body)

    async def caring_families(self, division_code: str, status: str | None) -> JSON:
        return await self._get(
            "/caring-families", params={"divisionCode": division_code, "status": status}
        )

    async def caring_family(self, family_id: str) -> JSON:
        return await self._get(f"/caring-families/{id_segment(family_id)}")

    async def assess_caring_family(self, family_id: str, version: int, body: JSON) -> JSON:
        return await self._post(
            f"/caring-families/{id_segment(family_id)}/assessment",
            params={"version": version},
            json=body,
        )

    async def link_caring_family(self, family_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/caring-families/{id_segment(family_id, 'familyId')}/links", json=body
        )

    async def unlink_caring_family(self, link_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/caring-family-links/{id_segment(link_id, 'linkId')}/end", json=body
        )

    # -- donations (捐赠)
    async def record_donation(self, body: JSON) -> JSON:
        return await self._post("/donations", json=body)

    async def donations(self, organisation_id: str | None, first: int) -> JSON:
        return await self._get(
            "/donations", params={"organisationId": organisation_id, "first": first}
        )

    async def donation(self, donation_id: str) -> JSON:
        return await self._get(f"/donations/{id_segment(donation_id)}")

    async def record_donation_use(self, donation_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/donations/{id_segment(donation_id, 'donationId')}/uses", json=body
        )

    async def donation_summary(self, year: int) -> JSON:
        return await self._get("/donations/summary", params={"year": year})

    async def donations_export(self, year: int, format: str) -> JSON:
        return await self._get(
            "/donations/export",
            params={"year": year, "format": format},
            timeout_seconds=EXPORT_TIMEOUT_SECONDS,
        )

    # -- needs (需求) and offers (资源)
    async def raise_need(self, body: JSON) -> JSON:
        return await self._post("/needs", json=body)

    async def needs(self, division_code: str, status: str | None) -> JSON:
        return await self._get("/needs", params={"divisionCode": division_code, "status": status})

    async def match_need(self, need_id: str, offer_id: str) -> JSON:
        return await self._post(
            f"/needs/{id_segment(need_id, 'needId')}/match",
            params={"offerId": id_segment(offer_id, "offerId")},
        )

    async def close_need(self, need_id: str, body: JSON) -> JSON:
        return await self._post(f"/needs/{id_segment(need_id, 'needId')}/close", json=body)

    async def create_offer(self, body: JSON) -> JSON:
        return await self._post("/offers", json=body)

    async def offers(self, division_code: str | None, open_only: bool) -> JSON:
        return await self._get(
            "/offers", params={"divisionCode": division_code, "openOnly": open_only}
        )

    async def create_activity(self, body: JSON) -> JSON:
        return await self._post("/activities", json=body)

    async def activity(self, activity_id: str) -> JSON:
        return await self._get(f"/activities/{id_segment(activity_id)}")

    async def activities(self, division_code: str, start: str | None, end: str | None) -> JSON:
        return await self._get(
            "/activities", params={"divisionCode": division_code, "from": start, "to": end}
        )

    async def sign_up(self, activity_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/activities/{id_segment(activity_id, 'activityId')}/sign-ups", json=body
        )

    async def record_attendance(self, activity_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/activities/{id_segment(activity_id, 'activityId')}/attendance", json=body
        )

    async def volunteer_activities(self, volunteer_id: str) -> JSON:
        return await self._get(f"/volunteers/{id_segment(volunteer_id)}/activities")

    async def record_hours(self, volunteer_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/volunteers/{id_segment(volunteer_id, 'volunteerId')}/hours", json=body
        )

    async def volunteer_hours(self, volunteer_id: str) -> JSON:
        return await self._get(f"/volunteers/{id_segment(volunteer_id)}/hours")

    async def hours_to_approve(self) -> JSON:
        return await self._get("/hours/to-approve")

    async def decide_hours(self, hours_id: str, body: JSON) -> JSON:
        return await self._post(f"/hours/{id_segment(hours_id, 'hoursId')}/decision", json=body)

    async def certificate(self, volunteer_id: str) -> JSON:
        return await self._get(f"/volunteers/{id_segment(volunteer_id)}/certificate")

    async def my_volunteer(self) -> JSON:
        return await self._get("/me/volunteer")

    async def disable(self, volunteer_id: str, body: JSON) -> JSON:
        return await self._post(f"/volunteers/{id_segment(volunteer_id)}/disable", json=body)

    async def enable(self, volunteer_id: str) -> JSON:
        return await self._post(f"/volunteers/{id_segment(volunteer_id)}/enable")

    async def import_roster(
        self, mode: str, organisation_id: str | None, file: tuple[str, bytes, str]
    ) -> JSON:
        name, content, content_type = file
        fields = {"mode": mode}
        if organisation_id is not None:
            fields["organisationId"] = organisation_id
        return await self._client.post_form(
            "/volunteers/roster",
            token=self._token,
            fields=fields,
            files={"file": (name, io.BytesIO(content), content_type)},
            timeout_seconds=IMPORT_TIMEOUT_SECONDS,
        )

    async def suggest(self, child_id: str, first: int) -> JSON:
        return await self._get(
            f"/children/{id_segment(child_id, 'childId')}/volunteer-suggestions",
            params={"first": first},
        )

    async def child_pairings(self, child_id: str) -> JSON:
        return await self._get(f"/children/{id_segment(child_id, 'childId')}/pairings")

    async def volunteer_pairings(self, volunteer_id: str) -> JSON:
        return await self._get(f"/volunteers/{id_segment(volunteer_id, 'volunteerId')}/pairings")

    async def pairing(self, pairing_id: str) -> JSON:
        return await self._get(f"/pairings/{id_segment(pairing_id)}")

    async def pair(self, body: JSON) -> JSON:
        return await self._post("/pairings", json=body)

    async def record_pairing_visit(self, pairing_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/pairings/{id_segment(pairing_id, 'pairingId')}/visits", json=body
        )

    async def end_pairing(self, pairing_id: str, body: JSON) -> JSON:
        return await self._post(f"/pairings/{id_segment(pairing_id)}/end", json=body)

    async def own_pairings(self, volunteer_id: str) -> JSON:
        return await self._get(f"/volunteers/{id_segment(volunteer_id)}/own-pairings")

    async def record_own_visit(self, pairing_id: str, body: JSON) -> JSON:
        return await self._post(
            f"/me/pairings/{id_segment(pairing_id, 'pairingId')}/visits", json=body
        )


class Notifications(_Bound):
    """The caller's in-app notifications."""

    async def page(self, first: int, after: str | None, unread_only: bool) -> JSON:
        return await self._get(
            "/notifications", params={"first": first, "after": after, "unreadOnly": unread_only}
        )

    async def mark_read(self, notification_id: str) -> JSON:
        return await self._post(f"/notifications/{id_segment(notification_id)}/read")

    async def acknowledge(self, notification_id: str) -> JSON:
        return await self._post(f"/notifications/{id_segment(notification_id)}/acknowledge")

    async def deliveries_of(self, notification_ids: list[str]) -> JSON:
        return await self._post(
            "/notifications/deliveries", json={"notificationIds": notification_ids}
        )

    async def failed_deliveries(self) -> JSON:
        return await self._get("/deliveries/failed")

    async def escalations(self) -> JSON:
        return await self._get("/escalations")


class NotificationStream(_Bound):
    """The caller's notifications as they come, relayed from the service's stream."""

    async def follow(self, after: str | None) -> AsyncIterator[JSON]:
        """Each notification after `after`, as it commits; the stream reopened where it dropped."""
        cursor, drops, opened = after, 0, time.monotonic()
        while True:
            try:
                async for event in self._client.events(
                    "/notifications/stream", token=self._token, params={"after": cursor}
                ):
                    row = json.loads(event.data)
                    cursor = event.id or row["cursor"]
                    yield row
            except (aiohttp.ClientError, TimeoutError):
                pass  # dropped, or silent past the read timeout: reopened below
            # Also when it ended: the service stops (another replica answers) or the token
            # expired (the service refuses it now, and the refusal reaches the caller).
            now = time.monotonic()
            drops = drops + 1 if now - opened < STREAM_STEADY_SECONDS else 1
            if drops > STREAM_RETRIES:
                raise Internal(STREAM_UNAVAILABLE)
            await asyncio.sleep(min(0.1 * 2 ** (drops - 1), 5.0))
            opened = time.monotonic()
