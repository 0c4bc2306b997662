"""The new pupil form renders for the registrar, keeps what was typed when the registry
refuses it, and shows the refusal next to the field it names."""

from __future__ import annotations

from tests.unit.console.test_transfer_offers import person
from tests.unit.console.test_transfer_templates import render
from xueji_common.auth.principal import Role
from xueji_console.clients.calls import FieldProblem, ServiceProblem
from xueji_console.pages.pupil_entry import FIELDS, entry_of

REGISTRAR = person(Role.SCHOOL_REGISTRAR, "2131000101")
GRADES = {str(grade): f"{grade} 年级" for grade in range(1, 13)}


def test_the_empty_form_has_a_label_for_every_field() -> None:
    page = render("pupils/new.html", REGISTRAR, form=dict.fromkeys(FIELDS, ""), problem=None,
                  grades=GRADES)  # fmt: skip
    assert "新生录入" in page
    for name in FIELDS:
        assert f'<label for="{name}">' in page
    assert "aria-invalid" not in page


def test_a_wrong_id_number_is_shown_next_to_it_with_what_was_typed() -> None:
    typed = {**dict.fromkeys(FIELDS, ""), "name": "李小明", "id_number": "310101201501011234",
             "grade": "3", "enrolment_year": "2023"}  # fmt: skip
    refused = ServiceProblem(
        422, "ID_NUMBER_INVALID", "身份证件号校验位不正确", field="id_number",
        fields=[FieldProblem("id_number", "ID_NUMBER_INVALID", "身份证件号校验位不正确")],
    )  # fmt: skip
    page = render("pupils/new.html", REGISTRAR, form=typed, problem=refused, grades=GRADES)
    assert 'id="id_number-error">身份证件号校验位不正确' in page
    assert 'value="310101201501011234" maxlength="40" aria-invalid="true"' in page
    assert 'value="李小明"' in page and '<option value="3" selected>' in page


def test_blank_fields_are_left_to_the_registrys_defaults() -> None:
    typed = {**dict.fromkeys(FIELDS, ""), "name": " 李小明 ", "grade": "3"}
    assert entry_of(typed) == {"name": "李小明", "grade": "3"}
