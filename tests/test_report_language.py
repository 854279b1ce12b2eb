"""The report reads like a person wrote it, in French and English, with no internal jargon in its body.

Every example is rendered in both languages and its visible text (outside the technical appendix) is
checked by :mod:`report_language`: no plural fallback, no ISO date, French spacing, no doubled
punctuation, no English leak in French, no currency code, no rule code, field path, setting key or
raw id. The plain-text tests read the HTML without a browser; the ``browser`` tests read Chromium's
``innerText``, what a reader really sees.
"""

from __future__ import annotations

import html as html_module
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from report_language import language_faults, visible_text

from auditkit import store
from auditkit.diagnose import RULES
from auditkit.model import Audit
from auditkit.report import render_report
from auditkit.report.pdf import CHROMIUM_FLAGS
from auditkit.report.render import APPENDIX
from auditkit.report.summary import key_problems
from auditkit.resources import example_audits
from auditkit.run import AuditRun

EXAMPLES = example_audits()
LANGUAGES = ("fr", "en")
CHROMIUM = Path("/usr/bin/chromium")
BAKERY = next(path for path in EXAMPLES if path.name == "boulangerie-martin.audit.json")


@cache
def _audit(path: Path) -> Audit:
    return store.load(path)


@cache
def _html(path: Path, language: str, appendix: bool = False) -> str:
    return render_report(_audit(path), language, appendix=appendix)


# -- the checks themselves ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("29 constat(s) (16 majeur, 12 mineur)", "fr", "plural fallback"),
        ("encore 1 niveau(x)", "fr", "plural fallback"),
        ("9 action(s) (36 h) ne tien(nen)t pas dans l'année", "fr", "plural fallback"),
        ("a publié pour la dernière fois le 2025-07-02", "fr", "ISO date"),
        ("Objectif\u00a0: Avoir plus de clients..", "fr", "doubled punctuation"),
        ("Concerne : l'ensemble de l'audit", "fr", "French spacing"),
        ("Ton variable\u00a0; aucune ligne « éditoriale\u00a0»", "fr", "French spacing"),
        ("1 publications/semaine pour une référence de 4,5 posts/week", "fr", "English leak"),
        ("Facebook, All industries", "fr", "English leak"),
        ("coûte environ 242 EUR par mois", "fr", "currency code"),
        ("la règle CH-SPREAD proposait «\u00a0Corriger\u00a0»", "fr", "rule code"),
        ("channels.5.cross_posted_unchanged", "en", "field path or setting key"),
        ("porter la part (roadmap.improvement_share) à 70\u00a0%", "fr", "field path or setting key"),
        ("50 € de l'heure (seuil hourly_rate)", "fr", "field path or setting key"),
        ("Audit again with the same method (auditkit new --from this file)", "en", "command line"),
        ("Audiences: current-parents, local-community", "en", "raw id"),
        ("L'objectif financeurs (Montrer notre impact) n'a aucun indicateur.", "fr", "raw id"),
    ],
)
def test_checks_catch_the_faults_the_issue_lists(text: str, language: str, kind: str) -> None:
    audit = _audit(EXAMPLES[0]).model_copy(deep=True)
    audit.stakeholders[0].id = "current-parents"
    faults = language_faults(text, language, audit)
    assert any(fault.startswith(kind) for fault in faults), faults


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("29\u00a0constats, dont 16\u00a0majeurs\u00a0: «\u00a0Avoir plus de clients\u00a0».", "fr"),
        ("Voir https://www.exemple.fr/page?x=1 et @boulangerie_martin sur Instagram.", "fr"),
        ("Wait... then act: 1 action (3 h) does not fit; 242 € a month.", "en"),
        ("Le 1er mars 2024, 14:30, la page «\u00a0page-facebook\u00a0» a été renommée.", "fr"),
    ],
)
def test_checks_stay_silent_on_well_written_text(text: str, language: str) -> None:
    assert language_faults(text, language, _audit(BAKERY)) == []


# -- every example, both languages, plain text --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_report_text_reads_like_a_person_wrote_it(path: Path, language: str) -> None:
    faults = language_faults(visible_text(_html(path, language)), language, _audit(path))
    assert faults == [], "\n".join(faults)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_page_brief_reads_like_a_person_wrote_it(language: str) -> None:
    html = render_report(_audit(BAKERY), language, summary_only=True)
    assert language_faults(visible_text(html), language, _audit(BAKERY)) == []
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("#summary .verdict") is not None and not page.select("script")
    assert page.select_one("#findings") is None and "script-src 'none'" in html_module.unescape(html)


def test_technical_appendix_holds_the_codes_only_when_asked_for() -> None:
    audit = _audit(BAKERY)
    with_appendix = _html(BAKERY, "fr", appendix=True)
    page = BeautifulSoup(with_appendix, "html.parser")
    appendix = page.select_one(f"#{APPENDIX}").get_text(" ")
    diagnosis = AuditRun(audit).reconciled.diagnosis
    assert all(finding.rule in appendix for finding in diagnosis.findings)
    assert all(item.field in appendix for finding in diagnosis.findings for item in finding.evidence)
    assert "roadmap.improvement_share" in appendix and "hourly_rate" in appendix
    assert f'href="#{APPENDIX}"' in with_appendix
    assert language_faults(visible_text(with_appendix), "fr", audit) == []
    assert f'id="{APPENDIX}"' not in _html(BAKERY, "fr")


def test_evidence_is_labelled_by_name_and_keeps_its_path_for_the_json() -> None:
    page = BeautifulSoup(_html(BAKERY, "fr"), "html.parser")
    dormant = page.select_one('article[data-rule="CH-DORMANT"] .evidence').get_text(" ")
    assert "Tableaux Pinterest «\u00a0Recettes & gâteaux\u00a0» — dernière publication" in dormant
    assert "2 juillet 2025" in dormant and "channels." not in dormant
    finding = next(f for f in AuditRun(_audit(BAKERY)).diagnosis.findings if f.rule == "CH-DORMANT")
    assert finding.to_dict("fr")["evidence"][0]["field"].startswith("channels.")


def test_bakery_summary_puts_the_intern_the_rush_and_the_missing_measurement_first() -> None:
    audit = _audit(BAKERY)
    run = AuditRun(audit)
    top = [finding.rule for finding in key_problems(run.reconciled.diagnosis.findings, audit)]
    assert {"ORG-INTERN", "ERR-URGENCY", "ERR-NOT-MEASURING"} <= set(top)
    assert "CH-DORMANT" not in top and "CH-NO-OWNER" not in top
    summary = BeautifulSoup(_html(BAKERY, "fr"), "html.parser").select_one("#summary").get_text(" ")
    assert "Pinterest" not in summary and not any(code in summary for code in RULES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_year_outlook_never_says_the_target_is_reached_beside_actions_that_do_not_fit(path: Path) -> None:
    roadmap = AuditRun(_audit(path)).roadmap
    page = BeautifulSoup(_html(path, "en"), "html.parser")
    outlook = " ".join(page.select_one("#summary .outlook").get_text(" ").split())
    assert "projected at" in outlook
    if roadmap.backlog:
        assert "That meets the target level." not in outlook
        assert f"{len(roadmap.backlog)} further action" in outlook or "not reached within the year" in outlook


@pytest.mark.parametrize("language", LANGUAGES)
def test_incomplete_audit_says_so_in_its_verdict_and_reads_well(language: str) -> None:
    audit = Audit.model_validate(
        {
            "engagement": {"client": "X", "audit_date": "2026-09-15", "language": language},
            "client": {"industry": "commercial_b2c"},
            "objectives": [
                {"id": "awareness", "statement": "Be known.", "kind": "awareness", "primary": True}
            ],
            "channels": [
                {"id": "facebook", "name": "Facebook", "platform": "facebook", "objectives": ["awareness"]}
            ],
        }
    )
    run = AuditRun(audit)
    assert run.scorecard.incomplete is not None
    html = render_report(run, language)
    verdict = BeautifulSoup(html, "html.parser").select_one("#summary .verdict").get_text()
    expected = "cannot be given a maturity level yet" if language == "en" else "ne peut pas encore recevoir"
    assert expected in verdict and str(run.scorecard.incomplete.not_assessed) in verdict
    assert language_faults(visible_text(html), language, audit) == []


# -- in a real browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser_page() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        args = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


VISIBLE_TEXT = f"""() => {{
  document.getElementById('{APPENDIX}').remove();
  document.querySelectorAll('.chart').forEach(node => node.remove());
  return document.body.innerText;
}}"""
"""What a reader sees outside the appendix and the charts (``innerText`` leaves out scripts and hidden
elements; chart labels are SVG fragments whose lines ``innerText`` runs together)."""


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_report_as_the_browser_shows_it_reads_like_a_person_wrote_it(
    browser_page: object, path: Path, language: str, tmp_path: Path
) -> None:
    page = browser_page
    file = tmp_path / f"report.{language}.html"
    file.write_text(_html(path, language, appendix=True), encoding="utf-8")
    page.goto(file.as_uri())  # type: ignore[attr-defined]
    text = page.evaluate(VISIBLE_TEXT)  # type: ignore[attr-defined]
    assert len(text) > 5000
    faults = language_faults(text, language, _audit(path))
    assert faults == [], "\n".join(faults)
