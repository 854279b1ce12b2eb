"""Where the bundled data and notebooks are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

DEFAULT_EXAMPLE = "boulangerie-martin.audit.json"
"""The bundled example that the demo runs on and a new workspace starts from."""
WORKSPACE_AUDIT = "my-audit.audit.json"
"""The audit file a workspace's notebooks open when given none."""


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


def default_example() -> Path | None:
    """The bundled default example (the B2C bakery), else the first example, else ``None``."""
    examples = example_audits()
    preferred = [path for path in examples if path.name == DEFAULT_EXAMPLE]
    return next(iter(preferred or examples), None)
