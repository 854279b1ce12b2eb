"""The plan table: one step per rule and per channel recommendation, their order, texts and effects."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from auditkit import store
from auditkit.diagnose import RULES, Finding, Severity, Theme
from auditkit.locale import Message, catalogue, languages, msg
from auditkit.locale.message import placeholders
from auditkit.model import (
    ROADMAP_STAGES,
    Audit,
    Channel,
    ChannelStatus,
    ClientProfile,
    ComponentStatus,
    IndustryKind,
    StrategyComponentKey,
)
from auditkit.plan import (
    ABSORBING,
    ALWAYS,
    ANCHORED,
    METHOD_ORDER,
    PLAN,
    PLAN_ORDER,
    UNPREDICTABLE,
    VERDICT_KEYS,
    Effect,
    FallbackStep,
    Phase,
    action_id,
    fallback_step,
)
from auditkit.plan.method_steps import METHOD_STEPS
from auditkit.plan.table import RULE_STEPS
from auditkit.resources import examples_dir
from auditkit.steps import effects
from auditkit.verdicts import Verdict
from auditkit.vocabulary import WORDS, words

METHOD_KEYS = {
    "REC-CLOSE",
    "REC-PARK",
    "REC-REDUCE",
    "REC-MERGE",
    "REC-FIX",
    "REC-INVEST",
    "REC-NOT-NOW",
    "STR-ONE-PAGE-PLAN",
    "NEXT-ROUND",
}


def bakery() -> Audit:
    return store.load(examples_dir() / "boulangerie-martin.audit.json")


# -- the table -------------------------------------------------------------------------------------


def test_every_rule_of_the_registry_has_its_step_and_every_other_step_is_the_method_s() -> None:
    assert set(RULE_STEPS) == set(RULES)
    assert set(METHOD_STEPS) == METHOD_KEYS
    assert set(PLAN) == set(RULES) | METHOD_KEYS


def test_the_table_follows_the_method_order_with_each_key_once() -> None:
    assert len(METHOD_ORDER) == len(set(METHOD_ORDER)) == len(PLAN)
    assert list(PLAN) == list(METHOD_ORDER)
    assert {key: index for index, key in enumerate(METHOD_ORDER)} == PLAN_ORDER
    phases = [PLAN[key].phase.order for key in METHOD_ORDER]
    assert phases == sorted(phases), "the table lists the steps phase by phase"
    assert METHOD_ORDER[0] == "ORG-NO-SPONSOR" and METHOD_ORDER[-1] == "NEXT-ROUND"


def test_each_step_is_bound_to_its_key_and_its_action_id_is_the_key_in_lower_case() -> None:
    for key, step in PLAN.items():
        assert step.key == key
        assert step.title.id == f"plan.{key}.title"
        assert action_id(key) == key.lower()
    assert {"next-round"} == ANCHORED


def test_steps_name_known_keys_and_hold_sensible_numbers() -> None:
    for key, step in PLAN.items():
        assert step.month in ROADMAP_STAGES, key
        assert step.hours > 0 and step.hours_each >= 0, key
        assert step.owner in {"strategy_owner", "management", "community_manager", "channel_owners"}, key
        assert set(step.after) <= set(PLAN), key
        assert set(step.joins) <= set(PLAN), key
        assert key not in step.after and key not in step.joins, key


def test_the_after_links_have_no_cycle() -> None:
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


def test_every_recommendation_but_maintain_has_its_step() -> None:
    assert set(VERDICT_KEYS) == set(Verdict) - {Verdict.MAINTAIN}
    assert set(VERDICT_KEYS.values()) | set(ALWAYS) | {"STR-ONE-PAGE-PLAN"} == METHOD_KEYS
    assert set(ABSORBING) <= set(VERDICT_KEYS.values())


# -- texts -----------------------------------------------------------------------------------------


def plan_messages() -> Iterator[Message]:
    for step in PLAN.values():
        yield from (step.title, step.description, step.done_when, step.effect_doc)
    yield from (phase.label for phase in Phase)
    yield msg("plan.fallback.done_when")


def test_every_text_of_the_table_is_in_every_catalogue_with_the_same_placeholders() -> None:
    assert set(languages()) >= {"en", "fr"}
    for message in plan_messages():
        found = {lang: placeholders(catalogue(lang).text(message.id)) for lang in languages()}
        assert len(set(map(frozenset, found.values()))) == 1, (message.id, found)


def test_titles_and_done_when_name_the_items_and_descriptions_need_no_values() -> None:
    english = catalogue("en")
    for key, step in PLAN.items():
        assert placeholders(english.text(step.title.id)) <= {"names", *WORDS}, key
        assert placeholders(english.text(step.done_when.id)) <= {"names", *WORDS}, key
        assert placeholders(english.text(step.description.id)) <= set(WORDS), key
        assert not placeholders(english.text(step.effect_doc.id)), key
    for key in ("OBJ-NOT-SMART", "REC-CLOSE", "CH-SLOW-RESPONSE"):
        assert "names" in placeholders(english.text(PLAN[key].title.id)), key


def test_the_catalogues_hold_no_plan_text_that_no_step_uses() -> None:
    used = {message.id for message in plan_messages()}
    for lang in languages():
        own = {key for key in catalogue(lang) if key.startswith("plan.") or key.startswith("enum.phase.")}
        assert own == used, lang


def test_a_step_s_texts_render_with_the_items_concerned() -> None:
    step = PLAN["OBJ-NOT-SMART"]
    assert step.title.format(names="awareness")("en") == "Make the objectives measurable: awareness"
    assert step.title.format(names=["awareness", "sales"])("fr") == (
        "Rendre les objectifs mesurables\u00a0: awareness et sales"
    )
    assert PLAN["NEXT-ROUND"].description.to_dict()["en"].startswith("Audit again with the same method")
    assert Phase.FIXES.label.to_dict() == {"en": "Fixes and closures", "fr": "Corrections et fermetures"}


# -- effects ---------------------------------------------------------------------------------------


def test_a_step_without_effect_is_unpredictable_and_steps_sharing_an_effect_share_its_words() -> None:
    for key, step in PLAN.items():
        assert (step.effect is None) == (step.effect_doc == UNPREDICTABLE), key
    assert PLAN["ERR-INSPIRATION"].effect_doc == PLAN["STR-EDITORIAL-LINE"].effect_doc
    assert PLAN["KPI-MISSING"].effect_doc == PLAN["KPI-LENS-MISMATCH"].effect_doc
    assert UNPREDICTABLE("en").startswith("not modelled")
    assert PLAN["STR-CALENDAR"].effect_doc("en") == "the strategy component 'calendar' becomes present"


@pytest.mark.parametrize(
    ("effect", "changed"),
    [
        (effects.CLOSE_CHANNELS, lambda c: c.status is ChannelStatus.CLOSED),
        (effects.PARK_CHANNELS, lambda c: c.status is ChannelStatus.PARKED),
        (effects.STOP_CROSS_POSTING, lambda c: c.cross_posted_unchanged is False),
        (effects.ASSESS_NETWORKS, lambda c: c.assessed_before_launch is True),
        (effects.NAME_CHANNEL_OWNERS, lambda c: c.owner == effects.PLACEHOLDER),
    ],
)
def test_a_channel_effect_changes_only_the_action_s_channels(
    effect: Effect, changed: Callable[[Channel], bool]
) -> None:
    audit = bakery()
    subject, *others = audit.channels
    before = [other.model_dump() for other in others]
    effect(audit, (subject.id,))
    assert changed(audit.channels[0])
    assert [other.model_dump() for other in audit.channels[1:]] == before


def test_halving_the_hours_touches_only_the_subjects_with_declared_hours() -> None:
    audit = bakery()
    subject, unknown, *_ = audit.channels
    subject.hours_per_week, unknown.hours_per_week = 3.0, None
    before = {channel.id: channel.hours_per_week for channel in audit.channels}
    effects.HALVE_CHANNEL_HOURS(audit, (subject.id, unknown.id))
    after = {channel.id: channel.hours_per_week for channel in audit.channels}
    assert after == {**before, subject.id: 1.5}


def test_objective_effects_change_only_the_action_s_objectives() -> None:
    audit = bakery()
    subject, *others = audit.objectives
    before = [other.model_dump() for other in others]
    count = len(subject.indicators)
    effects.FITTING_INDICATOR(audit, (subject.id,))
    effects.MAKE_SMART(audit, (subject.id,))
    assert len(audit.objectives[0].indicators) == count + 1
    assert audit.objectives[0].deadline is not None and audit.objectives[0].target is not None
    assert [other.model_dump() for other in audit.objectives[1:]] == before


def test_a_component_step_makes_its_component_present() -> None:
    audit = bakery()
    effect = PLAN["STR-CRISIS-PLAN"].effect
    assert effect is not None
    effect(audit, ())
    assert audit.strategy.components[StrategyComponentKey.CRISIS_PLAN].status is ComponentStatus.PRESENT


# -- fallback --------------------------------------------------------------------------------------


def test_a_rule_missing_from_the_table_gets_a_fallback_step_with_the_finding_s_texts() -> None:
    title, action = msg("plan.NEXT-ROUND.title"), msg("plan.NEXT-ROUND.description")
    finding = Finding("XYZ-NEW", Severity.CRITICAL, Theme.CHANNELS, title, title, (), (), action, ())
    step = fallback_step(finding)
    assert isinstance(step, FallbackStep)
    assert (step.phase, step.month, step.hours, step.hours_each) == (Phase.FIXES, 1, 4, 1)
    assert step.effect is None and step.effect_doc == UNPREDICTABLE
    assert step.title == title and step.description == action
    assert (
        step.done_when("en") == "The finding 'Run the next audit round' no longer appears in the diagnosis."
    )
    assert step.done_when("fr") == (
        "Le constat «\u00a0Mener le prochain cycle d'audit\u00a0» n'apparaît plus dans le diagnostic."
    )


def test_a_step_names_the_organisation_s_leaders_in_its_own_words() -> None:
    generic = PLAN["OBJ-NONE"].description
    assert "decision-makers" in generic("en") and "{" not in generic("fr")
    association = generic.format(**words(ClientProfile(industry=IndustryKind.NONPROFIT_ASSOCIATION)))
    assert "with the board" in association("en") and "avec le bureau" in association("fr")
