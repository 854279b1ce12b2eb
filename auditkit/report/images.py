"""The report's charts as PNG images, for the Word and PowerPoint exports.

plotly.js (the bundle the HTML report embeds) draws every chart in one headless Chromium, with
``Plotly.toImage``, and the page hands the PNGs back through ``--dump-dom``: one browser start for all
the charts, no network (the page's Content-Security-Policy forbids every request), no other
dependency than the Chromium the PDF export already uses. A logo that Word cannot hold (SVG, WebP) is
drawn to a PNG by the same page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditkit.errors import AuditkitError
from auditkit.locale import Number, msg
from auditkit.report.pdf import CHROMIUM_FLAGS, find_chromium
from auditkit.report.render import Chart, asset_text, plotly_js, plotly_locale, script_json

CHART_WIDTH_PX = 640
"""Width each chart is drawn at, in CSS pixels: a Word page's text width at about 100 % zoom."""
SLIDE_CHART_WIDTH_PX = 520
"""Width of a chart drawn for a slide: its text stays readable across a room."""
SLIDE_PREFIX = "slide:"
CHART_SCALE = 2
"""Pixels per CSS pixel of the PNGs, sharp on screen and in print."""
CHART_TOP_MARGIN_PX = 24
"""Top margin of a chart without its title (the caption carries it)."""
VIRTUAL_TIME_BUDGET_MS = 20_000
LOGO_MAX_WIDTH_PX = 600
WORD_PICTURE_TYPES = ("image/png", "image/jpeg", "image/gif")
"""Picture types python-docx and python-pptx embed as they are."""
_DATA_URL = re.compile(r"^data:(?P<type>[\w.+-]+/[\w.+-]+);base64,(?P<data>[A-Za-z0-9+/=\s]*)$")
_IMAGES = re.compile(r'<pre id="images">(.*?)</pre>', re.DOTALL)


class ChartImagesError(AuditkitError):
    """Chromium could not draw the charts (it failed, timed out or returned no image)."""


@dataclass(frozen=True)
class Images:
    """The charts as PNG bytes by name (``slide_charts``: drawn narrower, to be read on a slide), and
    the logo as bytes Word can embed (None without a logo)."""

    charts: dict[str, bytes] = field(default_factory=dict)
    logo: bytes | None = None
    slide_charts: dict[str, bytes] = field(default_factory=dict)


def decode_data_url(url: str) -> tuple[str, bytes] | None:
    """The media type and bytes of a base64 ``data:`` URL, or None when it is not one."""
    found = _DATA_URL.match(url.strip())
    if not found:
        return None
    try:
        return found.group("type").lower(), base64.b64decode(found.group("data"), validate=False)
    except ValueError:
        return None


def render_images(
    charts: Mapping[str, Chart],
    language: str,
    logo: str = "",
    slide_charts: Iterable[str] = (),
    timeout: float = 120,
) -> Images:
    """Every chart of ``charts`` as a PNG (its title left to the caption), and the logo embeddable.

    Args:
        charts: the report's charts (``report_context(...)["charts"]``).
        language: the charts' language, for plotly's number and date formats.
        logo: the branding's logo as a ``data:`` URL ("" for none).
        slide_charts: the names of the charts also wanted for a slide.

    Raises:
        ChromiumNotFoundError: no headless Chromium is installed.
        ChartImagesError: Chromium failed, timed out, or drew no image for a chart.
    """
    chromium = find_chromium()
    decoded = decode_data_url(logo) if logo else None
    ready_logo = decoded[1] if decoded and decoded[0] in WORD_PICTURE_TYPES else None
    pictures = {"logo": logo} if decoded and ready_logo is None else {}
    wanted = {
        **{name: (chart, CHART_WIDTH_PX) for name, chart in charts.items()},
        **{SLIDE_PREFIX + name: (charts[name], SLIDE_CHART_WIDTH_PX) for name in slide_charts},
    }
    drawn = _draw(chromium, _job(wanted, language, pictures), timeout) if wanted or pictures else {}
    pngs = {name: _png(drawn["charts"].get(name, ""), name) for name in wanted}
    if pictures:
        ready_logo = _png(drawn["pictures"].get("logo", ""), "logo")
    return Images(
        {name: pngs[name] for name in charts},
        ready_logo,
        {name: pngs[SLIDE_PREFIX + name] for name in slide_charts},
    )


def _job(
    charts: Mapping[str, tuple[Chart, int]], language: str, pictures: Mapping[str, str]
) -> dict[str, Any]:
    jobs = {}
    for name, (chart, width) in charts.items():
        figure = json.loads(str(chart.json))
        height = int(figure.get("layout", {}).get("height") or 400)
        top = int(figure.get("layout", {}).get("margin", {}).get("t", 50))
        jobs[name] = {
            "figure": figure,
            "width": width,
            "height": max(120, height - max(0, top - CHART_TOP_MARGIN_PX)),
            "top": min(top, CHART_TOP_MARGIN_PX),
        }
    return {
        "charts": jobs,
        "pictures": {name: {"url": url, "max_width": LOGO_MAX_WIDTH_PX} for name, url in pictures.items()},
        "scale": CHART_SCALE,
        "language": language,
        "locale": plotly_locale(language),
    }


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _page(job: Mapping[str, Any]) -> str:
    plotly, loader = plotly_js(), asset_text("chart-images.js")
    csp = (
        f"default-src 'none'; script-src '{_digest(plotly)}' '{_digest(loader)}'; "
        "img-src data: blob:; style-src 'unsafe-inline'; font-src data:; connect-src 'none'"
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}"></head><body>'
        f'<script type="application/json" id="job">{script_json(job)}</script>'
        f"<script>{plotly}</script>"
        '<pre id="images"></pre>'
        f"<script>{loader}</script></body></html>"
    )


def _draw(chromium: Path, job: Mapping[str, Any], timeout: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="auditkit-images-") as folder:
        page = Path(folder) / "charts.html"
        page.write_text(_page(job), encoding="utf-8")
        command = [
            str(chromium),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}",
            "--dump-dom",
            page.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ChartImagesError(
                msg("export_documents.error.images_timeout", seconds=Number(timeout, grouping=False))
            ) from None
    found = _IMAGES.search(result.stdout)
    if result.returncode != 0 or not found or not found.group(1).strip():
        last_line = result.stderr.strip().splitlines()[-1:]
        raise ChartImagesError(
            msg(
                "export_documents.error.images_failed",
                chromium=str(chromium),
                code=str(result.returncode),
                detail=last_line[0] if last_line else "",
            )
        )
    drawn: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    if drawn.get("errors"):
        raise ChartImagesError(
            msg(
                "export_documents.error.images_failed",
                chromium=str(chromium),
                code=str(result.returncode),
                detail="; ".join(map(str, drawn["errors"])),
            )
        )
    return drawn


def _png(url: str, name: str) -> bytes:
    decoded = decode_data_url(url)
    if decoded is None or decoded[0] != "image/png" or not decoded[1]:
        raise ChartImagesError(msg("export_documents.error.image_missing", name=name))
    return decoded[1]
