"""Deployment artefacts: the Helm chart's files, values and schema, the Dockerfiles, compose.

Helm is not available here, so the templates are checked by what they name, not rendered.
"""

from __future__ import annotations

import copy
import glob
import importlib
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[1]
CHART = ROOT / "charts" / "shouhu"
SERVICES = ["registry", "benefits", "education", "volunteers", "notifications"]
COMPONENTS = [*SERVICES, "gateway"]
# "SHOUHU_" alone is caught too (a name built in a template cannot be checked, so none may be);
# "SHOUHU_*" in prose is not.
ENV_NAME = re.compile(r"SHOUHU_(?!\*)[A-Z0-9_]*")


def chart_files() -> list[Path]:
    """The chart's own files; dependencies fetched into charts/shouhu/charts/ are not ours."""
    return [p for p in CHART.rglob("*") if p.is_file() and CHART / "charts" not in p.parents]


def dockerfile(component: str) -> Path:
    """The gateway's own Dockerfile, or the one all services share (SERVICE build argument)."""
    return ROOT / ("gateway/Dockerfile" if component == "gateway" else "services/Dockerfile")


def load_values() -> dict[str, Any]:
    values: dict[str, Any] = yaml.safe_load((CHART / "values.yaml").read_text())
    return values


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((CHART / "values.schema.json").read_text())
    return schema


def settings_env_names() -> set[str]:
    """Every `SHOUHU_*` variable a settings class reads: the shared, gateway and service ones."""
    classes: list[type[ServiceSettings]] = [ServiceSettings, GatewaySettings]
    for name in SERVICES:
        module = importlib.import_module(f"shouhu.{name}.settings")
        classes += [
            c
            for c in vars(module).values()
            if isinstance(c, type) and issubclass(c, ServiceSettings)
        ]
    return {f"SHOUHU_{field.upper()}" for c in classes for field in c.model_fields}


# A draft-07 subset, enough for values.schema.json, used when jsonschema is not installed.
_KEYWORDS = (
    "$schema title description type properties required enum additionalProperties propertyNames"
    " items pattern minLength maxLength minimum $ref definitions contains const"
)
_TYPES: dict[str, Any] = dict(
    object=dict, array=list, string=str, boolean=bool, integer=int, number=(int, float)
)


def _keywords(schema: Any) -> set[str]:
    """The keywords a schema uses; the keys of `properties` and `definitions` are names."""
    found = set(schema)
    for key, sub in schema.items():
        subschemas = sub.values() if key in ("properties", "definitions") else [sub]
        found |= {k for s in subschemas if isinstance(s, dict) for k in _keywords(s)}
    return found


def _errors(schema: dict[str, Any], value: Any, root: dict[str, Any], at: str = "$") -> list[str]:
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _errors(target, value, root, at)
    kind = schema.get("type")
    wrong_bool = isinstance(value, bool) and kind != "boolean"  # bool is an int in Python
    if kind and (not isinstance(value, _TYPES[kind]) or wrong_bool):
        return [f"{at}: not {kind}"]
    errors = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: not {schema['const']!r}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 1e9):
            errors.append(f"{at}: wrong length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{at}: does not match {schema['pattern']}")
    if isinstance(value, int | float) and value < schema.get("minimum", float("-inf")):
        errors.append(f"{at}: below minimum")
    if isinstance(value, dict):
        missing = [key for key in schema.get("required", []) if key not in value]
        errors += [f"{at}.{key}: required" for key in missing]
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if "propertyNames" in schema:
                errors += _errors(schema["propertyNames"], key, root, f"{at}.{key} (name)")
            if key in schema.get("properties", {}):
                errors += _errors(schema["properties"][key], item, root, f"{at}.{key}")
            elif extra is False:
                errors.append(f"{at}.{key}: not allowed")
            elif isinstance(extra, dict):
                errors += _errors(extra, item, root, f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += _errors(schema["items"], item, root, f"{at}[{i}]")
    contains = schema.get("contains")
    if isinstance(value, list) and contains and all(_errors(contains, v, root) for v in value):
        errors.append(f"{at}: no item matches {contains}")
    return errors


def schema_errors(schema: dict[str, Any], values: Any) -> list[str]:
    try:
        import jsonschema
    except ImportError:
        assert _keywords(schema) <= set(_KEYWORDS.split()), (
            "the fallback validator does not know these keywords"
        )
        return _errors(schema, values, schema)
    jsonschema.Draft7Validator.check_schema(schema)
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(values)]


def test_chart_files_parse() -> None:
    files = [p for p in chart_files() if p.suffix in (".yaml", ".yml")]
    files = [p for p in files if "templates" not in p.relative_to(CHART).parts]
    assert {p.name for p in files} >= {"Chart.yaml", "values.yaml"}
    for path in files:
        assert isinstance(yaml.safe_load(path.read_text()), dict), path
    chart = yaml.safe_load((CHART / "Chart.yaml").read_text())
    assert chart["apiVersion"] == "v2"
    values = load_values()
    for dependency in chart["dependencies"]:
        assert dependency["condition"] == f"{dependency['name']}.enabled"
        assert values[dependency["name"]]["enabled"] is False, "dependencies are off by default"


def test_values_match_the_schema() -> None:
    schema, values = load_schema(), load_values()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema_errors(schema, values) == []
    broken = copy.deepcopy(values)
    broken["services"]["registry"]["replicas"] = "two"
    broken["services"]["benefits"].pop("database")
    broken["platform"]["telemetry"]["exporter"] = "jaeger"
    broken["typo"] = True
    broken["keycloakx"]["args"] = ["start"]
    broken["keycloakx"]["extraVolumeMounts"] = ""
    assert len(schema_errors(schema, broken)) >= 6


def test_chart_realm_is_the_production_realm() -> None:
    # Helm reads no file outside the chart, so the chart keeps a copy; refresh it with
    # cp infra/keycloak/production/shouhu-realm.json charts/shouhu/files/keycloak/
    copy = CHART / "files/keycloak/shouhu-realm.json"
    assert copy.read_bytes() == (ROOT / "infra/keycloak/production/shouhu-realm.json").read_bytes()


def test_keycloak_imports_the_realm_from_a_configmap() -> None:
    realm = json.loads((CHART / "files/keycloak/shouhu-realm.json").read_text())["realm"]
    template = (CHART / "templates/keycloak-realm.yaml").read_text()
    assert "{{- if .Values.keycloakx.enabled }}" in template
    assert "name: {{ .Release.Name }}-keycloak-realm" in template
    # Keycloak's directory import takes <realm>-realm.json only.
    key = f'  {realm}-realm.json: |\n    {{{{- .Files.Get "files/keycloak/shouhu-realm.json"'
    assert key in template
    keycloakx = load_values()["keycloakx"]
    assert keycloakx["args"][0] == "start" and "--import-realm" in keycloakx["args"]
    (volume,) = yaml.safe_load(keycloakx["extraVolumes"])
    (mount,) = yaml.safe_load(keycloakx["extraVolumeMounts"])
    assert volume["configMap"]["name"] == "{{ .Release.Name }}-keycloak-realm"
    assert mount["name"] == volume["name"] and mount["mountPath"] == "/opt/keycloak/data/import"


def test_previous_data_keys_are_read_from_a_secret_by_the_keepers_of_numbers_only() -> None:
    schema, values = load_schema(), load_values()
    assert "previousDataKeysSecret" not in values["platform"], "only while rotating"
    rotating = copy.deepcopy(values)
    rotating["platform"]["previousDataKeysSecret"] = {"name": "shouhu-secrets", "key": "old"}
    assert schema_errors(schema, rotating) == []
    rotating["platform"]["previousDataKeysSecret"] = {"name": "shouhu-secrets"}
    assert schema_errors(schema, rotating) != []
    template = (CHART / "templates/_component.tpl").read_text()
    # The registry and volunteers keep identity numbers sealed under the data key.
    guard = '{{- if and (has .name (list "registry" "volunteers")) $p.previousDataKeysSecret }}'
    assert guard in template
    assert template.index("SHOUHU_PREVIOUS_DATA_KEYS") > template.index(guard)


def test_provider_secrets_come_from_secrets_named_by_the_operator() -> None:
    schema, values = load_schema(), load_values()
    wired = copy.deepcopy(values)
    password = {"secretName": "shouhu-notifications", "secretKey": "smtp-password"}
    wired["services"]["notifications"]["secretEnv"] = {"SHOUHU_SMTP_PASSWORD": password}
    assert schema_errors(schema, wired) == []
    wired["services"]["notifications"]["secretEnv"] = {"smtp_password": password}
    assert schema_errors(schema, wired) != []
    wired["services"]["notifications"]["secretEnv"] = {"SHOUHU_SMTP_PASSWORD": "hunter2"}
    assert schema_errors(schema, wired) != [], "a secret's value never sits in the values"
    template = (CHART / "templates/_component.tpl").read_text()
    assert "range $name, $ref := $own.secretEnv" in template


@pytest.mark.parametrize("name", COMPONENTS)
def test_every_component_has_values_and_a_template(name: str) -> None:
    values = load_values()
    own = values["gateway"] if name == "gateway" else values["services"][name]
    assert isinstance(own["replicas"], int)
    if name != "gateway":
        assert own["database"]["secretName"] and own["database"]["secretKey"]
    template = (CHART / "templates" / f"{name}.yaml").read_text()
    assert f'include "shouhu.component" (dict "root" $ "name" "{name}")' in template
    assert '{{- define "shouhu.component" -}}' in (CHART / "templates/_component.tpl").read_text()


def test_every_env_name_is_a_settings_field() -> None:
    files = chart_files()
    files += [ROOT / "infra/compose.yml", ROOT / "docs/deploy.md"]
    files += [dockerfile(name) for name in COMPONENTS]
    fields = settings_env_names()
    used = {(n, p.relative_to(ROOT)) for p in files for n in ENV_NAME.findall(p.read_text())}
    assert {n for n, _ in used} >= {"SHOUHU_DATABASE_URL", "SHOUHU_DATA_KEY", "SHOUHU_REGISTRY_URL"}
    assert sorted((str(p), n) for n, p in used if n not in fields) == []


@pytest.mark.parametrize("name", COMPONENTS)
def test_dockerfile_installs_its_package(name: str) -> None:
    text = dockerfile(name).read_text().replace("${SERVICE}", name)
    assert "FROM ${PYTHON_IMAGE} AS build" in text and "ARG PYTHON_IMAGE=python:3.11-slim" in text
    assert f"uv sync --locked --no-dev --package shouhu-{name}" in text
    assert f"shouhu.{name}.app" in text and "create_app" in text
    assert "EXPOSE 8000" in text and "HEALTHCHECK" in text and "/healthz" in text
    user = re.findall(r"^USER (\S+)", text, re.M)
    assert user and user[-1].split(":")[0] not in ("root", "0")
    # `--locked` needs every workspace member's manifest; each copied source must exist.
    workspace = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]
    members = {
        m for g in workspace["members"] for m in glob.glob(f"{g}/pyproject.toml", root_dir=ROOT)
    }
    copies = re.findall(r"^COPY (?!--from)(\S+) ", text, re.M)
    assert members <= set(copies)
    assert all((ROOT / source).exists() for source in copies), copies
    if name != "gateway":
        assert f"services/{name}/migrations" in copies


def test_compose_builds_every_component() -> None:
    compose = yaml.safe_load((ROOT / "infra/compose.yml").read_text())
    services = compose["services"]
    assert {"postgres", "kafka", "keycloak", "otel-collector"} <= set(services)
    for name in COMPONENTS:
        build = services[name]["build"]
        built = ROOT / "infra" / build["context"] / build["dockerfile"]
        assert built.resolve() == dockerfile(name).resolve() and built.exists()
        if name != "gateway":
            assert build["args"] == {"SERVICE": name}
    mounts = [v.split(":")[0] for s in services.values() for v in s.get("volumes", [])]
    assert "./keycloak/shouhu-realm.json" in mounts and "./otel/collector.yaml" in mounts
    collector = yaml.safe_load((ROOT / "infra/otel/collector.yaml").read_text())
    assert collector["service"]["pipelines"]["traces"]["receivers"] == ["otlp"]
