"""The consultant's moves: what else moved and why, and the dates a move breaks."""

from __future__ import annotations

from datetime import date

from roadmap_samples import documented_bakery, spaced, with_hours

from auditkit.model import Obstacle
from auditkit.roadmap import ChangeKind, build_roadmap, move_action


def kinds(roadmap, action_id):  # type: ignore[no-untyped-def]
    return {change.kind for change in roadmap.action(action_id).changes}


def test_an_untouched_roadmap_lists_no_move() -> None:
    roadmap = build_roadmap(documented_bakery())
    assert not [c for c in roadmap.changes if c.kind.value.startswith("moved")]


def test_moving_an_action_later_takes_what_depends_on_it_along_and_says_so() -> None:
    audit = with_hours(documented_bakery(), 20.0)
    before = build_roadmap(audit)
    dependent = next(a for a in before.actions if "str-editorial-line" in a.depends_on and a.stage < 6)
    move_action(audit, "str-editorial-line", 6)
    roadmap = build_roadmap(audit)
    moved = roadmap.action(dependent.id)
    assert moved.stage == 6
    assert ChangeKind.MOVED_WITH_DEPENDENCY in kinds(roadmap, dependent.id)
    text = next(c.message for c in roadmap.changes if c.action_id == dependent.id)
    title = roadmap.action("str-editorial-line").title
    assert (
        text("en")
        == f"'{dependent.title('en')}' moved to month 6 with '{title('en')}', because it depends on it."
    )
    assert spaced(f"passe au mois 6 avec « {title('fr')} », dont elle dépend.") in spaced(text("fr"))


def test_moving_an_action_earlier_brings_its_prerequisites_along_and_says_so() -> None:
    audit = with_hours(documented_bakery(), 20.0)
    before = build_roadmap(audit)
    assert before.action("str-content-plan").stage > 1
    move_action(audit, "str-content-plan", 1)
    roadmap = build_roadmap(audit)
    for dependency in roadmap.action("str-content-plan").depends_on:
        assert roadmap.action(dependency).stage == 1
        if before.action(dependency).stage != 1:
            assert ChangeKind.MOVED_WITH_DEPENDENT in kinds(roadmap, dependency)
            text = next(c.message("en") for c in roadmap.changes if c.action_id == dependency)
            assert (
                text.endswith("which depends on it.")
                and "moved to month 1 with 'Write the content plan'" in text
            )


def test_a_move_that_fills_a_stage_pushes_others_out_and_says_why() -> None:
    audit = documented_bakery()
    before = build_roadmap(audit)
    later = [a for a in before.actions if a.stage and a.stage > 1 and a.id != "next-round"]
    big = max(later, key=lambda a: a.effort_hours)
    move_action(audit, big.id, 1)
    roadmap = build_roadmap(audit)
    pushed = [c for c in roadmap.changes if c.kind is ChangeKind.MOVED_FOR_ROOM]
    assert pushed
    for change in pushed:
        assert "moved to month" in change.message("en") and "was full" in change.message("en")
        assert "était plein" in change.message("fr")


def test_a_move_past_a_deadline_says_so() -> None:
    audit = with_hours(documented_bakery(), 20.0)
    audit.strategy.obstacles = [
        Obstacle(text="The intern leaves", deadline=date(2026, 12, 18), affects=["STR-OWNERSHIP"])
    ]
    assert build_roadmap(audit).action("str-ownership").due <= date(2026, 12, 18)
    move_action(audit, "str-ownership", 9)
    roadmap = build_roadmap(audit)
    ownership = roadmap.action("str-ownership")
    assert ownership.stage == 9 and ownership.late
    assert ChangeKind.DEADLINE_MISSED in kinds(roadmap, "str-ownership")
    text = next(c.message("en") for c in roadmap.changes if c.kind is ChangeKind.DEADLINE_MISSED)
    assert "after its deadline" in text and "The intern leaves" in text
    assert any(
        "after their deadline" in note("en") or "after its deadline" in note("en") for note in roadmap.notes
    )
