"""The compare page and the portfolio in headless Chromium, offline: charts drawn, no console error, no
outside request, client names carrying HTML do not run, and the portfolio sorts and filters."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditkit import store
from auditkit.compare import Trends
from auditkit.compare.portfolio import gather
from auditkit.report.compare_page import render_compare
from auditkit.report.pdf import CHROMIUM_FLAGS
from auditkit.report.portfolio_page import render_portfolio
from auditkit.run import AuditRun

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
ROUNDS = [EXAMPLES / f"boulangerie-martin{suffix}.audit.json" for suffix in ("", "-round2", "-round3")]
PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    args = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield launched
        launched.close()


def _visit(browser: sync_api.Browser, path: Path) -> tuple[sync_api.Page, list[str], list[str], list[str]]:
    context = browser.new_context(offline=True)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    url = path.resolve().as_uri()

    def route(request_route: sync_api.Route) -> None:
        if request_route.request.url == url:
            request_route.continue_()
        else:
            requests.append(request_route.request.url)
            request_route.abort()

    def dialog(popup: sync_api.Dialog) -> None:
        dialogs.append(popup.message)
        popup.dismiss()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", dialog)
    page.goto(url)
    return page, errors, requests, dialogs


def test_compare_page_of_three_rounds(browser: sync_api.Browser, tmp_path: Path) -> None:
    audits = [store.load(path) for path in ROUNDS]
    for audit in audits:
        audit.engagement.client = PAYLOAD
    path = tmp_path / "compare.html"
    path.write_text(render_compare(Trends([AuditRun(a) for a in audits]), "fr"), encoding="utf-8")
    page, errors, requests, dialogs = _visit(browser, path)
    page.wait_for_selector("html:not([data-charts='pending'])", state="attached", timeout=60_000)
    assert page.evaluate("document.documentElement.dataset.charts") == "ready"
    assert page.locator("div.chart").count() == 4
    assert page.locator("div.chart svg.main-svg").count() >= 4
    assert (errors, requests, dialogs) == ([], [], [])
    assert PAYLOAD in page.locator("h1").inner_text()


def test_portfolio_sorts_filters_and_stays_offline(browser: sync_api.Browser, tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.md"))
    source = (EXAMPLES / "asso-velo-solidaire.audit.json").read_text(encoding="utf-8")
    escaped = PAYLOAD.replace('"', '\\"')
    (folder / "xss.audit.json").write_text(
        source.replace('"client": "', f'"client": "{escaped} ', 1), "utf-8"
    )
    path = tmp_path / "index.html"
    path.write_text(render_portfolio(gather(folder), "en"), encoding="utf-8")
    page, errors, requests, dialogs = _visit(browser, path)
    rows = page.locator("#clients tbody tr")
    assert rows.count() == 5
    page.locator("#clients th button").nth(4).click()
    scores = page.eval_on_selector_all(
        "#clients tbody tr td:nth-child(5)", "cells => cells.map(c => parseFloat(c.dataset.sort))"
    )
    assert scores == sorted(scores)
    page.fill("#filter", "boulangerie")
    assert page.locator("#clients tbody tr:not([hidden])").count() == 1
    assert (errors, requests, dialogs) == ([], [], [])
