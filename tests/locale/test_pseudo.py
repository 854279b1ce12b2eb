"""A third language is catalogue files and nothing else: a pseudo-locale built here proves it.

The pseudo-locale ``qps`` is every English message with its letters accented and the whole bracketed
(``⟦Ŝçöŕé⟧``), placeholders kept. Rendered through it, every example's report and command-line output
must show no word outside the brackets but the client's own data and numbers.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, Doctype

from auditkit.cli import main
from auditkit.locale import catalogue, languages, msg
from auditkit.resources import examples_dir

OPEN, CLOSE = "⟦", "⟧"
EXAMPLES = sorted(examples_dir().glob("*.audit.json"))


def test_the_pseudo_locale_is_a_language_like_the_others(pseudo_locale: str) -> None:
    assert pseudo_locale in languages()
    assert set(catalogue(pseudo_locale)) == set(catalogue("en"))
    assert msg("run.part.findings", count=2)(pseudo_locale) == "⟦2 fîñdîñgš⟧"


def _user_words(example: Path) -> set[str]:
    """Every word of the audit file's own text: names, notes, statements the consultant typed."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(_words(value))
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                words.update(_words(str(key)))
                walk(item)

    walk(json.loads(example.read_text(encoding="utf-8")))
    return words


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}", text)


_INNERMOST = re.compile(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_CUT = re.compile(r"([^\W\d_]{2,})…")


def untranslated(text: str, allowed: set[str]) -> list[str]:
    """The words of ``text`` outside the pseudo-locale's brackets that the audit file did not provide.

    Messages nest (a reason inside an evidence line), so brackets are removed from the innermost out;
    a word the text cut short ("Recett…") counts as the word it begins.
    """
    text = _IDENTIFIER.sub(" ", text)
    while True:
        outside = _INNERMOST.sub(" ", text)
        if outside == text:
            break
        text = outside
    cut = {word for word in _CUT.findall(text) if any(whole.startswith(word) for whole in allowed)}
    return sorted({word for word in _words(text) if word not in allowed | cut})


_OWN_NAMES = {"auditkit", "Plotly", "plotly", "SMART", "ROI", "ROA", "RONI", "KPI", "PDF", "CSV"}
_IDENTIFIER = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
"""Rule and action ids (``CH-LOW-ENGAGEMENT``, ``rec-close``): identifiers, the same in every language."""


def _allowed(example: Path, lang: str) -> set[str]:
    """What may stand outside the brackets: the client's data, our own names, the locale's month names."""
    from auditkit.locale.formats import cldr

    months = {
        name for width in ("wide", "abbreviated") for name in cldr(lang).months["format"][width].values()
    }
    return _user_words(example) | _OWN_NAMES | _benchmark_words() | months


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".audit.json"))
def test_every_visible_word_of_the_report_comes_from_the_catalogue(pseudo_locale: str, example: Path) -> None:
    from auditkit.report.render import render_report
    from auditkit.store import load

    page = BeautifulSoup(render_report(load(example), pseudo_locale), "html.parser")
    for hidden in page(["script", "style", "template", "code"]):
        hidden.decompose()
    texts = [node for node in page.find_all(string=True) if not isinstance(node, Comment | Doctype)]
    found = untranslated(" ".join(map(_closed, texts)), _allowed(example, pseudo_locale))
    assert not found, f"words not from the catalogue: {found[:60]}"


def _closed(text: str) -> str:
    """A text node with the brackets of a message cut short (the report keeps a finding's first sentence)
    closed where the node ends."""
    return text + CLOSE * max(text.count(OPEN) - text.count(CLOSE), 0)


@pytest.mark.parametrize("command", ["score", "diagnose", "roadmap"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".audit.json"))
def test_every_word_the_command_line_prints_comes_from_the_catalogue(
    pseudo_locale: str, example: Path, command: str
) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([command, str(example), "--lang", pseudo_locale]) == 0
    found = untranslated(re.sub(r"`[^`]*`", " ", out.getvalue()), _allowed(example, pseudo_locale))
    assert not found, f"words not from the catalogue: {found[:60]}"


def _benchmark_words() -> set[str]:
    """Words of the bundled benchmark sources (titles of studies, publishers), which are data."""
    from auditkit.benchmarks import benchmarks_path

    return set(_words(benchmarks_path().read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "argv", [["--help"], ["validate", "--help"], ["report", "--help"], ["roadmap", "--help"]]
)
def test_the_command_line_help_speaks_the_language_of_the_environment(
    pseudo_locale: str, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITKIT_LANG", pseudo_locale)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(argv)
    options = re.sub(r"(?<![\w-])--?[a-z][\w-]*|\b[A-Z_]{2,}\b|\{[^}]*\}", " ", out.getvalue())
    from auditkit.cli import COMMANDS

    found = untranslated(options, _OWN_NAMES | {command.name for command in COMMANDS})
    assert not found, f"words not from the catalogue: {found[:60]}"


def test_an_audit_may_be_written_in_the_new_language(pseudo_locale: str) -> None:
    from auditkit.run import AuditRun
    from auditkit.store import load

    audit = load(EXAMPLES[0])
    audit.engagement.language = pseudo_locale
    run = AuditRun(audit)
    assert run.lang == pseudo_locale
    assert repr(run).splitlines()[1].startswith("⟦Övéråll šçöré")
