"""The HTML audit report: one self-contained file, offline, in French or English.

``render_report(audit)`` gives the HTML; ``write_report(audit, path)`` writes it (and a PDF beside
it with ``pdf=True``); ``export_notebook(ipynb, html)`` exports an executed report notebook with the
same look, offline. Names are imported lazily so that :mod:`auditkit.report.i18n` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditkit.report.branding import Branding, BrandingError, load_branding
    from auditkit.report.notebook import export_notebook
    from auditkit.report.pdf import ChromiumNotFoundError, html_to_pdf
    from auditkit.report.render import render_report
    from auditkit.report.write import write_report

__all__ = [
    "Branding",
    "BrandingError",
    "ChromiumNotFoundError",
    "export_notebook",
    "html_to_pdf",
    "load_branding",
    "render_report",
    "write_report",
]

_HOMES = {
    "Branding": "branding",
    "BrandingError": "branding",
    "load_branding": "branding",
    "export_notebook": "notebook",
    "ChromiumNotFoundError": "pdf",
    "html_to_pdf": "pdf",
    "render_report": "render",
    "write_report": "write",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'auditkit.report' has no attribute {name!r}")
    return getattr(import_module(f"auditkit.report.{home}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
