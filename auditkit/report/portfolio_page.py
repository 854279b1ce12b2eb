"""The portfolio as one self-contained HTML page: a table of clients, sorted and filtered by a small script.

Like the report, the page loads nothing: its Content-Security-Policy allows only its own script (by
hash) and inline styles; every text is escaped by the report's Jinja environment.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from auditkit import __version__
from auditkit.compare.portfolio import Portfolio
from auditkit.locale.formatter import Formatter
from auditkit.report.render import ScriptBlock, asset_text, content_security_policy, template_environment

__all__ = ["render_portfolio"]


def _script() -> ScriptBlock:
    import base64
    import hashlib

    text = asset_text("portfolio.js")
    digest = "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return ScriptBlock(Markup(text), digest)


def render_portfolio(portfolio: Portfolio, lang: str) -> str:
    """The page listing ``portfolio``'s clients (and the files that could not be read) in ``lang``."""
    formatter = Formatter(lang)
    script = _script()
    context = {
        "f": formatter,
        "t": formatter.label,
        "lang": formatter.code,
        "version": __version__,
        "today": date.today(),
        "rows": portfolio.clients,
        "errors": portfolio.errors,
        "script": script,
        "csp": Markup.escape(content_security_policy([script.digest])),
        "css": Markup(asset_text("report.css")),
        "signed": lambda value: ("+" if value > 0 else "") + formatter.decimal(value, 1),
    }
    return template_environment().get_template("portfolio.html.j2").render(context)
