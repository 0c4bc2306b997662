"""The manifest checks fail on broken manifests: each case breaks one thing in a copy of the
rendered production manifests (or a throw-away kustomization) and expects a complaint."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.deploy.kustomize import DEPLOY, KustomizationError, Resource, build
from tests.unit.deploy.platform_checks import bucket_problems, topic_problems
from tests.unit.deploy.test_manifests import TRANSFER_ROLES, UNREAD, config_maps
from tests.unit.deploy.workloads import (
    container_env,
    deployment_problems,
    file_env_problems,
    main_container,
    pod,
    role_problems,
    secret_key_holders,
    settings_problems,
)
from xueji_registry.settings import RegistrySettings
from xueji_stack.buckets import XUEJI_BUCKETS
from xueji_transfer.settings import TransferSettings

PRODUCTION = build(DEPLOY / "overlays/production")


def registry() -> Resource:
    return copy.deepcopy(PRODUCTION.one("Deployment", "registry"))


def _set(path: str, value: object) -> Callable[[Resource], None]:
    def change(deployment: Resource) -> None:
        node = main_container(deployment)
        *parents, last = path.split(".")
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return change


BREAKAGES = {
    "no readiness probe": _set("readinessProbe", None),
    "readiness on /healthz": _set("readinessProbe.httpGet.path", "/healthz"),
    "liveness on another port": _set("livenessProbe.httpGet.port", 9999),
    "short startup probe": _set("startupProbe.failureThreshold", 3),
    "writable root filesystem": _set("securityContext.readOnlyRootFilesystem", False),
    "capabilities kept": _set("securityContext.capabilities", {"drop": []}),
    "privilege escalation": _set("securityContext.allowPrivilegeEscalation", True),
    "no limits": _set("resources.limits", {}),
    "more cpu than a node": _set("resources.limits.cpu", "4"),
    "request above limit": _set("resources.requests.memory", "8Gi"),
    "root allowed": lambda d: pod(d)["securityContext"].pop("runAsNonRoot"),
    "no seccomp": lambda d: pod(d)["securityContext"].pop("seccompProfile"),
    "token mounted": lambda d: pod(d).pop("automountServiceAccountToken"),
    "metrics port wrong": lambda d: d["spec"]["template"]["metadata"]["annotations"].update(
        {"prometheus.io/port": "9090"}),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_deployment_check_complains(breakage: str) -> None:
    deployment = registry()
    assert deployment_problems(deployment) == []
    BREAKAGES[breakage](deployment)
    assert deployment_problems(deployment) != []


def registry_env(deployment: Resource) -> dict:
    env, problems = container_env(deployment, config_maps(PRODUCTION))
    assert problems == []
    return env


def test_missing_setting_is_named() -> None:
    deployment = registry()
    main_container(deployment)["env"] = [
        var for var in main_container(deployment)["env"] if var["name"] != "XUEJI_DATABASE_URL"
    ]
    assert settings_problems(RegistrySettings, registry_env(deployment)) == [
        "XUEJI_DATABASE_URL is not set"
    ]


def test_unparsable_setting_is_reported() -> None:
    deployment = registry()
    for var in main_container(deployment)["env"]:
        if var["name"] == "XUEJI_HTTP_PORT":
            var["value"] = "http"
    [problem] = settings_problems(RegistrySettings, registry_env(deployment))
    assert "RegistrySettings rejects" in problem


def test_unread_setting_without_a_default_is_still_required() -> None:
    worker = copy.deepcopy(PRODUCTION.one("Deployment", "transfer-worker"))
    env = registry_env(worker)
    unread = UNREAD["transfer-worker"]
    assert sorted(settings_problems(TransferSettings, env)) == [
        f"XUEJI_{name.upper()} is not set" for name in sorted(unread)
    ]
    assert settings_problems(TransferSettings, env, unread) == []
    del env["XUEJI_REGISTRY_PASSWORD"]
    assert settings_problems(TransferSettings, env, {*unread, "registry_password"}) == [
        "XUEJI_REGISTRY_PASSWORD is not set"
    ]


def transfer_roles(change: Callable[[dict[str, Resource], dict], None]) -> list[str]:
    """The role check's complaints after `change` edits copies of the production Deployments
    (by name) and ConfigMaps."""
    deployments = {d["metadata"]["name"]: d
                   for d in copy.deepcopy(PRODUCTION.of_kind("Deployment"))}
    maps = copy.deepcopy(config_maps(PRODUCTION))
    change(deployments, maps)
    return role_problems(list(deployments.values()), maps, "xueji_transfer", TRANSFER_ROLES)


def _roles(deployment: Resource, value: str | None) -> None:
    container = main_container(deployment)
    container["env"] = [v for v in container["env"] if v["name"] != "XUEJI_ROLES"]
    if value is not None:
        container["env"].append({"name": "XUEJI_ROLES", "value": value})


def _extra_worker(deployments: dict[str, Resource]) -> None:
    extra = copy.deepcopy(deployments["transfer-worker"])
    extra["metadata"]["name"] = "transfer-batch"
    deployments["transfer-batch"] = extra


def _roles_from_the_config_map(deployments: dict[str, Resource], maps: dict) -> None:
    maps["xueji-config"]["XUEJI_ROLES"] = "worker"
    _roles(deployments["transfer-worker"], None)


ROLE_BREAKAGES = {
    "worker without roles": (
        lambda d, _: _roles(d["transfer-worker"], None),
        ["transfer-worker runs xueji_transfer without XUEJI_ROLES of its own"],
    ),
    "api also runs the workers": (
        lambda d, _: _roles(d["transfer"], "api,worker"),
        ["transfer runs roles ['api', 'worker'], not api"],
    ),
    "roles from the shared ConfigMap": (
        _roles_from_the_config_map,
        ["transfer-worker runs xueji_transfer without XUEJI_ROLES of its own"],
    ),
    "a third transfer Deployment": (
        lambda d, _: _extra_worker(d),
        ["transfer-batch runs xueji_transfer but is not one of ['transfer', 'transfer-worker']"],
    ),
    "no worker": (
        lambda d, _: d.pop("transfer-worker"),
        ["no Deployment transfer-worker runs xueji_transfer"],
    ),
}


def test_transfer_roles_are_sound_as_deployed() -> None:
    assert transfer_roles(lambda d, m: None) == []


@pytest.mark.parametrize("breakage", ROLE_BREAKAGES)
def test_role_check_complains(breakage: str) -> None:
    change, expected = ROLE_BREAKAGES[breakage]
    assert transfer_roles(change) == expected


def test_key_file_outside_the_mounts_is_reported() -> None:
    deployment = registry()
    env = registry_env(deployment) | {"XUEJI_TOKEN_PUBLIC_KEY_FILE": "/etc/xueji/public.pem"}
    assert file_env_problems(deployment, env) == [
        "XUEJI_TOKEN_PUBLIC_KEY_FILE=/etc/xueji/public.pem is not a mounted file"
    ]


def test_whole_token_secret_mounted_elsewhere_leaks_the_private_key() -> None:
    photo = copy.deepcopy(PRODUCTION.one("Deployment", "photo"))
    for volume in pod(photo)["volumes"]:
        if volume.get("secret", {}).get("secretName") == "xueji-token-keys":
            del volume["secret"]["items"]
    deployments = [registry(), photo]
    assert secret_key_holders(deployments, "xueji-token-keys", "private.pem") == {
        "registry", "photo",
    }


def test_missing_topic_is_reported() -> None:
    platform = build(DEPLOY / "platform")
    platform.resources = [
        r for r in platform.resources
        if r.get("spec", {}).get("topicName") != "xueji.province.37.inbound.v1.dlq"
    ]
    assert topic_problems(platform, ["37"]) == [
        "no KafkaTopic for xueji.province.37.inbound.v1.dlq"
    ]


def test_province_needs_all_its_topics() -> None:
    platform = build(DEPLOY / "platform")
    platform.resources.append({
        "apiVersion": "kafka.strimzi.io/v1beta2", "kind": "KafkaTopic",
        "metadata": {"name": "xueji-province-11-outbound-v1"},
        "spec": {"topicName": "xueji.province.11.outbound.v1"},
    })
    assert topic_problems(platform, ["37"]) == [
        "no KafkaTopic for xueji.province.11.inbound.v1",
        "no KafkaTopic for xueji.province.11.inbound.v1.dlq",
    ]


def test_missing_bucket_is_reported() -> None:
    platform = build(DEPLOY / "platform")
    [tenant] = platform.of_kind("Tenant")
    dropped = tenant["spec"]["buckets"].pop(0)["name"]
    assert bucket_problems(platform, XUEJI_BUCKETS) == [f"Tenant has no bucket {dropped}"]


def kustomization(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "kustomization.yaml").write_text(text)
    return directory


def test_reader_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KustomizationError, match="does not exist"):
        build(kustomization(tmp_path, "resources:\n  - deployment.yaml\n"))


def test_reader_refuses_features_it_does_not_know(tmp_path: Path) -> None:
    with pytest.raises(KustomizationError, match="commonLabels"):
        build(kustomization(tmp_path, "commonLabels:\n  team: xueji\n"))


def test_reader_refuses_a_patch_that_targets_nothing(tmp_path: Path) -> None:
    text = (
        f"resources:\n  - {DEPLOY / 'base'}\n"
        "patches:\n  - target:\n      kind: HorizontalPodAutoscaler\n      name: registry\n"
        "    patch: |-\n      - op: replace\n        path: /spec/minReplicas\n        value: 3\n"
    )
    with pytest.raises(KustomizationError, match="matches 0"):
        build(kustomization(tmp_path, text))
