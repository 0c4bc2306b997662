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
    secret_key_holders,
    settings_problems,
)
from xueji_export.settings import ExportSettings
from xueji_photo.settings import PhotoSettings
from xueji_registry.settings import RegistrySettings
from xueji_transfer.settings import TransferSettings

SETTINGS = {
    "registry": RegistrySettings,
    "transfer": TransferSettings,
    "photo": PhotoSettings,
    "export": ExportSettings,
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
HELM_VALUES = {DEPLOY / "platform" / "temporal" / "values.yaml"}


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
@pytest.mark.parametrize("service", SETTINGS)
def test_service_deployment_is_sound(overlay: str, service: str) -> None:
    assert deployment_problems(rendered(overlay).one("Deployment", service)) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("service", SETTINGS)
def test_deployment_runs_its_service_from_the_released_image(overlay: str, service: str) -> None:
    rendering = rendered(overlay)
    container = main_container(rendering.one("Deployment", service))
    assert container["args"] == [f"xueji_{service}"]
    assert importlib.util.find_spec(f"xueji_{service}.__main__") is not None
    name, _, tag = container["image"].rpartition(":")
    assert name.endswith("/xueji") and tag and tag != "latest"


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("service", SETTINGS)
def test_every_setting_the_service_reads_is_provided(overlay: str, service: str) -> None:
    rendering = rendered(overlay)
    deployment = rendering.one("Deployment", service)
    env = service_env(rendering, service)
    assert settings_problems(SETTINGS[service], env) == []
    assert file_env_problems(deployment, env) == []
    assert env["XUEJI_HTTP_HOST"] == "0.0.0.0"
    assert int(env["XUEJI_HTTP_PORT"]) == http_port(deployment)
    # Each service owns its database; its URL (with the service's role) is its own secret.
    assert env["XUEJI_DATABASE_URL"] == SecretValue(f"xueji-{service}-db", "url")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_only_the_registry_holds_the_token_private_key(overlay: str) -> None:
    rendering = rendered(overlay)
    deployments = rendering.of_kind("Deployment")
    assert secret_key_holders(deployments, TOKEN_KEYS, "private.pem") == {"registry"}
    assert secret_key_holders(deployments, TOKEN_KEYS, "public.pem") == set(SETTINGS)
    registry_env = service_env(rendering, "registry")
    assert registry_env["XUEJI_TOKEN_PRIVATE_KEY_FILE"] in mounted_files(
        rendering.one("Deployment", "registry"))


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("service", SETTINGS)
def test_service_and_account_fit_the_deployment(overlay: str, service: str) -> None:
    rendering = rendered(overlay)
    deployment = rendering.one("Deployment", service)
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    svc = rendering.one("Service", service)
    assert svc["spec"]["type"] == "ClusterIP"
    assert svc["spec"]["selector"].items() <= labels.items()
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    [port] = svc["spec"]["ports"]
    assert port["targetPort"] in ("http", http_port(deployment))
    assert port["port"] == http_port(deployment)
    account = rendering.one("ServiceAccount", pod(deployment)["serviceAccountName"])
    assert account["automountServiceAccountToken"] is False


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
    assert replicas["base"] == dict.fromkeys(SETTINGS, 2)
    assert replicas["overlays/staging"] == replicas["base"]
    assert replicas["overlays/production"] == {
        "registry": 3, "transfer": 3, "photo": 2, "export": 2,
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
    if overlay.endswith("production"):
        assert {h["metadata"]["name"] for h in rendering.of_kind("HorizontalPodAutoscaler")} \
            == set(SETTINGS)


def selected_deployments(rendering: Build, labels: dict[str, str]) -> list[dict]:
    return [d for d in rendering.of_kind("Deployment")
            if labels.items() <= d["spec"]["template"]["metadata"]["labels"].items()]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_network_policies_deny_by_default_and_allow_the_known_callers(overlay: str) -> None:
    rendering = rendered(overlay)
    policies = rendering.of_kind("NetworkPolicy")
    assert any(p["spec"]["podSelector"] == {} and "ingress" not in p["spec"]
               and p["spec"]["policyTypes"] == ["Ingress"] for p in policies)
    allowed: dict[str, list[dict]] = {name: [] for name in SETTINGS}
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
    for service in SETTINGS:
        assert {"ingress-nginx", "monitoring"} <= namespaces[service], service
    assert {"app.kubernetes.io/name": "transfer"} in [
        f.get("podSelector", {}).get("matchLabels") for f in allowed["registry"]
        if "namespaceSelector" not in f
    ]


def test_deploy_folder_names_no_path_outside_the_repository() -> None:
    for path in DEPLOY.rglob("kustomization.yaml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in spec.get("resources", []) + spec.get("components", []):
            assert (path.parent / entry).resolve().is_relative_to(DEPLOY), (path, entry)
            assert "://" not in entry and not Path(entry).is_absolute()
