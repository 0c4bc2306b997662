"""The field catalogue as the apply page reads it: every field in the catalogue's order with its
Chinese label and sensitivity, for applicants only."""

from __future__ import annotations

import pytest

from tests.integration.export.world import ExportStack
from xueji_export import catalogue

pytestmark = pytest.mark.integration


async def test_applicants_read_the_catalogue_in_its_order_with_labels_and_sensitivity(
    stack: ExportStack,
) -> None:
    answer = await stack.export.get("/v1/export-catalogue", headers=stack.people.registrar())
    assert answer.status_code == 200, answer.text
    fields = answer.json()
    assert [f["key"] for f in fields] == list(catalogue.KEYS)
    by_key = {f["key"]: f for f in fields}
    assert by_key["id_number"] == {
        "key": "id_number", "label": "身份证件号码", "sensitive": True, "value_type": "text",
        "carried": True,
    }  # fmt: skip
    assert by_key["school_name"]["sensitive"] is False
    assert by_key["health_status"]["carried"] is False


async def test_the_catalogue_is_refused_to_those_who_cannot_apply_and_to_no_token(
    stack: ExportStack,
) -> None:
    operator = await stack.export.get("/v1/export-catalogue", headers=stack.people.operator)
    assert operator.status_code == 403 and operator.json()["code"] == "FORBIDDEN"
    anonymous = await stack.export.get("/v1/export-catalogue")
    assert anonymous.status_code == 401
