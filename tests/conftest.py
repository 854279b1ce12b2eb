"""Shared fixtures: a minimal valid audit, where to save it, and audit files that are broken on purpose."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditkit.locale.catalogue import BUNDLED, ENVIRONMENT, read_po_file, write_po
from auditkit.model import Audit, ClientProfile, Engagement, IndustryKind

PSEUDO = "qps"
"""A pseudo-language made of the English catalogue, accented and bracketed, to prove a language is files."""
_ACCENTS = str.maketrans("AaCcEeIiNnOoSsUuYyZz", "ÅåÇçÉéÎîÑñÖöŠšÜüÝýŽž")
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


def pytest_configure(config: pytest.Config) -> None:
    """On CI, browser and LibreOffice tests must run: refuse to start rather than let them skip."""
    if not os.environ.get("CI"):
        return
    missing = [
        what
        for what, present in (
            ("Debian's chromium (apt-get install -y chromium)", shutil.which("chromium") is not None),
            (
                "LibreOffice (apt-get install -y libreoffice-calc-nogui)",
                shutil.which("soffice") is not None,
            ),
            (
                "the playwright package (pip install -e '.[dev]')",
                importlib.util.find_spec("playwright") is not None,
            ),
        )
        if not present
    ]
    if missing:
        raise pytest.UsageError(
            f"CI is set but {' and '.join(missing)} is missing: browser tests would be skipped"
        )


@pytest.fixture
def minimal_audit() -> Audit:
    """The smallest valid audit: an engagement and a client profile."""
    return Audit(
        engagement=Engagement(client="Boulangerie Élodie", audit_date=date(2025, 3, 14)),
        client=ClientProfile(industry=IndustryKind.COMMERCIAL_B2C),
    )


@pytest.fixture
def tmp_audit_path(tmp_path: Path) -> Path:
    """Where a test saves its audit (the file does not exist yet)."""
    return tmp_path / "client.audit.json"


@pytest.fixture
def bad_audit_files(tmp_path: Path, minimal_audit: Audit) -> dict[str, tuple[Path, int]]:
    """Every kind of bad input the command line must survive: ``name -> (path, number of problems)``."""
    valid = json.loads(minimal_audit.model_dump_json())
    folder = tmp_path / "bad"
    folder.mkdir()

    def write(name: str, content: bytes | str | object) -> Path:
        path = folder / f"{name}.audit.json"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        return path

    wrong_types = valid | {
        "channels": "none",
        "engagement": valid["engagement"] | {"audit_date": "14/03/2025"},
    }
    wrong_types["engagement"]["round"] = "two"
    unknown_fields = valid | {"colour": "blue", "client": valid["client"] | {"turnover": 3}}
    return {
        "missing": (folder / "missing.audit.json", 1),
        "folder": (folder, 1),
        "empty": (write("empty", b""), 1),
        "binary": (write("binary", bytes(range(256)) * 4), 1),
        "truncated": (write("truncated", json.dumps(valid)[:40]), 1),
        "list": (write("list", [valid]), 1),
        "wrong_types": (write("wrong_types", wrong_types), 3),
        "unknown_fields": (write("unknown_fields", unknown_fields), 2),
        "future_version": (write("future_version", valid | {"schema_version": 99}), 1),
        "no_version": (write("no_version", {k: v for k, v in valid.items() if k != "schema_version"}), 1),
        "too_deep": (write("too_deep", "[" * 100_000), 1),
    }


def pseudo(text: str) -> str:
    """``text`` accented and bracketed (``⟦Ŝçöré⟧``), its ``{placeholders}`` untouched."""
    parts = _PLACEHOLDER.split(text)
    return "⟦" + "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTS) for p in parts) + "⟧"


@pytest.fixture(scope="session")
def pseudo_catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of catalogues holding the pseudo-language: every English message through :func:`pseudo`."""
    root = tmp_path_factory.mktemp("catalogues")
    (root / PSEUDO).mkdir()
    for source in sorted((BUNDLED / "en").glob("*.po")):
        _, english = read_po_file(source)
        entries: dict[str, str | tuple[str, ...]] = {
            entry.id: tuple(map(pseudo, entry.plurals)) if entry.plurals else pseudo(entry.text)
            for entry in english
        }
        with (root / PSEUDO / source.name).open("wb") as out:
            write_po(entries, "en_GB", out)
    return root


@pytest.fixture
def pseudo_locale(pseudo_catalogues: Path) -> Iterator[str]:
    """The pseudo-language's code, with the environment set so that auditkit finds its catalogue."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENVIRONMENT, str(pseudo_catalogues))
        yield PSEUDO
