"""The apply page's form (pure): what the person entered, as the export API's application body
and as the values the form shows again after a refusal.

Input names are the API's body keys, so a refusal naming a field (`use_until`, `scope`, …)
is shown next to that input; a field of the catalogue is `field` (a checkbox per key) with its
reason in `reason.<key>`. Uploaded documents are kept by id in hidden inputs, so a refused
application is filed again without choosing the files again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from xueji_console.clients.calls import ServiceProblem

TEXT_INPUTS = ("purpose", "method", "use_from", "use_until", "security_officer",
               "handler_account_id")  # fmt: skip
# Each uploaded document: its kind at the export API, the hidden input keeping its id, the
# hidden input keeping its file name, the file input.
DOCUMENTS = {
    "security_plan": ("security_plan_document_id", "security_plan_name", "security_plan_file"),
    "consent": ("consent_document_id", "consent_name", "consent_file"),
}
REASON_PREFIX = "reason."


class FormValues(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def getlist(self, key: str) -> list[Any]: ...


@dataclass
class ApplicationForm:
    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(TEXT_INPUTS, ""))
    scope: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    # Document kind -> (document id, file name) of an upload already made.
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormValues, catalogue_keys: Sequence[str]) -> ApplicationForm:
        """The form as sent; unknown field keys are kept, for the service to refuse them."""

        def text(name: str) -> str:
            value = form.get(name)
            return value.strip() if isinstance(value, str) else ""

        chosen = [k for k in dict.fromkeys(form.getlist("field")) if isinstance(k, str)]
        keys = [*catalogue_keys, *(k for k in chosen if k not in catalogue_keys)]
        reasons = {key: text(REASON_PREFIX + key) for key in keys if text(REASON_PREFIX + key)}
        documents = {
            kind: (text(id_input), text(name_input))
            for kind, (id_input, name_input, _) in DOCUMENTS.items()
            if text(id_input)
        }
        return cls(
            values={name: text(name) for name in TEXT_INPUTS},
            scope=[c for c in dict.fromkeys(form.getlist("scope")) if isinstance(c, str)],
            fields=chosen, reasons=reasons, documents=documents,
        )  # fmt: skip

    def body(self) -> dict[str, object]:
        """The API's application body; what was left empty is left out, so the service names
        it as missing."""
        body: dict[str, object] = {k: v for k, v in self.values.items() if v}
        body["scope"] = self.scope
        body["fields"] = [{"field": k, "reason": self.reasons.get(k, "")} for k in self.fields]
        for kind, (id_input, _, _) in DOCUMENTS.items():
            if kind in self.documents:
                body[id_input] = self.documents[kind][0]
        return body


def refused_field(problem: ServiceProblem | None, labels: Mapping[str, str]) -> str | None:
    """The catalogue key a refusal of the `fields` names (the service ends its message with
    the field's label, or its key when the key is not in the catalogue), else None."""
    if problem is None or problem.field != "fields" or "：" not in problem.message:
        return None
    named = problem.message.rsplit("：", 1)[1]
    for key, label in labels.items():
        if named in (key, label):
            return key
    return named
