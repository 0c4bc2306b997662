"""Who may read which events: each Kafka client of proto/asyncapi.yaml has its KafkaUser,
allowed exactly the topics it produces or consumes (and its dead-letter twins) and its
consumer groups, authenticated by certificate; each service's pods authenticate as it."""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
import yaml

from tests.unit.deploy import kafka_access
from tests.unit.deploy.kafka_access import (
    ASYNCAPI,
    Grants,
    acl_table,
    client_problems,
    consumer_groups,
    grant_problems,
    granted,
    listener_problems,
    mount_problems,
    rule_problems,
    user_name,
    wanted_grants,
)
from tests.unit.deploy.kustomize import DEPLOY, Build, Resource, build
from tests.unit.deploy.platform_checks import docking_provinces, kafka_topic_names
from tests.unit.deploy.test_manifests import DEPLOYMENTS, OVERLAYS, config_maps
from tests.unit.deploy.workloads import container_env

USERS_NAMESPACE = "xueji"


@cache
def rendered(path: str) -> Build:
    return build(DEPLOY / path)


@pytest.fixture(scope="module")
def asyncapi() -> dict[str, Any]:
    return yaml.safe_load(ASYNCAPI.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def platform() -> Build:
    return rendered("platform")


@pytest.fixture(scope="module")
def production() -> Build:
    return rendered("overlays/production")


@pytest.fixture(scope="module")
def groups() -> dict[str, set[str]]:
    return consumer_groups()


def _wanted(asyncapi: dict, platform: Build, groups: dict) -> Grants:
    topics = kafka_topic_names(platform)
    return wanted_grants(asyncapi, docking_provinces(topics), topics, groups)


def test_every_client_has_exactly_the_acls_of_the_asyncapi_file(
    asyncapi: dict, platform: Build, production: Build, groups: dict
) -> None:
    wanted = _wanted(asyncapi, platform, groups)
    assert grant_problems(wanted, granted(production.of_kind("KafkaUser"))) == []
    # Not vacuous: every docking province, every consuming service and the operators.
    provinces = docking_provinces(kafka_topic_names(platform))
    assert {user_name("province", p) for p in provinces} | {
        "xueji-registry",
        "xueji-ops",
    } <= wanted.keys()


def test_clients_are_deployments_or_outside_systems(asyncapi: dict, groups: dict) -> None:
    assert client_problems(asyncapi, DEPLOYMENTS, groups) == []


def test_every_consumer_group_of_the_code_has_its_acl(
    platform: Build, production: Build, groups: dict
) -> None:
    grants = granted(production.of_kind("KafkaUser"))
    provinces = docking_provinces(kafka_topic_names(platform))
    assert groups, "the scan found no consumer group in services/"
    for service, templates in groups.items():
        for template in templates:
            for group in {template.format(province=p) for p in provinces}:
                assert ("group", group) in grants[user_name(service)], (service, group)


def test_acls_are_literal_and_read_or_write_only(platform: Build, production: Build) -> None:
    [kafka] = platform.of_kind("Kafka")
    users = production.of_kind("KafkaUser")
    assert users and rule_problems(users, kafka["metadata"]["name"]) == []
    assert {u["metadata"]["namespace"] for u in users} == {USERS_NAMESPACE}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_brokers_take_certificate_clients_only_and_apply_acls(
    platform: Build, overlay: str
) -> None:
    [kafka] = platform.of_kind("Kafka")
    config = config_maps(rendered(overlay))["xueji-config"]
    assert listener_problems(kafka, config["XUEJI_KAFKA_BOOTSTRAP"], USERS_NAMESPACE) == []
    # Consumer groups are named in the ACLs exactly: no per-environment suffix.
    assert config["XUEJI_CONSUMER_GROUP_SUFFIX"] == ""


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", DEPLOYMENTS)
def test_each_kafka_client_deployment_authenticates_as_its_user(
    asyncapi: dict, overlay: str, name: str
) -> None:
    rendering = rendered(overlay)
    deployment = rendering.one("Deployment", name)
    env, problems = container_env(deployment, config_maps(rendering))
    users = {u["metadata"]["name"] for u in rendering.of_kind("KafkaUser")}
    user = user_name(name) if name in kafka_access.clients(asyncapi) else None
    assert problems == []
    assert mount_problems(deployment, env, user, users) == []


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_kubectl_kustomize_renders_the_same_users(overlay: str) -> None:
    """The real kustomize agrees with this suite's reader on the users and their ACLs."""
    output = subprocess.run(
        ["kubectl", "kustomize", str(DEPLOY / overlay)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    users = [d for d in yaml.safe_load_all(output) if d and d["kind"] == "KafkaUser"]
    assert users and granted(users) == granted(rendered(overlay).of_kind("KafkaUser"))
    assert {u["metadata"]["namespace"] for u in users} == {USERS_NAMESPACE}


def test_readme_shows_the_acls(production: Build) -> None:
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    table = acl_table(granted(production.of_kind("KafkaUser")))
    assert table in readme, f"deploy/README.md must show the ACL table:\n{table}"


# The checks find what they are for: each case breaks one thing in a copy and expects a
# complaint.


def _users(production: Build) -> list[Resource]:
    return copy.deepcopy(production.of_kind("KafkaUser"))


def _acls(users: list[Resource], name: str) -> list[dict]:
    [user] = [u for u in users if u["metadata"]["name"] == name]
    return user["spec"]["authorization"]["acls"]


def _drop_group(users: list[Resource]) -> None:
    acls = _acls(users, "xueji-photo")
    acls[:] = [
        a
        for a in acls
        if a["resource"] != {"type": "group", "name": "photo-roster", "patternType": "literal"}
    ]


def _province_reads_transfers(users: list[Resource]) -> None:
    _acls(users, "xueji-province-37").append(
        {
            "resource": {"type": "topic", "name": "xueji.transfer.v1", "patternType": "literal"},
            "operations": ["Read", "Describe"],
        }
    )


def _ops_writes(users: list[Resource]) -> None:
    _acls(users, "xueji-ops")[0]["operations"].append("Write")


GRANT_BREAKAGES: dict[str, Callable[[list[Resource]], None]] = {
    "consumer group missing": _drop_group,
    "province reads another topic": _province_reads_transfers,
    "reader may write": _ops_writes,
    "user missing": lambda users: users.pop(),
}


@pytest.mark.parametrize("breakage", GRANT_BREAKAGES)
def test_grant_check_complains(
    breakage: str, asyncapi: dict, platform: Build, production: Build, groups: dict
) -> None:
    users = _users(production)
    GRANT_BREAKAGES[breakage](users)
    assert grant_problems(_wanted(asyncapi, platform, groups), granted(users)) != []


RULE_BREAKAGES: dict[str, Callable[[list[Resource]], None]] = {
    "wildcard topic": lambda users: _acls(users, "xueji-ops")[0]["resource"].update(name="*"),
    "prefix group": lambda users: _acls(users, "xueji-photo")[-1]["resource"].update(
        patternType="prefix"
    ),
    "topic creation": lambda users: _acls(users, "xueji-registry")[0]["operations"].append(
        "Create"
    ),
    "cluster acl": lambda users: _acls(users, "xueji-export").append(
        {"resource": {"type": "cluster"}, "operations": ["Describe"]}
    ),
    "password user": lambda users: users[0]["spec"].update(
        authentication={"type": "scram-sha-512"}
    ),
}


@pytest.mark.parametrize("breakage", RULE_BREAKAGES)
def test_rule_check_complains(breakage: str, production: Build) -> None:
    users = _users(production)
    RULE_BREAKAGES[breakage](users)
    assert rule_problems(users, "xueji") != []


def test_listener_check_complains_of_a_plaintext_listener(platform: Build) -> None:
    [kafka] = copy.deepcopy(platform.of_kind("Kafka"))
    kafka["spec"]["kafka"]["listeners"].append(
        {"name": "plain", "port": 9092, "type": "internal", "tls": False}
    )
    bootstrap = "xueji-kafka-bootstrap.xueji-platform.svc:9092"
    assert len(listener_problems(kafka, bootstrap, USERS_NAMESPACE)) == 1
    del kafka["spec"]["kafka"]["authorization"]
    assert len(listener_problems(kafka, bootstrap, USERS_NAMESPACE)) == 2


def test_mount_check_complains(production: Build) -> None:
    deployment = copy.deepcopy(production.one("Deployment", "photo"))
    env, _ = container_env(deployment, config_maps(production))
    users = {"xueji-photo", "xueji-export"}
    assert mount_problems(deployment, env, "xueji-photo", users) == []
    # Another service's certificate, and a worker holding one.
    assert mount_problems(deployment, env, "xueji-export", users) != []
    assert mount_problems(deployment, env, None, users) != []
    env["XUEJI_KAFKA_SECURITY_PROTOCOL"] = "PLAINTEXT"
    assert mount_problems(deployment, env, "xueji-photo", users) != []


def test_code_scan_finds_new_groups_and_refuses_unknown_forms(tmp_path) -> None:
    package = tmp_path / "audit" / "xueji_audit"
    package.mkdir(parents=True)
    (package / "jobs.py").write_text(
        'kernel.consumer("audit-heads", ["xueji.export.v1"], {})\n'
        'kernel.consumer(f"audit-{code}", [], {})\n',
        encoding="utf-8",
    )
    assert consumer_groups(tmp_path) == {"audit": {"audit-heads", "audit-{province}"}}
    (package / "jobs.py").write_text("kernel.consumer(group_for(x), [], {})\n", encoding="utf-8")
    with pytest.raises(kafka_access.ScanError, match="group_for"):
        consumer_groups(tmp_path)


def test_a_consumer_without_groups_is_reported(asyncapi: dict, groups: dict) -> None:
    fewer = {s: g for s, g in groups.items() if s != "photo"}
    assert client_problems(asyncapi, DEPLOYMENTS, fewer) == [
        "photo consumes but its code joins no consumer group"
    ]
