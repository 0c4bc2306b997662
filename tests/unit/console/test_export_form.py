"""The apply page's form as the export API's body, and which catalogue field a refusal names."""

from __future__ import annotations

from starlette.datastructures import FormData

from xueji_console.clients.calls import ServiceProblem
from xueji_console.export_form import ApplicationForm, refused_field

KEYS = ["school_name", "name", "id_number"]
LABELS = {"school_name": "学校名称", "name": "姓名", "id_number": "身份证件号码"}


def test_the_form_becomes_the_body_with_reasons_documents_and_empty_inputs_left_out() -> None:
    form = ApplicationForm.read(FormData([
        ("purpose", " 核对在校生名单 "), ("scope", "310118"), ("scope", "310118"),
        ("method", "page"), ("use_from", "2026-12-04"), ("use_until", ""),
        ("field", "name"), ("field", "school_name"), ("reason.name", " 核对姓名 "),
        ("reason.id_number", "未勾选的理由"), ("security_plan_document_id", "d-1"),
        ("security_plan_name", "方案.pdf"), ("handler_account_id", "a-1"),
    ]), KEYS)  # fmt: skip
    assert form.body() == {
        "purpose": "核对在校生名单", "method": "page", "use_from": "2026-12-04",
        "handler_account_id": "a-1", "scope": ["310118"],
        "fields": [{"field": "name", "reason": "核对姓名"}, {"field": "school_name", "reason": ""}],
        "security_plan_document_id": "d-1",
    }  # fmt: skip
    assert form.documents == {"security_plan": ("d-1", "方案.pdf")}
    assert form.reasons["id_number"] == "未勾选的理由"  # shown again, not sent


def test_a_field_outside_the_catalogue_is_sent_for_the_service_to_refuse() -> None:
    form = ApplicationForm.read(FormData([("field", "blood_type")]), KEYS)
    assert form.body()["fields"] == [{"field": "blood_type", "reason": ""}]


def test_a_refusal_of_the_fields_names_the_field_by_its_label_or_its_key() -> None:
    missing = ServiceProblem(
        422, "EXPORT_SENSITIVE_REASON_MISSING", "敏感字段须逐项说明申请理由：身份证件号码", "fields"
    )
    assert refused_field(missing, LABELS) == "id_number"
    unknown = ServiceProblem(
        422, "EXPORT_FIELD_NOT_IN_CATALOGUE", "申请的字段不在可导出字段目录中：blood_type", "fields"
    )
    assert refused_field(unknown, LABELS) == "blood_type"
    other = ServiceProblem(422, "EXPORT_PERIOD_IN_PAST", "使用期限不能早于今天", field="use_from")
    assert refused_field(other, LABELS) is None
    assert refused_field(None, LABELS) is None
