"""proto/asyncapi.yaml documents every catalogued event type on its topic, and the DLQs."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from xueji_common import contracts
from xueji_common.contracts import CATALOG, EventType
from xueji_common.events import envelope

PROTO_ROOT = Path(__file__).resolve().parents[3] / "proto"


@pytest.fixture(scope="module")
def asyncapi() -> dict[str, Any]:
    with (PROTO_ROOT / "asyncapi.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" not in node:
        return node
    target: Any = document
    for part in node["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    return target


def _channels_by_address(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {channel["address"]: channel for channel in document["channels"].values()}


def test_document_is_asyncapi_3(asyncapi: dict[str, Any]) -> None:
    assert asyncapi["asyncapi"].startswith("3.0")
    assert asyncapi["defaultContentType"] == envelope.CONTENT_TYPE


@pytest.mark.parametrize("entry", CATALOG.values(), ids=lambda entry: entry.name)
def test_event_type_is_documented_on_its_topic(asyncapi: dict[str, Any], entry: EventType) -> None:
    channel = _channels_by_address(asyncapi).get(entry.topic)
    assert channel is not None, f"no channel with address {entry.topic}"
    messages = [_resolve(asyncapi, ref) for ref in channel["messages"].values()]
    documented = {message["name"]: message for message in messages}
    assert entry.name in documented, f"{entry.topic} does not list {entry.name}"

    message = documented[entry.name]
    assert message["x-protobuf-message"] == entry.message.DESCRIPTOR.full_name
    assert message["x-protobuf-file"] == entry.message.DESCRIPTOR.file.name
    assert (PROTO_ROOT / message["x-protobuf-file"]).is_file()
    assert message["contentType"] == envelope.CONTENT_TYPE
    ce_type = message["headers"]["allOf"][1]["properties"]["ce_type"]["const"]
    assert ce_type == entry.name
    assert entry.key_field in message["bindings"]["kafka"]["key"]["description"]


def test_no_undocumented_or_stale_event_messages(asyncapi: dict[str, Any]) -> None:
    documented = {
        message["name"]
        for key, message in asyncapi["components"]["messages"].items()
        if key != "deadLetter"
    }
    assert documented == set(CATALOG)


def test_cloudevents_headers_match_the_envelope(asyncapi: dict[str, Any]) -> None:
    headers = asyncapi["components"]["schemas"]["cloudEventHeaders"]
    assert {"ce_id", "ce_source", "ce_type", "ce_time", "content-type"} <= set(headers["required"])
    assert headers["properties"]["content-type"]["const"] == envelope.CONTENT_TYPE
    assert headers["properties"]["ce_specversion"]["const"] == envelope.SPEC_VERSION
    assert {"ce_subject", envelope.TRACE_HEADER} <= set(headers["properties"])


def test_every_topic_has_a_documented_dead_letter_twin(asyncapi: dict[str, Any]) -> None:
    channels = _channels_by_address(asyncapi)
    topics = {entry.topic for entry in CATALOG.values()}
    for topic in topics:
        twin = channels.get(contracts.dlq_topic(topic))
        assert twin is not None, f"no dead-letter channel for {topic}"
        (message,) = (_resolve(asyncapi, ref) for ref in twin["messages"].values())
        headers = _resolve(asyncapi, message["headers"])
        assert {
            contracts.DLQ_REASON_HEADER,
            contracts.DLQ_CONSUMER_HEADER,
            contracts.DLQ_ORIGINAL_TOPIC_HEADER,
        } <= set(headers["required"])
    dead_letter_channels = {a for a in channels if a.endswith(contracts.DLQ_SUFFIX)}
    assert dead_letter_channels == {contracts.dlq_topic(topic) for topic in topics}
