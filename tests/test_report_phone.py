"""Every example's report on a phone (390 px wide, headless Chromium): nothing runs off the screen outside
a scrolling box, and no two labels of a chart overlap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from auditkit import store
from auditkit.report import render_report
from auditkit.report.pdf import CHROMIUM_FLAGS
from auditkit.resources import example_audits

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
PHONE_WIDTH_PX = 390
OVERLAP_TOLERANCE_PX = 1

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)

OVERFLOWING = """() => {
  const scrolls = element => ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
  const clipped = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= innerWidth + 1) continue;
    if (element.closest("svg") && element.tagName.toLowerCase() !== "text") continue;
    let ancestor = element.parentElement;
    while (ancestor && !scrolls(ancestor)) ancestor = ancestor.parentElement;
    if (!ancestor) clipped.push(`${element.tagName.toLowerCase()}.${element.getAttribute("class") || ""}`
      + ` "${(element.textContent || "").trim().slice(0, 40)}" right=${Math.round(box.right)}`);
  }
  return clipped;
}"""
"""Every element reaching past the screen's right edge without a scrolling ancestor (inside a chart,
only its texts: plotly's drawing layers are as wide as the chart's clip box)."""

OVERLAPPING_LABELS = """tolerance => {
  const overlaps = [];
  for (const chart of document.querySelectorAll("div.chart")) {
    const boxes = [...chart.querySelectorAll("svg text")]
      .filter(text => text.textContent.trim() && text.getClientRects().length)
      .map(text => [text.textContent.trim(), text.getBoundingClientRect()])
      .filter(([, box]) => box.width > 0 && box.height > 0);
    boxes.forEach(([label, box], index) => {
      for (const [other, next] of boxes.slice(index + 1)) {
        const width = Math.min(box.right, next.right) - Math.max(box.left, next.left);
        const height = Math.min(box.bottom, next.bottom) - Math.max(box.top, next.top);
        if (width > tolerance && height > tolerance) overlaps.push(`${chart.id}: "${label}" / "${other}"`);
      }
    });
  }
  return overlaps;
}"""
"""Every pair of visible texts of one chart whose boxes intersect by more than the tolerance both ways."""


@pytest.fixture(scope="module")
def phone() -> Iterator[sync_api.BrowserContext]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
        )
        yield browser.new_context(offline=True, viewport={"width": PHONE_WIDTH_PX, "height": 844})
        browser.close()


@pytest.fixture(scope="module")
def phone_pages(
    phone: sync_api.BrowserContext, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, sync_api.Page]:
    """Every example's report in its own language, opened side by side at phone width."""
    folder = tmp_path_factory.mktemp("phone")
    pages = {}
    for example in example_audits():
        path = folder / example.name.replace(".audit.json", ".html")
        path.write_text(render_report(store.load(example)), encoding="utf-8")
        page = phone.new_page()
        page.goto(path.as_uri(), wait_until="commit")
        pages[example.name] = page
    for page in pages.values():
        page.wait_for_selector("html[data-charts='ready']", state="attached", timeout=90_000)
    return pages


def test_nothing_runs_off_a_phone_screen_outside_a_scrolling_box(
    phone_pages: dict[str, sync_api.Page],
) -> None:
    for name, page in phone_pages.items():
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH_PX, name
        assert page.evaluate(OVERFLOWING) == [], name


def test_no_chart_labels_overlap_on_a_phone(phone_pages: dict[str, sync_api.Page]) -> None:
    for name, page in phone_pages.items():
        assert page.evaluate(OVERLAPPING_LABELS, OVERLAP_TOLERANCE_PX) == [], name


def test_wide_tables_become_cards_and_the_gantt_gives_way_to_the_stages(
    phone_pages: dict[str, sync_api.Page],
) -> None:
    page = phone_pages["boulangerie-martin.audit.json"]
    assert page.locator("table.channels.reflow thead").is_hidden()
    assert page.locator("table.channels td[data-label]").count() > 0
    assert page.locator("#chart-timeline").is_hidden()
    assert page.locator(".stage").first.is_visible()
    assert page.locator(".modebar").count() == 0
