"""The report as a Word document: the HTML report's sections as real headings, Word tables, the charts as
captioned pictures, the consultant's words, typed text kept as text, and LibreOffice opens it."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from export_documents_helpers import (
    BAKERY,
    HOSTILE_CLIENT,
    SHOWN_CLIENT,
    bakery_export,
    convert_with_libreoffice,
    hostile_export,
)

from auditkit import cli
from auditkit.locale import formats
from auditkit.report.word_sections import SECTIONS, build_document

pytestmark = pytest.mark.browser

if shutil.which("chromium") is None:
    pytest.skip("Debian's chromium is needed to draw the charts", allow_module_level=True)

LANGUAGES = ("fr", "en")


def _document(lang: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(build_document(bakery_export(lang))))


def _text(document: docx.document.Document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_section_of_the_report_is_a_heading_1_in_the_same_order(lang: str) -> None:
    context = bakery_export(lang).context
    expected = [title for name, title in context["sections"] if name in SECTIONS]
    headings = [
        p.text for p in _document(lang).paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings == expected
    assert len(expected) == len(context["sections"]) - 1, "every section but the cover has a chapter"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_is_a_picture_with_a_numbered_caption(lang: str) -> None:
    document = _document(lang)
    charts = bakery_export(lang).context["charts"]
    captions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert len(document.inline_shapes) == len(charts)
    assert [caption.split(" ")[1].rstrip(":\u00a0") for caption in captions] == [
        str(n) for n in range(1, len(charts) + 1)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tables_are_word_tables_with_a_repeated_header(lang: str) -> None:
    document = _document(lang)
    audit = bakery_export(lang).context["audit"]
    channel_table = next(
        table for table in document.tables if table.rows[0].cells[0].text in {"Canal", "Channel"}
    )
    names = [row.cells[0].text.split("\n")[0] for row in channel_table.rows[1:]]
    assert names == [formats.typography(channel.name, lang) for channel in audit.channels]
    assert "w:tblHeader" in channel_table.rows[0]._tr.xml


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_title_page_names_the_client_the_consultant_and_the_date_in_the_language(lang: str) -> None:
    export = bakery_export(lang)
    audit, formatter = export.context["audit"], export.context["f"]
    document = _document(lang)
    title = next(p for p in document.paragraphs if p.style is not None and p.style.name == "Title")
    assert title.text == audit.engagement.client
    text = _text(document)
    assert audit.engagement.consultant in text
    assert formatter.date(audit.engagement.audit_date) in text
    assert {"fr": "septembre", "en": "September"}[lang] in formatter.date(audit.engagement.audit_date)
    assert document.core_properties.language == {"fr": "fr-FR", "en": "en-GB"}[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_rule_code_or_field_path_in_the_documents_prose(lang: str) -> None:
    text = "\n".join(paragraph.text for paragraph in _document(lang).paragraphs)
    findings = bakery_export(lang).context["diagnosis"].findings
    assert not [finding.rule for finding in findings if re.search(rf"\b{finding.rule}\b", text)]
    assert not [item.field for finding in findings for item in finding.evidence if item.field in text]


def test_french_text_has_its_no_break_spaces() -> None:
    text = _text(_document("fr"))
    assert "Score global\u00a0:" in text
    assert not re.search(r"\w :", text), re.findall(r".{20}\w :.{10}", text)[:3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typed_text_is_plain_text_never_markup(lang: str) -> None:
    content = build_document(hostile_export(lang))
    document = docx.Document(io.BytesIO(content))
    title = next(p for p in document.paragraphs if p.style is not None and p.style.name == "Title")
    assert title.text == SHOWN_CLIENT
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    assert "<script" not in xml and "<w:p>injected" not in xml and "<img" not in xml
    assert "&lt;script&gt;" in xml
    assert HOSTILE_CLIENT not in xml, "the control characters were dropped"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_consultants_summary_is_in_the_summary_with_its_emphasis(lang: str) -> None:
    document = docx.Document(io.BytesIO(build_document(hostile_export(lang))))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert any(run.text == "mesurer" and run.bold for run in runs)
    assert any(run.text == "Un" and run.italic for run in runs)
    bullets = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert "<img src=x onerror=alert(1)>" in bullets


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_document_without_error(tmp_path: Path) -> None:
    path = tmp_path / "bakery.docx"
    path.write_bytes(build_document(bakery_export("fr")))
    converted = convert_with_libreoffice(path, tmp_path)
    assert converted.read_bytes().startswith(b"%PDF")
    assert converted.stat().st_size > 100_000, "the pictures are in the PDF"


def test_the_command_writes_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "bakery.docx"
    assert cli.main(["report", str(BAKERY), "--format", "docx", "-o", str(output), "--lang", "en"]) == 0
    assert docx.Document(str(output)).core_properties.title.endswith("Boulangerie Martin")
    assert capsys.readouterr().out.strip() == str(output)


def test_without_a_browser_the_command_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITKIT_CHROMIUM", str(tmp_path / "no-chromium"))
    output = tmp_path / "bakery.docx"
    assert cli.main(["report", str(BAKERY), "--format", "docx", "-o", str(output)]) == 1
    error = capsys.readouterr().err
    assert "AUDITKIT_CHROMIUM" in error and "Traceback" not in error
    assert not output.exists()
