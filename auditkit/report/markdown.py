"""The consultant's Markdown as safe HTML: what they write shows, nothing they write can run.

CommonMark by ``markdown-it-py`` with raw HTML off (``<script>`` is shown as text), images off (the
report loads nothing), and links kept only to ``http``, ``https`` and ``mailto`` addresses (a
``javascript:`` link stays plain text). A line break is a line break, as in the notebook's text box;
headings start below the report's own (``#`` is a fourth-level heading); text takes the language's
typography. The result is :class:`~markupsafe.Markup`, ready for an autoescaping template.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from auditkit.locale import formats

__all__ = ["LINK_SCHEMES", "allowed_link", "render_markdown"]

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_FIRST_HEADING = 4


def allowed_link(url: str) -> bool:
    """Whether ``url`` may be a link: an http(s) address with a host, or a mailto address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        return bool(parts.path)
    return scheme in LINK_SCHEMES and bool(parts.netloc)


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    parser.disable("image")
    parser.validateLink = allowed_link  # type: ignore[method-assign]
    return parser


def render_markdown(text: str, lang: str) -> Markup:
    """``text`` (the consultant's Markdown) as safe HTML in ``lang``'s typography; empty for blank text."""
    if not text.strip():
        return Markup("")
    parser = _parser()
    tokens = parser.parse(text)
    for token in tokens:
        _adjust(token, lang)
    return Markup(parser.renderer.render(tokens, parser.options, {}))


def _adjust(token: Token, lang: str) -> None:
    if token.type in {"heading_open", "heading_close"}:
        token.tag = f"h{min(int(token.tag[1:]) + _FIRST_HEADING - 1, 6)}"
    elif token.type == "link_open":
        token.attrSet("rel", "noopener noreferrer")
    if token.children:
        _typeset(token.children, lang)


def _typeset(children: list[Token], lang: str) -> None:
    """The language's typography on an inline run's texts, each read after the character before it (so
    that the space in ``**oui** !`` becomes a no-break space although the two are separate tokens)."""
    before = ""
    for child in children:
        _adjust(child, lang)
        if child.type == "text":
            typeset = formats.typography(before + child.content, lang)
            child.content = typeset[len(formats.typography(before, lang)) :]
        if child.type in {"text", "code_inline"} and child.content:
            last = child.content[-1]
            before = "" if last.isspace() else last
