"""What a careful reader would mark in red in a report's visible text, in French or English.

:func:`language_faults` takes the text a reader sees (outside the technical appendix) and returns one
line per fault: plural fallbacks, ISO dates, French spacing, doubled punctuation, English leaks in
French, and the audit's own ids, rule codes, field paths and setting keys. :func:`visible_text` extracts
that text from the HTML without a browser (the browser test reads ``innerText`` instead).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from auditkit.diagnose import RULES
from auditkit.model import Audit
from auditkit.scoring import WEIGHTS
from auditkit.thresholds import THRESHOLDS

APPENDIX_ID = "appendix"
BLOCKS = {
    "p",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "div",
    "br",
    "section",
    "dt",
    "dd",
    "figcaption",
}
HIDDEN = {"script", "style", "title", "head"}

PLURAL_FALLBACK = re.compile(r"[A-Za-zÀ-ÿ]\((?:s|x|es|e|le|nent|nen|aux|nt|ent)\)")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DOUBLED = re.compile(r"(?<![.\w/])\.\.(?!\.)|\w\.\.(?!\.)|\.\s+\.(?!\.)|,,|;;|,\s*,|\.\s*,(?!\d)|:\s*\.")
SPACES = "\u00a0\u202f"
FRENCH_PUNCTUATION = re.compile(
    rf"(?<=[^{SPACES}\s])([;!?])(?=\s|$)|(?<=[^{SPACES}\d])(:)(?=\s|$)|[ \t]([;:!?])"
)
GUILLEMETS = re.compile(rf"«(?![{SPACES}])|(?<![{SPACES}])»")
FRENCH_LEAKS = (
    "posts/week",
    "post/week",
    "All industries",
    "all industries",
    "Newsletter",
    "engagement rate",
    "benchmark",
    "backlog",
    "Backlog",
    "owner",
    "Owner",
    "followers",
    "per week",
    "per post",
    "Done when",
    "not now",
    "Not now",
)
FIELD_PATH = re.compile(
    r"\b(?:engagement|client|objectives|stakeholders|peers|channels|strategy|organisation|settings|roadmap|"
    r"thresholds|weights|fit|readiness|completeness)\.[a-z_*0-9]+(?:\.[a-z_*0-9]+)*"
)
SNAKE_CASE = re.compile(r"(?<![@/\w.-])[a-z]+_[a-z0-9_]+\b")
COMMAND_LINE = re.compile(
    r"\bauditkit\s+(?:new|report|score|diagnose|roadmap|validate|compare|demo|app)\b|(?<![\w-])--[a-z][a-z-]+"
)
"""A command or an option of the command line, which a recommended action should say in words."""
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
"""Quoted text: an id in quotation marks is the writer's own words about it, not a leak."""
ID_CONTEXT = re.compile(
    r"\b(?:objectif|objective|canal|channel|partie prenante|stakeholder|public|pair|peer)\s+([a-z0-9-]+)\b"
)


class _TextExtractor(HTMLParser):
    """The visible text of a page, one line per block, without scripts, styles and the appendix."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hides = tag in HIDDEN or dict(attrs).get("id") == APPENDIX_ID
        if tag in {"br", "meta", "img", "link", "input", "hr"}:
            self.parts.append("\n")
            return
        self.stack.append((tag, hides))
        self.hidden_depth += hides
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, hides = self.stack.pop()
            self.hidden_depth -= hides
            if name == tag:
                break
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees in ``html``, the technical appendix left out, one line per block."""
    parser = _TextExtractor()
    parser.feed(html)
    lines = (
        " ".join(line.replace("\u00a0", "\u00a0").split(" ")).strip()
        for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)


def raw_ids(audit: Audit) -> set[str]:
    """The audit's own ids that only its file should show: compound slugs of channels, objectives..."""
    ids = {
        item.id
        for section in (audit.channels, audit.objectives, audit.stakeholders, audit.peers)
        for item in section
    }
    return {item for item in ids if "-" in item or "_" in item}


def language_faults(text: str, language: str, audit: Audit) -> list[str]:
    """Every fault in ``text`` (a report's visible text in ``language``), as "kind: excerpt" lines."""
    faults: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        faults += [f"{kind} (line {number}): {line[:160]}" for kind in _line_faults(line, language, audit)]
    return faults


def _line_faults(line: str, language: str, audit: Audit) -> list[str]:
    kinds = []
    if PLURAL_FALLBACK.search(line):
        kinds.append("plural fallback")
    if ISO_DATE.search(line):
        kinds.append("ISO date")
    if DOUBLED.search(_without_urls(line)):
        kinds.append("doubled punctuation")
    if language == "fr":
        prose = _without_urls(line)
        if FRENCH_PUNCTUATION.search(prose) or GUILLEMETS.search(prose):
            kinds.append("French spacing")
        if any(leak in line for leak in FRENCH_LEAKS):
            kinds.append("English leak")
    if re.search(r"\d[\s\u00a0\u202f]?EUR\b", line):
        kinds.append("currency code")
    if any(re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", line) for code in RULES):
        kinds.append("rule code")
    prose = _without_urls(line)
    if COMMAND_LINE.search(prose):
        kinds.append("command line")
    if (
        FIELD_PATH.search(prose)
        or SNAKE_CASE.search(prose)
        or any(key in prose for key in (*WEIGHTS, *_setting_keys()))
    ):
        kinds.append("field path or setting key")
    ids = raw_ids(audit)
    unquoted = QUOTED.sub(" ", prose)
    if any(re.search(rf"(?<![\w@/.-]){re.escape(item)}(?![\w-])", unquoted) for item in ids) or any(
        found in {item.id for item in (*audit.channels, *audit.objectives, *audit.stakeholders)}
        for found in ID_CONTEXT.findall(prose)
    ):
        kinds.append("raw id")
    return kinds


def _setting_keys() -> tuple[str, ...]:
    return tuple(key for key in THRESHOLDS if "_" in key or "." in key)


def _without_urls(line: str) -> str:
    return re.sub(
        r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*|\b[\w-]+\.(?:fr|com|org|net|page|uk)\b\S*|@\S+",
        " ",
        line,
    )
