"""Messages: rendered in the language asked for, parameters included, never silently in English."""

from __future__ import annotations

from datetime import date

import pytest

from auditkit.locale import Message, MissingMessageError, UnknownLanguageError, msg


def test_a_message_renders_in_each_language_with_its_plural_form() -> None:
    assert msg("run.part.findings", count=1)("en") == "1 finding"
    assert msg("run.part.findings", count=2)("en") == "2 findings"
    assert msg("run.part.findings", count=1)("fr") == "1 constat"
    assert msg("run.part.findings", count=0)("fr") == "0 constat"
    assert msg("run.part.findings", count=1500)("fr") == "1\u202f500 constats"


def test_parameters_are_written_the_way_the_language_writes_them() -> None:
    message = msg("run.card.dated", date=date(2026, 9, 1), round=2)
    assert message("en") == "Audit of 1 September 2026, round 2"
    assert message("fr") == "Audit du 1er septembre 2026, édition 2"
    nested = msg("run.card.score", overall=52.4, level=2, name=msg("run.card.no_findings"))
    assert nested("fr") == "Score global 52,4 sur 100 · niveau 2, Aucun constat"


def test_format_adds_parameters_and_to_dict_gives_every_language() -> None:
    message = Message("run.part.actions").format(count=3)
    assert message.to_dict() == {"en": "3 roadmap actions", "fr": "3 actions de la feuille de route"}


def test_a_missing_message_or_language_is_an_error_not_english() -> None:
    with pytest.raises(MissingMessageError, match=r"no message 'run\.nothing'"):
        msg("run.nothing")("fr")
    with pytest.raises(UnknownLanguageError, match="one of: en, fr"):
        msg("run.part.findings", count=1)("de")
