"""The safety net of the notebooks, in process, in French and English: names before ids, nothing saved
from a placeholder, undo and redo back to the file's earlier content, confirmed resets, weights that show
their total, help on every field, the consultant's name kept, export names in the audit's language."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from synthetic_audits import freeze_id
from ui_samples import ManualTimer

from auditkit import store
from auditkit.compare import PreviousRoundError
from auditkit.diagnose import RULES
from auditkit.errors import AuditFileError, Problem
from auditkit.locale import catalogue, msg
from auditkit.model import Audit, Language
from auditkit.resources import examples_dir
from auditkit.roadmap import edit_action
from auditkit.scoring import WEIGHTS
from auditkit.ui import session as session_module
from auditkit.ui.channels import channels_step
from auditkit.ui.environment import environment_step
from auditkit.ui.objectives import objectives_step
from auditkit.ui.report import ReportView
from auditkit.ui.roadmap import RoadmapView
from auditkit.ui.scoring import ScoringView
from auditkit.ui.session import AuditSession
from auditkit.ui.start import StartPanel, start_step
from auditkit.ui.strategy import strategy_step
from auditkit.ui.toolbar import PRESENTING_CLASS, Toolbar
from auditkit.ui.workspace import PREFERENCES, export_name, preferences

CATALOGUES = Path(__file__).parents[1] / "auditkit" / "locale" / "catalogues"
EXAMPLES = {"fr": "boulangerie-martin.audit.json", "en": "st-aidans-college.audit.json"}
VOLATILE = {"revision", "saved_at"}


@pytest.fixture(params=sorted(EXAMPLES))
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def timer() -> ManualTimer:
    return ManualTimer()


@pytest.fixture
def session(tmp_path: Path, language: str, timer: ManualTimer) -> Iterator[AuditSession]:
    path = tmp_path / "client.audit.json"
    shutil.copyfile(examples_dir() / EXAMPLES[language], path)
    yield AuditSession(path, timer=timer)
    session_module._SESSIONS.clear()


def walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def find(root: Any, css_class: str) -> Any:
    found = [item for item in walk(root) if css_class in getattr(item, "_dom_classes", ())]
    assert found, f"no widget with class {css_class}"
    return found[0]


def button(root: Any, icon: str) -> widgets.Button:
    return next(item for item in walk(root) if isinstance(item, widgets.Button) and item.icon == icon)


def content(audit: Audit) -> dict[str, Any]:
    """What an audit holds, its revision stamp left out."""
    return {key: value for key, value in audit.model_dump(mode="json").items() if key not in VOLATILE}


def texts(root: Any) -> str:
    parts = []
    for item in walk(root):
        for name in ("value", "description", "tooltip", "placeholder"):
            value = getattr(item, name, None)
            if isinstance(value, str):
                parts.append(value)
        parts += [
            str(option[0]) for option in getattr(item, "options", ()) or () if isinstance(option, tuple)
        ]
    return "\n".join(parts)


# -- names first, ids out of sight ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "section", "name", "expected_id"),
    [
        (
            objectives_step,
            "objectives",
            "Fidéliser les clients du quartier d'ici juin",
            "fideliser-les-clients-du-quartier-d-ici",
        ),
        (channels_step, "channels", "Café's Instagram", "cafe-s-instagram"),
        (environment_step, "peers", "Épicerie Dupont", "epicerie-dupont"),
    ],
)
def test_a_new_item_is_saved_only_once_named_and_its_id_comes_from_that_name(
    session: AuditSession,
    timer: ManualTimer,
    builder: Callable[[AuditSession], widgets.Widget],
    section: str,
    name: str,
    expected_id: str,
) -> None:
    step = builder(session)
    name_box = find(step, f"auditkit-new-{section}")
    items_before = list(getattr(session.audit, section))
    item_list = next(
        item for item in walk(step) if "auditkit-item-list" in item._dom_classes and name_box in walk(item)
    )
    button(item_list, "plus").click()
    assert name_box.value == ""
    assert name_box.placeholder == msg(f"ui.new.{section.rstrip('s')}")(session.language)
    assert getattr(session.audit, section) == items_before and not session.dirty
    create = next(
        item for item in walk(item_list) if getattr(item, "description", "") == session.say("ui.list.create")
    )
    create.click()
    assert getattr(session.audit, section) == items_before and not session.dirty
    assert html.escape(session.say("ui.list.name_required")) in texts(item_list)
    name_box.value = name
    added = getattr(session.audit, section)[-1]
    assert len(getattr(session.audit, section)) == len(items_before) + 1
    assert (added.id, getattr(added, "statement", None) or added.name) == (expected_id, name)
    timer.run()
    assert store.load(session.path).model_dump()[section][-1]["id"] == expected_id


def test_the_forms_show_names_never_ids_or_rule_codes(session: AuditSession) -> None:
    shown = "\n".join(
        texts(step(session)) for step in (objectives_step, environment_step, channels_step, strategy_step)
    )
    assert 'class="auditkit-id"' not in shown
    ids = {
        item.id
        for section in ("objectives", "stakeholders", "peers")
        for item in getattr(session.audit, section)
    }
    hidden = {item_id for item_id in ids if "-" in item_id}
    assert not [
        item_id for item_id in hidden if re.search(rf"(?<![\w-]){re.escape(item_id)}(?![\w-])", shown)
    ]
    roadmap = RoadmapView(session, session.path.parent)
    why = find(roadmap.widget, "auditkit-roadmap-why").value
    assert not re.search(r"\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b", why), why
    action = next(a for a in roadmap.roadmap.actions if a.id == roadmap.select.value)
    assert action.id not in why


@pytest.mark.parametrize(
    ("builder", "path", "name_field", "placeholder"),
    [
        (objectives_step, ("objectives", 0, "indicators"), "name", "ui.new.indicator"),
        (strategy_step, ("strategy", "obstacles"), "text", "ui.new.obstacle"),
    ],
)
def test_a_new_indicator_or_obstacle_is_saved_only_once_named(
    session: AuditSession,
    timer: ManualTimer,
    builder: Callable[[AuditSession], widgets.Widget],
    path: tuple[Any, ...],
    name_field: str,
    placeholder: str,
) -> None:
    step = builder(session)
    rows = find(step, f"auditkit-rows-{path[-1]}")
    name_box = find(rows, f"auditkit-new-{path[-1]}")
    before = list(session.get(path))
    button(rows, "plus").click()
    assert name_box.value == "" and name_box.placeholder == session.say(placeholder)
    assert session.get(path) == before and not session.dirty
    create = next(
        item for item in walk(rows) if getattr(item, "description", "") == session.say("ui.list.create")
    )
    create.click()
    assert session.get(path) == before and not session.dirty
    assert html.escape(session.say("ui.list.name_required")) in texts(rows)
    name_box.value = "Visites du samedi"
    assert [getattr(row, name_field) for row in session.get(path)] == [
        *(getattr(row, name_field) for row in before),
        "Visites du samedi",
    ]
    timer.run()
    saved = store.load(session.path).model_dump(mode="json")
    for part in path:
        saved = saved[part]
    assert saved[-1][name_field] == "Visites du samedi"
    assert session.say(placeholder) not in json.dumps(saved, ensure_ascii=False)


EARLIER_IDS = {
    "fr": {"channels": "nouveau-canal", "stakeholders": "nouveau-public", "peers": "nouveau-pair"},
    "en": {"channels": "new-channel", "stakeholders": "new-audience", "peers": "new-peer"},
}
"""Ids earlier versions gave new items from their placeholder names, in each language."""


def test_ids_frozen_from_placeholder_names_are_renamed_when_the_audit_is_opened(
    tmp_path: Path, language: str, timer: ManualTimer
) -> None:
    audit = store.load(examples_dir() / EXAMPLES[language])
    frozen = {"objectives": "objective", **EARLIER_IDS[language]}
    names = {
        "objectives": "Fidéliser les clients du quartier d'ici juin",
        "stakeholders": "Parents d'élèves",
        "peers": "Épicerie Dupont",
        "channels": "Café des Arts",
    }
    for section, old_id in frozen.items():
        freeze_id(audit, section, 0, old_id, names[section])
    freeze_id(audit, "channels", 1, f"{frozen['channels']}-2", msg("ui.new.earlier.channel")(language))
    path = tmp_path / "earlier.audit.json"
    store.save(Audit.model_validate(audit.model_dump()), path)
    earlier = content(store.load(path))
    referring = [i for i, channel in enumerate(audit.channels) if "objective" in channel.objectives]

    session = AuditSession(path, timer=timer)
    ids = {section: getattr(session.audit, section)[0].id for section in frozen}
    assert ids == {
        "objectives": "fideliser-les-clients-du-quartier-d-ici",
        "stakeholders": "parents-d-eleves",
        "peers": "epicerie-dupont",
        "channels": "cafe-des-arts",
    }
    assert session.audit.channels[1].id == f"{frozen['channels']}-2"
    assert referring and all(ids["objectives"] in session.audit.channels[i].objectives for i in referring)
    assert session.dirty and session.can_undo
    timer.run()
    assert [c.id for c in store.load(path).channels][:2] == ["cafe-des-arts", f"{frozen['channels']}-2"]
    session.undo()
    timer.run()
    assert content(store.load(path)) == earlier
    session_module._SESSIONS.clear()


def test_the_roadmap_says_what_changed_by_names_and_titles_never_ids_or_rule_codes(
    session: AuditSession,
) -> None:
    view = RoadmapView(session, session.path.parent)
    actions = view.roadmap.actions
    view.select.value = next(a.id for a in actions if any(a.id in b.depends_on for b in actions))
    find(view.detail, "auditkit-roadmap-stage").value = 12
    moves = view.message.value
    assert 'class="auditkit-roadmap-moves"' in moves
    action = next(a for a in actions if a.subjects and a.findings)
    assert view.apply(lambda audit: edit_action(audit, action.id, effort_hours=3))
    others = [
        item
        for item in (*session.audit.channels, *session.audit.objectives)
        if item.id not in action.subjects
    ]
    other_rule = next(rule for rule in RULES if rule not in action.findings)

    def remember_more(audit: Audit) -> None:
        base = next(edit.base for edit in audit.roadmap.edits if edit.action_id == action.id)
        assert base is not None
        base.subjects += [others[0].id, "taken-out"]
        base.findings += [other_rule]

    assert not session.edit(remember_more)
    view.select.value = action.id
    why = find(view.detail, "auditkit-roadmap-why").value
    shown = html.unescape("\n".join([moves, view.stages.value, why]))
    other_name = getattr(others[0], "name", None) or others[0].statement.rstrip(" .")
    assert other_name[:20] in shown
    assert RULES[other_rule].title(session.language) in shown
    assert session.say("roadmap.change.subjects_removed", count=1) in shown
    ids = {
        item.id for item in (*session.audit.channels, *session.audit.objectives, *session.audit.stakeholders)
    }
    hidden = [item_id for item_id in (*ids, "taken-out") if "-" in item_id]
    assert not [i for i in hidden if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", shown)]
    assert not re.search(r"\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b", shown), shown


# -- undo and redo -------------------------------------------------------------------------------------


def test_undo_brings_the_file_back_to_the_earlier_revisions_content_and_redo_again(
    session: AuditSession, timer: ManualTimer
) -> None:
    original = content(store.load(session.path))
    toolbar = Toolbar(session)
    assert toolbar.undo_button.disabled and toolbar.redo_button.disabled
    session.set(("objectives", 0, "statement"), "Doubler les cartes de fidélité")
    session.set(("engagement", "consultant"), "Claire Dubois")
    timer.run()
    edited = content(store.load(session.path))
    assert edited != original and not toolbar.undo_button.disabled
    toolbar.undo_button.click()
    toolbar.undo_button.click()
    timer.run()
    assert content(store.load(session.path)) == original
    assert content(session.audit) == original
    assert toolbar.undo_button.disabled and not toolbar.redo_button.disabled
    toolbar.redo_button.click()
    toolbar.redo_button.click()
    timer.run()
    assert content(store.load(session.path)) == edited
    assert toolbar.redo_button.disabled


def test_fifty_edits_can_be_undone_and_a_word_typed_is_undone_at_once(
    session: AuditSession, timer: ManualTimer, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ("objectives", 0, "statement")
    original = session.get(path)
    for letters in range(1, 6):
        session.set(path, "Grow"[:letters] or "G")
    session.undo()
    assert session.get(path) == original
    monkeypatch.setattr(session_module, "COALESCE_SECONDS", 0.0)
    for number in range(60):
        session.set(path, f"Statement {number}")
    for _ in range(50):
        assert session.undo()
    assert session.get(path) == "Statement 9"
    timer.run()
    assert store.load(session.path).objectives[0].statement == "Statement 9"
    session.set(path, "A new branch")
    assert not session.can_redo


def test_a_reset_of_the_weights_asks_first_and_can_be_undone(
    session: AuditSession, timer: ManualTimer
) -> None:
    view = ScoringView(session)
    view.sliders["fit.reach"].value = 0.6
    assert session.audit.settings.weights == {"fit.reach": 0.6}
    view.reset_button.click()
    assert session.audit.settings.weights == {"fit.reach": 0.6}
    assert view.reset_question.layout.display == ""
    view.cancel_reset.click()
    assert view.reset_question.layout.display == "none"
    view.reset_button.click()
    view.confirm_reset.click()
    assert session.audit.settings.weights == {}
    assert view.sliders["fit.reach"].value == WEIGHTS["fit.reach"].default
    session.undo()
    assert session.audit.settings.weights == {"fit.reach": 0.6}


def test_the_weights_total_is_shown_and_can_be_brought_to_100_percent(session: AuditSession) -> None:
    view = ScoringView(session)
    assert view.normalise_buttons["fit"].layout.display == "none"
    view.sliders["fit.reach"].value = 0.6
    total = view.totals["fit"].value.replace("\u202f", " ").replace("\u00a0", " ")
    assert "125" in total and "auditkit-warning" in total
    assert view.normalise_buttons["fit"].layout.display == ""
    view.normalise_buttons["fit"].click()
    assert view.group_total("fit") == pytest.approx(1.0, abs=0.001)
    assert view.normalise_buttons["fit"].layout.display == "none"
    assert view.sliders["fit.reach"].value == pytest.approx(0.6 / 1.25, abs=0.001)


# -- help, preferences, names ---------------------------------------------------------------------------


def test_every_field_has_a_one_line_help_in_every_language() -> None:
    for language in ("en", "fr"):
        text = (CATALOGUES / language / "ui.po").read_text(encoding="utf-8")
        labels = re.findall(r'^msgid "ui\.field\.([^"]+)"', text, re.MULTILINE)
        missing = [name for name in labels if f"ui.help.{name}" not in catalogue(language)]
        assert labels and not missing, f"{language}: fields without help: {missing}"


def test_every_field_of_every_step_shows_its_help(session: AuditSession) -> None:
    steps = [start_step, objectives_step, environment_step, channels_step, strategy_step]
    missing = []
    for build in steps:
        for item in walk(build(session)):
            classes = [c for c in getattr(item, "_dom_classes", ()) if c.startswith("auditkit-field-")]
            if classes and isinstance(item, widgets.ValueWidget) and not getattr(item, "tooltip", None):
                missing.append(classes[0])
    assert not missing, missing


def test_the_consultants_name_is_kept_for_the_next_new_audit(session: AuditSession, tmp_path: Path) -> None:
    panel = StartPanel(session, tmp_path)
    panel.file_name.value = "cafe-des-arts"
    panel.client.value = "Café des Arts"
    panel.consultant.value = "Claire Dubois"
    assert panel.create()
    created = store.load(tmp_path / "cafe-des-arts.audit.json")
    assert created.engagement.consultant == "Claire Dubois"
    assert json.loads((tmp_path / PREFERENCES).read_text(encoding="utf-8"))["consultant"] == "Claire Dubois"
    assert StartPanel(session, tmp_path).consultant.value == "Claire Dubois"


def test_presentation_mode_is_kept_for_the_next_notebook(session: AuditSession) -> None:
    first = Toolbar(session)
    assert PRESENTING_CLASS not in first.widget._dom_classes
    first.presentation.value = True
    assert PRESENTING_CLASS in first.widget._dom_classes
    assert preferences(session.path.parent)["presentation"] is True
    assert Toolbar(session).presentation.value


@pytest.mark.parametrize(
    ("language", "kind", "expected"),
    [
        (Language.FR, "report", "café-des-arts-lyon-rapport"),
        (Language.EN, "report", "café-des-arts-lyon-report"),
        (Language.FR, "roadmap", "café-des-arts-lyon-feuille-de-route"),
    ],
)
def test_export_names_keep_accents_and_follow_the_audits_language(
    language: str, kind: str, expected: str
) -> None:
    assert export_name("Café des Arts — Lyon", kind, language) == expected


def test_exports_are_named_in_the_audits_language_and_reported_by_file_name(
    session: AuditSession, tmp_path: Path
) -> None:
    session.set(("engagement", "client"), "Café des Arts")
    report = ReportView(session, tmp_path)
    assert report.file_name.value == export_name("Café des Arts", "report", session.language)
    roadmap = RoadmapView(session, tmp_path)
    written = roadmap.export()
    assert written is not None and written.name in roadmap.export_message.value
    assert str(tmp_path) not in roadmap.export_message.value


# -- file names, not server paths ----------------------------------------------------------------------


def test_messages_about_audit_files_name_the_file_never_its_server_path(
    session: AuditSession, tmp_path: Path, timer: ManualTimer
) -> None:
    folder = str(tmp_path)
    broken = tmp_path / "broken.audit.json"
    broken.write_text('{"schema_version": 3, "engagement": ', encoding="utf-8")
    with pytest.raises(AuditFileError) as raised:
        AuditSession(broken, timer=timer)
    assert "broken.audit.json" in str(raised.value) and folder not in str(raised.value)

    panel = StartPanel(session, tmp_path)
    assert not panel.open("broken.audit.json")
    assert "broken.audit.json" in panel.message.value and folder not in panel.message.value

    (tmp_path / "report.html").mkdir()
    report = ReportView(session, tmp_path)
    report.file_name.value = "report"
    assert report.export() == []
    assert "report.html" in report.message.value and folder not in report.message.value

    session.path.unlink()
    session.path.mkdir()
    session.set(("engagement", "consultant"), "Claire Dubois")
    timer.run()
    assert session.error and session.path.name in session.status.value
    assert folder not in session.status.value


def test_an_error_about_a_file_and_its_cause_name_files_only(session: AuditSession, tmp_path: Path) -> None:
    system = PermissionError(13, "Permission denied", str(tmp_path / "client.audit.json"))
    assert session.error_text(system) == msg(
        "ui.error.file", path="client.audit.json", reason="Permission denied"
    )(session.language)
    previous = tmp_path / "rounds" / "round-1.audit.json"
    cause = AuditFileError(previous, [Problem("engagement", "missing")])
    values = {"path": str(previous), "reference": "rounds/round-1.audit.json", "round": 2}
    text = session.error_text(PreviousRoundError(msg("compare.previous.invalid", **values), cause))
    assert "round-1.audit.json" in text and str(tmp_path) not in text
