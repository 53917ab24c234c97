"""The gateway's shape: no import circles, enums that cannot drift from the services' contracts."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from graphql import GraphQLEnumType

from shouhu.gateway.schema import build_schema, schema

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gateway" / "src" / "shouhu" / "gateway"

# Gateway enum → the service and the OpenAPI schema it mirrors. An enum of a service's contract
# that the gateway does not show is named in NOT_SHOWN, with the reason.
MIRRORS = {
    "Gender": ("registry", "Gender"),
    "ChildStatus": ("registry", "ChildStatus"),
    "PrimaryCategory": ("registry", "PrimaryCategory"),
    "ClassificationGroup": ("registry", "ClassificationGroup"),
    "ClassificationSubtype": ("registry", "ClassificationSubtype"),
    "ExitReason": ("registry", "ExitReason"),
    "Relation": ("registry", "Relation"),
    "GuardianshipCapacity": ("registry", "Capacity"),
    "ReviewDecision": ("registry", "ReviewDecision"),
    "TransferStatus": ("registry", "TransferStatus"),
    "DeliveryStatus": ("notifications", "DeliveryStatus"),
    "Severity": ("notifications", "Severity"),
    "TransferDecision": ("registry", "TransferDecision"),
    "DivisionLevel": ("registry", "DivisionLevel"),
    "WorkforcePost": ("registry", "Post"),
    "Employment": ("registry", "Employment"),
    "RiskLevel": ("registry", "RiskLevel"),
    "Department": ("registry", "Department"),
    "MeasureStatus": ("registry", "MeasureStatus"),
    "ImportMode": ("registry", "ImportMode"),
    "ProgrammeCode": ("benefits", "ProgrammeCode"),
    "ProgrammeKind": ("benefits", "ProgrammeKind"),
    "ProgrammeCategory": ("benefits", "Category"),
    "DecisionOutcome": ("benefits", "OutcomeKind"),
    "EntitlementStatus": ("benefits", "EntitlementStatus"),
    "IntakeNeed": ("registry", "IntakeNeed"),
    "ApplicantRelation": ("registry", "ApplicantRelation"),
    "TaskDepartment": ("registry", "TaskDepartment"),
    "IntakeStatus": ("registry", "IntakeStatus"),
    "TaskStatus": ("registry", "TaskStatus"),
    "TimelineAction": ("registry", "StepAction"),
    "ReportKind": ("registry", "ReportKind"),
    "ReportStatus": ("registry", "ReportStatus"),
    "ReportView": ("registry", "ReportView"),
    "ResponseMeasure": ("registry", "ResponseMeasure"),
    "InterventionReason": ("registry", "InterventionReason"),
    "InterventionMeasure": ("registry", "InterventionMeasure"),
    "InterventionStatus": ("registry", "InterventionStatus"),
    "PetitionReason": ("registry", "PetitionReason"),
    "CourtOutcome": ("registry", "CourtOutcome"),
    "CaseAction": ("registry", "CaseAction"),
    "CaseClockStep": ("registry", "Step"),
    "SchoolStage": ("education", "SchoolStage"),
    "SchoolKind": ("education", "SchoolKind"),
    "EnrolmentStatus": ("education", "EnrolmentStatus"),
    "EnrolmentEndReason": ("education", "EnrolmentEndReason"),
    "DropoutRiskReason": ("education", "DropoutRiskReason"),
    "DropoutRiskStatus": ("education", "DropoutRiskStatus"),
    "DropoutRiskOutcome": ("education", "DropoutRiskOutcome"),
    "ExemptionReason": ("education", "ExemptionReason"),
    "AidProgrammeCode": ("education", "AidProgramme"),
    "PlacementKind": ("education", "PlacementKind"),
    "VolunteerSkill": ("volunteers", "VolunteerSkill"),
    "VolunteerAvailability": ("volunteers", "Availability"),
    "VolunteerAccountStatus": ("volunteers", "AccountStatus"),
    "VettingKind": ("volunteers", "VettingKind"),
    "OrganisationKind": ("volunteers", "OrganisationKind"),
    "ActingRole": ("volunteers", "ActingRole"),
    "ActivityKind": ("volunteers", "ActivityKind"),
    "ServiceHoursStatus": ("volunteers", "HoursStatus"),
    "CaringFamilyKind": ("volunteers", "FamilyKind"),
    "CaringFamilyStatus": ("volunteers", "FamilyStatus"),
    "DonorKind": ("volunteers", "DonorKind"),
    "DonationKind": ("volunteers", "DonationKind"),
    "DonationDesignation": ("volunteers", "Designation"),
    "ResourceKind": ("volunteers", "ResourceKind"),
    "NeedStatus": ("volunteers", "NeedStatus"),
    "NeedSource": ("volunteers", "NeedSource"),
    "OfferStatus": ("volunteers", "OfferStatus"),
    "PairingStatus": ("volunteers", "PairingStatus"),
    "PairingVisitMode": ("volunteers", "VisitMode"),
}
GATEWAY_ONLY = {"ExportFormat": "the gateway's choice of export file, a query parameter"}
NOT_SHOWN: dict[tuple[str, str], str] = {
    ("volunteers", "Gender"): "the same values as the registry's Gender, which the gateway shows",
    ("education", "ImportMode"): "shown as ImportMode, the registry's: one enum of the platform",
    ("volunteers", "ImportMode"): "shown as ImportMode, the registry's: one enum of the platform",
}


def _service_enums() -> dict[tuple[str, str], list[str]]:
    found = {}
    for path in sorted(ROOT.glob("services/*/openapi.json")):
        components = json.loads(path.read_text()).get("components", {}).get("schemas", {})
        for name, body in components.items():
            if "enum" in body:
                found[(path.parent.name, name)] = body["enum"]
    return found


def _gateway_enums() -> dict[str, list[str]]:
    """The schema's enums as clients see them: their values' names, in order."""
    return {
        name: list(t.values)
        for name, t in schema._schema.type_map.items()
        if isinstance(t, GraphQLEnumType) and not name.startswith("__")
    }


def test_every_gateway_enum_mirrors_a_service_enum_exactly() -> None:
    service, gateway = _service_enums(), _gateway_enums()
    for name, values in gateway.items():
        if name in GATEWAY_ONLY:
            continue
        assert name in MIRRORS, f"{name}: which service's enum does it mirror?"
        source = MIRRORS[name]
        assert source in service, f"{name}: {source} is not in the service's openapi.json"
        assert values == service[source], f"{name} differs from {source}"


def test_every_service_enum_is_shown_or_named() -> None:
    mirrored = set(MIRRORS.values())
    for source in _service_enums():
        assert source in mirrored or source in NOT_SHOWN, f"{source}: new in a service contract"


def test_a_new_service_value_fails_the_contract() -> None:
    service = _service_enums()
    service[("registry", "Gender")] = [*service[("registry", "Gender")], "OTHER"]
    assert _gateway_enums()["Gender"] != service[("registry", "Gender")]


def _runtime_imports(path: Path) -> set[str]:
    """The `shouhu.gateway` modules a module imports, at load or in a function (not for types)."""
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found |= {n for n in names if n.startswith("shouhu.gateway")}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("shouhu.gateway")}
    return found


def _module_graph() -> dict[str, set[str]]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parents[1]).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return {name: _runtime_imports(path) & modules.keys() for name, path in modules.items()}


def test_no_import_circles() -> None:
    graph = _module_graph()
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        if state.get(module) == "done":
            return
        if state.get(module) == "open":
            pytest.fail("import circle: " + " → ".join([*trail[trail.index(module) :], module]))
        state[module] = "open"
        for imported in sorted(graph[module]):
            visit(imported, [*trail, module])
        state[module] = "done"

    for module in sorted(graph):
        visit(module, [])


def test_every_domain_is_a_package_of_types_queries_mutations() -> None:
    domains = [p for p in PACKAGE.iterdir() if p.is_dir() and (p / "types.py").exists()]
    assert len(domains) >= 10
    for domain in domains:
        files = {p.name for p in domain.glob("*.py")}
        assert files & {"queries.py", "mutations.py"}, domain.name
        assert files <= {
            "__init__.py",
            "types.py",
            "queries.py",
            "mutations.py",
            "subscriptions.py",
            "routes.py",
        }


def test_a_known_document_is_not_validated_again(monkeypatch) -> None:
    """The specification's rules run once per document text, not once per request."""
    from shouhu.gateway import validation as cached
    from shouhu.gateway.limits.operation import OperationLimits, OperationPolicy

    runs: list[int] = []
    real = cached.validate

    def counting(*args, **kwargs):
        runs.append(len(args[2]) if len(args) > 2 else 0)
        return real(*args, **kwargs)

    monkeypatch.setattr(cached, "validate", counting)
    monkeypatch.setattr("strawberry.schema.schema.validate", counting)
    fresh = build_schema(limits=[lambda: OperationLimits(OperationPolicy(production=True))])
    query = "query Q($n: Int!) { me { username } children(first: $n) { totalCount } }"
    for _ in range(3):
        fresh.execute_sync(query, variable_values={"n": 5})
    assert len(runs) == 1, runs
