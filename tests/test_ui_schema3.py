"""The notebook widgets for the fields of schema 3, in process: objectives' current values, handle states
and operators, minors in the audience, consent and safeguarding, and dated obstacles with the actions
they threaten, chosen by title.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from ui_samples import ManualTimer

from auditkit import store
from auditkit.model import ChannelOperator, ComponentStatus, ConsentPractice, HandleState, Obstacle
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.channels import channel_editor
from auditkit.ui.environment import environment_step
from auditkit.ui.objectives import objective_editor
from auditkit.ui.obstacles import ThreatenedActions, action_options, obstacles_list
from auditkit.ui.session import AuditSession
from auditkit.ui.strategy import strategy_step


def _walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _all(root: Any, css_class: str) -> list[Any]:
    found = [item for item in _walk(root) if css_class in getattr(item, "_dom_classes", ())]
    assert found, f"no widget with class {css_class}"
    return found


def _find(root: Any, css_class: str) -> Any:
    return _all(root, css_class)[0]


@pytest.fixture
def timer() -> ManualTimer:
    return ManualTimer()


def _open(tmp_path: Path, name: str, timer: ManualTimer) -> AuditSession:
    path = tmp_path / name
    shutil.copyfile(examples_dir() / name, path)
    return AuditSession(path, timer=timer)


@pytest.fixture
def bakery(tmp_path: Path, timer: ManualTimer) -> Iterator[AuditSession]:
    yield _open(tmp_path, "boulangerie-martin.audit.json", timer)
    session_module._SESSIONS.clear()


@pytest.fixture
def school(tmp_path: Path, timer: ManualTimer) -> Iterator[AuditSession]:
    yield _open(tmp_path, "st-aidans-college.audit.json", timer)
    session_module._SESSIONS.clear()


def test_an_objective_s_current_value_and_its_date_are_typed_and_saved(
    bakery: AuditSession, timer: ManualTimer
) -> None:
    editor = objective_editor(bakery, 0)
    current = _find(editor, "auditkit-field-current")
    assert current.value == "652"
    current.value = "1 004,5"
    _find(editor, "auditkit-field-current_date").value = date(2026, 10, 31)
    timer.run()
    saved = store.load(bakery.path).objectives[0]
    assert (saved.current, saved.current_date) == (1004.5, date(2026, 10, 31))


def test_a_current_value_that_is_not_a_number_is_refused_and_not_stored(bakery: AuditSession) -> None:
    current = _find(objective_editor(bakery, 0), "auditkit-field-current")
    current.value = "about seven hundred"
    assert bakery.audit.objectives[0].current == 652
    assert "auditkit-invalid" in current._dom_classes


def test_a_channel_s_handle_state_and_operator_are_chosen_from_labels(
    bakery: AuditSession, timer: ManualTimer
) -> None:
    index = next(i for i, channel in enumerate(bakery.audit.channels) if channel.id == "tiktok")
    editor = channel_editor(bakery, index)
    state = _find(editor, "auditkit-field-handle_state")
    operator = _find(editor, "auditkit-field-operator")
    assert state.value is HandleState.FREE
    assert "Pris par un tiers" in [text for text, _ in state.options]
    state.value = HandleState.HELD_BY_OTHER
    operator.value = ChannelOperator.INFLUENCER
    timer.run()
    saved = store.load(bakery.path).channel("tiktok")
    assert (saved.handle_state, saved.operator) == (HandleState.HELD_BY_OTHER, ChannelOperator.INFLUENCER)


def test_minors_in_the_audience_is_a_check_box_of_the_client(
    bakery: AuditSession, timer: ManualTimer
) -> None:
    box = _find(environment_step(bakery), "auditkit-field-minors_in_audience")
    assert isinstance(box, widgets.Checkbox) and box.value is False
    box.value = True
    timer.run()
    assert store.load(bakery.path).client.minors_in_audience is True


def test_consent_and_safeguarding_are_chosen_in_the_organisation_form(
    school: AuditSession, timer: ManualTimer
) -> None:
    step = strategy_step(school)
    consent = _find(step, "auditkit-field-image_consent")
    safeguarding = _find(step, "auditkit-field-safeguarding")
    assert (consent.value, safeguarding.value) == (ConsentPractice.WRITTEN, ComponentStatus.PARTIAL)
    assert "Signed forms" in [text for text, _ in consent.options]
    consent.value = ConsentPractice.INFORMAL
    safeguarding.value = ComponentStatus.PRESENT
    timer.run()
    organisation = store.load(school.path).organisation
    assert (organisation.image_consent, organisation.safeguarding) == (
        ConsentPractice.INFORMAL,
        ComponentStatus.PRESENT,
    )


def test_an_obstacle_shows_its_date_and_the_titles_of_the_actions_it_threatens(bakery: AuditSession) -> None:
    step = strategy_step(bakery)
    [first, *_] = _all(step, "auditkit-field-affects")
    chosen_titles = [text for text, value in first.options if value in first.value]
    assert first.value == ("STR-OWNERSHIP", "ORG-INTERN")
    assert all(not title.startswith(("STR-", "ORG-")) for title in chosen_titles)
    assert _find(step, "auditkit-field-deadline").value == date(2026, 12, 18)


def test_an_added_obstacle_is_dated_and_threatens_actions_chosen_by_title(
    school: AuditSession, timer: ManualTimer
) -> None:
    step = strategy_step(school)
    obstacles = _find(step, "auditkit-obstacles")
    add = next(item for item in _walk(obstacles) if isinstance(item, widgets.Button) and item.icon == "plus")
    add.click()
    texts = _all(step, "auditkit-field-text")
    texts[-1].value = "The communications officer's fixed-term contract ends & is not yet renewed."
    _all(step, "auditkit-field-deadline")[-1].value = date(2026, 8, 31)
    actions = _all(step, "auditkit-field-affects")[-1]
    by_title = dict(actions.options)
    ownership = next(title for title, rule_id in by_title.items() if rule_id == "STR-OWNERSHIP")
    actions.value = (by_title[ownership], "ORG-SLOW-VALIDATION")
    timer.run()
    saved = store.load(school.path).strategy.obstacles[-1]
    assert saved == Obstacle(
        text="The communications officer's fixed-term contract ends & is not yet renewed.",
        deadline=date(2026, 8, 31),
        affects=["STR-OWNERSHIP", "ORG-SLOW-VALIDATION"],
    )


def test_action_titles_are_in_the_audit_language_sorted_and_keep_an_unknown_id() -> None:
    english = action_options("en")
    french = action_options("fr", ["STR-OWNERSHIPS"])
    assert [title for title, _ in english] == sorted((title for title, _ in english), key=str.casefold)
    assert {rule_id for _, rule_id in english} >= {"STR-OWNERSHIP", "ORG-INTERN", "ORG-SAFEGUARDING"}
    assert dict((rule_id, title) for title, rule_id in english)["CH-SLOW-RESPONSE"].endswith("…")
    assert french[-1] == ("STR-OWNERSHIPS", "STR-OWNERSHIPS")
    assert dict(english)[next(t for t, r in english if r == "ORG-INTERN")] == "ORG-INTERN"
    assert next(t for t, r in french if r == "ORG-INTERN") != next(t for t, r in english if r == "ORG-INTERN")


def test_an_unknown_rule_id_in_the_file_is_kept_when_the_obstacle_is_shown(bakery: AuditSession) -> None:
    bakery.audit.strategy.obstacles[0].affects = ["STR-OWNERSHIP", "ORG-INTERNS"]
    control = ThreatenedActions(bakery, ("strategy", "obstacles", 0, "affects")).control
    assert control.value == ("STR-OWNERSHIP", "ORG-INTERNS")
    assert bakery.audit.strategy.obstacles[0].affects == ["STR-OWNERSHIP", "ORG-INTERNS"]


def test_the_obstacle_list_follows_a_reload(bakery: AuditSession) -> None:
    listing = obstacles_list(bakery)
    before = len(_all(listing, "auditkit-field-text"))
    document = store.load(bakery.path)
    document.strategy.obstacles.append(Obstacle(text="Road works on rue Nationale <spring 2027>"))
    store.save(document, bakery.path)
    bakery.reload()
    assert len(_all(listing, "auditkit-field-text")) == before + 1


def test_a_peer_s_rate_definition_is_chosen_by_name_and_saved(
    bakery: AuditSession, timer: ManualTimer
) -> None:
    from auditkit.ui.environment import presence_row

    row = presence_row(bakery, ("peers", 0, "presence", 0))
    definition = row[-1]
    assert isinstance(definition, widgets.Dropdown)
    assert definition.value == "interactions_per_post_by_followers"
    names = dict(definition.options)
    assert "Inconnu" in names and "Interactions divisées par la couverture" in names
    definition.value = "interactions_by_reach"
    timer.run()
    assert store.load(bakery.path).peers[0].presence[0].engagement_definition == "interactions_by_reach"
    definition.value = ""
    timer.run()
    assert store.load(bakery.path).peers[0].presence[0].engagement_definition == ""
