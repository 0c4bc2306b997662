"""Export applications: the apply page, the unit's applications, one application's page.

The apply page offers the export service's catalogue (labels, sensitivity), the units the
applicant may choose as scope, and the unit's staff as handlers (the registry's accounts).
Filing uploads the security plan (and the written consent) through the export documents API,
then files the application; a refusal shows the form again with the service's message next
to the input it names, and the documents already uploaded are kept.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from xueji_common.evidence_files import MAX_EVIDENCE_BYTES
from xueji_common.http.body_limits import MULTIPART_ENVELOPE_BYTES, BodyLimit
from xueji_console import flash
from xueji_console.access import in_any_section, in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.export_form import DOCUMENTS, ApplicationForm, refused_field
from xueji_console.export_offers import offers_for
from xueji_console.parts import Console, console_of
from xueji_console.session import Visitor
from xueji_console.transfer_offers import placed

router = APIRouter()
InExports = Annotated[Visitor, Depends(in_section("exports"))]
# An application's page serves its applicants and those who decide or execute it.
OnApplication = Annotated[Visitor, Depends(in_any_section("exports", "export-inbox"))]
NEW = "/exports/new"
# Two documents of at most 10 MB each, and the form around them.
BODY_LIMIT = BodyLimit(NEW, 2 * MAX_EVIDENCE_BYTES, MULTIPART_ENVELOPE_BYTES)


async def _choices(console: Console, visitor: Visitor) -> dict[str, Any]:
    """What the form offers: the catalogue, the scope's units, the unit's active staff."""
    token, unit = visitor.token, visitor.principal.unit_code
    catalogue, own, below, staff = await asyncio.gather(
        console.export.catalogue(token),
        console.registry.unit(token, unit),
        console.registry.units_below(token, unit),
        console.registry.unit_accounts(token, unit),
    )
    return {
        "catalogue": catalogue,
        "units": [own, *below],
        "staff": [account for account in staff if account["active"]],
    }


async def _form_page(
    request: Request, visitor: Visitor, form: ApplicationForm,
    problem: ServiceProblem | None = None,
) -> Response:  # fmt: skip
    console = console_of(request)
    choices = await _choices(console, visitor)
    labels = {item["key"]: item["label"] for item in choices["catalogue"]}
    context = {
        **choices, "form": form, "problem": problem,
        "refused_field": refused_field(problem, labels), "documents": DOCUMENTS,
    }  # fmt: skip
    return await console.renderer.page(
        request, "exports/apply.html", context, visitor=visitor, section="exports",
        problem=problem,
    )  # fmt: skip


@router.get(NEW)
async def apply_form(request: Request, visitor: InExports) -> Response:
    return await _form_page(request, visitor, ApplicationForm())


async def _upload(
    console: Console, visitor: Visitor, form: ApplicationForm, kind: str, file: object
) -> None:
    """Uploads the chosen file of `kind` and keeps its id in the form; a refusal names the
    document's input."""
    if not isinstance(file, UploadFile) or not file.filename:
        return
    data = await file.read()
    id_input = DOCUMENTS[kind][0]
    try:
        document = await console.export.upload_document(
            visitor.token, kind, file.filename, data, file.content_type or ""
        )
    except ServiceProblem as problem:
        raise dataclasses.replace(problem, field=id_input) from None
    form.documents[kind] = (document["id"], document["filename"])


@router.post(NEW)
async def apply(request: Request, visitor: InExports) -> Response:
    console = console_of(request)
    sent = await request.form()
    catalogue = await console.export.catalogue(visitor.token)
    form = ApplicationForm.read(sent, [item["key"] for item in catalogue])
    try:
        for kind, (_, _, file_input) in DOCUMENTS.items():
            await _upload(console, visitor, form, kind, sent.get(file_input))
        filed = await console.export.apply(visitor.token, form.body())
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _form_page(request, visitor, form, problem)
    response = RedirectResponse(f"/exports/{filed['id']}", status_code=303)
    flash.flash(response, "export_applied")
    return response


@router.get("/exports")
async def application_list(request: Request, visitor: InExports) -> Response:
    console = console_of(request)
    applications = await console.export.applications(visitor.token)
    return await console.renderer.page(
        request, "exports/list.html", {"applications": applications}, visitor=visitor,
        section="exports",
    )  # fmt: skip


async def _unit_name(console: Console, visitor: Visitor, code: str) -> str:
    """The unit's name with its code, or the code alone when the registry does not say."""
    try:
        unit = await console.registry.unit(visitor.token, code)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return code
    return f"{unit['name']}（{code}）"


async def application_view(
    request: Request,
    visitor: Visitor,
    application_id: str,
    *,
    problem: ServiceProblem | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    """The application, its timeline and what the visitor may do; a refused action shows
    the API's refusal next to the form that caused it, with what was typed."""
    console = console_of(request)
    application, catalogue, timeline = await asyncio.gather(
        console.export.application(visitor.token, application_id),
        console.export.catalogue(visitor.token),
        console.export.timeline(visitor.token, application_id),
    )
    codes = [application["applicant_unit"], *application["scope"]]
    codes += [
        code
        for step in timeline["steps"]
        for code in (step["party_unit"], *step["escalated_to"])
        if code
    ]
    codes += [step["decided_by"]["unit_code"] for step in timeline["steps"] if step["decided_by"]]
    codes = list(dict.fromkeys(codes))
    names = await asyncio.gather(*(_unit_name(console, visitor, code) for code in codes))
    context = {
        "application": application, "catalogue": {f["key"]: f for f in catalogue},
        "unit_names": dict(zip(codes, names, strict=True)), "timeline": timeline,
        "offers": offers_for(timeline, visitor.principal),
        # The desk's REASON_REQUIRED names no field: placed by the reason, as for transfers.
        "problem": placed(problem) if problem else None,
        "form": {"reason": "", **(form or {})},
        # One id per form shown: a form sent twice (a double click, a resend) acts once.
        "decision_id": form.get("decision_id") if form and problem else str(uuid.uuid4()),
        # While the file is generated the page refreshes itself (rows written grow).
        "refresh_seconds": 3 if application["state"] in ("approved", "generating") else None,
    }  # fmt: skip
    return await console.renderer.page(
        request, "exports/detail.html", context, visitor=visitor, section="exports",
        problem=problem,
    )  # fmt: skip


@router.get("/exports/{application_id}")
async def application_page(
    request: Request, visitor: OnApplication, application_id: uuid.UUID
) -> Response:
    return await application_view(request, visitor, str(application_id))
