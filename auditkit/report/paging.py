"""The printed report's running footer: CSS page-margin boxes built from the catalogue's texts.

Chromium draws ``@page { @bottom-right { content: ... } }`` on every page, with the ``page`` and
``pages`` counters; the catalogue says how a page number reads ("Page 3 of 14", "Page 3 sur 14").
"""

from __future__ import annotations

import re

from markupsafe import Markup

PAGE_COUNTERS = {"page": "counter(page)", "pages": "counter(pages)"}
"""The placeholders of a page-number text and the CSS counters they stand for."""
_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string, every character but letters, digits and spaces escaped, so it
    can neither end the string nor the ``<style>`` element it is in (the space after each escape ends it
    and is not shown)."""
    return (
        '"' + "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in text) + '"'
    )


def counter_content(template: str) -> str:
    """A page-number text with ``{page}`` and ``{pages}`` as a CSS ``content`` value."""
    parts = _PLACEHOLDER.split(template)
    return " ".join(
        PAGE_COUNTERS[part] if index % 2 else css_string(part) for index, part in enumerate(parts) if part
    )


def running_footer(title: str, page_number: str) -> Markup:
    """The ``@page`` rule printing ``title`` at the bottom left of every page and ``page_number`` (a text
    with ``{page}`` and ``{pages}``) at the bottom right; the cover page (``page: cover``) has neither."""
    return Markup(
        "@page { @bottom-left { content: %s } @bottom-right { content: %s } }\n"
        "@page cover { @bottom-left { content: none } @bottom-right { content: none } }"
    ) % (Markup(css_string(title)), Markup(counter_content(page_number)))
