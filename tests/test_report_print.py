"""The report printed to PDF: a running footer with page numbers, a numbered contents list, and the
bakery's report short enough to send, in French and in English (printed by headless Chromium, read with
pypdf)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from auditkit import store
from auditkit.report import html_to_pdf, render_report
from auditkit.report.paging import counter_content, css_string, running_footer
from auditkit.report.pdf import section_pages
from auditkit.resources import example_audits

CHROMIUM = Path("/usr/bin/chromium")
BAKERY = next(path for path in example_audits() if path.name == "boulangerie-martin.audit.json")
MAX_PAGES = 16
"""The longest the bakery's report may print without its appendix (issue 11)."""
PAGE_NUMBER = {"fr": r"Page (\d+) sur (\d+)", "en": r"Page (\d+) of (\d+)"}
CONTENTS_LINE = re.compile(r"^\d+\.\s*(?P<title>.+?)\s*(?P<page>\d+)$")


@dataclass(frozen=True)
class Printed:
    """The bakery's report in one language: its HTML, its PDF and the text of each page."""

    language: str
    html: str
    pdf: bytes
    pages: list[str]


@pytest.fixture(scope="module", params=["fr", "en"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    language: str = request.param
    folder = tmp_path_factory.mktemp(f"print-{language}")
    html = render_report(store.load(BAKERY), language)
    (folder / "report.html").write_text(html, encoding="utf-8")
    pdf = html_to_pdf(folder / "report.html", folder / "report.pdf").read_bytes()
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    return Printed(language, html, pdf, pages)


def test_a_page_number_text_becomes_css_counters_between_escaped_strings() -> None:
    assert counter_content("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
    assert counter_content("{page}/{pages}") == 'counter(page) "\\2f " counter(pages)'
    assert css_string('Café "<b>" </style>') == '"Café \\22 \\3c b\\3e \\22  \\3c \\2f style\\3e "'


def test_the_running_footer_leaves_the_cover_bare() -> None:
    footer = running_footer("Client", "Page {page} sur {pages}")
    assert '@bottom-left { content: "Client" }' in footer
    assert '@bottom-right { content: "Page " counter(page) " sur " counter(pages) }' in footer
    assert "@page cover { @bottom-left { content: none } @bottom-right { content: none } }" in footer


@pytest.mark.browser
def test_every_page_but_the_cover_shows_its_number_and_the_page_count(printed: Printed) -> None:
    assert not re.search(PAGE_NUMBER[printed.language], printed.pages[0])
    for number, text in enumerate(printed.pages[1:], start=2):
        found = re.search(PAGE_NUMBER[printed.language], text)
        assert found, f"page {number} has no page number"
        assert (int(found.group(1)), int(found.group(2))) == (number, len(printed.pages))


@pytest.mark.browser
def test_the_contents_list_gives_the_page_each_section_starts_on(printed: Printed) -> None:
    titles = re.findall(r'<span class="toc-title">(.*?)</span>', printed.html)
    entries = {}
    for line in printed.pages[0].splitlines():
        found = CONTENTS_LINE.match(line.strip())
        if found:
            entries[found.group("title")] = int(found.group("page"))
    assert sorted(entries) == sorted(title.replace("&#39;", "'") for title in titles)
    ids = re.findall(r'data-contents-page="([\w-]+)"', printed.html)
    starts = section_pages(printed.pdf)
    for section, (title, page) in zip(ids, entries.items(), strict=True):
        assert starts[section] == page, section
        assert title in printed.pages[page - 1].replace("\n", " "), (title, page)
    assert list(entries.values()) == sorted(entries.values())


@pytest.mark.browser
def test_the_bakery_report_prints_on_at_most_sixteen_pages(printed: Printed) -> None:
    assert len(printed.pages) <= MAX_PAGES
