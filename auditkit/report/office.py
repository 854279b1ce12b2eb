"""What the Word and PowerPoint exports share: the report's context with its charts as pictures, and
plain text in the language's typography.

Both are built from the same :func:`~auditkit.report.render.report_context` the HTML report renders,
with the charts drawn once as PNGs (:mod:`auditkit.report.images`). Every text goes in as a plain run:
what the consultant or the client typed is never read as markup, and the characters an XML document
cannot hold are dropped.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from auditkit.locale import formats
from auditkit.model import Audit, Language
from auditkit.report.branding import Branding
from auditkit.report.images import Images, render_images
from auditkit.report.pdf import find_chromium
from auditkit.report.render import report_context
from auditkit.run import AuditRun

SLIDE_CHARTS = ("findings",)
"""The charts the deck shows, drawn a second time at a slide's scale."""
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MARKUP = re.compile(r"<[^<>]*>")


def plain(text: object) -> str:
    """``text`` as a string an XML document can hold (control characters and lone surrogates dropped)."""
    return _NOT_IN_XML.sub("", "" if text is None else str(text))


def chart_caption(title: str) -> str:
    """A plotly title as plain text: its ``<br>`` become a dash, its other tags are dropped."""
    return " ".join(_MARKUP.sub(" ", re.sub(r"<br\s*/?>", " — ", title, flags=re.I)).split())


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph the consultant wrote, with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph of the consultant's Markdown: ``kind`` is "paragraph", "bullet", "number" or "heading"."""

    kind: str
    spans: tuple[Span, ...]


def markdown_blocks(text: str) -> list[Block]:
    """The consultant's Markdown as plain paragraphs and list items with bold and italic spans: nothing
    in it is kept as markup (raw HTML stays text, a link keeps its words, an image is dropped)."""
    blocks: list[Block] = []
    lists: list[str] = []
    kind = "paragraph"
    for token in MarkdownIt("commonmark", {"html": False, "breaks": True}).parse(text):
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            lists.append("bullet" if token.type == "bullet_list_open" else "number")
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = lists[-1] if lists else "paragraph"
        elif token.type in {"code_block", "fence", "html_block"}:
            blocks.append(Block("paragraph", (Span(plain(token.content.rstrip("\n"))),)))
        elif token.type == "inline":
            blocks.append(Block(kind, _spans(token.children or [])))
    return [block for block in blocks if any(span.text.strip() for span in block.spans)]


def _spans(children: list[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = False
    for child in children:
        if child.type in {"strong_open", "strong_close"}:
            bold = child.type == "strong_open"
        elif child.type in {"em_open", "em_close"}:
            italic = child.type == "em_open"
        elif child.type in {"softbreak", "hardbreak"}:
            spans.append(Span("\n"))
        elif child.type in {"text", "code_inline", "html_inline"}:
            spans.append(Span(plain(child.content), bold, italic))
    return tuple(spans)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` (or ``#rgb``) as red, green and blue from 0 to 255."""
    code = colour.lstrip("#")
    if len(code) == 3:
        code = "".join(ch * 2 for ch in code)
    return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)


@dataclass(frozen=True)
class Export:
    """What a document builder needs: the report's context, the pictures, and the text helper ``say``."""

    context: dict[str, Any]
    images: Images

    @property
    def lang(self) -> str:
        return str(self.context["lang"])

    def say(self, text: object) -> str:
        """``text`` (a string, a message or a catalogue-ready value) as plain text in the language's typography."""
        if text is None:
            return ""
        rendered = text if isinstance(text, str) else self.context["f"].text(text)
        return formats.typography(plain(rendered), self.lang)

    def commentary(self, section: str) -> str:
        """The consultant's comment on ``section`` ("summary" for their executive summary), "" if none."""
        commentary = self.context["audit"].commentary
        return str(commentary.summary).strip() if section == "summary" else str(commentary.comment(section))

    def signed(self, key: str) -> str:
        """``report.consultant.<key>``, with the consultant's name when the audit gives one."""
        name = self.context["audit"].engagement.consultant
        if name:
            return self.label(f"report.consultant.{key}_by", name=name)
        return self.label(f"report.consultant.{key}")

    def label(self, message_id: str, /, **params: Any) -> str:
        """A catalogue message in the export's language and typography."""
        return self.say(self.context["t"](message_id, **params))


def prepare(
    source: Audit | AuditRun, lang: Language | str | None = None, branding: Branding | None = None
) -> Export:
    """The report's context and its charts as PNGs (one headless Chromium for all of them).

    Raises:
        ChromiumNotFoundError: no headless Chromium is installed.
        ChartImagesError: Chromium could not draw the charts.
    """
    find_chromium()
    context = report_context(source, lang, branding)
    images = render_images(
        context["charts"], str(context["lang"]), context["branding"].logo, slide_charts=SLIDE_CHARTS
    )
    return Export(context, images)


def saved(document: Any) -> bytes:
    """A python-docx or python-pptx document's bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
