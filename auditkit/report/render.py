"""Render an audit as one self-contained HTML file that works offline, in French or English.

The pipeline follows ydata-profiling's split: the audit's results (scorecard, diagnosis, roadmap) are
turned into a report structure (:func:`report_context`), then rendered by Jinja templates, one per
section or component, with autoescaping on. Charts are plotly figures from :mod:`auditkit.charts`,
embedded as JSON and drawn by one ``Plotly.newPlot`` each; plotly.js itself is embedded once, from
the vendored "cartesian" partial bundle, gzip-compressed and base64-encoded (the browser inflates it
with ``DecompressionStream``), or plain.

A Content-Security-Policy in the page forbids every network request and every script but the
report's own (listed by hash), so even a mistake in escaping could not load or run anything.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import jinja2
import plotly.graph_objects as go
from markupsafe import Markup

from auditkit import __version__, charts
from auditkit.benchmarks import (
    POSTS_PER_WEEK,
    BenchmarkIndex,
    band_label,
    industry_label,
    metric_definitions,
)
from auditkit.diagnose import RULES, Finding, Theme
from auditkit.locale import formats
from auditkit.locale.catalogue import catalogue
from auditkit.locale.formatter import Formatter, Readable
from auditkit.locale.message import Message
from auditkit.model import Audit, BenchmarkRow, Language, ObjectiveKind
from auditkit.platforms import Platform
from auditkit.report.branding import DEFAULT_BRANDING, Branding
from auditkit.report.evidence import evidence_rows, subject_names
from auditkit.report.markdown import render_markdown
from auditkit.report.paging import running_footer
from auditkit.report.summary import FIRST_MOVES, executive_summary, key_problems
from auditkit.roadmap import Roadmap
from auditkit.run import AuditRun
from auditkit.scoring import MATURITY_LEVELS, WEIGHTS, Scorecard
from auditkit.thresholds import (
    RESPONSE_PREFIX,
    RESPONSE_SOURCES,
    THRESHOLDS,
    Threshold,
    response_key,
    thresholds_for,
)
from auditkit.verdicts import Verdicts

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR / "assets"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
PLOTLY_BUNDLE = ASSETS_DIR / "plotly-cartesian.min.js"

SECTIONS = (
    "cover",
    "summary",
    "context",
    "scorecard",
    "benchmark",
    "strategy",
    "findings",
    "roadmap",
    "methodology",
)
"""The report's sections, in order (each is one ``<section class="report-section">``); the technical
appendix (:data:`APPENDIX`) follows them only when asked for."""
APPENDIX = "appendix"

Embedding = Literal["gzip", "plain"]

CHART_CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True, "displayModeBar": False}
"""plotly.js options of every chart of a page: it follows its column's width, without a toolbar over it."""
SEED_ARTICLES = ("000", "001", "002", "003", "004")
"""The source articles of the method (``Finding.seeds``), by their number; titles are ``report.seed.<n>``."""


@dataclass(frozen=True)
class Chart:
    """One figure of the report: its element id, title and figure JSON (safe inside ``<script>``)."""

    id: str
    title: str
    json: Markup


@dataclass(frozen=True)
class ScriptBlock:
    """An inline script of the page and its CSP hash."""

    text: Markup
    digest: str


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so neither ``</script>`` nor
    ``<!--`` can appear), as do the line separators U+2028 and U+2029; non-finite numbers become
    ``null``. ``JSON.parse`` gives back the original strings.
    """
    text = json.dumps(_finite(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return Markup(text)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def safe_url(url: str) -> str:
    """``url`` if it is an absolute http(s) address, else "" (so ``javascript:`` never becomes a link)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in {"http", "https"} and parts.netloc else ""


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital, as at the start of a table cell."""
    return text[:1].upper() + text[1:]


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def asset_text(name: str) -> str:
    return (ASSETS_DIR / name).read_text(encoding="utf-8")


@cache
def plotly_js() -> str:
    """The vendored plotly.js partial bundle's source."""
    return PLOTLY_BUNDLE.read_text(encoding="utf-8")


def plotly_js_version() -> str:
    """Version of the vendored bundle (npm ``plotly.js-cartesian-dist-min``), read from its header."""
    found = re.search(r"plotly\.js \(cartesian - minified\) v(\S+)", plotly_js()[:300])
    return found.group(1) if found else "unknown"


@cache
def plotly_gzip_base64() -> str:
    """The bundle gzip-compressed (level 9, no timestamp: the same bytes every run) in base64."""
    return base64.b64encode(gzip.compress(plotly_js().encode("utf-8"), 9, mtime=0)).decode("ascii")


@cache
def _plotly_digest() -> str:
    return _digest(plotly_js())


@cache
def plotly_locale(language: str) -> dict[str, Any] | None:
    """plotly.js's own texts (menus, date names) in ``language``; None for English, its built-in one."""
    path = ASSETS_DIR / f"plotly-locale-{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__auditkit_{__version__}_typeset_%s.cache")
    except (OSError, RuntimeError):
        return None


@cache
def template_environment() -> jinja2.Environment:
    """The report's Jinja environment: autoescaping on, undefined names are errors.

    Compiled templates are cached in Jinja's per-user folder of the temporary directory, which saves
    each new process (a command, a batch worker) compiling them again.
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_typeset,
    )
    environment.filters["safe_url"] = safe_url
    environment.filters["capitalised"] = capitalised
    environment.globals["running_footer"] = running_footer
    return environment


@jinja2.pass_context
def _typeset(context: jinja2.runtime.Context, value: Any) -> Any:
    """Every text the report prints, the consultant's own words included, in the language's typography."""
    lang = context.get("lang")
    if lang and isinstance(value, str) and not isinstance(value, Markup):
        return formats.typography(value, lang)
    return value


def content_security_policy(script_digests: Iterable[str]) -> str:
    """The page's CSP: no network at all, only the listed inline scripts, inline styles, data: images."""
    scripts = " ".join(f"'{digest}'" for digest in script_digests) or "'none'"
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class Scripts:
    """The inline scripts that draw the charts: plotly.js, embedded once, and the chart loader.

    Exactly one of ``plotly`` (the plain bundle, executed as it is) and ``plotly_gzip`` (base64 gzip
    data in a non-executed block, inflated and run by the loader) is set.
    """

    loader: ScriptBlock
    plotly: ScriptBlock | None = None
    plotly_gzip: Markup | None = None

    @property
    def digests(self) -> tuple[str, str]:
        """The CSP hashes to allow: the loader and plotly.js (the same however it is embedded)."""
        return (self.loader.digest, _plotly_digest())


def chart_scripts(embedding: Embedding = "gzip") -> Scripts:
    """The page's scripts for ``embedding`` ("gzip" or "plain")."""
    loader = asset_text("report.js")
    block = ScriptBlock(Markup(loader), _digest(loader))
    if embedding == "plain":
        return Scripts(block, plotly=ScriptBlock(Markup(plotly_js()), _plotly_digest()))
    if embedding == "gzip":
        return Scripts(block, plotly_gzip=Markup(plotly_gzip_base64()))
    raise ValueError(f"unknown plotly embedding {embedding!r} (one of: gzip, plain)")


def figure_chart(chart_id: str, figure: go.Figure) -> Chart:
    """A :class:`Chart` from a plotly figure (its JSON made safe for an inline script)."""
    layout = figure.layout
    title = layout.title.text if layout.title and layout.title.text else ""
    return Chart(chart_id, title, script_json(figure.to_plotly_json()))


def render_report(
    source: Audit | AuditRun,
    lang: Language | str | None = None,
    branding: Branding | None = None,
    *,
    embedding: Embedding = "gzip",
    appendix: bool = False,
    summary_only: bool = False,
) -> str:
    """The audit's report as one self-contained HTML document.

    Args:
        source: the audit, or its run (whose scorecard, diagnosis and roadmap are reused).
        lang: a catalogue language (default: ``audit.engagement.language``).
        branding: the consultant's name, logo and colours (default: none, auditkit's colours).
        embedding: how plotly.js is embedded: "gzip" (default, about 0.65 MB, inflated by the browser)
            or "plain" (1.5 MB, no decompression step).
        appendix: add the technical appendix (rule codes, field paths, settings), left out by default.
        summary_only: only the executive summary, as a one-page brief without charts.

    Raises:
        AuditkitError: the audit's settings hold an unknown weight or threshold.
    """
    context = report_context(source, lang, branding, appendix=appendix)
    if summary_only:
        context.update(css=Markup(asset_text("report.css")), csp=Markup.escape(content_security_policy(())))
        return template_environment().get_template("summary_only.html.j2").render(context)
    scripts = chart_scripts(embedding)
    context.update(
        scripts=scripts,
        csp=Markup.escape(content_security_policy(scripts.digests)),
        css=Markup(asset_text("report.css")),
        chart_config=script_json(
            {
                "plotly": CHART_CONFIG,
                "locale": context["f"].code,
                "localeModule": plotly_locale(context["f"].code),
                "failure": context["t"]("report.document.charts_failed"),
            }
        ),
    )
    return template_environment().get_template("report.html.j2").render(context)


def report_context(
    source: Audit | AuditRun,
    lang: Language | str | None = None,
    branding: Branding | None = None,
    *,
    appendix: bool = False,
) -> dict[str, Any]:
    """The report's structure: every value the templates show, charts included (no HTML yet).

    ``top_findings`` are the executive summary's key problems (ranked by consequence) and
    ``first_moves`` its first actions as ``(stage, action)`` pairs.
    """
    run = source if isinstance(source, AuditRun) else AuditRun(source)
    audit, scorecard, diagnosis, roadmap = run.audit, run.scorecard, run.reconciled.diagnosis, run.roadmap
    formatter = Formatter(lang or audit.engagement.language)
    language = formatter.code
    branding = branding or DEFAULT_BRANDING
    style = charts.ChartStyle(primary=branding.primary, accent=branding.accent)
    names = subject_names(audit)
    summary = executive_summary(run, formatter)
    action_titles = {
        action.id: formatter.text(action.title)
        for action in (*roadmap.actions, *roadmap.backlog, *roadmap.dropped)
    }
    from auditkit.report.progress import progress_section

    figures = report_figures(run, formatter, style)
    return {
        "audit": audit,
        "f": formatter,
        "t": formatter.label,
        "lang": language,
        "version": __version__,
        "branding": branding,
        "sections": [(name, _section_title(name, audit, formatter)) for name in SECTIONS]
        + ([("set-aside", formatter.label("report.set_aside.title"))] if diagnosis.set_aside else [])
        + ([(APPENDIX, formatter.label("report.section.appendix"))] if appendix else []),
        "appendix": appendix,
        "summary": summary,
        "overruled": [
            (channel, verdict)
            for channel, _, verdict in _channel_rows(audit, scorecard, run.reconciled)
            if verdict is not None and verdict.overruled
        ],
        "scorecard": scorecard,
        "diagnosis": diagnosis,
        "roadmap": roadmap,
        "charts": {name: figure_chart(f"chart-{name}", figure) for name, figure in figures.items()},
        "top_findings": key_problems(diagnosis.findings, audit),
        "first_moves": [(stage, action) for stage in roadmap.stages for action in stage.actions][
            :FIRST_MOVES
        ],
        "outlook": " ".join(summary.year),
        "evidence_rows": lambda finding: evidence_rows(finding.evidence, audit, formatter),
        "plan_load": _plan_load(roadmap, formatter),
        "stage_notes": lambda month: [n for n in roadmap.notes if n.params.get("month") == month],
        "general_notes": [n for n in roadmap.notes if _general_note(n, roadmap)],
        "themes": _findings_by_theme(diagnosis.findings),
        "subjects": lambda ids: [names.get(i, i) for i in ids if i],
        "titles": lambda ids: [action_titles.get(i, i) for i in ids],
        "seed_titles": lambda seeds: [_seed_title(seed, formatter) for seed in seeds],
        "seed_articles": [(seed, formatter.label(f"report.seed.{seed}")) for seed in SEED_ARTICLES],
        "value_text": lambda value: _value_text(value, formatter),
        "sentences": first_sentences,
        "channels": _channel_rows(audit, scorecard, run.reconciled),
        "benchmark_rows": _benchmark_rows(audit, scorecard),
        "metric_definitions": metric_definitions(),
        "band_label": band_label,
        "industry_label": industry_label,
        "weights": [
            (key, weight, scorecard.weights.get(key, weight.default)) for key, weight in WEIGHTS.items()
        ],
        "thresholds": _threshold_rows(audit),
        "response_thresholds": _response_rows(audit),
        "response_sources": formatter.text(RESPONSE_SOURCES),
        "maturity_levels": MATURITY_LEVELS,
        "rules": RULES,
        "not_assessed": diagnosis.not_assessed,
        "progress": progress_section(run, formatter),
        "set_aside": diagnosis.set_aside,
        "markdown": lambda text: render_markdown(text, language),
    }


def report_figures(
    run: AuditRun, formatter: Formatter, style: charts.ChartStyle | None = None
) -> dict[str, go.Figure]:
    """Every chart of the report, by name, in the report's order (the report notebook shows the same)."""
    audit, scorecard, diagnosis, roadmap = run.audit, run.scorecard, run.diagnosis, run.roadmap
    language = formatter.code
    style = style or charts.ChartStyle()
    return {
        "findings": charts.findings_by_theme(diagnosis, language, style),
        "overall": charts.contributions(
            scorecard.overall, formatter.label("report.summary.overall_score"), language, style
        ),
        "stakeholders": charts.stakeholder_platforms(audit, language, style),
        "health": charts.channel_health(scorecard, language, style),
        "matrix": charts.channel_objective_heatmap(scorecard, audit, language, style),
        "peers": charts.peer_benchmark(audit, language, style),
        "completeness": charts.contributions(
            scorecard.strategy_completeness, formatter.label("chart.contributions.title"), language, style
        ),
        "readiness": charts.contributions(
            scorecard.organisation_readiness, formatter.label("chart.contributions.title"), language, style
        ),
        "projection": charts.projected_scores(roadmap, scorecard, language, style),
        "timeline": charts.roadmap_timeline(roadmap, language, style),
    }


def _section_title(name: str, audit: Audit, formatter: Formatter) -> str:
    if name == "cover":
        return audit.engagement.client
    return formatter.label(f"report.section.{name}")


def _threshold_rows(audit: Audit) -> list[tuple[str, Threshold, float]]:
    values = thresholds_for(audit)
    return [
        (key, threshold, values[key])
        for key, threshold in THRESHOLDS.items()
        if not key.startswith(RESPONSE_PREFIX)
    ]


def _response_rows(audit: Audit) -> list[tuple[Platform, float, float]]:
    values = thresholds_for(audit)
    return [
        (platform, THRESHOLDS[response_key(platform)].default, values[response_key(platform)])
        for platform in Platform
        if response_key(platform) in THRESHOLDS
    ]


def _plan_load(roadmap: Roadmap, formatter: Formatter) -> list[str]:
    """The plan's hours against the team's capacity, and what waits beyond the year (with the remedy)."""
    needed = formatter.hours(roadmap.needed_hours)
    if roadmap.capacity_hours is None:
        return [formatter.label("report.roadmap.plan_uncapped", needed=needed)]
    capacity = formatter.hours(roadmap.capacity_hours)
    lines = [formatter.label("report.roadmap.plan_load", needed=needed, capacity=capacity)]
    if roadmap.backlog:
        backlog = formatter.hours(roadmap.backlog_hours)
        lines.append(
            formatter.label("report.roadmap.backlog_warning", count=len(roadmap.backlog), hours=backlog)
        )
    if roadmap.shortfall is not None:
        lines.append(formatter.text(roadmap.shortfall))
    return lines


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(A-ZÀ-ÖØ-Þ])")


def first_sentences(text: str, count: int) -> str:
    """The first ``count`` sentences of a text (a sentence ends with . ! or ? before a capital)."""
    return " ".join(SENTENCE_END.split(text)[:count])


def _general_note(note: Message, roadmap: Roadmap) -> bool:
    """Whether a roadmap note belongs under "Remarks": not a stage's capacity warning (shown in its stage),
    not the backlog or shortfall already said at the top of the section, not costs the body does not show."""
    if "month" in note.params or note.id.startswith("roadmap.shortfall.") or note.id == "roadmap.notes.costs":
        return False
    return not (roadmap.backlog and note.id == "roadmap.notes.backlog")


def _seed_title(seed: str, formatter: Formatter) -> str:
    title = f"report.seed.{seed}"
    return f"{seed} — {formatter.label(title)}" if title in catalogue(formatter.code) else seed


def _findings_by_theme(findings: Iterable[Finding]) -> list[tuple[Theme, list[Finding]]]:
    grouped: dict[Theme, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.theme, []).append(finding)
    return [(theme, grouped[theme]) for theme in Theme if theme in grouped]


def _channel_rows(audit: Audit, scorecard: Scorecard, verdicts: Verdicts) -> list[tuple[Any, Any, Any]]:
    """Each channel, its scores and its reconciled verdict (``None`` when it was not scored)."""
    scored = {item.channel_id: item for item in scorecard.channels}
    verdict = {item.channel_id: item for item in verdicts.channels}
    return [(channel, scored.get(channel.id), verdict.get(channel.id)) for channel in audit.channels]


def _benchmark_rows(audit: Audit, scorecard: Scorecard) -> list[BenchmarkRow]:
    index = BenchmarkIndex(audit)
    rows: list[BenchmarkRow] = [item.benchmark for item in scorecard.channels if item.benchmark]
    rows += [
        match.row
        for channel in audit.channels
        if channel.is_social
        for metric in (POSTS_PER_WEEK, *([channel.engagement.definition] if channel.engagement else []))
        for match in [index.closest(channel, metric)]
        if match is not None and match.comparable and match.row is not None
    ]
    rows += audit.settings.benchmarks
    unique: dict[tuple[Any, ...], BenchmarkRow] = {}
    for row in rows:
        unique.setdefault((row.platform, row.industry, row.metric, row.year, row.source_title), row)
    return sorted(unique.values(), key=lambda row: (row.platform.value, row.metric, -row.year))


def _value_text(value: object, formatter: Formatter) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return formatter.label(f"report.document.{'yes' if value else 'no'}")
    if isinstance(value, ObjectiveKind):
        return capitalised(formatter.enum(value))
    if isinstance(value, Enum):
        return formatter.enum(value)
    if isinstance(value, int | float):
        return formatter.decimal(value, 2)
    if isinstance(value, date):
        return formatter.date(value)
    if callable(value):
        return formatter.text(cast(Readable, value))
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_value_text(item, formatter) for item in value)
    return str(value)
