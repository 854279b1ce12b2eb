"""The consultant's words in a real browser (Debian's headless Chromium, network off): script and HTML
payloads typed in their summary, section comments, set-aside reasons and name show as text and never run."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from auditkit import store
from auditkit.model import ReportSection, SetAside
from auditkit.report import render_report
from auditkit.report.pdf import CHROMIUM_FLAGS
from auditkit.resources import example_audits

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "</aside><script>alert(4)</script>",
    "&lt;script&gt;alert(5)&lt;/script&gt;",
)
"""Typed as they are; the last one is HTML entities, which Markdown shows as the characters they name."""
LINKS = "[a](javascript:alert(6)) [b](JaVaScRiPt:alert(7)) <javascript:alert(8)> [c](data:text/html,x) [site](https://example.org/)"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _payload_text(label: str) -> str:
    return f"{label} " + " ".join(PAYLOADS) + "\n\n" + LINKS


def test_payloads_in_the_consultants_words_show_and_never_run(
    browser: sync_api.Browser, tmp_path: Path
) -> None:
    audit = store.load(
        next(path for path in example_audits() if path.name.startswith("boulangerie-martin.audit"))
    )
    audit.engagement.consultant = "Claire " + PAYLOADS[0]
    audit.commentary.summary = _payload_text("summary")
    audit.commentary.sections = {section: _payload_text(section.value) for section in ReportSection}
    audit.commentary.set_aside = [
        SetAside(rule="STR-POLICY", reason=_payload_text("reason"), by="Claire " + PAYLOADS[1]),
        SetAside(rule="CH-DORMANT", subject="pinterest", reason="**Closing** " + PAYLOADS[2]),
    ]
    plain = tmp_path / "plain.html"
    plain.write_text(render_report(store.load(example_audits()[0]), "en"), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 1100, "height": 900})
    without_words = _visit(context, plain)
    for language in ("en", "fr"):
        path = tmp_path / f"consultant.{language}.html"
        path.write_text(render_report(audit, language), encoding="utf-8")
        visit = _visit(context, path)
        page = visit.page

        assert (visit.dialogs, visit.errors, visit.requests) == ([], [], [])
        assert page.locator("aside.consultant-comment").count() == len(ReportSection)
        assert page.locator("aside.consultant-summary").count() == 1
        assert page.locator("#set-aside tbody tr").count() == 2
        text = page.evaluate("document.body.innerText")
        for payload in PAYLOADS[:4]:
            assert text.count(payload) >= len(ReportSection) + 2, payload
        assert "<script>alert(5)</script>" in text
        assert "[a](javascript:alert(6))" in text
        assert page.locator("img[src='x'], svg[onload], aside script, #set-aside script").count() == 0
        links = page.evaluate("[...document.querySelectorAll('.consultant-text a')].map(a => a.href)")
        assert links and set(links) == {"https://example.org/"}
        assert page.evaluate("document.scripts.length") == without_words.page.evaluate(
            "document.scripts.length"
        )
        assert page.locator("#set-aside strong", has_text="Closing").count() == 1
    context.close()


@dataclass
class Visit:
    """One report opened from its file, with what it tried to pop up, log as an error or request."""

    page: sync_api.Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def _visit(context: sync_api.BrowserContext, path: Path) -> Visit:
    visit = Visit(context.new_page())
    url = path.resolve().as_uri()

    def route(request_route: sync_api.Route) -> None:
        if request_route.request.url == url:
            request_route.continue_()
        else:
            visit.requests.append(request_route.request.url)
            request_route.abort()

    def dialog(popup: sync_api.Dialog) -> None:
        visit.dialogs.append(popup.message)
        popup.dismiss()

    visit.page.route("**/*", route)
    visit.page.on("dialog", dialog)
    visit.page.on("console", lambda message: message.type == "error" and visit.errors.append(message.text))
    visit.page.on("pageerror", lambda error: visit.errors.append(str(error)))
    visit.page.goto(url, wait_until="commit")
    visit.page.wait_for_selector("html:not([data-charts='pending'])", state="attached", timeout=60_000)
    visit.page.wait_for_timeout(300)
    return visit
