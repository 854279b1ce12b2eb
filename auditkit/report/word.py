"""The report as a Word document (python-docx): the HTML report's sections, in its order, editable.

A title page (logo, client, consultant, date), a contents list Word can update (a TOC field over the
real "Heading 1/2" styles), then one chapter per section: tables are Word tables with a repeated
header row, charts are pictures with numbered captions, page numbers are in the footer. The
branding's colours are the headings' and the table headers'. Rule codes, field paths and setting keys
stay out of the body.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from auditkit.locale.formatter import Formatter
from auditkit.report.office import Export, chart_caption, hex_rgb, markdown_blocks, saved

FONT = "Carlito"
"""Metric-compatible with Calibri (LibreOffice ships it; Word falls back to Calibri's metrics)."""
MUTED = RGBColor(0x5F, 0x6B, 0x7A)
SEVERITY_COLOURS = {
    "critical": RGBColor(0xC6, 0x28, 0x28),
    "major": RGBColor(0xEF, 0x6C, 0x00),
    "minor": RGBColor(0x8E, 0x6C, 0x00),
    "info": MUTED,
}
TEXT_WIDTH = Cm(16)
TABLE_TEXT = Pt(8.5)
SMALL = Pt(8)
CONTENTS_FIELD = 'TOC \\o "1-2" \\h \\z \\u'
WORD_LANGUAGES = {"fr": "fr-FR", "en": "en-GB"}
UNSPLIT_ROW_CHARS = 600
"""A row shorter than this is kept on one page; a longer one may break across pages rather than be cut."""
CM_PER_CHARACTER = 0.18
"""Width of a character of a table's text (8.5 pt, bold at worst), for the columns' widths."""
CELL_PADDING_CM = 0.4
MAX_WORD_COLUMN_CM = 2.4
"""A text column's least width: a longer word (a web address) wraps rather than squeeze the others."""
MAX_NUMBER_COLUMN_CM = 3.5

Cell = str | tuple[str, ...]


def _cell_text(value: Cell) -> str:
    return "\n".join(value) if isinstance(value, tuple) else value


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]], numeric: set[int]) -> list[float]:
    """Each column's share of the text width: every column as wide as its longest word (a header or a
    number never wraps mid-word), and what is left shared by the text columns by how much they hold."""
    least, wants = [], []
    for index, header in enumerate(headers):
        cells = [_cell_text(row[index]) for row in rows]
        longest_word = max((len(word) for text in [header, *cells] for word in text.split()), default=4)
        least.append(
            min(
                longest_word * CM_PER_CHARACTER + CELL_PADDING_CM,
                MAX_NUMBER_COLUMN_CM if index in numeric else MAX_WORD_COLUMN_CM,
            )
        )
        typical = sorted(len(text) for text in cells)[len(cells) * 3 // 4] if cells else len(header)
        wants.append(0.0 if index in numeric else typical**0.5)
    width = TEXT_WIDTH.cm
    if sum(least) >= width or not any(wants):
        return [item / sum(least) for item in least]
    spare = width - sum(least)
    return [(item + spare * want / sum(wants)) / width for item, want in zip(least, wants, strict=True)]


class WordWriter:
    """A document being written: its frame (styles, title page, contents, footer) and the building
    blocks the sections are made of (paragraphs, tables, numbered figures)."""

    def __init__(self, export: Export) -> None:
        self.export, self.ctx = export, export.context
        self.f: Formatter = self.ctx["f"]
        self.say, self.label = export.say, export.label
        self.primary = RGBColor(*hex_rgb(self.ctx["branding"].primary))
        self.accent = RGBColor(*hex_rgb(self.ctx["branding"].accent))
        self.doc: WordDocument = Document()
        self.muted = MUTED
        self.figures = 0

    # -- frame -------------------------------------------------------------------------------------

    def frame(self) -> None:
        """Styles, document properties, footer, title page and contents list."""
        self._styles()
        self._properties()
        self._title_page()
        self._contents()

    def bytes(self) -> bytes:
        return saved(self.doc)

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(10.5)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), WORD_LANGUAGES.get(self.export.lang, self.export.lang))
        normal.element.get_or_add_rPr().append(language)
        for name, size in (("Title", 30), ("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 12)):
            style = styles[name]
            style.font.name, style.font.size = FONT, Pt(size)
            style.font.color.rgb = self.primary
        styles["Heading 1"].paragraph_format.page_break_before = True
        styles["Caption"].font.color.rgb = MUTED
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.2)
        section.different_first_page_header_footer = True
        self._footer()

    def _properties(self) -> None:
        engagement = self.ctx["audit"].engagement
        properties = self.doc.core_properties
        properties.title = f"{self.label('report.document.report_title')} — {self.say(engagement.client)}"
        properties.author = self.say(engagement.consultant or self.ctx["branding"].name)
        properties.language = WORD_LANGUAGES.get(self.export.lang, self.export.lang)
        properties.comments = self.label("report.document.generated_with", version=self.ctx["version"])

    def _footer(self) -> None:
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(footer, f"{self.say(self.ctx['audit'].engagement.client)} · ", size=SMALL, colour=MUTED)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        footer._p.append(field)
        brand = self.ctx["branding"].name
        if brand:
            header = self.doc.sections[0].header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.run(header, self.say(brand), size=SMALL, colour=MUTED)

    def _title_page(self) -> None:
        audit, f = self.ctx["audit"], self.f
        engagement = audit.engagement
        if self.export.images.logo:
            self.doc.add_picture(io.BytesIO(self.export.images.logo), width=Cm(4.5))
        kicker = self.doc.add_paragraph()
        kicker.paragraph_format.space_before = Pt(60)
        self.run(kicker, self.label("report.document.report_title").upper(), bold=True, colour=self.accent)
        self.doc.add_paragraph(self.say(engagement.client), style="Title")
        subtitle = self.doc.add_paragraph()
        subtitle_text = self.label("report.document.round_n", n=engagement.round)
        self.run(subtitle, f"{subtitle_text} · {self.say(f.date(engagement.audit_date))}", colour=MUTED)
        prepared_by = "\n".join(
            self.say(text) for text in (engagement.consultant, self.ctx["branding"].name) if text
        )
        industry = self.say(f.enum(audit.client.industry))
        if audit.client.sector:
            industry += f" — {self.say(audit.client.sector)}"
        rows = [
            (self.label("report.document.prepared_for"), self.say(engagement.client)),
            (self.label("report.document.prepared_by"), prepared_by),
            (self.label("report.document.audit_date"), self.say(f.date(engagement.audit_date))),
            (self.label("report.document.round"), str(engagement.round)),
            (self.label("report.context.industry"), industry),
        ]
        self.doc.add_paragraph()
        self.key_values([row for row in rows if row[1]])

    def _contents(self) -> None:
        """A contents list: a TOC field Word refreshes (with page numbers), shown until then as the titles."""
        heading = self.doc.add_paragraph()
        heading.paragraph_format.page_break_before = True
        self.run(heading, self.label("report.document.contents"), bold=True, size=Pt(18), colour=self.primary)
        titles = [self.say(title) for _, title in self.ctx["sections"][1:]]
        for index, title in enumerate(titles):
            paragraph = self.doc.add_paragraph()
            if index == 0:
                self._field_char(paragraph, "begin")
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = CONTENTS_FIELD
                paragraph.add_run()._r.append(instruction)
                self._field_char(paragraph, "separate")
            paragraph.add_run(f"{index + 1}. {title}")
            if index == len(titles) - 1:
                self._field_char(paragraph, "end")

    @staticmethod
    def _field_char(paragraph: Paragraph, kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    # -- building blocks ---------------------------------------------------------------------------

    @staticmethod
    def run(
        paragraph: Paragraph,
        text: str,
        *,
        bold: bool = False,
        size: Pt | None = None,
        colour: RGBColor | None = None,
    ) -> None:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size is not None:
            run.font.size = size
        if colour is not None:
            run.font.color.rgb = colour

    def paragraph(self, text: str, *, muted: bool = False, small: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        self.run(paragraph, text, size=SMALL if small else None, colour=MUTED if muted else None)
        return paragraph

    def labelled(self, label: str, value: str) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        self.run(paragraph, f"{label}{self.f.colon} ", bold=True)
        self.run(paragraph, value)
        return paragraph

    def prose(self, text: str) -> None:
        """The consultant's own text, one Word paragraph per paragraph they typed."""
        for block in self.say(text).split("\n\n"):
            if block.strip():
                self.doc.add_paragraph(block.strip())

    def consultant(self, section: str) -> None:
        """The consultant's own words on ``section`` (their Markdown as plain runs), under their name."""
        text = self.export.commentary(section)
        if not text:
            return
        if section == "summary":
            self.doc.add_heading(self.export.signed("summary"), 2)
        else:
            self.paragraph(
                self.export.signed("comment"), muted=True, small=True
            ).paragraph_format.keep_with_next = True
        styles = {"bullet": "List Bullet", "number": "List Number", "heading": "Heading 4"}
        for block in markdown_blocks(text):
            paragraph = self.doc.add_paragraph(style=styles.get(block.kind, "Normal"))
            for span in block.spans:
                run = paragraph.add_run(self.say(span.text))
                run.bold, run.italic = span.bold or None, span.italic or None
        self.doc.add_paragraph()

    def bullets(self, items: Iterable[str], style: str = "List Bullet") -> None:
        for item in items:
            self.doc.add_paragraph(item, style=style)

    def chart(self, name: str, note: str = "") -> None:
        picture = self.export.images.charts.get(name)
        if picture is None:
            return
        self.doc.add_picture(io.BytesIO(picture), width=TEXT_WIDTH)
        holder = self.doc.paragraphs[-1]
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        holder.paragraph_format.keep_with_next = True
        self.figures += 1
        title = chart_caption(self.ctx["charts"][name].title)
        caption = self.label("export_documents.figure", n=self.figures, title=title)
        self.doc.add_paragraph(caption + (f" {self.say(note)}" if note else ""), style="Caption")

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        numeric: Iterable[int] = (),
        empty: str = "",
    ) -> Table | None:
        """A Word table: a shaded header row repeated on every page; a cell given as a tuple is a main
        text (bold) followed by smaller lines. Without rows, the paragraph ``empty`` instead."""
        rows = list(rows)
        if not rows and empty:
            self.paragraph(empty)
            return None
        right = set(numeric)
        table: Table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        header = table.rows[0]
        header_properties = header._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_properties.append(repeat)
        for index, (cell, text) in enumerate(zip(header.cells, headers, strict=True)):
            self.shade(cell, self.ctx["branding"].primary)
            paragraph = cell.paragraphs[0]
            self.run(paragraph, text, bold=True, size=TABLE_TEXT, colour=RGBColor(0xFF, 0xFF, 0xFF))
            if index in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for values in rows:
            row = table.add_row()  # type: ignore[no-untyped-call]
            if sum(map(len, map(_cell_text, values))) < UNSPLIT_ROW_CHARS:
                row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                main, *details = value if isinstance(value, tuple) else (value,)
                self.run(paragraph, main or "—", bold=isinstance(value, tuple), size=TABLE_TEXT)
                for detail in details:
                    if detail:
                        self.run(paragraph, "\n" + detail, size=SMALL, colour=MUTED)
                if index in right:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        widths = column_widths(headers, rows, right)
        for column, share in zip(table.columns, widths, strict=True):
            column.width = Emu(int(TEXT_WIDTH * share))
            for cell in column.cells:
                cell.width = Emu(int(TEXT_WIDTH * share))
        self.doc.add_paragraph()
        return table

    @staticmethod
    def shade(cell: Any, colour: str) -> None:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), colour.lstrip("#").upper())
        cell._tc.get_or_add_tcPr().append(shading)

    def key_values(self, rows: Sequence[tuple[str, str]]) -> None:
        table: Table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            cells = table.add_row().cells  # type: ignore[no-untyped-call]
            self.shade(cells[0], "#eef1f5")
            self.run(cells[0].paragraphs[0], label, bold=True, size=TABLE_TEXT)
            self.run(cells[1].paragraphs[0], value or "—", size=TABLE_TEXT)
        for row in table.rows:
            row.cells[0].width, row.cells[1].width = Cm(5), Cm(11)
        self.doc.add_paragraph()

    def severity(self, paragraph: Paragraph, severity: Any) -> None:
        colour = SEVERITY_COLOURS.get(severity.value, MUTED)
        self.run(
            paragraph, f"{self.say(self.f.enum(severity)).upper()}  ", bold=True, size=SMALL, colour=colour
        )

    def subjects(self, ids: Iterable[str]) -> str:
        names = self.ctx["subjects"](list(ids))
        return ", ".join(self.say(name) for name in names) or self.label("report.findings.audit_wide")
