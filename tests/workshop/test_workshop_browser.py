"""A real browser: two participants take the quiz through ``auditkit app --workshop`` in two Chromium
contexts; their answers land in two files, each sees a chart of their results, and the facilitator's
page shows both and draws the room's charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workshop_browser import CHROMIUM, take_quiz, workshop_app

from auditkit.report.pdf import CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARGS = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
LOADED_PLOTLY = "performance.getEntriesByType('resource').some(entry => entry.name.includes('plotly'))"


def test_two_participants_take_the_quiz_and_the_facilitator_sees_both(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    folder = tmp_path / "room"
    with (
        workshop_app(folder, 2, tmp_path / "app.log") as (base, token, _app),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            home = browser.new_context().new_page()
            home.set_default_timeout(60_000)
            home.goto(f"{base}/voila/render/home.ipynb?token={token}")
            home.get_by_text("1. The quiz").click()
            home.wait_for_url("**/voila/render/quiz.ipynb**")
            sent = {}
            for name in ("Ana Lima", "Bruno Ngata"):
                page = browser.new_context().new_page()
                _seconds, sent[name] = take_quiz(page, f"{base}/voila/render/quiz.ipynb?token={token}", name)
                page.locator(".auditkit-bars .auditkit-bar").first.wait_for(state="visible")
                assert not page.evaluate(LOADED_PLOTLY), "the quiz page loaded plotly.js"
            files = sorted(path.name for path in (folder / "participants").glob("*.json"))
            assert files == ["ana-lima.json", "bruno-ngata.json"]
            for code, name in (("ana-lima", "Ana Lima"), ("bruno-ngata", "Bruno Ngata")):
                recorded = json.loads((folder / "participants" / f"{code}.json").read_text(encoding="utf-8"))
                assert recorded["name"] == name
                assert len(recorded["answers"]) == sent[name] == 16
            facilitator = browser.new_context().new_page()
            facilitator.set_default_timeout(60_000)
            facilitator.goto(f"{base}/voila/render/facilitator.ipynb?token={token}")
            table = facilitator.locator(".auditkit-room-participants")
            table.get_by_text("Ana Lima").wait_for(state="visible")
            table.get_by_text("Bruno Ngata").wait_for(state="visible")
            assert "2 participants joined" in facilitator.locator(".auditkit-room-counts").inner_text()
            facilitator.locator(".auditkit-bars").first.wait_for(state="visible")
            assert facilitator.locator(".auditkit-bars").count() == 3, "score spread, categories, most missed"
        finally:
            browser.close()
