"""The shape of the package: small modules, and no sentence a user reads written outside the catalogues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "auditkit"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 700

_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
_FRENCH = re.compile(r"[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ]")
_NOT_PROSE = re.compile(r"sans-serif|\d+px|^[\w.\-/:*]+$|[<>{}=;]|^\s*[#.@]|\\|%\(|\bdef\b|\breturn\b")
_DEVELOPER_ERRORS = {
    "MissingMessageError",
    "ValueError",
    "TypeError",
    "KeyError",
    "AssertionError",
    "RuntimeError",
    "NotImplementedError",
    "AttributeError",
    "LookupError",
    "IndexError",
    "SystemExit",
}


def _name(module: Path) -> str:
    return ".".join(module.relative_to(PACKAGE.parent).with_suffix("").parts)


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_no_module_is_over_700_lines(module: Path) -> None:
    lines = len(module.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_name(module)} has {lines} lines"


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of every docstring node and of the strings that document an assignment."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for statement in body:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    found.add(id(statement.value))
    return found


def _developer_only(tree: ast.AST) -> set[int]:
    """Strings inside ``raise ValueError(...)`` and the like, and regular expressions: not for a user."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile":
            found |= {id(inner) for inner in ast.walk(node)}
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            called = node.exc.func
            name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
            if name in _DEVELOPER_ERRORS:
                found |= {id(inner) for inner in ast.walk(node.exc)}
    return found


def sentences(module: Path) -> list[tuple[int, str]]:
    """The string literals of ``module`` that read as words for a person (line number, text)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    skipped = _docstrings(tree) | _developer_only(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in skipped:
            continue
        text = node.value.strip()
        if " " not in text:
            continue
        words = _WORD.findall(text)
        if _NOT_PROSE.search(text) and not _FRENCH.search(text):
            continue
        if len(words) >= 3 or (_FRENCH.search(text) and len(words) >= 1):
            found.append((node.lineno, text))
    return found


@pytest.mark.parametrize("module", MODULES, ids=_name)
def test_no_user_facing_sentence_outside_the_catalogues(module: Path) -> None:
    found = sentences(module)
    assert not found, "\n".join(f"{_name(module)}:{line}: {text[:90]!r}" for line, text in found)
