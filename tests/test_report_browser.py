"""The report in a real browser: Debian's headless Chromium through Playwright, network off.

Every chart is drawn (its ``svg.main-svg`` is there), the console stays free of errors, nothing is
requested outside the file, no payload typed into the audit runs, and the print layout fits an A4 page.
One browser serves the whole module; pages load side by side to use both cores.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from test_report import CHART_COUNT, PAYLOADS, make_report_notebook, payload_audit

from auditkit import charts, store
from auditkit.report import export_notebook, render_report, write_report
from auditkit.report.notebook import PLOTLY_MIME
from auditkit.report.pdf import CHROMIUM_FLAGS
from auditkit.report.render import SECTIONS
from auditkit.resources import example_audits
from auditkit.scoring import score

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
A4_TEXT_WIDTH_PX = 703
"""Width of an A4 page inside the report's @page margins (210 mm - 2 x 12 mm), in CSS pixels."""

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)


@dataclass
class Visit:
    """One page opened from a file, with everything it logged, requested or tried to pop up."""

    path: Path
    page: sync_api.Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.path.resolve().as_uri()


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _open(browser: sync_api.Browser, paths: list[Path], width: int = 1100) -> list[Visit]:
    """Open every file in its own page of one offline context, all loading at once, until charts settle."""
    context = browser.new_context(offline=True, viewport={"width": width, "height": 900})
    visits = []
    for path in paths:
        visit = Visit(path, context.new_page())

        def route(request_route: sync_api.Route, visit: Visit = visit) -> None:
            url = request_route.request.url
            if url == visit.url:
                request_route.continue_()
            else:
                visit.requests.append(url)
                request_route.abort()

        def dialog(popup: sync_api.Dialog, visit: Visit = visit) -> None:
            visit.dialogs.append(popup.message)
            popup.dismiss()

        visit.page.route("**/*", route)
        visit.page.on(
            "console", lambda message, v=visit: message.type == "error" and v.errors.append(message.text)
        )
        visit.page.on("pageerror", lambda error, v=visit: v.errors.append(str(error)))
        visit.page.on("dialog", dialog)
        visit.page.goto(visit.url, wait_until="commit")
        visits.append(visit)
    for visit in visits:
        visit.page.wait_for_selector("html:not([data-charts='pending'])", state="attached", timeout=60_000)
    return visits


def _charts_without_svg(page: sync_api.Page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('div.chart')]"
        ".filter(div => !div.querySelector('svg.main-svg')).map(div => div.id)"
    )


@pytest.fixture(scope="module")
def example_visits(browser: sync_api.Browser, tmp_path_factory: pytest.TempPathFactory) -> list[Visit]:
    """The English and French reports of every example, open side by side."""
    folder = tmp_path_factory.mktemp("reports")
    paths = []
    for example in example_audits():
        audit = store.load(example)
        for language in ("en", "fr"):
            path = folder / f"{example.name.removesuffix('.audit.json')}.{language}.html"
            path.write_text(render_report(audit, language), encoding="utf-8")
            paths.append(path)
    return _open(browser, paths)


def test_every_example_report_draws_every_chart_offline_without_errors(example_visits: list[Visit]) -> None:
    assert len(example_visits) == 2 * len(example_audits())
    for visit in example_visits:
        page, name = visit.page, visit.path.name
        assert page.evaluate("document.documentElement.dataset.charts") == "ready", name
        assert page.locator("div.chart").count() == CHART_COUNT, name
        assert _charts_without_svg(page) == [], name
        assert page.locator("section.report-section").count() == len(SECTIONS), name
        assert visit.errors == [], name
        assert visit.requests == [], name
        assert page.evaluate("document.documentElement.lang") == name.split(".")[-2]
    assert all(visit.page.locator(".modebar").count() == 0 for visit in example_visits)


def test_print_layout_fits_a4_the_sections_flowing_after_the_summary(example_visits: list[Visit]) -> None:
    """On an A4-wide print layout (one French and one English report): nothing wider than the page; the
    cover and the summary have their own pages, the other sections follow on without blank page ends."""
    for visit in example_visits[1:3]:
        page = visit.page
        page.set_viewport_size({"width": A4_TEXT_WIDTH_PX, "height": 1000})
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.evaluate("document.documentElement.scrollWidth") <= A4_TEXT_WIDTH_PX, visit.path.name
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('div.chart')].map(c => c.getBoundingClientRect().right))"
        )
        assert widest <= A4_TEXT_WIDTH_PX, visit.path.name
        breaks = page.evaluate(
            "[...document.querySelectorAll('section.report-section')].map(s => getComputedStyle(s).breakBefore)"
        )
        assert breaks == ["auto", "page"] + ["auto"] * (len(SECTIONS) - 2)
        inside = page.evaluate(
            "[...document.querySelectorAll('figure.chart-block')].map(f => getComputedStyle(f).breakInside)"
        )
        assert set(inside) == {"avoid"}
        assert page.locator(".modebar").first.is_hidden()


def test_payloads_in_every_free_text_field_never_run(browser: sync_api.Browser, tmp_path: Path) -> None:
    audit, _ = payload_audit()
    paths = []
    for language in ("en", "fr"):
        paths.append(tmp_path / f"payloads.{language}.html")
        paths[-1].write_text(render_report(audit, language), encoding="utf-8")
    visits = _open(browser, paths)
    visits[0].page.wait_for_timeout(300)
    for visit in visits:
        page = visit.page
        assert visit.dialogs == []
        assert visit.errors == []
        assert visit.requests == []
        assert page.evaluate("document.documentElement.dataset.charts") == "ready"
        assert page.locator("section.report-section").count() == len(SECTIONS)
        assert _charts_without_svg(page) == []
        text = page.evaluate("document.body.innerText")
        for payload in PAYLOADS:
            assert payload in text
        assert page.locator("img[src='x']").count() == 0
        assert page.evaluate("document.scripts.length") == 3 + CHART_COUNT + 1
        labels = page.evaluate(
            "[...document.querySelectorAll('.chart svg text')].map(t => t.textContent).join(' ')"
        )
        assert "<script>alert(1)</script>" in labels
        assert "javascript:" not in page.evaluate("[...document.links].map(a => a.href).join(' ')")


def test_exported_report_notebook_draws_its_chart_offline(browser: sync_api.Browser, tmp_path: Path) -> None:
    notebook_path = make_report_notebook(tmp_path)
    notebook = nbformat.read(notebook_path, as_version=4)
    audit = store.load(example_audits()[0])
    figure = charts.channel_objective_heatmap(score(audit), audit, "fr")
    notebook.cells[2].outputs = [
        nbformat.v4.new_output(
            "execute_result", data={PLOTLY_MIME: figure.to_plotly_json()}, execution_count=1
        )
    ]
    nbformat.write(notebook, notebook_path)
    html = export_notebook(notebook_path, tmp_path / "notebook.html")
    (visit,) = _open(browser, [html])
    assert visit.page.evaluate("document.documentElement.dataset.charts") == "ready"
    assert visit.page.locator("div.chart svg.main-svg").count() >= 1
    assert _charts_without_svg(visit.page) == []
    assert visit.errors == [] and visit.requests == []


def test_pdf_through_headless_chromium(tmp_path: Path) -> None:
    audit = store.load(example_audits()[0])
    _, pdf = write_report(audit, tmp_path / "report.html", "en", pdf=True)
    assert pdf == tmp_path / "report.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages >= len(SECTIONS)
    assert not list(tmp_path.glob(".*.tmp"))
