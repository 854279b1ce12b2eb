"""The examples' scores, findings and roadmap, pinned: a refactor must leave them as they were.

The snapshots in ``tests/snapshots/`` were written by ``python -m tests.test_snapshots`` before the house
rebuild, and written again once during it for one deliberate change: platforms are named in the reader's
language ("Lettre d'information", not "Newsletter", in French). Texts are compared with every kind of
space folded to one, so that typography applied in one place (no-break spaces) does not count as a
change of content.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from auditkit.cli import main
from auditkit.resources import examples_dir

SNAPSHOTS = Path(__file__).parent / "snapshots"
COMMANDS = ("score", "diagnose", "roadmap")
LANGUAGES = ("en", "fr")
EXAMPLES = sorted(path.name.removesuffix(".audit.json") for path in examples_dir().glob("*.audit.json"))
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def command_output(example: str, command: str, lang: str) -> Any:
    """What ``auditkit COMMAND EXAMPLE --json --lang LANG`` prints, parsed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([command, str(examples_dir() / f"{example}.audit.json"), "--json", "--lang", lang])
    assert status == 0, f"auditkit {command} {example} exited {status}"
    return json.loads(out.getvalue())


def folded(value: Any) -> Any:
    """``value`` with the spaces inside every string folded to one plain space."""
    if isinstance(value, str):
        return _SPACES.sub(" ", value)
    if isinstance(value, list):
        return [folded(item) for item in value]
    if isinstance(value, dict):
        return {key: folded(item) for key, item in value.items()}
    return value


def snapshot_path(example: str, command: str, lang: str) -> Path:
    return SNAPSHOTS / f"{example}.{command}.{lang}.json"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_output_matches_the_snapshot(example: str, command: str, lang: str) -> None:
    expected = json.loads(snapshot_path(example, command, lang).read_text(encoding="utf-8"))
    assert folded(command_output(example, command, lang)) == folded(expected)


def write_snapshots() -> None:
    SNAPSHOTS.mkdir(exist_ok=True)
    for example in EXAMPLES:
        for command in COMMANDS:
            for lang in LANGUAGES:
                data = command_output(example, command, lang)
                text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
                snapshot_path(example, command, lang).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_snapshots()
    sys.exit(0)
