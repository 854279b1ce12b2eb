"""The consultant's edits: stored in the audit, surviving regeneration, refused when invalid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from roadmap_samples import documented_bakery, scheduled, spaced, with_hours

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.locale import msg
from auditkit.model import SCHEMA_VERSION, ComponentStatus, StrategyComponent, StrategyComponentKey
from auditkit.roadmap import (
    ChangeKind,
    acknowledge_changes,
    add_action,
    build_roadmap,
    drop_action,
    edit_action,
    move_action,
    remove_action,
    restore_action,
)


def test_edits_survive_saving_reloading_and_regeneration(tmp_path: Path) -> None:
    path = tmp_path / "bakery.audit.json"
    audit = with_hours(documented_bakery(), 20.0)
    first = build_roadmap(audit)
    assert first.action("str-crisis-plan").stage != 6

    move_action(audit, "str-crisis-plan", 6)
    edit_action(
        audit,
        "str-governance",
        title_fr="Écrire la gouvernance avec le gérant",
        effort_hours=5,
        note="Le gérant y tient.",
    )
    drop_action(audit, "ch-unclaimed", note="TikTok is not for this bakery")
    added = add_action(
        audit, 3, title_en="Photograph the shop window", effort_hours=2, depends_on=["str-editorial-line"]
    )
    store.save(audit, path)

    reloaded = store.load(path)
    assert reloaded.roadmap == audit.roadmap
    roadmap = build_roadmap(reloaded)

    crisis = roadmap.action("str-crisis-plan")
    assert (crisis.stage, crisis.pinned, crisis.edited) == (6, True, True)
    governance = roadmap.action("str-governance")
    assert governance.title("fr") == "Écrire la gouvernance avec le gérant"
    assert governance.title("en") == first.action("str-governance").title("en")
    assert governance.effort_hours == 5 and governance.cost == pytest.approx(250)
    assert governance.consultant_note == "Le gérant y tient."
    assert "ch-unclaimed" in [a.id for a in roadmap.dropped]
    assert "ch-unclaimed" not in [a.id for a in scheduled(roadmap)]
    manual = roadmap.action(added.id)
    assert (manual.origin, manual.stage, manual.title("fr")) == ("manual", 3, "Photograph the shop window")
    assert manual.depends_on == ("str-editorial-line",)
    moves = {
        ChangeKind.MOVED_FOR_ROOM,
        ChangeKind.MOVED_UP,
        ChangeKind.MOVED_WITH_DEPENDENCY,
        ChangeKind.MOVED_WITH_DEPENDENT,
    }
    assert {change.kind for change in roadmap.changes} <= moves


def test_regeneration_reports_what_changed_underneath_the_edits() -> None:
    audit = with_hours(documented_bakery(), 20.0)
    move_action(audit, "str-crisis-plan", 3)
    edit_action(audit, "rec-close", note="Ask the owner first")
    edit_action(audit, "rec-invest", effort_hours=12)

    audit.strategy.components[StrategyComponentKey.CRISIS_PLAN] = StrategyComponent(
        status=ComponentStatus.PRESENT
    )
    pinterest = audit.channel("pinterest")
    pinterest.name = "Pinterest (old boards)"
    audit.channel("newsletter").cross_posted_unchanged = False
    roadmap = build_roadmap(audit)

    kinds = {(change.action_id, change.kind) for change in roadmap.changes}
    assert ("str-crisis-plan", ChangeKind.FINDING_GONE) in kinds
    assert "finding no longer present" in next(
        c.message("en") for c in roadmap.changes if c.action_id == "str-crisis-plan"
    )
    assert ("rec-close", ChangeKind.TEXT_CHANGED) in kinds
    assert ("rec-invest", ChangeKind.SUBJECTS_CHANGED) in kinds
    assert ("rec-invest", ChangeKind.EFFORT_CHANGED) in kinds
    subjects = next(c.message for c in roadmap.changes if c.kind is ChangeKind.SUBJECTS_CHANGED)
    newsletter = audit.channel("newsletter").name
    assert subjects("en") == f"Items concerned changed since the edit: now concerned: {newsletter}."
    assert spaced(subjects("fr")).endswith(f": désormais concernés : {newsletter}.")
    gone = next(c.message for c in roadmap.changes if c.kind is ChangeKind.FINDING_GONE)
    assert "(No crisis plan)" in gone("en") and "STR-CRISIS-PLAN" not in gone("en")
    assert "str-crisis-plan" not in [a.id for a in scheduled(roadmap)]
    assert any(e.action_id == "str-crisis-plan" for e in audit.roadmap.edits)
    assert roadmap.action("rec-close").changes

    acknowledge_changes(audit)
    quiet = build_roadmap(audit)
    assert {c.action_id for c in quiet.changes} == {"str-crisis-plan"}
    assert quiet.action("rec-close").consultant_note == "Ask the owner first"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_changed_under_an_edit_names_items_and_findings_never_ids_or_rule_codes(lang: str) -> None:
    audit = with_hours(documented_bakery(), 20.0)
    edit_action(audit, "rec-invest", effort_hours=12)
    base = audit.roadmap.edits[0].base
    assert base is not None
    base.subjects += ["facebook", "old-window-display"]
    base.findings += ["CH-DORMANT"]
    changes = {c.kind: c.message(lang) for c in build_roadmap(audit).changes if c.action_id == "rec-invest"}

    subjects, findings = changes[ChangeKind.SUBJECTS_CHANGED], changes[ChangeKind.FINDINGS_CHANGED]
    removed = msg("roadmap.change.subjects_removed", count=1)(lang)
    assert spaced(f"{audit.channel('facebook').name}, {removed}") in spaced(subjects)
    assert msg("rule.CH-DORMANT.title")(lang) in findings
    for text in (subjects, findings):
        assert not re.search(r"(?<![\w-])(facebook|old-window-display|CH-DORMANT)(?![\w-])", text), text


def test_a_hand_pin_before_a_dependency_is_raised_and_reported() -> None:
    audit = with_hours(documented_bakery(), None)
    move_action(audit, "str-governance", 9)
    move_action(audit, "str-crisis-plan", 1)
    roadmap = build_roadmap(audit)
    crisis = roadmap.action("str-crisis-plan")
    assert crisis.stage == 9
    assert any(change.kind is ChangeKind.STAGE_RAISED for change in crisis.changes)


def test_pinned_actions_take_their_stage_even_past_capacity() -> None:
    audit = with_hours(documented_bakery(), 1.0)
    move_action(audit, "str-content-plan", 1)
    roadmap = build_roadmap(audit)
    content = roadmap.action("str-content-plan")
    assert content.stage == 1 and content.pinned and not content.moved
    for dependency in content.depends_on:
        assert roadmap.action(dependency).stage == 1


def test_restore_and_remove_undo_the_edits() -> None:
    audit = documented_bakery()
    generated = build_roadmap(audit).to_dict()
    drop_action(audit, "str-budget")
    added = add_action(audit, 1, title_fr="Appeler la mairie")
    assert added.id == "manual-appeler-la-mairie"
    assert add_action(audit, 1, title_fr="Appeler la mairie").id == "manual-appeler-la-mairie-2"
    restore_action(audit, "str-budget")
    remove_action(audit, added.id)
    drop_action(audit, "manual-appeler-la-mairie-2")
    assert audit.roadmap.edits == [] and audit.roadmap.added == []
    assert build_roadmap(audit).to_dict() == generated


def test_edits_of_hand_added_actions_change_them_in_place() -> None:
    audit = documented_bakery()
    added = add_action(audit, 1, title_en="Call the town hall")
    move_action(audit, added.id, 9)
    edit_action(audit, added.id, effort_hours=3, depends_on=["str-budget"])
    action = build_roadmap(with_hours(audit, None)).action(added.id)
    assert (action.stage, action.effort_hours, action.depends_on) == (9, 3, ("str-budget",))
    assert audit.roadmap.edits == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: move_action(a, "str-budget", 2), "one of: 1, 3, 6, 9, 12"),
        (lambda a: move_action(a, "no-such-action", 3), "no action 'no-such-action'"),
        (lambda a: edit_action(a, "str-budget", colour="red"), "editable: stage"),
        (lambda a: edit_action(a, "str-budget", effort_hours=-2), "effort_hours"),
        (lambda a: remove_action(a, "str-budget"), "use drop_action"),
        (lambda a: restore_action(a, "str-budget"), "no edit to undo"),
        (lambda a: add_action(a, 3, title_en="X", depends_on=["nothing"]), "unknown action(s) nothing"),
        (lambda a: add_action(a, 3), "give a title"),
    ],
)
def test_bad_edits_are_refused_with_what_would_be_valid(call: object, message: str) -> None:
    audit = documented_bakery()
    before = audit.roadmap.model_copy(deep=True)
    with pytest.raises(AuditkitError, match="roadmap") as caught:
        call(audit)  # type: ignore[operator]
    assert message in str(caught.value)
    assert audit.roadmap == before


def test_hand_added_actions_cannot_depend_on_each_other_in_a_circle() -> None:
    audit = documented_bakery()
    first = add_action(audit, 3, title_en="First")
    second = add_action(audit, 3, title_en="Second", depends_on=[first.id])
    with pytest.raises(AuditkitError, match="depend on itself"):
        edit_action(audit, first.id, depends_on=[second.id])


def test_a_schema_1_file_loads_with_an_empty_roadmap_section(tmp_path: Path) -> None:
    path = tmp_path / "old.audit.json"
    document = json.loads(documented_bakery().model_dump_json())
    del document["roadmap"]
    path.write_text(json.dumps(document | {"schema_version": 1}), encoding="utf-8")
    audit = store.load(path)
    assert audit.schema_version == SCHEMA_VERSION
    assert audit.roadmap.edits == [] and audit.roadmap.added == []
    assert audit.roadmap.improvement_share == 0.25
    store.save(audit, path)
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION


def test_the_roadmap_section_rejects_what_would_break_it() -> None:
    audit = documented_bakery()
    document = json.loads(audit.model_dump_json())
    document["roadmap"] = {
        "edits": [{"action_id": "str-budget", "stage": 4}],
        "added": [{"id": "x", "stage": 1, "title_en": "X"}],
    }
    with pytest.raises(Exception) as caught:
        store.parse(json.dumps(document))
    text = str(caught.value)
    assert "roadmap.edits.0.stage" in text and "one of: 1, 3, 6, 9, 12" in text
    assert "roadmap.added.0" in text and "manual-" in text
