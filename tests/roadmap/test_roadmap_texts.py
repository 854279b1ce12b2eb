"""The roadmap's words: catalogue messages in every language, texts typed by hand, hours and lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from roadmap_samples import EXAMPLES, documented_bakery, spaced, with_hours

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.locale import languages, msg
from auditkit.roadmap import OWNER_ROLES, build_roadmap, edit_action, move_action
from auditkit.roadmap.texts import Written, bullets, commas, hours, lines, semicolons, written


def test_a_typed_text_reads_its_language_then_the_generated_one() -> None:
    generated = msg("roadmap.owner.management")
    typed = written({"en": "", "fr": "La gérante"}, generated)
    assert typed("fr") == "La gérante"
    assert typed("en") == "Management"
    assert typed.to_dict() == {"en": "Management", "fr": "La gérante"}
    assert written({"en": None, "fr": ""}, generated) is generated


def test_a_text_typed_in_one_language_only_is_read_in_every_language() -> None:
    typed = written({"en": "Call the town hall", "fr": ""})
    assert typed("fr") == typed("en") == "Call the town hall"
    assert typed == Written(texts={"en": "Call the town hall"})
    assert len({typed, Written(texts={"en": "Call the town hall"})}) == 1


def test_a_typed_text_keeps_the_consultants_typography() -> None:
    assert written({"fr": "Filmer le four « en direct »"})("fr") == "Filmer le four « en direct »"


@pytest.mark.parametrize(
    ("value", "english", "french"), [(0.75, "0.8", "0,8"), (2.0, "2", "2"), (1234.56, "1234.6", "1234,6")]
)
def test_hours_have_one_decimal_at_most_and_no_thousands_separator(
    value: float, english: str, french: str
) -> None:
    assert hours(value)("en") == english
    assert hours(value)("fr") == french


def test_lists_lines_and_bullets_are_written_as_each_language_writes_them() -> None:
    assert commas(["Facebook", "Instagram", "TikTok"])("fr") == "Facebook, Instagram, TikTok"
    assert commas([]) == ""
    assert semicolons(["a", "b"])("en") == "a; b"
    assert spaced(semicolons(["a", "b"])("fr")) == "a ; b"
    assert lines([msg("roadmap.action.why_per_channel"), *bullets(["x"])])("en") == "Why, per channel:\n- x"


def test_every_owner_role_has_a_name_in_every_language() -> None:
    for role, name in OWNER_ROLES.items():
        assert all(name(lang) for lang in languages()), role


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_the_roadmap_reads_in_every_language(path: Path) -> None:
    audit = store.load(path)
    move_action(audit, build_roadmap(audit).actions[0].id, 12)
    roadmap = build_roadmap(audit)
    document = roadmap.to_dict()
    for lang in languages():
        assert json.dumps(roadmap.to_dict(lang), ensure_ascii=False)
        assert [note[lang] for note in document["notes"]] == [note(lang) for note in roadmap.notes]


def test_french_notes_follow_french_typography_and_numbers() -> None:
    roadmap = build_roadmap(with_hours(documented_bakery(), 3.0))
    capacity = roadmap.notes[0]("fr")
    assert capacity.startswith("Capacité\u00a0: l'équipe déclare 3 h par semaine")
    assert "(0,8 h par semaine" in capacity
    assert roadmap.notes[0]("en").startswith("Capacity: the team declares 3 h a week")


def test_an_edit_error_reads_in_the_readers_language() -> None:
    audit = documented_bakery()
    with pytest.raises(AuditkitError) as caught:
        edit_action(audit, "str-budget", colour="red")
    assert str(caught.value).startswith("roadmap: cannot edit colour of 'str-budget' (editable: stage,")
    assert caught.value.text("fr").startswith(
        "roadmap\u00a0: impossible de modifier colour de «\u00a0str-budget\u00a0»"
    )
