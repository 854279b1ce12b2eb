"""Where the bundled data and notebooks are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def data_dir() -> Path:
    """The bundled ``data/`` folder: benchmarks, example audits, quiz bank."""
    return _bundled("data")


def examples_dir() -> Path:
    """The bundled example audits."""
    return data_dir() / "examples"


def notebooks_dir() -> Path:
    """The bundled notebooks."""
    return _bundled("notebooks")


def example_audits() -> list[Path]:
    """Every bundled example audit file, sorted by name."""
    return sorted(examples_dir().glob("*.audit.json"))
