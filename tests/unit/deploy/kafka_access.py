"""Who may read and write which Kafka topic.

`wanted_grants` derives it from proto/asyncapi.yaml (each channel's x-producers and
x-consumers, x-consumer-groups for the clients outside this repository) and from the
services' code (the consumer groups they join); `granted` reads what the Strimzi KafkaUsers
allow; the `*_problems` functions name every difference, each returning an empty list when
sound. Nothing here lists topics or clients a second time.
"""

from __future__ import annotations

import ast
import importlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from tests.unit.deploy.kustomize import Resource
from tests.unit.deploy.workloads import SecretValue, mounted_files
from xueji_common.contracts import DLQ_SUFFIX, dlq_topic

ROOT = Path(__file__).resolve().parents[3]
ASYNCAPI = ROOT / "proto" / "asyncapi.yaml"
SERVICES = ROOT / "services"

# The client standing for the docking province whose code fills the channel's {province}.
PROVINCE = "province"
PRODUCE = frozenset({"Write", "Describe"})
CONSUME = frozenset({"Read", "Describe"})
JOIN = frozenset({"Read"})
# Reading and writing records, nothing more: no Create, Delete, Alter, AlterConfigs, All.
ALLOWED_OPERATIONS = PRODUCE | CONSUME
# What a service's pod needs to authenticate as its KafkaUser (xueji_common.settings).
SECURITY_PROTOCOL = "SSL"
CLUSTER_CA_CONFIG_MAP = "xueji-kafka-cluster-ca"
# Names in f-string consumer groups that stand for a province code.
_PROVINCE_NAMES = {"code", "province", "province_code"}

ResourceKey = tuple[str, str]  # (resource type, name)
Grants = dict[str, dict[ResourceKey, frozenset[str]]]  # KafkaUser -> resource -> operations


class ScanError(AssertionError):
    """Code whose consumer group this scan cannot name: make it a literal or a constant."""


def user_name(client: str, province: str | None = None) -> str:
    """The KafkaUser (and its Secret, and the certificate's CN) of an AsyncAPI client."""
    if client == PROVINCE:
        if province is None:
            raise ValueError("the province client exists only on per-province channels")
        return f"xueji-province-{province}"
    return f"xueji-{client}"


def clients(asyncapi: Mapping[str, Any]) -> set[str]:
    """Every client any channel names as producer or consumer."""
    return {
        client
        for channel in asyncapi["channels"].values()
        for key in ("x-producers", "x-consumers")
        for client in channel.get(key, [])
    }


def external_clients(asyncapi: Mapping[str, Any]) -> set[str]:
    """Clients whose code is not in this repository: their groups are in the AsyncAPI file."""
    return set(asyncapi.get("x-consumer-groups", {}))


def consumer_groups(services: Path = SERVICES) -> dict[str, set[str]]:
    """Service -> the consumer groups its code joins: the first argument of every
    `<kernel>.consumer(...)` call (ServiceKernel.consumer), a literal, a module constant, or
    an f-string over a province code (giving a `{province}` template)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for path in sorted(services.glob("*/xueji_*/**/*.py")):
        service = path.relative_to(services).parts[0]
        module = ".".join(path.relative_to(services / service).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "consumer"
            ):
                where = f"{path.relative_to(services.parent)}:{node.lineno}"
                if not node.args:
                    raise ScanError(f"{where}: consumer() without its group as first argument")
                groups[service].add(_group(node.args[0], module, where))
    return dict(groups)


def _group(node: ast.expr, module: str, where: str) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        value = getattr(importlib.import_module(module), node.id, None)
        if isinstance(value, str):
            return value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(str(part.value))
            elif isinstance(part.value, ast.Name) and part.value.id in _PROVINCE_NAMES:
                parts.append("{province}")
            else:
                break
        else:
            return "".join(parts)
    raise ScanError(f"{where}: consumer group {ast.unparse(node)} is not a name this scan knows")


def _instances(address: str, provinces: Iterable[str]) -> list[tuple[str, str | None]]:
    if "{province}" not in address:
        return [(address, None)]
    return [(address.format(province=p), p) for p in sorted(provinces)]


def wanted_grants(
    asyncapi: Mapping[str, Any],
    provinces: Iterable[str],
    kept_topics: Collection[str],
    service_groups: Mapping[str, Collection[str]],
) -> Grants:
    """What each KafkaUser must be allowed, and nothing more.

    Producers: Write, Describe. Consumers: Read, Describe, and Write, Describe on the topic's
    dead-letter twin, for the topics the platform keeps (`kept_topics`: the KafkaTopics).
    Each consumer's groups: Read, by exact id.
    """
    provinces = sorted(provinces)
    wanted: Grants = defaultdict(dict)

    def allow(user: str, resource: ResourceKey, operations: frozenset[str]) -> None:
        wanted[user][resource] = wanted[user].get(resource, frozenset()) | operations

    consuming: set[tuple[str, str | None]] = set()
    for channel in asyncapi["channels"].values():
        for topic, province in _instances(channel["address"], provinces):
            if topic not in kept_topics:
                continue
            for client in channel.get("x-producers", []):
                allow(user_name(client, province), ("topic", topic), PRODUCE)
            for client in channel.get("x-consumers", []):
                user = user_name(client, province)
                allow(user, ("topic", topic), CONSUME)
                if not topic.endswith(DLQ_SUFFIX) and dlq_topic(topic) in kept_topics:
                    allow(user, ("topic", dlq_topic(topic)), PRODUCE)
                consuming.add((client, province))
    external = asyncapi.get("x-consumer-groups", {})
    for client, province in consuming:
        templates = [external[client]] if client in external else service_groups.get(client, ())
        for template in templates:
            names = (
                [template.format(province=province)]
                if province is not None
                else [name for name, _ in _instances(template, provinces)]
            )
            for name in names:
                allow(user_name(client, province), ("group", name), JOIN)
    return dict(wanted)


def granted(users: Iterable[Resource]) -> Grants:
    """What the KafkaUsers allow (operations of one resource given twice are merged)."""
    grants: Grants = {}
    for user in users:
        mine = grants.setdefault(user["metadata"]["name"], {})
        for acl in user["spec"].get("authorization", {}).get("acls", []):
            resource = (acl["resource"]["type"], acl["resource"].get("name", ""))
            operations = frozenset(acl.get("operations", [])) | (
                {acl["operation"]} if "operation" in acl else set()
            )
            mine[resource] = mine.get(resource, frozenset()) | operations
    return grants


def grant_problems(wanted: Grants, grants: Grants) -> list[str]:
    """Every user, resource and operation that one side has and the other lacks."""
    problems = [f"no KafkaUser {u}" for u in sorted(wanted.keys() - grants.keys())]
    problems += [
        f"KafkaUser {u} is no client of the AsyncAPI file"
        for u in sorted(grants.keys() - wanted.keys())
    ]
    for user in sorted(wanted.keys() & grants.keys()):
        want, have = wanted[user], grants[user]
        for resource in sorted(want.keys() | have.keys()):
            missing = want.get(resource, frozenset()) - have.get(resource, frozenset())
            extra = have.get(resource, frozenset()) - want.get(resource, frozenset())
            kind, name = resource
            if missing:
                problems.append(f"{user} lacks {sorted(missing)} on {kind} {name}")
            if extra:
                problems.append(f"{user} is allowed {sorted(extra)} on {kind} {name}")
    return problems


def rule_problems(users: Iterable[Resource], cluster: str) -> list[str]:
    """Each user authenticates by certificate and holds only literal, named, allow ACLs on
    topics and groups, reading and writing records only (topics are KafkaTopic resources)."""
    problems = []
    for user in users:
        name, spec = user["metadata"]["name"], user["spec"]
        if user["metadata"].get("labels", {}).get("strimzi.io/cluster") != cluster:
            problems.append(f"{name} does not belong to Kafka cluster {cluster}")
        if spec.get("authentication", {}).get("type") != "tls":
            problems.append(f"{name} does not authenticate with a certificate (tls)")
        if spec.get("authorization", {}).get("type") != "simple":
            problems.append(f"{name} has no simple authorization")
        for acl in spec.get("authorization", {}).get("acls", []):
            resource = acl["resource"]
            what = f"{name}: {resource.get('type')} {resource.get('name', '')}"
            if resource.get("type") not in ("topic", "group"):
                problems.append(f"{what}: only topic and group ACLs")
            pattern = resource.get("patternType", "literal")
            if resource.get("name", "*") == "*" or pattern != "literal":
                problems.append(f"{what}: a wildcard or prefix resource")
            if acl.get("type", "allow") != "allow":
                problems.append(f"{what}: a deny rule (everything not allowed is denied)")
            operations = set(acl.get("operations", [])) | (
                {acl["operation"]} if "operation" in acl else set()
            )
            if not operations or not operations <= ALLOWED_OPERATIONS:
                problems.append(f"{what}: operations {sorted(operations)}")
    return problems


def listener_problems(kafka: Resource, bootstrap: str, users_namespace: str) -> list[str]:
    """Every listener takes certificate clients only, the brokers apply the ACLs, the services
    bootstrap from the internal TLS listener, and the User Operator watches the users."""
    spec = kafka["spec"]
    problems = []
    for listener in spec["kafka"]["listeners"]:
        if not listener.get("tls") or listener.get("authentication", {}).get("type") != "tls":
            problems.append(f"listener {listener['name']} takes clients without a certificate")
    if spec["kafka"].get("authorization", {}).get("type") != "simple":
        problems.append("the brokers do not apply ACLs (authorization simple)")
    if spec["kafka"].get("authorization", {}).get("superUsers"):
        problems.append("super users bypass every ACL")
    name, namespace = kafka["metadata"]["name"], kafka["metadata"]["namespace"]
    internal = {
        f"{name}-kafka-bootstrap.{namespace}.svc:{listener['port']}"
        for listener in spec["kafka"]["listeners"]
        if listener["type"] == "internal"
    }
    if bootstrap not in internal:
        problems.append(f"XUEJI_KAFKA_BOOTSTRAP {bootstrap} is not an internal listener {internal}")
    watched = spec.get("entityOperator", {}).get("userOperator", {}).get("watchedNamespace")
    if watched != users_namespace:
        problems.append(f"the User Operator watches {watched}, the users are in {users_namespace}")
    return problems


def mount_problems(
    deployment: Resource,
    env: Mapping[str, str | SecretValue],
    user: str | None,
    kafka_users: Collection[str],
) -> list[str]:
    """A Kafka client's Deployment authenticates as `user`, from its Secret (user.crt,
    user.key) and the cluster CA; any other Deployment (`user` None) mounts no user's Secret."""
    files = mounted_files(deployment)
    name = deployment["metadata"]["name"]
    others = {
        source
        for kind, source, _ in files.values()
        if kind == "secret" and source in kafka_users and source != user
    }
    problems = [f"{name} mounts the Secret of KafkaUser {s}" for s in sorted(others)]
    if user is None:
        return problems
    if env.get("XUEJI_KAFKA_SECURITY_PROTOCOL") != SECURITY_PROTOCOL:
        problems.append(f"{name} does not set XUEJI_KAFKA_SECURITY_PROTOCOL={SECURITY_PROTOCOL}")
    wanted = {
        "XUEJI_KAFKA_CERT_FILE": ("secret", user, "user.crt"),
        "XUEJI_KAFKA_KEY_FILE": ("secret", user, "user.key"),
        "XUEJI_KAFKA_CA_FILE": ("configMap", CLUSTER_CA_CONFIG_MAP, "ca.crt"),
    }
    for var, source in wanted.items():
        path = env.get(var)
        if not isinstance(path, str) or files.get(path) != source:
            problems.append(f"{name}: {var}={path} is not {source[2]} of {source[0]} {source[1]}")
    return problems


def client_problems(
    asyncapi: Mapping[str, Any],
    deployments: Collection[str],
    service_groups: Mapping[str, Collection[str]],
) -> list[str]:
    """Each client is a Deployment or an outside system with its groups in the AsyncAPI file;
    a service consumes exactly when its code joins consumer groups."""
    external = external_clients(asyncapi)
    consumers = {c for ch in asyncapi["channels"].values() for c in ch.get("x-consumers", [])}
    problems = [
        f"client {c} is neither a Deployment nor in x-consumer-groups"
        for c in sorted(clients(asyncapi) - external - set(deployments))
    ]
    problems += [
        f"{s} joins consumer groups {sorted(g)} but consumes no channel"
        for s, g in sorted(service_groups.items())
        if g and s not in consumers
    ]
    problems += [
        f"{c} consumes but its code joins no consumer group"
        for c in sorted(consumers - external)
        if not service_groups.get(c)
    ]
    return problems


def acl_table(grants: Grants) -> str:
    """The README's table of every KafkaUser's ACLs."""
    rows = ["| Kafka user | resource | operations |", "| --- | --- | --- |"]
    for user in sorted(grants):
        for (kind, name), operations in sorted(grants[user].items()):
            ops = ", ".join(sorted(operations, key=["Read", "Write", "Describe"].index))
            rows.append(f"| `{user}` | {kind} `{name}` | {ops} |")
    return "\n".join(rows)
