"""The command line's help names the audit schema and the fields schema 3 added, in both languages."""

from __future__ import annotations

import re

import pytest

from auditkit.cli import main
from auditkit.fileformat import SCHEMA_VERSION


def help_of(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, *argv: str
) -> str:
    monkeypatch.setenv("AUDITKIT_LANG", lang)
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return re.sub(r"\s+", " ", capsys.readouterr().out)


def test_the_main_help_names_the_schema_and_where_fields_are_listed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    english = help_of(capsys, monkeypatch, "en")
    assert f"Audit files use schema {SCHEMA_VERSION}" in english and "'auditkit new --help'" in english
    assert f"schéma {SCHEMA_VERSION}" in help_of(capsys, monkeypatch, "fr")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            (
                "audit schema 3",
                "current value",
                "held by someone else",
                "influencer",
                "under 18",
                "obstacles with the date they strike",
                "photo consent",
                "safeguarding",
            ),
        ),
        (
            "fr",
            (
                "schéma d'audit 3",
                "valeur actuelle",
                "pris par un tiers",
                "influenceur",
                "mineurs",
                "obstacles avec la date",
                "accord pour les photos",
                "protection des mineurs",
            ),
        ),
    ],
)
def test_new_help_lists_the_sections_with_the_fields_of_schema_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, words: tuple[str, ...]
) -> None:
    text = help_of(capsys, monkeypatch, lang, "new")
    missing = [word for word in words if word not in text]
    assert not missing, missing
