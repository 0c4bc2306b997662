"""The platform resources (deploy/platform) give the services what the code expects:
every Kafka topic, every bucket, one database per service, Temporal on that PostgreSQL."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.unit.deploy.kustomize import DEPLOY, Build, build
from tests.unit.deploy.platform_checks import bucket_problems, kafka_topic_names, topic_problems
from tests.unit.deploy.test_manifests import SETTINGS, rendered, service_env
from tests.unit.deploy.workloads import SecretValue, secret_names
from xueji_common import contracts
from xueji_stack import buckets
from xueji_stack.search_attributes import XUEJI_SEARCH_ATTRIBUTES

PLATFORM_NAMESPACE = "xueji-platform"
DAY_MS = 24 * 3600 * 1000
# Which buckets each S3-using service writes to (names from xueji_stack.buckets).
SERVICE_BUCKETS = {
    "registry": {buckets.REGISTRY_EVIDENCE_BUCKET, buckets.REGISTRY_REPORTS_BUCKET},
    "photo": {buckets.PHOTOS_BUCKET},
    "export": {buckets.EXPORTS_BUCKET},
}


@pytest.fixture(scope="module")
def platform() -> Build:
    return build(DEPLOY / "platform")


@pytest.fixture(scope="module")
def config() -> dict[str, str]:
    return rendered("overlays/production").one("ConfigMap", "xueji-config")["data"]


@pytest.fixture(scope="module")
def temporal_values() -> dict:
    return yaml.safe_load((DEPLOY / "platform/temporal/values.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def readme() -> str:
    return (DEPLOY / "README.md").read_text(encoding="utf-8")


def test_platform_lives_in_its_namespace(platform: Build) -> None:
    for resource in platform.resources:
        if resource["kind"] != "Namespace":
            assert resource["metadata"]["namespace"] == PLATFORM_NAMESPACE


def test_every_topic_of_the_code_has_a_kafka_topic(platform: Build) -> None:
    assert topic_problems(platform, ["37"]) == []
    declared = kafka_topic_names(platform)
    for name in ("TOPIC_PUPIL", "TOPIC_ORG", "TOPIC_TRANSFER", "TOPIC_PHOTO", "TOPIC_EXPORT"):
        topic = getattr(contracts, name)
        assert topic in declared and contracts.dlq_topic(topic) in declared


def test_topics_survive_a_broker_and_keep_events_long_enough(platform: Build) -> None:
    [kafka] = platform.of_kind("Kafka")
    for topic, resource in kafka_topic_names(platform).items():
        spec = resource["spec"]
        assert resource["metadata"]["labels"]["strimzi.io/cluster"] == kafka["metadata"]["name"]
        assert spec["replicas"] == 3 and int(spec["config"]["min.insync.replicas"]) == 2, topic
        retention = int(spec["config"]["retention.ms"])
        least = 30 * DAY_MS if topic.endswith(".dlq") else 14 * DAY_MS
        assert retention == -1 or retention >= least, topic
    assert kafka_topic_names(platform)[contracts.TOPIC_PUPIL]["spec"]["partitions"] >= 48


def test_kafka_runs_kraft_on_three_brokers(platform: Build) -> None:
    [kafka] = platform.of_kind("Kafka")
    assert kafka["metadata"]["annotations"] == {
        "strimzi.io/node-pools": "enabled", "strimzi.io/kraft": "enabled",
    }
    settings = kafka["spec"]["kafka"]["config"]
    assert settings["min.insync.replicas"] == 2 and settings["default.replication.factor"] == 3
    assert settings["auto.create.topics.enable"] is False
    pools = platform.of_kind("KafkaNodePool")
    assert sum(p["spec"]["replicas"] for p in pools if "broker" in p["spec"]["roles"]) == 3
    assert all(p["metadata"]["labels"]["strimzi.io/cluster"] == kafka["metadata"]["name"]
               for p in pools)
    assert any("controller" in p["spec"]["roles"] for p in pools)


def test_services_bootstrap_from_the_internal_tls_listener(platform: Build, config: dict) -> None:
    [kafka] = platform.of_kind("Kafka")
    internal = [listener for listener in kafka["spec"]["kafka"]["listeners"]
                if listener["type"] == "internal" and listener["tls"]]
    wanted = {f"{kafka['metadata']['name']}-kafka-bootstrap.{PLATFORM_NAMESPACE}.svc:{p['port']}"
              for p in internal}
    assert config["XUEJI_KAFKA_BOOTSTRAP"] in wanted


def test_tenant_has_every_bucket_of_the_code(platform: Build) -> None:
    assert bucket_problems(platform, buckets.XUEJI_BUCKETS) == []


def test_s3_endpoint_is_the_tenant_over_tls(platform: Build, config: dict) -> None:
    [tenant] = platform.of_kind("Tenant")
    assert tenant["spec"]["requestAutoCert"] is True
    assert config["XUEJI_S3_ENDPOINT"] == f"minio.{PLATFORM_NAMESPACE}.svc.cluster.local:443"
    assert config["XUEJI_S3_SECURE"] == "true"
    region = {b["region"] for b in tenant["spec"]["buckets"]}
    assert region == {config["XUEJI_S3_REGION"]}


def test_export_files_expire(platform: Build) -> None:
    setup = platform.one("ConfigMap", "xueji-storage-setup")["data"]
    [rule] = json.loads(setup["exports-lifecycle.json"])["Rules"]
    assert rule["Status"] == "Enabled" and rule["Expiration"]["Days"] > 0
    assert rule["Filter"] == {"Prefix": ""}
    script = setup["storage-setup.sh"]
    assert f"mc ilm rule import xueji/{buckets.EXPORTS_BUCKET} <" in script
    assert "/etc/xueji/storage/exports-lifecycle.json" in script


@pytest.mark.parametrize("service", SERVICE_BUCKETS)
def test_each_s3_user_reaches_its_buckets_only(platform: Build, service: str) -> None:
    assert "s3_access_key" in SETTINGS[service].model_fields
    setup = platform.one("ConfigMap", "xueji-storage-setup")["data"]
    policy = json.loads(setup[f"policy-{service}.json"])
    resources = {r for s in policy["Statement"] for r in s["Resource"]}
    assert {r.removeprefix("arn:aws:s3:::").removesuffix("/*") for r in resources} \
        == SERVICE_BUCKETS[service]
    assert re.search(rf"for service in [^\n;]*\b{service}\b", setup["storage-setup.sh"])
    env = service_env(rendered("overlays/production"), service)
    secret = env["XUEJI_S3_ACCESS_KEY"]
    assert secret == SecretValue(f"xueji-{service}-s3", "access-key")
    assert env["XUEJI_S3_SECRET_KEY"] == SecretValue(secret.secret, "secret-key")
    job = platform.one("Job", "xueji-storage-setup")["spec"]["template"]["spec"]
    mounts = {m["name"]: m["mountPath"] for m in job["containers"][0]["volumeMounts"]}
    volume = [v for v in job["volumes"] if v.get("secret", {}).get("secretName") == secret.secret]
    assert len(volume) == 1 and mounts[volume[0]["name"]] == f"/etc/xueji/s3/{service}"


def test_each_service_owns_a_database(platform: Build) -> None:
    [cluster] = platform.of_kind("Cluster")
    assert cluster["spec"]["instances"] == 3
    initdb = cluster["spec"]["bootstrap"]["initdb"]
    owners = {initdb["database"]: initdb["owner"]}
    owners |= {d["spec"]["name"]: d["spec"]["owner"] for d in platform.of_kind("Database")
               if d["spec"]["cluster"]["name"] == cluster["metadata"]["name"]}
    for service in SETTINGS:
        assert owners[service] == service
    assert owners["temporal"] == owners["temporal_visibility"] == "temporal"
    secrets = {initdb["owner"]: initdb["secret"]["name"]}
    secrets |= {r["name"]: r["passwordSecret"]["name"] for r in cluster["spec"]["managed"]["roles"]
                if r.get("login") and r.get("ensure", "present") == "present"}
    assert secrets == {role: f"xueji-pg-{role}" for role in (*SETTINGS, "temporal")}


def test_temporal_runs_on_the_cluster_databases(
    platform: Build, temporal_values: dict, config: dict
) -> None:
    [cluster] = platform.of_kind("Cluster")
    primary = f"{cluster['metadata']['name']}-rw.{PLATFORM_NAMESPACE}.svc:5432"
    persistence = temporal_values["server"]["config"]["persistence"]
    stores = persistence["datastores"]
    databases = {stores[persistence[k]]["sql"]["databaseName"]
                 for k in ("defaultStore", "visibilityStore")}
    assert databases == {"temporal", "temporal_visibility"}
    for store in stores.values():
        sql = store["sql"]
        assert sql["pluginName"].startswith("postgres")
        assert sql["connectAddr"] == primary
        assert (sql["user"], sql["existingSecret"]) == ("temporal", "xueji-pg-temporal")
        assert sql["createDatabase"] is False and sql["manageSchema"] is True
    namespaces = temporal_values["server"]["config"]["namespaces"]
    assert namespaces["create"] is True
    assert config["XUEJI_TEMPORAL_NAMESPACE"] in {n["name"] for n in namespaces["namespace"]}
    assert config["XUEJI_TEMPORAL_ADDRESS"] == f"temporal-frontend.{PLATFORM_NAMESPACE}.svc:7233"


def test_readme_registers_every_search_attribute(readme: str, config: dict) -> None:
    namespace = config["XUEJI_TEMPORAL_NAMESPACE"]
    for name, kind in XUEJI_SEARCH_ATTRIBUTES.items():
        command = (f"temporal operator search-attribute create --namespace {namespace} "
                   f"--name {name} --type {kind}")
        assert command in readme, name


def test_readme_names_every_secret_the_manifests_read(
    platform: Build, readme: str, temporal_values: dict
) -> None:
    names = set()
    for path in ("overlays/production", "overlays/staging", "platform"):
        for resource in rendered(path).resources:
            names |= secret_names(resource)
    [tenant] = platform.of_kind("Tenant")
    names.add(tenant["spec"]["configuration"]["name"])
    for store in temporal_values["server"]["config"]["persistence"]["datastores"].values():
        names.add(store["sql"]["existingSecret"])
    assert len(names) > 10
    assert {n for n in names if f"`{n}`" not in readme} == set()

