"""Deployment artefacts: the Helm chart rendered by Helm and validated against Kubernetes' API
schemas, its values and schema, the Dockerfiles, the bake file, compose.

Helm is built once by `make fetch` (shouhu.localstack.helm); a test that finds it missing
builds it, so none is skipped.
"""

from __future__ import annotations

import copy
import functools
import glob
import importlib
import json
import re
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from kubernetes_validate import utils as kubernetes  # type: ignore[import-untyped]

from shouhu.gateway.settings import GatewaySettings
from shouhu.localstack import helm
from shouhu.platform.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[1]
CHART = ROOT / "charts" / "shouhu"
SERVICES = ["registry", "benefits", "education", "volunteers", "notifications"]
COMPONENTS = [*SERVICES, "gateway"]
# "SHOUHU_" alone is caught too (a name built in a template cannot be checked, so none may be);
# "SHOUHU_*" in prose is not.
ENV_NAME = re.compile(r"SHOUHU_(?!\*)[A-Z0-9_]*")
# The Kubernetes versions the chart supports (Chart.yaml's kubeVersion is the lowest); each
# rendered manifest is validated against each one's API schemas (kubernetes-validate, strict).
KUBE_VERSIONS = ["1.29", "1.30", "1.31", "1.32", "1.33", "1.34"]
# The example values files; the chart's own defaults need the two addresses only.
REQUIRED = ["--set", "platform.kafkaBootstrap=kafka:9092"]
REQUIRED += ["--set", "platform.oidcIssuer=https://kc.example.org/realms/shouhu"]
EXAMPLES = {
    "default": REQUIRED,
    "small": ["-f", str(ROOT / "charts/values-small.yaml")],
    "production": ["-f", str(ROOT / "charts/values-production.yaml")],
    "testbed": ["-f", str(ROOT / "charts/testbed/shouhu.yaml")],
}
RELEASE = "shouhu"


@functools.cache
def helm_binary() -> str:
    """The cached Helm (`make fetch` builds it; so does the first test here when it is missing)."""
    return str(helm.fetch())


def run_helm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [helm_binary(), *args], capture_output=True, text=True, timeout=300, check=False
    )


@functools.cache
def render(example: str, *extra: str) -> list[dict[str, Any]]:
    """`helm template` of the chart with an example's values: the manifests, hooks and tests."""
    done = run_helm(
        "template", RELEASE, str(CHART), "--namespace", "shouhu",
        "--kube-version", f"{KUBE_VERSIONS[0]}.0", *EXAMPLES[example], *extra,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [d for d in yaml.safe_load_all(done.stdout) if d]


def of_kind(manifests: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {m["metadata"]["name"]: m for m in manifests if m["kind"] == kind}


def pod_specs(manifests: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every pod the release makes: Deployments', Jobs' and the test Pods'."""
    specs = {}
    for m in manifests:
        if m["kind"] in ("Deployment", "Job"):
            specs[m["metadata"]["name"]] = m["spec"]["template"]["spec"]
        elif m["kind"] == "Pod":
            specs[m["metadata"]["name"]] = m["spec"]
    return specs


def env_of(container: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container["env"]}


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


def schema_errors(schema: dict[str, Any], values: Any) -> list[str]:
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
    # Renders offline: no chart repository to reach (charts/testbed/ installs the others).
    assert "dependencies" not in chart and not (CHART / "Chart.lock").exists()
    assert chart["kubeVersion"] == f">={KUBE_VERSIONS[0]}.0-0"


def test_values_match_the_schema() -> None:
    schema, values = load_schema(), load_values()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema_errors(schema, values) == []
    broken = copy.deepcopy(values)
    broken["services"]["registry"]["replicas"] = "two"
    broken["services"]["benefits"].pop("database")
    broken["services"]["education"]["worker"]["replicaz"] = 2
    broken["platform"]["telemetry"]["exporter"] = "jaeger"
    broken["typo"] = True
    broken["kafkaTopics"]["topics"]["orders"] = {}
    broken["kafkaTopics"]["mode"] = "operator"
    broken["networkPolicy"]["kafka"]["ports"] = []
    broken["defaults"]["autoscaling"]["targetCPUUtilizationPercentage"] = 120
    assert len(schema_errors(schema, broken)) >= 9


def strict_objects(schema: Any, at: str = "$") -> list[str]:
    """Where an object schema with named properties leaves other names open."""
    if not isinstance(schema, dict):
        return []
    found = []
    if "properties" in schema and schema.get("additionalProperties") is not False:
        found.append(at)
    for key, sub in schema.items():
        subs = sub.items() if key in ("properties", "definitions") else [(key, sub)]
        found += [p for name, s in subs for p in strict_objects(s, f"{at}.{name}")]
    return found


def test_the_schema_is_strict() -> None:
    # `global` is Helm's own; every object the chart reads names its keys.
    assert strict_objects(load_schema()) == []


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        return {k: _merge(base.get(k), over[k]) if k in over else base[k] for k in base | over}
    return over


def example_values(example: str) -> dict[str, Any]:
    """An example's values as Helm sees them: merged over values.yaml."""
    if example == "default":
        return load_values()
    merged: dict[str, Any] = _merge(
        load_values(), yaml.safe_load(Path(EXAMPLES[example][1]).read_text())
    )
    return merged


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_values_match_the_schema(example: str) -> None:
    assert schema_errors(load_schema(), example_values(example)) == []


def test_chart_realm_is_the_production_realm() -> None:
    # Helm reads no file outside the chart, so the chart keeps a copy; refresh it with
    # cp infra/keycloak/production/shouhu-realm.json charts/shouhu/files/keycloak/
    copy = CHART / "files/keycloak/shouhu-realm.json"
    assert copy.read_bytes() == (ROOT / "infra/keycloak/production/shouhu-realm.json").read_bytes()


def test_chart_collector_is_the_compose_collector() -> None:
    # cp infra/otel/collector.yaml charts/shouhu/files/otel/
    copy = CHART / "files/otel/collector.yaml"
    assert copy.read_bytes() == (ROOT / "infra/otel/collector.yaml").read_bytes()


def test_keycloak_imports_the_realm_from_the_charts_configmap() -> None:
    realm = json.loads((CHART / "files/keycloak/shouhu-realm.json").read_text())
    (config,) = of_kind(render("testbed"), "ConfigMap").values()
    assert config["metadata"]["name"] == f"{RELEASE}-keycloak-realm"
    # Keycloak's directory import takes <realm>-realm.json only.
    assert json.loads(config["data"][f"{realm['realm']}-realm.json"]) == realm
    keycloakx = yaml.safe_load((ROOT / "charts/testbed/keycloakx.yaml").read_text())
    assert keycloakx["args"][0] == "start" and "--import-realm" in keycloakx["args"]
    (volume,) = yaml.safe_load(keycloakx["extraVolumes"])
    (mount,) = yaml.safe_load(keycloakx["extraVolumeMounts"])
    assert volume["configMap"]["name"] == config["metadata"]["name"]
    assert mount["name"] == volume["name"] and mount["mountPath"] == "/opt/keycloak/data/import"
    testbed = yaml.safe_load((ROOT / "charts/testbed/shouhu.yaml").read_text())
    host = keycloakx["extraEnv"].split("value: ")[1].split()[0]
    assert testbed["platform"]["oidcIssuer"] == f"{host}/realms/{realm['realm']}"
    production = of_kind(render("production"), "ConfigMap")
    assert config["metadata"]["name"] not in production, "the realm exists there already"


def test_the_collectors_config_takes_the_exporters_of_the_values() -> None:
    (config,) = of_kind(render("production"), "ConfigMap").values()
    relay = yaml.safe_load(config["data"]["relay"])
    values = yaml.safe_load((ROOT / "charts/values-production.yaml").read_text())
    assert relay["exporters"] == values["otelCollector"]["exporters"]
    assert relay["service"]["pipelines"]["traces"]["exporters"] == ["otlphttp"]
    assert (
        relay["receivers"]
        == yaml.safe_load((CHART / "files/otel/collector.yaml").read_text())["receivers"]
    )


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
    files += [ROOT / "infra/compose.yml", ROOT / "docs/deploy.md", ROOT / "docker-bake.hcl"]
    files += [p for p in (ROOT / "charts").rglob("*.yaml") if CHART not in p.parents]
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


# ---- Rendered by Helm, validated against Kubernetes ------------------------------------------


def test_helm_is_the_pinned_release() -> None:
    done = run_helm("version", "--short")
    assert done.stdout.startswith(f"v{helm.HELM_VERSION}"), done.stdout


@pytest.mark.parametrize("example", EXAMPLES)
def test_helm_lint(example: str) -> None:
    done = run_helm("lint", "--strict", str(CHART), *EXAMPLES[example])
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_addresses_are_required() -> None:
    for given, missing in ((REQUIRED[:2], "oidcIssuer"), (REQUIRED[2:], "kafkaBootstrap")):
        done = run_helm("template", RELEASE, str(CHART), "--kube-version", "1.31.0", *given)
        assert done.returncode != 0 and f"platform.{missing} is required" in done.stderr
    done = run_helm("template", RELEASE, str(CHART), "--kube-version", "1.28.0", *REQUIRED)
    assert done.returncode != 0 and "kubeVersion" in done.stderr, "older clusters are refused"


def strimzi_topic_errors(topic: dict[str, Any]) -> list[str]:
    """Strimzi's KafkaTopic (a custom resource Kubernetes' schemas lack), by its v1beta2 shape."""
    spec = topic["spec"]
    errors = [] if topic["apiVersion"] == "kafka.strimzi.io/v1beta2" else ["apiVersion"]
    errors += [] if topic["metadata"]["labels"].get("strimzi.io/cluster") else ["cluster label"]
    errors += [] if set(spec) <= {"topicName", "partitions", "replicas", "config"} else ["spec"]
    kinds = [isinstance(spec[k], int) for k in ("partitions", "replicas")]
    errors += [] if all(kinds) and isinstance(spec["config"]["retention.ms"], int) else ["types"]
    return errors


STRIMZI = ("--set", "kafkaTopics.mode=strimzi", "--set", "kafkaTopics.strimziCluster=main")


@pytest.mark.parametrize("version", KUBE_VERSIONS)
@pytest.mark.parametrize("example", [*EXAMPLES, "strimzi"])
def test_every_manifest_is_valid_kubernetes(example: str, version: str) -> None:
    manifests = render("production", *STRIMZI) if example == "strimzi" else render(example)
    errors = []
    for manifest in manifests:
        if manifest["kind"] == "KafkaTopic":
            errors += strimzi_topic_errors(manifest)
            continue
        try:
            kubernetes.validate(manifest, version, strict=True)
        except kubernetes.ValidationError as error:
            errors.append(f"{manifest['kind']} {manifest['metadata']['name']}: {error}")
    assert errors == []


def test_the_validator_refuses_what_kubernetes_would() -> None:
    deployment = copy.deepcopy(of_kind(render("default"), "Deployment")[f"{RELEASE}-registry"])
    deployment["spec"]["template"]["spec"]["containers"][0]["securityContxt"] = {}
    with pytest.raises(kubernetes.ValidationError):
        kubernetes.validate(deployment, KUBE_VERSIONS[0], strict=True)


def services_topics() -> set[str]:
    """The topics the services publish on and consume, as their workers name them."""
    from shouhu.platform.run import service_app
    from shouhu.platform.settings import topic_of

    topics = set()
    for name in SERVICES:
        app = service_app(name)
        topics |= {topic_of(name)}
        topics |= {t for s in app.state.spec.subscriptions for t in s.topics}
        app.state.engine.dispose()
    return topics


@pytest.fixture
def embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Services built (never started) on a scratch database."""
    monkeypatch.setenv("SHOUHU_DATABASE_URL", f"sqlite:///{tmp_path / 'scratch.db'}")


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_topics_job_creates_every_topic_the_services_use(example: str, embedded: None) -> None:
    (job,) = [
        m for m in render(example) if m["metadata"]["name"] == f"{RELEASE}-kafka-topics"
        and m["kind"] == "Job"
    ]  # fmt: skip
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    pod = job["spec"]["template"]["spec"]
    script = pod["containers"][0]["command"][-1]
    created = dict(
        (line.split()[1], line.split()[2:])
        for line in script.splitlines()
        if line.startswith("topic ")
    )
    assert set(created) == services_topics()
    values = example_values(example)["kafkaTopics"]
    for topic, (partitions, replication, retention) in created.items():
        own = values["topics"][topic]
        assert int(partitions) == own.get("partitions", values["partitions"])
        assert int(replication) == values["replicationFactor"]
        assert int(retention) == own.get("retentionMs", values["retentionMs"])


def test_strimzi_topics_are_the_same_topics(embedded: None) -> None:
    topics = of_kind(render("production", *STRIMZI), "KafkaTopic")
    assert {t["spec"]["topicName"] for t in topics.values()} == services_topics()
    assert {t["metadata"]["labels"]["strimzi.io/cluster"] for t in topics.values()} == {"main"}
    assert f"{RELEASE}-kafka-topics" not in of_kind(render("production", *STRIMZI), "Job")


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_service_migrates_in_a_hook_job_and_works_in_its_own_deployment(example: str) -> None:
    manifests = render(example)
    jobs, deployments = of_kind(manifests, "Job"), of_kind(manifests, "Deployment")
    run = ["python", "-m", "shouhu.platform.run"]
    for name in SERVICES:
        job = jobs[f"{RELEASE}-{name}-migrate"]
        annotations = job["metadata"]["annotations"]
        assert annotations["helm.sh/hook"] == "pre-install,pre-upgrade"
        assert int(annotations["helm.sh/hook-weight"]) > int(
            jobs[f"{RELEASE}-kafka-topics"]["metadata"]["annotations"]["helm.sh/hook-weight"]
        )
        (migrate,) = job["spec"]["template"]["spec"]["containers"]
        assert migrate["command"] == [*run, "migrate", name]
        assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
        (worker,) = deployments[f"{RELEASE}-{name}-worker"]["spec"]["template"]["spec"][
            "containers"
        ]
        assert worker["command"] == [*run, "worker", name]
        (api,) = deployments[f"{RELEASE}-{name}"]["spec"]["template"]["spec"]["containers"]
        assert "command" not in api, "the image's uvicorn"
        for container in (migrate, worker, api):
            env = env_of(container)
            assert env["SHOUHU_MIGRATE_ON_START"] == "false" and env["SHOUHU_RUN_WORKER"] == "false"
            assert env["SHOUHU_DATABASE_URL"]["secretKeyRef"]["key"]
            assert container["image"] == api["image"]
        assert "WEB_CONCURRENCY" in env_of(api) and "WEB_CONCURRENCY" not in env_of(worker)
    assert set(deployments) == {f"{RELEASE}-{n}" for n in COMPONENTS} | {
        f"{RELEASE}-{n}-worker" for n in SERVICES
    }


def test_the_api_migrates_at_start_unless_told_not_to() -> None:
    # The entry points themselves: libs/platform/tests/test_run.py.
    settings = ServiceSettings(migrate_on_start=False, run_worker=False)
    assert not settings.migrate_on_start and ServiceSettings().migrate_on_start, "true embedded"


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_pod_runs_locked_down(example: str) -> None:
    specs = pod_specs(render(example))
    assert len(specs) == 2 * len(COMPONENTS) + len(SERVICES) * 2 + 1  # +workers, jobs, topics
    for name, spec in specs.items():
        assert spec["automountServiceAccountToken"] is False, name
        pod = spec["securityContext"]
        assert pod["runAsNonRoot"] is True and pod["runAsUser"] != 0, name
        assert pod["seccompProfile"] == {"type": "RuntimeDefault"}, name
        for container in spec["containers"]:
            security = container["securityContext"]
            assert security["allowPrivilegeEscalation"] is False, name
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["capabilities"] == {"drop": ["ALL"]}, name
            assert container["resources"]["limits"]["memory"], name
            assert container["resources"]["requests"]["cpu"], name
            if spec.get("volumes"):
                assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"], name
                assert {"name": "tmp", "emptyDir": {}} in spec["volumes"], name


def test_probes_call_the_paths_the_platform_serves() -> None:
    from shouhu.platform.app import health_router

    router = health_router(engine=None, transport=None, verifier=None)
    served = {getattr(route, "path", "") for route in router.routes}
    for name, spec in pod_specs(render("default")).items():
        (container,) = spec["containers"]
        probes = [container.get(p) for p in ("startupProbe", "livenessProbe", "readinessProbe")]
        if name.endswith(("-migrate", "-kafka-topics", "-test")):
            assert probes == [None, None, None], name
            continue
        paths = [p["httpGet"]["path"] for p in probes]
        assert paths == ["/healthz", "/healthz", "/readyz"] and set(paths) <= served, name


def test_helm_test_calls_each_components_readyz() -> None:
    pods = of_kind(render("default"), "Pod")
    assert set(pods) == {f"{RELEASE}-{n}-test" for n in COMPONENTS}
    for name in COMPONENTS:
        pod = pods[f"{RELEASE}-{name}-test"]
        assert pod["metadata"]["annotations"]["helm.sh/hook"] == "test"
        assert pod["spec"]["containers"][0]["command"][-1] == f"http://{RELEASE}-{name}:8000/readyz"


def test_production_autoscales_the_apis_and_budgets_disruptions() -> None:
    manifests = render("production")
    scalers = of_kind(manifests, "HorizontalPodAutoscaler")
    assert set(scalers) == {f"{RELEASE}-{n}" for n in COMPONENTS}, "never the workers"
    assert scalers[f"{RELEASE}-gateway"]["spec"]["maxReplicas"] == 8
    deployments = of_kind(manifests, "Deployment")
    for name in COMPONENTS:
        assert "replicas" not in deployments[f"{RELEASE}-{name}"]["spec"], "left to the scaler"
    assert deployments[f"{RELEASE}-registry-worker"]["spec"]["replicas"] == 2
    budgets = of_kind(manifests, "PodDisruptionBudget")
    assert set(budgets) == {f"{RELEASE}-{n}" for n in COMPONENTS}
    assert of_kind(render("default"), "HorizontalPodAutoscaler") == {}


def egress_ports(policy: dict[str, Any]) -> set[int]:
    return {p["port"] for rule in policy["spec"]["egress"] for p in rule["ports"]}


@pytest.mark.parametrize("example", EXAMPLES)
def test_network_policies_let_only_the_gateway_reach_the_services(example: str) -> None:
    manifests = render(example)
    policies = of_kind(manifests, "NetworkPolicy")
    deny = policies[f"{RELEASE}-default-deny"]["spec"]
    assert deny["podSelector"]["matchLabels"]["app.kubernetes.io/instance"] == RELEASE
    assert deny["policyTypes"] == ["Ingress", "Egress"] and "ingress" not in deny
    assert egress_ports(policies[f"{RELEASE}-default-deny"]) == {53}
    labels = [
        m["spec"]["template"]["metadata"]["labels"]
        for m in manifests
        if "template" in m.get("spec", {})
    ]
    assert all(deny["podSelector"]["matchLabels"].items() <= pod.items() for pod in labels)
    gateway_pods = {"app.kubernetes.io/name": "gateway", "app.kubernetes.io/instance": RELEASE,
                    "app.kubernetes.io/component": "api"}  # fmt: skip
    for name in SERVICES:
        ingress = policies[f"{RELEASE}-{name}-ingress"]["spec"]["ingress"]
        sources = [peer["podSelector"]["matchLabels"] for rule in ingress for peer in rule["from"]]
        assert sources == [gateway_pods, {"app.kubernetes.io/instance": RELEASE,
                                          "app.kubernetes.io/component": "test"}]  # fmt: skip
        egress = policies[f"{RELEASE}-{name}-egress"]
        assert egress["spec"]["podSelector"]["matchLabels"] == {
            "app.kubernetes.io/name": name, "app.kubernetes.io/instance": RELEASE
        }, "the API, the worker and the migration Job"  # fmt: skip
        assert {5432, 9092, 8080} <= egress_ports(egress)
    gateway = policies[f"{RELEASE}-gateway-egress"]
    assert 5432 not in egress_ports(gateway) and 9092 not in egress_ports(gateway)
    assert egress_ports(policies[f"{RELEASE}-kafka-topics"]) == {9092}


def test_policies_name_where_production_systems_live() -> None:
    policies = of_kind(render("production"), "NetworkPolicy")
    (database, kafka, _keycloak, otel, providers) = policies[f"{RELEASE}-notifications-egress"][
        "spec"
    ]["egress"]
    assert database["to"] == [{"ipBlock": {"cidr": "10.20.0.0/24"}}]
    assert (
        kafka["to"][0]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"] == "data"
    )
    assert {p["port"] for p in otel["ports"]} == {4318}
    assert {p["port"] for p in providers["ports"]} == {443, 465}
    (ingress, _tests) = policies[f"{RELEASE}-gateway-ingress"]["spec"]["ingress"]
    assert ingress["from"][0]["namespaceSelector"]["matchLabels"] == {
        "kubernetes.io/metadata.name": "ingress-nginx"
    }


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_rendered_env_name_is_a_settings_field(example: str) -> None:
    fields = settings_env_names()
    names = {
        name
        for spec in pod_specs(render(example)).values()
        for container in spec["containers"]
        for name in (e["name"] for e in container.get("env", []))
        if name.startswith("SHOUHU_")
    }
    assert names and names <= fields, names - fields


def test_the_bake_file_builds_every_component() -> None:
    bake = (ROOT / "docker-bake.hcl").read_text()
    assert re.search(r'^group "default" \{\n  targets = \["services", "gateway"\]', bake, re.M)
    services = bake.split('target "services" {')[1].split("\n}")[0]
    (matrix,) = re.findall(r"matrix += \{ service = \[(.*)\] \}", services)
    assert json.loads(f"[{matrix}]") == SERVICES
    assert 'dockerfile = "services/Dockerfile"' in services and "SERVICE = service" in services
    assert 'tags       = ["${REGISTRY}/${service}:${TAG}"]' in services
    gateway = bake.split('target "gateway" {')[1].split("\n}")[0]
    assert 'dockerfile = "gateway/Dockerfile"' in gateway
    assert 'tags       = ["${REGISTRY}/gateway:${TAG}"]' in gateway
