"""Write the committed contracts: the GraphQL schema, each service's OpenAPI, event schemas.

`make contracts` runs it after a deliberate change; CI checks that the files match the code.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
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


def contracts() -> dict[Path, str]:
    """Every contract file and what it should say."""
    files = {ROOT / "gateway" / "schema.graphql": graphql_schema()}
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
