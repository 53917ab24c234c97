"""Write the committed contracts: the GraphQL schema, each service's OpenAPI, event schemas,
the console's typed operations and labels.

`make contracts` runs it after a deliberate change; CI checks that the files match the code.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ("registry", "benefits", "education", "volunteers", "notifications")


def graphql_schema() -> str:
    from shouhu.gateway.schema import schema

    return schema.as_str() + "\n"


def openapi(service: str) -> str:
    app_module = importlib.import_module(f"shouhu.{service}.app")
    app = app_module.create_app(app_module.Settings(database_url="sqlite:///:memory:"))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def published_events() -> dict[tuple[str, str, int], Any]:
    """Every `EVENTS` table of every service's `<module>/events.py`: (service, type, version)."""
    found: dict[tuple[str, str, int], Any] = {}
    for service in SERVICES:
        package = importlib.import_module(f"shouhu.{service}")
        for module in pkgutil.iter_modules(package.__path__):
            if not module.ispkg:
                continue
            try:
                events = importlib.import_module(f"shouhu.{service}.{module.name}.events")
            except ModuleNotFoundError:
                continue
            for (event_type, version), model in getattr(events, "EVENTS", {}).items():
                found[(service, event_type, version)] = model
    return found


def event_schemas() -> dict[Path, str]:
    """One JSON Schema per published event type and version."""
    out: dict[Path, str] = {}
    for (service, event_type, version), model in published_events().items():
        schema: dict[str, Any] = model.model_json_schema(by_alias=True)
        path = ROOT / "services" / service / "events" / f"{event_type}.v{version}.json"
        out[path] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def event_problems() -> list[str]:
    """Published event schemas that the code would now break; a change needs a new version."""
    from shouhu.platform.contracts import incompatibilities

    problems = []
    for path, text in event_schemas().items():
        if path.exists():
            published = json.loads(path.read_text(encoding="utf-8"))
            for problem in incompatibilities(published, json.loads(text)):
                problems.append(f"{path.name}: {problem}")
    return problems


PART_NAMES = {
    "identity": "性别、出生日期、年龄、户籍、登记与退出",
    "idNumberMasked": "身份证号（遮蔽：110109************）",
    "idNumber": "身份证号（完整）及按号码查找",
    "guardians": "家庭成员、监护人及其电话",
    "classifications": "分类（受艾滋病影响显示为重病）",
    "health": "健康详情：受艾滋病影响、重病残疾备注",
    "school": "学校",
    "notes": "备注",
    "history": "变更历史",
    "benefits": "福利待遇",
    "visits": "走访记录",
    "plan": "帮扶计划（全部部门）",
    "ownMeasures": "帮扶计划中本部门的措施",
    "cases": "保护案件详情：报告内容、处置、评估、附件及其变更历史",
}


def access_policy() -> str:
    """docs/access-policy.md: the registry's field policy per role, rendered from its table."""
    from shouhu.benefits import policy as benefits
    from shouhu.platform.auth import Role
    from shouhu.registry import policy

    parts = list(policy.Part)
    lines = [
        "# Who sees what of a child's file (access policy)",
        "",
        "Rendered by `make contracts` from `shouhu.registry.policy.FILE_VIEW`; CI checks it is",
        "current, so a change to the policy is a deliberate one. Every reader also sees the name,",
        "the village, the status, the primary category and the left-behind flag (the needs).",
        "Division scope applies on top: keepers within their division, departments district-wide.",
        "",
        "| part | " + " | ".join(f"`{role.value}`" for role in policy.FILE_VIEW) + " |",
        "|---|" + "---|" * len(policy.FILE_VIEW),
    ]
    for part in parts:
        cells = ["✓" if part in view else "" for view in policy.FILE_VIEW.values()]
        lines.append(f"| `{part.value}` {PART_NAMES[part.value]} | " + " | ".join(cells) + " |")
    no_file = sorted(r.value for r in Role if r not in policy.FILE_VIEW)
    lines += [
        "",
        f"Roles that read no file: {', '.join(f'`{r}`' for r in no_file)}.",
        "",
        "## Rules beside the table",
        "",
        "- A part not seen is absent from the answer and named in `withheld`; the gateway answers",
        "  null for it. Searching by a part not seen (`idNumber`, `group`, `subtype`, ages) is",
        "  refused (`FORBIDDEN`), and so is `childByIdNumber` without the identity number.",
        "- Without `health`, a subtype is shown as another everywhere (file, filters, history,",
        "  statistics): "
        + ", ".join(f"`{a}` as `{b}`" for a, b in policy.DISCLOSED_AS.items())
        + "; spells that then overlap are shown as one, and the notes of "
        + ", ".join(f"`{g}`" for g in sorted(policy.HEALTH_GROUPS))
        + " are withheld.",
        f"- Statistics for a role that reads no file show a count of 1 to {policy.SMALL_CELL - 1}"
        f" children as `<{policy.SMALL_CELL}`, and hide one more cell wherever a total would give",
        "  a hidden one back by subtraction (within a division, across the divisions below, and in",
        "  the trend).",
        "- A registration (or a change) with an identity number filed outside the caller's",
        "  division answers `DUPLICATE` without the file's id or place; a registration files a",
        "  transfer request (`transferRequests`, `decideTransfer`) that the district's civil",
        "  affairs decides. After "
        f"{policy.DUPLICATE_ANSWERS_PER_HOUR} `DUPLICATE` answers in an hour, a person's",
        "  registrations with a number answer `RATE_LIMITED` until the hour has passed.",
        "- Who may call which operation, in scope and out of it: docs/authz-matrix.md.",
        "- Benefits (the benefits service's table) go to: "
        + ", ".join(f"`{r.value}`" for r in sorted(benefits.READ_ROLES))
        + ".",
        *benefits_withheld(),
        "",
    ]
    return "\n".join(lines)


def benefits_withheld() -> list[str]:
    """The rule beside the table for benefits without health detail, from the benefits rules."""
    from shouhu.benefits import policy
    from shouhu.benefits.rules.schema import load

    apart = policy.treated_apart(load())

    def codes(programmes: frozenset[Any]) -> str:
        return ", ".join(f"`{c}`" for c in sorted(programmes)) or "none"

    health = sorted(r.value for r in policy.HEALTH_DETAIL_ROLES)
    return [
        "- Benefits without `health` (health detail: "
        + ", ".join(f"`{r}`" for r in health)
        + "): the facts of a decision",
        "  show subtypes as above (its own `DISCLOSED_AS`, which a test holds equal). Where the",
        "  benefits rules treat a subtype apart from what it is shown as (a condition or share",
        "  tier names one and not the other; a group follows its members), the fields that could",
        "  differ are withheld for every child alike, null and named in `withheld`:",
        "  - the whole decision, its entitlements and its standard in the facts: "
        + codes(apart.outcome)
        + ";",
        f"  - share, amount and reasons: {codes(apart.amount)};",
        f"  - reasons: {codes(apart.reasons)}.",
        "  A programme paid in batches may not be among them: such rules stop the service, so the",
        "  payment ledger (lines, exports, totals) withholds nothing.",
        "- Measures benefits adds to the support plan for a programme whose grant itself differs",
        "  are `restricted`: shown, with their history, only to roles with `health`; no measure",
        "  text names a share that differs.",
    ]


def console_labels() -> str:
    """The Chinese names the console shows for the API's values, from the platform's tables."""
    from shouhu.platform import labels
    from shouhu.registry.classifications.taxonomy import GROUP_NAMES, SUBTYPE_NAMES

    tables = {
        "need": labels.NEED_NAMES,
        "department": labels.DEPARTMENT_NAMES,
        "relation": labels.RELATION_NAMES,
        "reportKind": labels.REPORT_KIND_NAMES,
        "responseMeasure": labels.RESPONSE_MEASURE_NAMES,
        "role": labels.ROLE_NAMES,
        "schoolStage": labels.SCHOOL_STAGE_NAMES,
        "schoolKind": labels.SCHOOL_KIND_NAMES,
        "enrolmentStatus": labels.ENROLMENT_STATUS_NAMES,
        "enrolmentEndReason": labels.ENROLMENT_END_REASON_NAMES,
        "dropoutRiskReason": labels.DROPOUT_RISK_REASON_NAMES,
        "dropoutRiskOutcome": labels.DROPOUT_RISK_OUTCOME_NAMES,
        "exemptionReason": labels.EXEMPTION_REASON_NAMES,
        "aidProgramme": labels.AID_PROGRAMME_NAMES,
        "placementKind": labels.PLACEMENT_KIND_NAMES,
        "caringFamilyKind": labels.CARING_FAMILY_KIND_NAMES,
        "caringFamilyStatus": labels.CARING_FAMILY_STATUS_NAMES,
        "donorKind": labels.DONOR_KIND_NAMES,
        "donationKind": labels.DONATION_KIND_NAMES,
        "donationDesignation": labels.DONATION_DESIGNATION_NAMES,
        "resourceKind": labels.RESOURCE_KIND_NAMES,
        "needStatus": labels.NEED_STATUS_NAMES,
        "offerStatus": labels.OFFER_STATUS_NAMES,
        "volunteerSkill": labels.VOLUNTEER_SKILL_NAMES,
        "activityKind": labels.ACTIVITY_KIND_NAMES,
        "serviceHoursStatus": labels.SERVICE_HOURS_STATUS_NAMES,
        "pairingStatus": labels.PAIRING_STATUS_NAMES,
        "pairingVisitMode": labels.PAIRING_VISIT_MODE_NAMES,
        "volunteerAvailability": labels.VOLUNTEER_AVAILABILITY_NAMES,
        "vettingKind": labels.VETTING_KIND_NAMES,
        "volunteerAccountStatus": labels.VOLUNTEER_ACCOUNT_STATUS_NAMES,
        "classificationGroup": {str(k): v for k, v in GROUP_NAMES.items()},
        "classificationSubtype": {str(k): v for k, v in SUBTYPE_NAMES.items()},
    }
    body = {name: dict(table) for name, table in tables.items()}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def contracts() -> dict[Path, str]:
    """Every contract file and what it should say."""
    files = {ROOT / "gateway" / "schema.graphql": graphql_schema()}
    files[ROOT / "gateway" / "console" / "src" / "labels.json"] = console_labels()
    files[ROOT / "docs" / "access-policy.md"] = access_policy()
    for service in SERVICES:
        files[ROOT / "services" / service / "openapi.json"] = openapi(service)
    files.update(event_schemas())
    return files


def main() -> int:
    check = "--check" in sys.argv
    broken = event_problems()
    if broken:
        print("incompatible event payload changes (publish a new schema version instead):")
        print("\n".join(f"  {p}" for p in broken))
        return 1
    stale = []
    for path, text in contracts().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if check:
            stale.append(path.relative_to(ROOT))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("contracts differ from the code (run `make contracts` if deliberate):")
        for path in stale:
            print(f"  {path}")
        return 1
    return console_operations(check)


def console_operations(check: bool) -> int:
    """The console's operations typed from schema.graphql (gateway/console/src/gql/, by
    GraphQL Code Generator): rewritten, or checked to be what the schema and operations give.
    Needs the console's node_modules (`make console-deps`)."""
    console = ROOT / "gateway" / "console"
    script = "codegen:check" if check else "codegen"
    done = subprocess.run(["npm", "run", "--silent", script], cwd=console, check=False)
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
