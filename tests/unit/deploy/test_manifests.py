"""The Kubernetes manifests of the services (deploy/base, components, overlays) are complete
and consistent with the code: probes, resources, security, settings, secrets, policies."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from tests.unit.deploy.kustomize import DEPLOY, Build, build, read_documents
from tests.unit.deploy.workloads import (
    SecretValue,
    container_env,
    deployment_problems,
    file_env_problems,
    http_port,
    main_container,
    mounted_files,
    pod,
    role_problems,
    secret_key_holders,
    secret_names,
    settings_problems,
)
from xueji_console.settings import ConsoleSettings
from xueji_export.settings import ExportSettings
from xueji_photo.settings import PhotoSettings
from xueji_registry.settings import RegistrySettings
from xueji_transfer.settings import API, WORKER, TransferSettings
from xueji_workflows.approval.desk import DEADLINE_TIMEOUT
from xueji_workflows.cases.case import WRITE_TIMEOUT
from xueji_workflows.cases.event_batch import EVENT_TIMEOUT
from xueji_workflows.cases.lock import LOCK_TIMEOUT

# The services, each with a database of its own.
SETTINGS = {
    "registry": RegistrySettings,
    "transfer": TransferSettings,
    "photo": PhotoSettings,
    "export": ExportSettings,
}
# The console owns no data: no database, no bucket; it calls the services' APIs.
CONSOLE_SETTINGS = {"console": ConsoleSettings}
# Every Deployment and the service it runs (python -m xueji_<service>, that service's database
# and secrets). The transfer service runs as two: its API and its Temporal workers.
DEPLOYMENTS = {
    "registry": "registry",
    "transfer": "transfer",
    "transfer-worker": "transfer",
    "photo": "photo",
    "export": "export",
    "export-worker": "export",
    "console": "console",
}
TRANSFER_ROLES = {"transfer": API, "transfer-worker": WORKER}
EXPORT_ROLES = {"export": API, "export-worker": WORKER}
# Deployments that serve no API: no Service, nothing but Prometheus (and the kubelet) calls them.
WORKERS = {"transfer-worker", "export-worker"}
# The Kafka security settings: the Temporal workers open no Kafka connection (no KafkaUser).
KAFKA_SECURITY = {"kafka_security_protocol", "kafka_ca_file", "kafka_cert_file", "kafka_key_file"}
# Settings a Deployment's role never reads, left at their defaults there.
UNREAD = {
    "transfer-worker": {"docking_provinces", "s3_access_key", "s3_secret_key", *KAFKA_SECURITY},
    "export": {"watermark_key_file", "worker_shutdown_grace_seconds"},
    "export-worker": {*KAFKA_SECURITY, "audit_head_interval_seconds", "relaunch_interval_seconds",
                      "approval_working_days", "download_link_seconds", "report_available_hours",
                      "audit_retention_interval_seconds", "report_sweep_interval_seconds"},
}
# The Secrets each Deployment reads, and no more (xueji-<service>: its KafkaUser's certificate).
SECRETS = {
    "registry": {"xueji-registry-db", "xueji-registry-s3", "xueji-token-keys", "xueji-registry"},
    "transfer": {"xueji-transfer-db", "xueji-transfer-s3", "xueji-transfer-registry-login",
                 "xueji-token-keys", "xueji-transfer"},
    "transfer-worker": {"xueji-transfer-db", "xueji-transfer-registry-login", "xueji-token-keys"},
    "photo": {"xueji-photo-db", "xueji-photo-s3", "xueji-token-keys", "xueji-photo"},
    "export": {"xueji-export-db", "xueji-export-s3", "xueji-token-keys", "xueji-export"},
    "export-worker": {"xueji-export-db", "xueji-export-s3", "xueji-export-watermark",
                      "xueji-token-keys"},
    "console": {"xueji-console-session", "xueji-token-keys"},
}
OVERLAYS = ("overlays/production", "overlays/staging")
TOKEN_KEYS = "xueji-token-keys"
# Production clusters run at least this Kubernetes version; resources must match its schema.
KUBERNETES_VERSION = "1.31.0"
# Custom resources of the operators the platform runs on (no schema for them here).
OPERATOR_GROUPS = {"kafka.strimzi.io", "minio.min.io", "postgresql.cnpg.io"}
KUSTOMIZATIONS = sorted(p.parent.relative_to(DEPLOY).as_posix()
                        for p in DEPLOY.rglob("kustomization.yaml"))
# Read by helm, not by kustomize.
TEMPORAL_VALUES = DEPLOY / "platform" / "temporal" / "values.yaml"
HELM_VALUES = {TEMPORAL_VALUES}
PLATFORM_NAMESPACE = "xueji-platform"


def rendered(path: str) -> Build:
    return build(DEPLOY / path)


def config_maps(rendering: Build) -> dict[str, dict[str, str]]:
    return {c["metadata"]["name"]: c.get("data", {}) for c in rendering.of_kind("ConfigMap")}


def service_env(rendering: Build, service: str) -> dict:
    env, problems = container_env(rendering.one("Deployment", service), config_maps(rendering))
    assert problems == []
    return env


def test_every_manifest_file_parses() -> None:
    files = [p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml", ".json")]
    assert files
    for path in files:
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            assert all(isinstance(doc, dict) for doc in read_documents(path)), path


@pytest.mark.parametrize("path", KUSTOMIZATIONS)
def test_kustomization_builds_from_existing_files(path: str) -> None:
    rendering = rendered(path)
    assert rendering.resources or path.startswith("components")
    for resource in rendering.resources:
        assert {"apiVersion", "kind", "metadata"} <= set(resource), resource


def test_every_manifest_file_is_used_by_a_kustomization() -> None:
    used = set().union(*(rendered(path).files for path in KUSTOMIZATIONS))
    present = {p.resolve() for p in DEPLOY.rglob("*")
               if p.is_file() and p.suffix in (".yaml", ".yml", ".json", ".env", ".sh")}
    assert present - used - HELM_VALUES == set()


@pytest.mark.parametrize("path", [*OVERLAYS, "base", "platform"])
def test_resources_match_the_kubernetes_schema(path: str) -> None:
    for resource in rendered(path).resources:
        group = resource["apiVersion"].rpartition("/")[0]
        if group in OPERATOR_GROUPS:
            continue
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", DEPLOYMENTS)
def test_service_deployment_is_sound(overlay: str, name: str) -> None:
    assert deployment_problems(rendered(overlay).one("Deployment", name)) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_deployment_is_known(overlay: str) -> None:
    assert {d["metadata"]["name"] for d in rendered(overlay).of_kind("Deployment")} \
        == set(DEPLOYMENTS)


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", DEPLOYMENTS)
def test_deployment_runs_its_service_from_the_released_image(overlay: str, name: str) -> None:
    rendering = rendered(overlay)
    service = DEPLOYMENTS[name]
    container = main_container(rendering.one("Deployment", name))
    assert container["args"] == [f"xueji_{service}"]
    assert importlib.util.find_spec(f"xueji_{service}.__main__") is not None
    name, _, tag = container["image"].rpartition(":")
    assert name.endswith("/xueji") and tag and tag != "latest"


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", DEPLOYMENTS)
def test_every_setting_the_service_reads_is_provided(overlay: str, name: str) -> None:
    rendering = rendered(overlay)
    service = DEPLOYMENTS[name]
    deployment = rendering.one("Deployment", name)
    env = service_env(rendering, name)
    settings = {**SETTINGS, **CONSOLE_SETTINGS}[service]
    assert settings_problems(settings, env, UNREAD.get(name, ())) == []
    assert file_env_problems(deployment, env) == []
    assert env["XUEJI_HTTP_HOST"] == "0.0.0.0"
    assert int(env["XUEJI_HTTP_PORT"]) == http_port(deployment)
    # Each service owns its database; its URL (with the service's role) is its own secret.
    if service in SETTINGS:
        assert env["XUEJI_DATABASE_URL"] == SecretValue(f"xueji-{service}-db", "url")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_only_the_registry_holds_the_token_private_key(overlay: str) -> None:
    rendering = rendered(overlay)
    deployments = rendering.of_kind("Deployment")
    assert secret_key_holders(deployments, TOKEN_KEYS, "private.pem") == {"registry"}
    assert secret_key_holders(deployments, TOKEN_KEYS, "public.pem") == set(DEPLOYMENTS)
    registry_env = service_env(rendering, "registry")
    assert registry_env["XUEJI_TOKEN_PRIVATE_KEY_FILE"] in mounted_files(
        rendering.one("Deployment", "registry"))


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", DEPLOYMENTS)
def test_each_deployment_reads_only_the_secrets_it_needs(overlay: str, name: str) -> None:
    assert secret_names(rendered(overlay).one("Deployment", name)) == SECRETS[name]


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize(("module", "roles"), [("xueji_transfer", TRANSFER_ROLES),
                                               ("xueji_export", EXPORT_ROLES)])
def test_api_and_worker_each_run_their_own_role(
    overlay: str, module: str, roles: dict[str, str]
) -> None:
    rendering = rendered(overlay)
    assert "XUEJI_ROLES" not in config_maps(rendering)["xueji-config"]
    assert role_problems(rendering.of_kind("Deployment"), config_maps(rendering),
                         module, roles) == []
    assert {service_env(rendering, name)["XUEJI_ROLES"] for name in roles} == {API, WORKER}


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", ["registry", "transfer-worker", "export-worker"])
def test_workers_finish_their_activities_before_the_pod_stops(overlay: str, name: str) -> None:
    """On SIGTERM a worker lets running activities finish for its shutdown grace, which the
    pod's termination grace period must outlast; the transfer worker's covers a record move."""
    rendering = rendered(overlay)
    grace = float(service_env(rendering, name)["XUEJI_WORKER_SHUTDOWN_GRACE_SECONDS"])
    assert pod(rendering.one("Deployment", name))["terminationGracePeriodSeconds"] > grace
    if name == "transfer-worker":
        longest = max(WRITE_TIMEOUT, LOCK_TIMEOUT, EVENT_TIMEOUT, DEADLINE_TIMEOUT)
        assert grace >= longest.total_seconds()


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", DEPLOYMENTS)
def test_account_fits_the_deployment(overlay: str, name: str) -> None:
    rendering = rendered(overlay)
    deployment = rendering.one("Deployment", name)
    account = rendering.one("ServiceAccount", pod(deployment)["serviceAccountName"])
    assert account["metadata"]["name"] == name
    assert account["automountServiceAccountToken"] is False
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert labels["app.kubernetes.io/component"] == ("worker" if name in WORKERS else "api")


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", sorted(WORKERS))
def test_no_service_sends_requests_to_a_worker(overlay: str, name: str) -> None:
    """The worker serves no API: a Service selecting it would route API calls to a 404."""
    rendering = rendered(overlay)
    labels = rendering.one("Deployment", name)["spec"]["template"]["metadata"]["labels"]
    assert [s["metadata"]["name"] for s in rendering.of_kind("Service")
            if s["spec"]["selector"].items() <= labels.items()] == []


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", sorted(DEPLOYMENTS.keys() - WORKERS))
def test_service_fits_the_deployment(overlay: str, name: str) -> None:
    rendering = rendered(overlay)
    deployment = rendering.one("Deployment", name)
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    svc = rendering.one("Service", name)
    assert svc["spec"]["type"] == "ClusterIP"
    assert svc["spec"]["selector"].items() <= labels.items()
    [port] = svc["spec"]["ports"]
    assert port["targetPort"] in ("http", http_port(deployment))
    assert port["port"] == http_port(deployment)


@pytest.mark.parametrize("path", ["base", *OVERLAYS])
def test_everything_lands_in_the_xueji_namespace(path: str) -> None:
    for resource in rendered(path).resources:
        if resource["kind"] != "Namespace":
            assert resource["metadata"]["namespace"] == "xueji", resource["metadata"]


def test_replicas_per_environment() -> None:
    replicas = {
        path: {d["metadata"]["name"]: d["spec"]["replicas"]
               for d in rendered(path).of_kind("Deployment")}
        for path in ("base", *OVERLAYS)
    }
    assert replicas["base"] == dict.fromkeys(DEPLOYMENTS, 2)
    assert replicas["overlays/staging"] == replicas["base"]
    assert replicas["overlays/production"] == {
        "registry": 3, "transfer": 3, "transfer-worker": 3, "photo": 2, "export": 2,
        "export-worker": 2, "console": 2,
    }


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_autoscalers_and_budgets_fit_their_deployments(overlay: str) -> None:
    rendering = rendered(overlay)
    for hpa in rendering.of_kind("HorizontalPodAutoscaler"):
        target = rendering.one("Deployment", hpa["spec"]["scaleTargetRef"]["name"])
        assert hpa["spec"]["minReplicas"] >= target["spec"]["replicas"], hpa["metadata"]
        assert hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
        [metric] = hpa["spec"]["metrics"]
        assert metric["resource"]["name"] == "cpu"
    for budget in rendering.of_kind("PodDisruptionBudget"):
        selected = selected_deployments(rendering, budget["spec"]["selector"]["matchLabels"])
        assert len(selected) == 1, budget["metadata"]
        assert budget["spec"].get("maxUnavailable", 0) < selected[0]["spec"]["replicas"]
    assert {b["metadata"]["name"] for b in rendering.of_kind("PodDisruptionBudget")} \
        == set(DEPLOYMENTS)
    if overlay.endswith("production"):
        assert {h["metadata"]["name"] for h in rendering.of_kind("HorizontalPodAutoscaler")} \
            == set(DEPLOYMENTS)


def selected_deployments(rendering: Build, labels: dict[str, str]) -> list[dict]:
    return [d for d in rendering.of_kind("Deployment")
            if labels.items() <= d["spec"]["template"]["metadata"]["labels"].items()]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_network_policies_deny_by_default_and_allow_the_known_callers(overlay: str) -> None:
    rendering = rendered(overlay)
    policies = rendering.of_kind("NetworkPolicy")
    assert any(p["spec"]["podSelector"] == {} and "ingress" not in p["spec"]
               and p["spec"]["policyTypes"] == ["Ingress"] for p in policies)
    allowed: dict[str, list[dict]] = {name: [] for name in DEPLOYMENTS}
    for policy in policies:
        selector = policy["spec"]["podSelector"].get("matchLabels", {})
        targets = selected_deployments(rendering, selector)
        assert targets or selector == {}, policy["metadata"]["name"]
        for rule in policy["spec"].get("ingress", []):
            for port in rule["ports"]:
                assert all(port["port"] in ("http", http_port(t)) for t in targets)
            for target in targets:
                allowed[target["metadata"]["name"]] += rule["from"]
    namespaces = {name: {f.get("namespaceSelector", {}).get("matchLabels", {})
                         .get("kubernetes.io/metadata.name") for f in sources}
                  for name, sources in allowed.items()}
    for name in DEPLOYMENTS.keys() - WORKERS:
        assert {"ingress-nginx", "monitoring"} <= namespaces[name], name
    for name in WORKERS:
        assert namespaces[name] == {"monitoring"}, name
    callers = [f.get("podSelector", {}).get("matchLabels") for f in allowed["registry"]
               if "namespaceSelector" not in f]
    for name in ("transfer", "transfer-worker"):
        assert {"app.kubernetes.io/name": name} in callers, name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_worker_reaches_only_database_temporal_registry_and_dns(overlay: str) -> None:
    rendering = rendered(overlay)
    worker = rendering.one("Deployment", "transfer-worker")
    [policy] = [
        p for p in rendering.of_kind("NetworkPolicy")
        if "Egress" in p["spec"]["policyTypes"]
        and worker in selected_deployments(rendering, p["spec"]["podSelector"]["matchLabels"])
    ]
    config = config_maps(rendering)["xueji-config"]
    temporal_port = int(config["XUEJI_TEMPORAL_ADDRESS"].rpartition(":")[2])
    registry = rendering.one("Deployment", "registry")
    assert config["XUEJI_REGISTRY_URL"] == f"http://registry:{http_port(registry)}"
    [cluster] = rendered("platform").of_kind("Cluster")
    # The services' database URLs live in secrets; Temporal's values name the same primary.
    primary = yaml.safe_load(TEMPORAL_VALUES.read_text(encoding="utf-8"))["server"]["config"][
        "persistence"]["datastores"]["default"]["sql"]["connectAddr"]
    host, _, database_port = primary.rpartition(":")
    assert host == f"{cluster['metadata']['name']}-rw.{PLATFORM_NAMESPACE}.svc"
    platform = {"kubernetes.io/metadata.name": PLATFORM_NAMESPACE}
    temporal_frontend = {"app.kubernetes.io/name": "temporal",
                         "app.kubernetes.io/instance": "temporal",
                         "app.kubernetes.io/component": "frontend"}
    assert egress_destinations(policy) == {
        destination({"kubernetes.io/metadata.name": "kube-system"}, {"k8s-app": "kube-dns"},
                    {("UDP", 53), ("TCP", 53)}),
        destination(platform, {"cnpg.io/cluster": cluster["metadata"]["name"]},
                    {("TCP", int(database_port))}),
        destination(platform, temporal_frontend, {("TCP", temporal_port)}),
        destination(None, {"app.kubernetes.io/name": "registry"},
                    {("TCP", http_port(registry))}),
    }


Destination = tuple[frozenset | None, frozenset, frozenset]


def destination(namespace: dict | None, pods: dict, ports: set) -> Destination:
    """A peer the policy lets out to: namespace labels (None: the policy's own), pod labels,
    and the (protocol, port) pairs."""
    return (None if namespace is None else frozenset(namespace.items()),
            frozenset(pods.items()), frozenset(ports))


def egress_destinations(policy: dict) -> set[Destination]:
    found = set()
    for rule in policy["spec"]["egress"]:
        ports = {(p.get("protocol", "TCP"), p["port"]) for p in rule["ports"]}
        for peer in rule["to"]:
            namespace = peer.get("namespaceSelector", {}).get("matchLabels")
            found.add(destination(namespace, peer["podSelector"]["matchLabels"], ports))
    return found


def test_deploy_folder_names_no_path_outside_the_repository() -> None:
    for path in DEPLOY.rglob("kustomization.yaml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in spec.get("resources", []) + spec.get("components", []):
            assert (path.parent / entry).resolve().is_relative_to(DEPLOY), (path, entry)
            assert "://" not in entry and not Path(entry).is_absolute()
