"""The HTML report: content, languages, size, escaping, branding, PDF errors, batch and notebook export.

Browser checks (charts drawn, no request, no dialog) live in test_report_browser.py; this module reads
the HTML as text and drives the real command line.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html as html_module
import io
import json
import os
import re
import shutil
import signal
import stat
import struct
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel, ValidationError

import auditkit
from auditkit import cli, store
from auditkit.diagnose import Diagnosis, Finding, Theme, diagnose
from auditkit.errors import AuditkitError
from auditkit.locale import catalogue, languages, msg
from auditkit.locale.formatter import Formatter
from auditkit.model import ActionEdit, Audit, BenchmarkRow, Language, ManualAction
from auditkit.report import batch, export_notebook, render_report, write_report
from auditkit.report.branding import BrandingError, load_branding
from auditkit.report.pdf import CHROMIUM_ENV, ChromiumNotFoundError, html_to_pdf
from auditkit.report.render import (
    SECTIONS,
    SEED_ARTICLES,
    TEMPLATES_DIR,
    plotly_js,
    plotly_js_version,
    safe_url,
    script_json,
)
from auditkit.report.summary import key_problems
from auditkit.resources import example_audits
from auditkit.roadmap import build_roadmap
from auditkit.scoring import WEIGHTS, score

ENGLISH = Formatter("en")
SEED_TITLES = [msg(f"report.seed.{seed}")("en") for seed in SEED_ARTICLES]
EXAMPLES = example_audits()
MAX_BYTES = 2_000_000
CHART_COUNT = 10
PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(2)</script>",
    "javascript:alert(3)",
    "{{7*7}}",
)
CHART_BLOCK = re.compile(r'<script type="application/json" data-chart="([^"]+)">(.*?)</script>', re.S)


@cache
def _html(path: Path, language: str) -> str:
    return render_report(store.load(path), language)


def _csp(html: str) -> str:
    found = re.search(
        r'<meta (?:content="([^"]+)" http-equiv="Content-Security-Policy"|http-equiv="Content-Security-Policy" content="([^"]+)")/?>',
        html,
    )
    assert found, "no Content-Security-Policy"
    return html_module.unescape(found.group(1) or found.group(2))


def _sha256(text: str | bytes) -> str:
    data = text.encode() if isinstance(text, str) else text
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


# -- every example, both languages -------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_report_is_one_small_offline_file_with_every_section_and_chart(path: Path, language: str) -> None:
    html = _html(path, language)
    assert len(html.encode()) < MAX_BYTES
    assert f'<html lang="{language}"' in html
    assert html.count('class="report-section') == len(SECTIONS)
    for section in SECTIONS:
        assert f'id="{section}"' in html
    blocks = CHART_BLOCK.findall(html)
    assert len(blocks) == CHART_COUNT
    for chart_id, text in blocks:
        figure = json.loads(text)
        assert f'<div class="chart" id="{chart_id}"' in html
        assert isinstance(figure["data"], list) and figure["layout"]
    assert html.count('id="plotly-gzip"') == 1
    assert "<link" not in html and not re.search(r'\bsrc="(?!data:)', html)
    assert "default-src 'none'" in _csp(html)


@pytest.mark.parametrize("path", EXAMPLES[:1], ids=lambda p: p.name)
def test_labels_dates_and_numbers_follow_the_language(path: Path) -> None:
    audit = store.load(path)
    english, french = _html(path, "en"), _html(path, "fr")
    for text in ("Executive summary", "Channel scorecard", "Roadmap", "Methodology", "Recommended action"):
        assert text in english and text not in french
    for text in ("Synthèse", "Bilan des canaux", "Feuille de route", "Méthodologie", "Action recommandée"):
        assert text in french and text not in english
    assert Formatter(Language.FR).date(audit.engagement.audit_date) in french
    assert Formatter(Language.EN).date(audit.engagement.audit_date) in english
    assert '"separators":",\u202f"' in french and '"separators":".,"' in english
    assert '"locale":"fr","localeModule":{"moduleType":"locale"' in french
    assert '"locale":"en","localeModule":null' in english


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_report_holds_every_content_item_of_the_brief(path: Path) -> None:
    audit = store.load(path)
    scorecard, diagnosis = score(audit), diagnose(audit)
    roadmap = build_roadmap(audit, scorecard, diagnosis)
    page = BeautifulSoup(_html(path, "en"), "html.parser")
    cover = page.select_one("#cover").get_text(" ")
    assert audit.engagement.client in cover and f"Audit round {audit.engagement.round}" in cover
    if audit.engagement.consultant:
        assert audit.engagement.consultant in cover
    summary = page.select_one("#summary")
    assert summary.select_one(".score-ring, svg, .headline") is not None
    assert f"maturity level {scorecard.level.number} of 5" in summary.select_one(".verdict").get_text(" ")
    top = [item.get_text() for item in summary.select("ol.top-findings > li")]
    assert top == [ENGLISH.text(finding.title) for finding in key_problems(diagnosis.findings, audit)]
    serious = [finding for finding in diagnosis.findings if finding.severity.value != "info"]
    assert min(3, len(serious)) <= len(top) <= 5 and not summary.select(".rule-id")
    moves = [item.select_one("strong").get_text() for item in summary.select("ol.moves > li")]
    assert moves == [ENGLISH.text(action.title) for action in roadmap.actions[:3]]
    last = roadmap.stages[-1]
    outlook = " ".join(summary.select_one(".outlook").get_text(" ").split())
    assert f"projected at {Formatter(Language.EN).number(last.projected_overall)} out of 100" in outlook
    if roadmap.backlog:
        assert (
            f"{len(roadmap.backlog)} further action" in outlook or f"{len(roadmap.backlog)} action" in outlook
        )
    load = " ".join(page.select_one("#roadmap .plan-load").get_text(" ").split())
    assert "The plan takes" in load
    if roadmap.backlog:
        assert f"{len(roadmap.backlog)} action" in load and ENGLISH.text(roadmap.shortfall) in load
    assert page.select_one("#context #chart-stakeholders") is not None
    scorecard_text = page.select_one("#scorecard").get_text(" ")
    assert all(channel.name in scorecard_text for channel in audit.channels)
    assert page.select_one("#scorecard #chart-matrix") is not None
    assert page.select_one("#benchmark #chart-peers") is not None
    strategy = page.select_one("#strategy").get_text(" ")
    assert "Strategy completeness" in strategy and "Organisation readiness" in strategy
    blocks = page.select("#findings [data-rule]")
    assert [block["data-rule"] for block in blocks] == [
        finding.rule for _, group in _themes(diagnosis) for finding in group
    ]
    for card in page.select("#findings article.finding"):
        seeds = card.select_one(".seeds").get_text()
        assert any(title in seeds for title in SEED_TITLES), seeds
    assert all(row.select_one(".badge.minor, .badge.info") for row in page.select("#findings tr[data-rule]"))
    road = page.select_one("#roadmap")
    assert len(road.select(".stage")) == len(roadmap.stages)
    assert [row["data-action"] for row in road.select("tr[data-action]")] == [
        action.id for action in (*roadmap.actions, *roadmap.backlog)
    ]
    assert road.select_one("#chart-timeline") and road.select_one("#chart-projection")
    method = page.select_one("#methodology").get_text(" ")
    assert not any(key in method for key in WEIGHTS) and "appendix" in method
    assert page.select_one("#appendix") is None
    with_appendix = render_report(audit, "en", appendix=True)
    details = BeautifulSoup(with_appendix, "html.parser").select_one("#appendix").get_text(" ")
    assert all(ENGLISH.text(weight.label) in details for weight in WEIGHTS.values())
    assert all(title in details for title in SEED_TITLES)


def _themes(diagnosis: Diagnosis) -> list[tuple[Theme, list[Finding]]]:
    return [(theme, [f for f in diagnosis.findings if f.theme is theme]) for theme in Theme]


def test_french_methodology_translates_benchmark_units() -> None:
    bakery = next(path for path in EXAMPLES if path.name.startswith("boulangerie-martin."))
    french = render_report(store.load(bakery), "fr", appendix=True)
    assert "publications/semaine" in french and "posts/week" not in french.split('id="appendix"')[1]


def test_every_label_the_report_uses_exists_in_both_languages() -> None:
    package = Path(cli.__file__).parent
    sources = [
        *TEMPLATES_DIR.rglob("*.j2"),
        *(package / "report").glob("*.py"),
        *(package / "charts").glob("*.py"),
    ]
    used: set[str] = set()
    for source in sources:
        used |= set(re.findall(r'(?:\bt|label)\("([a-z_0-9.]+)"', source.read_text()))
    used |= {f"report.section.{name}" for name in SECTIONS[1:]} | {
        f"report.seed.{seed}" for seed in SEED_ARTICLES
    }
    assert len(used) > 80
    prefixes = {label for label in used if label.endswith(".")}
    for language in languages():
        ids = set(catalogue(language))
        assert used - prefixes - ids == set(), language
        assert {prefix for prefix in prefixes if not any(i.startswith(prefix) for i in ids)} == set(), (
            language
        )
    for language in ("en", "fr"):
        for message_id in catalogue(language):
            if message_id.split(".")[0] in {"report", "chart", "enum"}:
                assert catalogue(language).text(message_id, 2).strip(), (language, message_id)


def test_templates_hold_no_words_of_their_own() -> None:
    for template in TEMPLATES_DIR.rglob("*.j2"):
        text = re.sub(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", " ", template.read_text(), flags=re.S)
        text = re.sub(r"<(style|script|code)\b.*?</\1>|<[^>]*>", " ", text, flags=re.S)
        assert not re.findall(r"[^\W\d_]{2,}", text), template.name


def test_inline_scripts_are_exactly_those_the_csp_allows() -> None:
    html = _html(EXAMPLES[0], "en")
    allowed = set(re.findall(r"'(sha256-[^']+)'", _csp(html)))
    executable = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(executable) == 1
    packed = re.search(r'<script type="application/octet-stream" id="plotly-gzip">(.*?)</script>', html, re.S)
    assert packed is not None
    plotly = gzip.decompress(base64.b64decode(packed.group(1)))
    assert plotly == plotly_js().encode()
    assert allowed == {_sha256(executable[0]), _sha256(plotly)}


def test_plain_embedding_runs_the_same_plotly_without_decompression() -> None:
    audit = store.load(EXAMPLES[0])
    html = render_report(audit, embedding="plain")
    assert 'id="plotly-gzip"' not in html
    executable = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(executable) == 2 and executable[0] == plotly_js()
    assert set(re.findall(r"'(sha256-[^']+)'", _csp(html))) == {_sha256(text) for text in executable}
    assert len(html.encode()) > len(_html(EXAMPLES[0], audit.engagement.language).encode()) + 700_000
    with pytest.raises(ValueError, match="gzip, plain"):
        render_report(audit, embedding="zip")  # type: ignore[arg-type]


def test_vendored_plotly_matches_plotly_py() -> None:
    from plotly.offline import get_plotlyjs_version

    assert plotly_js_version() == get_plotlyjs_version()


# -- formatting --------------------------------------------------------------------------------------


def test_numbers_dates_and_percentages_per_language() -> None:
    fr, en = Formatter(Language.FR), Formatter(Language.EN)
    assert fr.decimal(1234.5, 1) == "1\u202f234,5" and en.decimal(1234.5, 1) == "1,234.5"
    assert fr.percent(0.12) == "12\u00a0%" and en.percent(0.12) == "12%"
    assert (
        fr.date(date(2026, 11, 23)) == "23 novembre 2026"
        and en.date(date(2026, 11, 23)) == "23 November 2026"
    )
    assert fr.date(date(2026, 11, 1)) == "1er novembre 2026"
    assert fr.money(1234, "EUR") == "1\u202f234\u00a0€" and en.money(1234, "EUR") == "€1,234"
    assert en.money(50, "CHF") == "CHF\u00a050"
    assert fr.rate(0.00811) == "0,0081\u00a0%" and en.rate(31) == "31%"
    assert fr.number(None) == "—" and fr.colon == "\u00a0:" and en.colon == ":"


def test_number_formats_match_babel_cldr() -> None:
    babel = pytest.importorskip("babel.numbers")
    for value in (0, 7, 12.5, 999.99, 1234.5, 98765432.1, -4321.25):
        for code, locale in (("fr", "fr"), ("en", "en_GB")):
            ours = Formatter(Language(code)).decimal(value, 2)
            assert ours == babel.format_decimal(value, locale=locale, decimal_quantization=False), (
                code,
                value,
            )
        assert Formatter(Language.FR).percent(value / 100) == babel.format_percent(value / 100, locale="fr")


def test_script_json_cannot_end_its_script_or_open_a_comment() -> None:
    value = {"text": "</script><!-- \u2028 \u2029 & <b>", "nan": float("nan"), "list": [float("inf"), 1.5]}
    text = str(script_json(value))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"text": value["text"], "nan": None, "list": [None, 1.5]}


def test_only_http_urls_become_links() -> None:
    assert safe_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    for url in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "http:",
        "",
    ):
        assert safe_url(url) == ""


# -- escaping of everything a user types ---------------------------------------------------------


def _free_text_slots(model: BaseModel) -> Iterator[tuple[BaseModel, str, bool]]:
    """Every (model, field, is_list) holding free text: strings, optional strings, lists of strings."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _free_text_slots(value)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for item in value:
                yield from _free_text_slots(item)
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, BaseModel):
                    yield from _free_text_slots(item)
        elif isinstance(value, list) or value is None or type(value) is str:
            yield model, name, isinstance(value, list)


def payload_audit() -> tuple[Audit, int]:
    """An example audit with a script or HTML payload in every field that accepts free text.

    Returns the audit and how many fields were filled.
    """
    audit = store.load(EXAMPLES[0])
    roadmap = build_roadmap(audit)
    audit.settings.benchmarks = [
        BenchmarkRow(
            platform="facebook",
            industry="x",
            metric="x",
            value=1,
            year=2024,
            source_title="x",
            source_url="x",
        )
    ]
    audit.roadmap.added = [ManualAction(id="manual-payload", stage=1, title_en="x", title_fr="x")]
    audit.roadmap.edits = [ActionEdit(action_id=roadmap.actions[0].id, note="x", title_en="x", title_fr="x")]
    filled = 0
    for number, (model, name, is_list) in enumerate(_free_text_slots(audit)):
        payload = PAYLOADS[number % len(PAYLOADS)]
        try:
            setattr(model, name, [payload, PAYLOADS[(number + 1) % len(PAYLOADS)]] if is_list else payload)
        except ValidationError:
            continue
        filled += 1
    return Audit.model_validate(audit.model_dump()), filled


def test_payloads_reach_every_free_text_field() -> None:
    audit, filled = payload_audit()
    assert filled > 60
    dumped = audit.model_dump_json()
    for payload in PAYLOADS:
        assert json.dumps(payload)[1:-1] in dumped
    assert audit.engagement.client in PAYLOADS and audit.channels[0].name in PAYLOADS


@pytest.mark.parametrize("language", ["en", "fr"])
def test_user_text_is_escaped_in_the_html(language: str) -> None:
    audit, _ = payload_audit()
    html = render_report(audit, language)
    assert "<script>alert" not in html and "<img src=x" not in html.replace("&lt;img", "")
    assert not re.search(r"<img[^>]*onerror", html)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
    assert html.count("<script") == 3 + CHART_COUNT
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "{{7*7}}" in html
    assert html.count('class="report-section') == len(SECTIONS)


# -- branding ----------------------------------------------------------------------------------------


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0"))
        + chunk(b"IEND", b"")
    )


def test_branding_puts_name_logo_and_colours_on_the_report(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(_png())
    branding_file = tmp_path / "brand.toml"
    branding_file.write_text(
        'name = "Cap <Audience>"\nlogo = "logo.png"\nprimary = "#123"\naccent = "#A0B0C0"\n'
    )
    branding = load_branding(branding_file)
    assert branding.primary == "#112233" and branding.accent == "#a0b0c0"
    assert branding.logo.startswith("data:image/png;base64,")
    html = render_report(store.load(EXAMPLES[0]), "en", branding)
    assert f'src="{branding.logo}"' in html
    assert "--primary: #112233; --accent: #a0b0c0;" in html
    assert "Cap &lt;Audience&gt;" in html
    assert '"color":"#112233"' in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("brand.toml", 'primary = "red"', r"primary: 'red' is not a colour \(expected #rgb or #rrggbb"),
        ("brand.toml", 'accent = "#12345"', "accent: '#12345' is not a colour"),
        (
            "brand.json",
            '{"name": "x", "colour": "#fff"}',
            r"unknown field\(s\) colour \(valid fields: name, logo",
        ),
        ("brand.json", '{"name": 3}', "name: expected a text, got int 3"),
        ("brand.json", '{"name": "x",\n}', "line 2 column 1: not valid JSON"),
        ("brand.toml", "name = ", "not valid TOML"),
        ("brand.toml", 'logo = "missing.png"', "missing.png does not exist"),
        ("brand.toml", 'logo = "fake.png"', "is not a image/png file"),
        ("brand.toml", 'logo = "logo.bmp"', "is not a supported image"),
        ("brand.yaml", "name: x", "ends in .json or .toml"),
    ],
)
def test_branding_errors_name_the_file_and_the_field(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / "fake.png").write_text("not an image")
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(BrandingError, match=message) as error:
        load_branding(path)
    assert str(path) in str(error.value)
    assert str(path) in error.value.text("fr") and error.value.text("fr") != str(error.value)


def test_branding_file_missing(tmp_path: Path) -> None:
    with pytest.raises(BrandingError, match="no such file"):
        load_branding(tmp_path / "nope.toml")


@contextmanager
def _no_longer_than(seconds: int) -> Iterator[None]:
    """Fail the test, instead of hanging it, if the block takes longer than ``seconds``."""

    def hung(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_pipe_or_a_device_as_logo_or_branding_file_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "logo.png")
    os.mkfifo(tmp_path / "pipe.toml")
    branding_file = tmp_path / "brand.toml"
    branding_file.write_text('logo = "logo.png"\n')
    with _no_longer_than(10):
        with pytest.raises(BrandingError, match=r"logo\.png is a named pipe \(FIFO\), not a regular file"):
            load_branding(branding_file)
        with pytest.raises(BrandingError, match=r"pipe\.toml: is a named pipe \(FIFO\), not a regular file"):
            load_branding(tmp_path / "pipe.toml")
        (tmp_path / "zero.png").symlink_to("/dev/zero")
        with pytest.raises(BrandingError, match=r"zero\.png is a character device, not a regular file"):
            load_branding(_branding_with_logo(tmp_path, "zero.png"))


def _branding_with_logo(folder: Path, logo: str) -> Path:
    branding_file = folder / "logo-brand.json"
    branding_file.write_text(json.dumps({"logo": logo}))
    return branding_file


def test_a_huge_logo_or_branding_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    with (tmp_path / "huge.png").open("wb") as handle:
        handle.truncate(2**30)
    with (tmp_path / "huge.toml").open("wb") as handle:
        handle.truncate(2**30)
    tracemalloc.start()
    try:
        with pytest.raises(BrandingError, match=r"huge\.png is 1,048,576 KiB \(at most 512 KiB"):
            load_branding(_branding_with_logo(tmp_path, "huge.png"))
        with pytest.raises(
            BrandingError, match=r"huge\.toml: is 1,048,576 KiB, too large for a branding file"
        ):
            load_branding(tmp_path / "huge.toml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20


SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">'
)


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<script>alert(1)</script>", "a <script> element (line 2)"),
        ('<svg:script xmlns:svg="http://www.w3.org/2000/svg">x</svg:script>', "a <script> element"),
        (
            '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>',
            "a <foreignObject> element",
        ),
        ('<rect width="8" height="8" onload="alert(1)"/>', "an event handler onload on <rect> (line 2)"),
        ('<rect width="8" height="8" ONCLICK="alert(1)"/>', "an event handler ONCLICK on <rect>"),
        (
            '<image href="https://evil.example/t.png"/>',
            'a reference href="https://evil.example/t.png" on <image>',
        ),
        (
            '<use xlink:href="http://evil.example/a.svg#x"/>',
            'a reference href="http://evil.example/a.svg#x" on <use>',
        ),
        ('<a href=" jav&#x09;ascript:alert(1)"><rect/></a>', "a reference href="),
        ('<set attributeName="href" to="javascript:alert(1)"/>', "an animation of href on <set>"),
        ('<rect style="fill: url(https://evil.example/x)"/>', "a reference style="),
        ("<style>@import url(https://evil.example/x.css);</style>", "a stylesheet importing or linking"),
        (
            '<?xml-stylesheet href="https://evil.example/x.css"?><rect/>',
            "a processing instruction <?xml-stylesheet?>",
        ),
    ],
)
def test_an_svg_logo_that_could_run_code_or_fetch_something_is_refused_naming_it(
    tmp_path: Path, body: str, found: str
) -> None:
    (tmp_path / "logo.svg").write_text(f"{SVG_OPEN}\n{body}\n</svg>\n")
    with pytest.raises(BrandingError) as refused:
        load_branding(_branding_with_logo(tmp_path, "logo.svg"))
    assert found in str(refused.value)
    assert "an SVG logo is embedded only without scripts, event handlers" in str(refused.value)
    assert "un logo SVG n'est intégré que sans script" in refused.value.text("fr")


def test_an_svg_logo_with_a_doctype_or_not_svg_is_refused(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text('<!DOCTYPE svg [<!ENTITY x "y">]>\n<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>')
    with pytest.raises(BrandingError, match=r"a DOCTYPE or entity declaration \(line 1\)"):
        load_branding(_branding_with_logo(tmp_path, "logo.svg"))
    logo.write_text("<svg><g></svg>")
    with pytest.raises(BrandingError, match=r"is not a well-formed SVG image \(line 1: mismatched tag\)"):
        load_branding(_branding_with_logo(tmp_path, "logo.svg"))
    logo.write_text("<html><svg/></html>")
    with pytest.raises(BrandingError, match=r"is not an SVG image \(no <svg> element\)"):
        load_branding(_branding_with_logo(tmp_path, "logo.svg"))


def test_a_plain_svg_logo_with_inner_references_is_embedded(tmp_path: Path) -> None:
    svg = (
        f'{SVG_OPEN}<defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
        '<rect id="r" width="4" height="4"/></defs><rect width="8" height="8" fill="url(#g)"/>'
        '<use xlink:href="#r"/><image href="data:image/png;base64,iVBORw0KGgo="/>'
        "<style>rect { fill: url(#g); }</style></svg>"
    )
    (tmp_path / "logo.svg").write_text(svg)
    branding = load_branding(_branding_with_logo(tmp_path, "logo.svg"))
    assert base64.b64decode(branding.logo.removeprefix("data:image/svg+xml;base64,")).decode() == svg


# -- writing, PDF, command line ----------------------------------------------------------------------


def test_pdf_without_chromium_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium-here"))
    target = tmp_path / "out" / "report.html"
    with pytest.raises(ChromiumNotFoundError, match=f"{CHROMIUM_ENV}=.*is not an executable file"):
        write_report(store.load(EXAMPLES[0]), target, pdf=True)
    assert not target.parent.exists()
    assert cli.main(["report", str(EXAMPLES[0]), "-o", str(target), "--pdf"]) == 1
    assert "is not an executable file" in capsys.readouterr().err
    assert not target.exists()
    monkeypatch.delenv(CHROMIUM_ENV)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert cli.main(["report", str(EXAMPLES[0]), "-o", str(target), "--pdf"]) == 1
    err = capsys.readouterr().err
    assert "--pdf needs headless Chromium, which is not installed" in err and "apt install chromium" in err
    assert not target.exists()


def test_pdf_failure_names_the_file_and_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = tmp_path / "chromium"
    failing.write_text("#!/bin/sh\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setenv(CHROMIUM_ENV, str(failing))
    (tmp_path / "report.html").write_text("<html></html>")
    with pytest.raises(AuditkitError, match=r"could not print the report \(exit 3: no message\)") as error:
        html_to_pdf(tmp_path / "report.html", tmp_path / "report.pdf")
    assert "code de sortie 3 : aucun message" in error.value.text("fr").replace("\u00a0", " ")
    assert not (tmp_path / "report.pdf").exists()


def test_report_command_writes_the_chosen_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    assert cli.main(["report", str(EXAMPLES[0]), "-o", str(target), "--lang", "fr"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert '<html lang="fr"' in target.read_text()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", str(EXAMPLES[0]), "--lang", "en"]) == 0
    default = tmp_path / EXAMPLES[0].name.replace(".audit.json", ".html")
    assert '<html lang="en"' in default.read_text()


def test_report_command_reports_a_bad_audit_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.audit.json"
    bad.write_text("{")
    assert cli.main(["report", str(bad), "-o", str(tmp_path / "bad.html")]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    assert not (tmp_path / "bad.html").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["report"],
        ["report", "a.audit.json", "--batch", "."],
        ["report", "--batch", "."],
        ["report", "a.audit.json", "-j", "0"],
        ["report", "a.audit.json", "--lang", "de"],
    ],
)
def test_report_command_argument_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
    assert "usage: auditkit report" in capsys.readouterr().err


def test_batch_skips_a_bad_file_renders_the_others_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = tmp_path / "audits", tmp_path / "reports"
    folder.mkdir()
    for path in EXAMPLES:
        shutil.copy(path, folder / path.name)
    (folder / "broken.audit.json").write_text('{"schema_version": 2, "engagement": {}}')
    (folder / "notes.txt").write_text("not an audit")
    status = cli.main(["report", "--batch", str(folder), "-o", str(out), "-j", "2", "--lang", "en"])
    captured = capsys.readouterr()
    assert status == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.name.replace(".audit.json", ".html") for p in EXAMPLES)
    assert f"skipped: {folder / 'broken.audit.json'}" in captured.err
    assert f"{len(EXAMPLES) + 1}/{len(EXAMPLES) + 1}" in captured.err
    assert f"{len(EXAMPLES)} of {len(EXAMPLES) + 1} reports written" in captured.err
    for html in out.iterdir():
        assert '<html lang="en"' in html.read_text()
    assert cli.main(["report", "--batch", str(tmp_path / "nowhere"), "-o", str(out)]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_batch_reports_an_unexpected_error_in_the_reader_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "write_report", broken)
    results = batch.render_batch([EXAMPLES[0]], tmp_path)
    assert results[0].reason("en") == f"{EXAMPLES[0]}: unexpected RuntimeError: boom (please report it)"
    stream = io.StringIO()
    batch.ProgressBar(stream, lang="fr")(1, 1, results[0])
    skipped = f"ignoré : {EXAMPLES[0]} : erreur inattendue RuntimeError : boom (merci de la signaler)\n"
    assert stream.getvalue().replace("\u00a0", " ").startswith(skipped)


def test_every_skipped_file_is_named_whatever_stopped_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unusable settings and an output that is a named pipe: the skip line names the audit file."""
    folder, out = tmp_path / "audits", tmp_path / "reports"
    folder.mkdir()
    out.mkdir()
    unusable = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    unusable["settings"]["weights"] = {"fit.reach": 0, "fit.resources": 0, "fit.goal": 0}
    (folder / "weights.audit.json").write_text(json.dumps(unusable), encoding="utf-8")
    shutil.copy(EXAMPLES[0], folder / "piped.audit.json")
    os.mkfifo(out / "piped.html")

    status = cli.main(["report", "--batch", str(folder), "-o", str(out), "--lang", "en"])

    skipped = [line for line in capsys.readouterr().err.splitlines() if line.startswith("skipped")]
    assert status == 1
    assert len(skipped) == 2
    assert skipped[0].startswith(
        f"skipped: {folder / 'piped.audit.json'}: {out / 'piped.html'}: is a named pipe"
    )
    assert skipped[1].startswith(f"skipped: {folder / 'weights.audit.json'}: settings.weights")
    assert stat.S_ISFIFO((out / "piped.html").stat().st_mode)


def test_batch_runs_at_most_one_process_per_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def write_pid(audit: Audit, path: Path, *args: object, **kwargs: object) -> list[Path]:
        time.sleep(0.2)  # long enough for every file to wait for a worker: the pool starts all it may
        path.write_text(str(os.getpid()))
        return [path]

    folder, out = tmp_path / "audits", tmp_path / "reports"
    folder.mkdir()
    for number in range(batch.max_jobs() + 4):
        shutil.copy(EXAMPLES[0], folder / f"client-{number}.audit.json")
    monkeypatch.setattr(batch, "write_report", write_pid)

    assert cli.main(["report", "--batch", str(folder), "-o", str(out), "-j", "1000"]) == 0

    workers = {report.read_text() for report in out.iterdir()}
    assert len(workers) <= batch.max_jobs()
    cores = batch.max_jobs()
    assert f"-j 1000: this computer has {cores} core" in capsys.readouterr().err


def test_batch_of_good_files_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "audits"
    folder.mkdir()
    shutil.copy(EXAMPLES[0], folder / EXAMPLES[0].name)
    assert cli.main(["report", "--batch", str(folder), "-o", str(tmp_path / "out")]) == 0


def test_demo_writes_the_report_in_both_languages(tmp_path: Path) -> None:
    run = auditkit.open(EXAMPLES[0])
    audit = run.audit
    written = cli._demo_report(run, tmp_path)
    own, other = (
        audit.engagement.language,
        next(lang for lang in languages() if lang != audit.engagement.language),
    )
    assert written == [tmp_path / "report.html", tmp_path / f"report.{other}.html"]
    assert f'<html lang="{own}"' in written[0].read_text()
    assert f'<html lang="{other}"' in written[1].read_text()


# -- notebook export ---------------------------------------------------------------------------------

NOTEBOOK_CODE = """\
import ipywidgets
import plotly.io as pio
from auditkit import charts, store
from auditkit.scoring import score
pio.renderers.default = "plotly_mimetype"
audit = store.load({path!r})
display(ipywidgets.IntSlider(value=3))
charts.channel_objective_heatmap(score(audit), audit, "fr")
"""
PLOTLY_NOTEBOOK_LOADER = (
    "<script type=\"text/javascript\">window.PlotlyConfig = {MathJaxConfig: 'local'};</script>"
    '<script charset="utf-8" src="https://cdn.plot.ly/plotly-3.0.1.min.js"></script>'
)
"""What plotly's "notebook" renderers put in a notebook before the first figure (here its CDN form)."""


def make_report_notebook(folder: Path) -> Path:
    """A small notebook that draws a report chart, shows a widget and carries plotly's loader output."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["auditkit"] = {"language": "fr"}
    loader = nbformat.v4.new_code_cell("import plotly.io")
    loader.outputs = [nbformat.v4.new_output("display_data", data={"text/html": PLOTLY_NOTEBOOK_LOADER})]
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Rapport d'audit\n\nLe tableau de bord du client."),
        loader,
        nbformat.v4.new_code_cell(NOTEBOOK_CODE.format(path=str(EXAMPLES[0]))),
    ]
    path = folder / "07_report.ipynb"
    nbformat.write(notebook, path)
    return path


def execute_notebook(path: Path) -> Path:
    """Run every cell of ``path`` with a real kernel, keeping the first cell's hand-made outputs."""
    from nbconvert.preprocessors import ExecutePreprocessor

    notebook = nbformat.read(path, as_version=4)
    loader_outputs = notebook.cells[1].outputs
    ExecutePreprocessor(timeout=120).preprocess(notebook, {"metadata": {"path": str(path.parent)}})
    notebook.cells[1].outputs = loader_outputs
    nbformat.write(notebook, path)
    return path


@pytest.mark.slow
def test_notebook_export_hides_code_and_embeds_plotly_once(tmp_path: Path) -> None:
    notebook = execute_notebook(make_report_notebook(tmp_path))
    assert "application/vnd.jupyter.widget-view+json" in notebook.read_text()
    html = export_notebook(notebook, tmp_path / "report.html").read_text()
    assert re.search(r'<html[^>]* lang="fr"', html)
    assert "Rapport d'audit" in html and "pio.renderers" not in html
    assert html.count('id="plotly-gzip"') == 1 and html.count("data-chart=") == 1
    assert "window.PlotlyConfig" not in html and "cdn.plot.ly" not in html and "require.js" not in html
    assert "widget-view" not in html and "IntSlider" not in html
    assert "default-src 'none'" in _csp(html)
    assert len(html.encode()) < 1_200_000
    ((_, figure),) = re.findall(
        r'<script data-chart="([^"]+)" type="application/json">(.*?)</script>', html, re.S
    )
    assert json.loads(figure)["data"][0]["type"] == "heatmap"


def test_notebook_export_of_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ipynb"
    bad.write_text("{")
    with pytest.raises(AuditkitError, match="cannot be read as a notebook"):
        export_notebook(bad, tmp_path / "out.html")
