"""The plan table as the roadmap reads it: a step per rule, consistent, without cycles."""

from __future__ import annotations

from auditkit.diagnose import RULES
from auditkit.roadmap import PLAN, STAGES, Phase
from auditkit.scoring import Recommendation


def test_every_rule_of_the_catalogue_has_a_step_and_every_step_a_purpose() -> None:
    assert set(RULES) <= set(PLAN)
    extras = set(PLAN) - set(RULES)
    assert extras == {
        "REC-CLOSE",
        "REC-PARK",
        "REC-REDUCE",
        "REC-FIX",
        "REC-INVEST",
        "REC-NOT-NOW",
        "NEXT-ROUND",
    }


def test_every_recommendation_but_maintain_gives_an_action() -> None:
    from auditkit.plan import RECOMMENDATION_KEYS

    assert set(RECOMMENDATION_KEYS) == set(Recommendation) - {Recommendation.MAINTAIN}
    assert all(key in PLAN for key in RECOMMENDATION_KEYS.values())


def test_plan_table_is_consistent_and_without_cycles() -> None:
    for key, step in PLAN.items():
        assert step.month in STAGES, key
        assert step.owner, key
        assert set(step.after) <= set(PLAN), key
        assert set(step.joins) <= set(PLAN), key
        assert step.title("en") and step.title("fr") and step.done_when("en") and step.done_when("fr"), key
        assert (step.effect is None) == ("not modelled" in step.effect_doc("en")), key
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(key: str) -> None:
        assert key not in visiting, f"cycle through {key}"
        if key in done:
            return
        visiting.add(key)
        for before in PLAN[key].after:
            visit(before)
        visiting.discard(key)
        done.add(key)

    for key in PLAN:
        visit(key)


def test_foundations_come_before_calendars_content_and_growth() -> None:
    months = {phase: [step.month for step in PLAN.values() if step.phase is phase] for phase in Phase}
    assert max(months[Phase.FOUNDATIONS]) <= min(months[Phase.GROWTH])
    for key in ("OBJ-NONE", "ENV-NO-STAKEHOLDERS", "STR-EDITORIAL-LINE", "STR-GOVERNANCE", "STR-OWNERSHIP"):
        assert PLAN[key].month == 1, key
    assert PLAN["STR-CRISIS-PLAN"].month == 1
    assert PLAN["STR-CALENDAR"].month > PLAN["STR-EDITORIAL-LINE"].month
    assert PLAN["REC-CLOSE"].month < PLAN["REC-INVEST"].month
    assert PLAN["NEXT-ROUND"].month == 12
