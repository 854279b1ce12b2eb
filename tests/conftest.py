"""Shared fixtures: a minimal valid audit, where to save it, and audit files that are broken on purpose."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from auditkit.model import Audit, ClientProfile, Engagement, IndustryKind


def pytest_configure(config: pytest.Config) -> None:
    """On CI, browser tests must run: refuse to start rather than let them skip."""
    if not os.environ.get("CI"):
        return
    missing = [
        what
        for what, present in (
            ("Debian's chromium (apt-get install -y chromium)", shutil.which("chromium") is not None),
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
