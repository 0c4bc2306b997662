"""Document properties of a traceable file: who exported it, for which application, when.

Pure. The writer emits empty core properties and no custom ones; these functions give the
replacement parts of the package: docProps/core.xml filled in, docProps/custom.xml with the
trace items (watermark included), and the content types and relationships that declare it.
"""

from __future__ import annotations

from datetime import UTC
from xml.sax.saxutils import escape, quoteattr

from xueji_export.files.approval import ApprovedExport

CORE_PART = "docProps/core.xml"
CUSTOM_PART = "docProps/custom.xml"
CONTENT_TYPES_PART = "[Content_Types].xml"
RELS_PART = "_rels/.rels"
ROWS_PROPERTY = "行数"

_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
# The format id every custom property carries (ECMA-376 part 1, 22.3.2.2).
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def trace_items(export: ApprovedExport, mark: str) -> tuple[tuple[str, str], ...]:
    """What the file says about its own origin, in the hidden sheet and the custom properties."""
    return (
        ("申请编号", export.application_number),
        ("经办人", export.handler),
        ("生成时间", export.generated_at_text()),
        ("生成编号", export.generation_id),
        ("水印", mark),
    )


def banner(export: ApprovedExport) -> str:
    """The header row above the column labels."""
    return (
        f"申请编号：{export.application_number}　经办人：{export.handler}　"
        f"生成时间：{export.generated_at_text()}"
    )


def core_xml(export: ApprovedExport, mark: str) -> bytes:
    moment = export.generated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = {
        "title": escape(f"学籍数据导出 {export.application_number}"),
        "subject": escape(banner(export)),
        "creator": escape(export.handler),
        "keywords": escape(mark),
        "description": escape(banner(export)),
    }
    return (
        f"{_XML}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{text['title']}</dc:title><dc:subject>{text['subject']}</dc:subject>"
        f"<dc:creator>{text['creator']}</dc:creator><cp:keywords>{text['keywords']}</cp:keywords>"
        f"<dc:description>{text['description']}</dc:description>"
        f"<cp:lastModifiedBy>{text['creator']}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{moment}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{moment}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def custom_xml(export: ApprovedExport, mark: str, rows: int) -> bytes:
    # The row count is known only once the rows are written, so it is here and not in the
    # hidden sheet; it also tells a reader how many pupils a file holds when the last rows
    # are blank (a pupil with nothing in the approved fields leaves an empty row).
    items = (*trace_items(export, mark), (ROWS_PROPERTY, str(rows)))
    properties = "".join(
        f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        # Property ids start at 2 (ECMA-376 part 1, 22.3.2.2).
        for pid, (name, value) in enumerate(items, start=2)
    )
    return (
        f"{_XML}<Properties"
        ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{properties}</Properties>"
    ).encode()


def with_custom_content_type(content_types: bytes) -> bytes:
    override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
    return _insert_before(content_types, "</Types>", override)


def with_custom_relationship(rels: bytes) -> bytes:
    # rId99: clear of the writer's rId1..rId3 whatever else it adds later.
    relationship = f'<Relationship Id="rId99" Type="{_CUSTOM_REL}" Target="{CUSTOM_PART}"/>'
    return _insert_before(rels, "</Relationships>", relationship)


def stamped_parts(
    export: ApprovedExport, mark: str, rows: int, content_types: bytes, rels: bytes
) -> dict[str, bytes]:
    """The parts that replace or join the writer's package."""
    return {
        CONTENT_TYPES_PART: with_custom_content_type(content_types),
        RELS_PART: with_custom_relationship(rels),
        CORE_PART: core_xml(export, mark),
        CUSTOM_PART: custom_xml(export, mark, rows),
    }


def _insert_before(document: bytes, closing_tag: str, element: str) -> bytes:
    text = document.decode()
    if closing_tag not in text:
        raise ValueError(f"package part lacks {closing_tag}")
    head, _, tail = text.rpartition(closing_tag)
    return f"{head}{element}{closing_tag}{tail}".encode()
