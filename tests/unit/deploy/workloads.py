"""Checks of one rendered Deployment; each returns the problems it finds (empty when sound)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pydantic import ValidationError
from pydantic_settings import BaseSettings

from tests.unit.deploy.kustomize import Resource

# The node size production runs on: no container may ask for more than a node has.
NODE_CPU_CORES = 2
# Migrations run before the listener opens; the startup probe must wait at least this long.
MIN_STARTUP_SECONDS = 300
ENV_PREFIX = "XUEJI_"
ROLES_VAR = ENV_PREFIX + "ROLES"


@dataclass(frozen=True)
class SecretValue:
    secret: str
    key: str


def pod(deployment: Resource) -> dict[str, Any]:
    return deployment["spec"]["template"]["spec"]


def main_container(deployment: Resource) -> dict[str, Any]:
    return pod(deployment)["containers"][0]


def http_port(deployment: Resource) -> int:
    ports = {p["name"]: p["containerPort"] for p in main_container(deployment)["ports"]}
    return ports["http"]


def container_env(
    deployment: Resource, config_maps: dict[str, dict[str, str]]
) -> tuple[dict[str, str | SecretValue], list[str]]:
    """What the container's environment will hold; explicit env wins over envFrom."""
    container, problems = main_container(deployment), []
    env: dict[str, str | SecretValue] = {}
    for source in container.get("envFrom", []):
        name = source.get("configMapRef", {}).get("name")
        if name is None or name not in config_maps:
            problems.append(f"envFrom {source} is not a ConfigMap of this build")
            continue
        env.update(config_maps[name])
    for var in container.get("env", []):
        if "value" in var:
            env[var["name"]] = var["value"]
        elif "secretKeyRef" in var.get("valueFrom", {}):
            ref = var["valueFrom"]["secretKeyRef"]
            env[var["name"]] = SecretValue(ref["name"], ref["key"])
        elif "configMapKeyRef" in var.get("valueFrom", {}):
            ref = var["valueFrom"]["configMapKeyRef"]
            value = config_maps.get(ref["name"], {}).get(ref["key"])
            if value is None:
                problems.append(f"{var['name']} refers to missing ConfigMap key {ref}")
            else:
                env[var["name"]] = value
        else:
            problems.append(f"{var['name']} has a value source this check does not know")
    return env, problems


def settings_problems(
    settings: type[BaseSettings],
    env: dict[str, str | SecretValue],
    unread: Collection[str] = (),
) -> list[str]:
    """Every field of the settings class is set, and the values parse.

    `unread` names fields the Deployment's role never reads: they may keep their defaults
    (a field without a default must be set all the same, or the process would not start).
    """
    values: dict[str, str] = {}
    problems = []
    for field, info in settings.model_fields.items():
        var = ENV_PREFIX + field.upper()
        if var not in env and field in unread and not info.is_required():
            continue
        if var not in env:
            problems.append(f"{var} is not set")
            continue
        value = env[var]
        values[field] = (
            f"postgresql://{value.secret}@db/{value.key}" if isinstance(value, SecretValue)
            else value
        )
    if not problems:
        try:
            settings(**values)
        except ValidationError as exc:
            problems.append(f"{settings.__name__} rejects the values: {exc}")
    return problems


def mounted_files(deployment: Resource) -> dict[str, tuple[str, str, str]]:
    """Files the volumes put in the main container: path -> (kind, source name, key).

    A secret or ConfigMap volume without `items` projects every key; its files are keyed
    `<mount>/*`.
    """
    volumes = {v["name"]: v for v in pod(deployment).get("volumes", [])}
    files: dict[str, tuple[str, str, str]] = {}
    for mount in main_container(deployment).get("volumeMounts", []):
        volume = volumes.get(mount["name"], {})
        sources = [
            (kind, volume[kind]) for kind in ("secret", "configMap") if kind in volume
        ] + [
            (kind, source[kind])
            for source in volume.get("projected", {}).get("sources", [])
            for kind in ("secret", "configMap") if kind in source
        ]
        for kind, source in sources:
            name = source.get("secretName") or source.get("name")
            items = source.get("items")
            if items is None:
                files[f"{mount['mountPath']}/*"] = (kind, name, "*")
            for item in items or []:
                files[str(PurePosixPath(mount["mountPath"]) / item["path"])] = (
                    kind, name, item["key"],
                )
    return files


def secret_keys_mounted(deployment: Resource, secret: str) -> set[str]:
    """Keys of a Secret the main container sees; "*" when a volume projects all of them."""
    return {key for kind, name, key in mounted_files(deployment).values()
            if kind == "secret" and name == secret}


def secret_key_holders(deployments: list[Resource], secret: str, key: str) -> set[str]:
    """Deployments that can read `key` of `secret`."""
    return {d["metadata"]["name"] for d in deployments
            if secret_keys_mounted(d, secret) & {key, "*"}}


def file_env_problems(deployment: Resource, env: dict[str, str | SecretValue]) -> list[str]:
    """Every variable naming a file (…_FILE) points at a file a volume provides."""
    files = mounted_files(deployment)
    return [
        f"{var}={value} is not a mounted file"
        for var, value in env.items()
        if var.endswith("_FILE") and isinstance(value, str) and value not in files
    ]


def secret_names(node: object) -> set[str]:
    """Names of the Secrets a resource refers to (secretKeyRef, secret volumes, passwordSecret…)."""
    if isinstance(node, list):
        return set().union(*(secret_names(item) for item in node))
    if not isinstance(node, dict):
        return set()
    names = set()
    for key, value in node.items():
        if key in ("secretKeyRef", "secret", "passwordSecret", "secretRef"):
            names.add(value.get("secretName") or value["name"])
        else:
            names |= secret_names(value)
    return names


def role_problems(
    deployments: list[Resource],
    config_maps: dict[str, dict[str, str]],
    module: str,
    wanted: Mapping[str, str],
) -> list[str]:
    """The Deployments running `module` are exactly those of `wanted`, and each sets
    XUEJI_ROLES in its own container to the roles `wanted` gives it (comma separated).

    A Deployment without its own XUEJI_ROLES would run the settings' default (every role), or
    whatever a shared ConfigMap says: two of them would then both relay and both consume.
    """
    problems = []
    running: dict[str, frozenset[str] | None] = {}
    for deployment in deployments:
        container = main_container(deployment)
        if container.get("args") != [module]:
            continue
        name = deployment["metadata"]["name"]
        env, _ = container_env(deployment, config_maps)
        own = ROLES_VAR in {var["name"] for var in container.get("env", [])}
        value = env.get(ROLES_VAR)
        if not own or not isinstance(value, str):
            problems.append(f"{name} runs {module} without XUEJI_ROLES of its own")
        running[name] = _roles(value) if own and isinstance(value, str) else None
    for name in sorted(running.keys() - wanted.keys()):
        problems.append(f"{name} runs {module} but is not one of {sorted(wanted)}")
    for name, roles in wanted.items():
        if name not in running:
            problems.append(f"no Deployment {name} runs {module}")
        elif running[name] is not None and running[name] != _roles(roles):
            problems.append(f"{name} runs roles {sorted(running[name])}, not {roles}")
    return problems


def _roles(value: str) -> frozenset[str]:
    return frozenset(r.strip() for r in value.split(",") if r.strip())


def deployment_problems(deployment: Resource) -> list[str]:
    """Probes, resources, security context, metrics annotations of a service Deployment."""
    problems: list[str] = []
    spec, container = pod(deployment), main_container(deployment)
    port = http_port(deployment)
    for probe, path in (("readinessProbe", "/readyz"), ("livenessProbe", "/healthz"),
                        ("startupProbe", "/healthz")):
        get = container.get(probe, {}).get("httpGet", {})
        if get.get("path") != path or get.get("port") not in ("http", port):
            problems.append(f"{probe} must GET {path} on the http port ({port}), has {get}")
    startup = container.get("startupProbe", {})
    waits = startup.get("periodSeconds", 10) * startup.get("failureThreshold", 3)
    if waits < MIN_STARTUP_SECONDS:
        problems.append(f"startupProbe gives migrations {waits}s, less than {MIN_STARTUP_SECONDS}")
    problems += _resource_problems(container.get("resources", {}))
    security = spec.get("securityContext", {})
    own = container.get("securityContext", {})
    if security.get("runAsNonRoot") is not True and own.get("runAsNonRoot") is not True:
        problems.append("runAsNonRoot is not true")
    seccomp = own.get("seccompProfile") or security.get("seccompProfile") or {}
    if seccomp.get("type") != "RuntimeDefault":
        problems.append("seccompProfile is not RuntimeDefault")
    if own.get("readOnlyRootFilesystem") is not True:
        problems.append("readOnlyRootFilesystem is not true")
    if own.get("allowPrivilegeEscalation") is not False or own.get("privileged"):
        problems.append("privilege escalation is not forbidden")
    if "ALL" not in own.get("capabilities", {}).get("drop", []):
        problems.append("capabilities do not drop ALL")
    if spec.get("automountServiceAccountToken") is not False:
        problems.append("the service account token is mounted")
    annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
    wanted = {"prometheus.io/scrape": "true", "prometheus.io/port": str(port),
              "prometheus.io/path": "/metrics"}
    if {k: annotations.get(k) for k in wanted} != wanted:
        problems.append(f"Prometheus scrape annotations must be {wanted}")
    return problems


def _resource_problems(resources: dict[str, dict[str, str]]) -> list[str]:
    problems = []
    for kind in ("cpu", "memory"):
        request = resources.get("requests", {}).get(kind)
        limit = resources.get("limits", {}).get(kind)
        if request is None or limit is None:
            problems.append(f"{kind} needs a request and a limit")
        elif quantity(request) > quantity(limit):
            problems.append(f"{kind} request {request} exceeds its limit {limit}")
    cpu_limit = resources.get("limits", {}).get("cpu")
    if cpu_limit is not None and quantity(cpu_limit) > NODE_CPU_CORES:
        problems.append(f"cpu limit {cpu_limit} is more than a {NODE_CPU_CORES}-core node")
    return problems


_SUFFIXES = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40,
             "k": 1e3, "M": 1e6, "G": 1e9}


def quantity(value: str | int | float) -> float:
    """A Kubernetes quantity ("500m", "1Gi", 2) as a number."""
    text = str(value)
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * _SUFFIXES[suffix]
    return float(text)
