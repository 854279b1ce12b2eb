"""The package's public face: its names, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys

import auditkit


def test_the_public_names_are_pinned() -> None:
    assert auditkit.__all__ == ["SCHEMA_VERSION", "Audit", "AuditRun", "__version__", "load", "open", "save"]
    for name in auditkit.__all__:
        assert getattr(auditkit, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        auditkit.nothing  # noqa: B018
    except AttributeError as error:
        assert "nothing" in str(error)
    else:
        raise AssertionError("auditkit.nothing did not raise")


def test_importing_the_package_and_the_cli_loads_no_heavy_library() -> None:
    heavy = ["pydantic", "plotly", "jinja2", "pandas", "babel", "ipywidgets", "openpyxl", "auditkit.scoring"]
    code = f"import sys, auditkit.cli; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
