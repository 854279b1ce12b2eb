"""The notebook widgets, in process: each change is validated, saved after the debounce, never saved invalid."""

from __future__ import annotations

import html
import json
import re
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from ui_samples import ManualTimer

from auditkit import store
from auditkit.model import Audit, ComponentStatus, Language, StrategyComponentKey
from auditkit.resources import examples_dir
from auditkit.roadmap import drop_action
from auditkit.scoring import WEIGHTS
from auditkit.ui import session as session_module
from auditkit.ui.channels import EngagementEditor, channels_step
from auditkit.ui.common import PLOTLY_RENDERER, configure_plotly, explain
from auditkit.ui.csv_import import CsvImportPanel
from auditkit.ui.environment import environment_step
from auditkit.ui.fields import INVALID_CLASS, NOT_KNOWN, field, shown_number, typed_number
from auditkit.ui.lists import ItemList, RowList, references_to, remove_item
from auditkit.ui.objectives import new_indicator, objectives_step
from auditkit.ui.progress import StepState, progress, progress_html
from auditkit.ui.report import ReportView
from auditkit.ui.roadmap import RoadmapView
from auditkit.ui.scoring import ScoringView
from auditkit.ui.session import AuditSession, Debouncer, Event, open_session, resolve_audit_path
from auditkit.ui.start import StartPanel, start_step
from auditkit.ui.strategy import ComponentRow, strategy_step

EXAMPLE = examples_dir() / "boulangerie-martin.audit.json"


@pytest.fixture
def audit_file(tmp_path: Path) -> Path:
    path = tmp_path / "client.audit.json"
    shutil.copyfile(EXAMPLE, path)
    return path


@pytest.fixture
def timer() -> ManualTimer:
    return ManualTimer()


@pytest.fixture
def session(audit_file: Path, timer: ManualTimer) -> Iterator[AuditSession]:
    yield AuditSession(audit_file, timer=timer)
    session_module._SESSIONS.clear()


def on_disk(path: Path) -> Audit:
    return store.load(path)


def walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def find(root: Any, css_class: str) -> Any:
    found = [item for item in walk(root) if css_class in getattr(item, "_dom_classes", ())]
    assert found, f"no widget with class {css_class}"
    return found[0]


def folded(text: str) -> str:
    """``text`` with the no-break spaces of French typography as ordinary spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def errors(root: Any) -> list[str]:
    return [
        item.value
        for item in walk(root)
        if isinstance(item, widgets.HTML) and 'class="auditkit-error"' in item.value
    ]


# -- session --------------------------------------------------------------------------------------------


def test_a_typed_value_is_saved_after_the_debounce(audit_file: Path) -> None:
    session = AuditSession(audit_file, save_delay=0.05)
    statement = find(objectives_step(session), "auditkit-field-statement")
    statement.value = "Double the loyalty cards by June 2027."
    assert session.audit.objectives[0].statement == "Double the loyalty cards by June 2027."
    deadline = time.monotonic() + 5
    while on_disk(audit_file).objectives[0].statement != statement.value:
        assert time.monotonic() < deadline, "not saved within 5 s"
        time.sleep(0.02)
    assert on_disk(audit_file).revision == 1
    assert "✓" in session.status.value


def test_a_burst_of_changes_gives_one_save(
    session: AuditSession, audit_file: Path, timer: ManualTimer
) -> None:
    client = find(start_step(session), "auditkit-field-client")
    for text in ("B", "Bo", "Boulangerie Martin & Fils"):
        client.value = text
    assert on_disk(audit_file).engagement.client == "Boulangerie Martin"
    assert session.dirty and "●" in session.status.value
    timer.run()
    saved = on_disk(audit_file)
    assert (saved.engagement.client, saved.revision) == ("Boulangerie Martin & Fils", 1)
    assert not session.dirty


def test_an_invalid_value_is_shown_and_never_saved(
    session: AuditSession, audit_file: Path, timer: ManualTimer
) -> None:
    step = objectives_step(session)
    statement = find(step, "auditkit-field-statement")
    original = session.audit.objectives[0].statement
    statement.value = ""
    assert INVALID_CLASS in statement._dom_classes
    assert any("trop court (au moins 1 caractère)" in message for message in errors(step))
    assert session.audit.objectives[0].statement == original
    assert not session.dirty
    timer.run()
    assert on_disk(audit_file).objectives[0].statement == original
    statement.value = "Fixed."
    assert INVALID_CLASS not in statement._dom_classes
    assert not errors(step)


@pytest.mark.parametrize(
    ("typed", "stored", "error"),
    [
        ("12,5", 12.5, None),
        ("1 500", 1500.0, None),
        ("", None, None),
        ("douze", 10, "pas un nombre"),
        ("-3", 10, "trop petit (au moins 0\u00a0€)"),
    ],
)
def test_number_fields_parse_french_input(
    session: AuditSession,
    audit_file: Path,
    timer: ManualTimer,
    typed: str,
    stored: float | None,
    error: str | None,
) -> None:
    session.set(("channels", 0, "monthly_budget"), 10)
    timer.run()
    bound = field(session, ("channels", 0, "monthly_budget"))
    bound.control.value = typed
    timer.run()
    assert on_disk(audit_file).channels[0].monthly_budget == stored
    assert (bound.error is None) == (error is None)
    if error:
        assert error in bound.error
        assert error in bound.message.value


def test_typed_number_and_shown_number_follow_the_language() -> None:
    assert typed_number("1,500", Language.FR) == 1.5
    assert typed_number("1,500", Language.EN) == 1500
    assert typed_number("7", Language.EN, whole=True) == 7
    with pytest.raises(ValueError, match="whole"):
        typed_number("7.5", Language.EN, whole=True)
    with pytest.raises(ValueError, match="required"):
        typed_number(" ", Language.EN, optional=False)
    assert (shown_number(12.5, Language.FR), shown_number(3.0, Language.EN)) == ("12,5", "3")


def test_a_change_saved_elsewhere_meanwhile_is_merged(
    session: AuditSession, audit_file: Path, timer: ManualTimer
) -> None:
    elsewhere = store.load(audit_file)
    elsewhere.notes = "Written in another notebook."
    store.save(elsewhere, audit_file)
    events: list[Event] = []
    session.on_change(events.append)
    assert session.set(("engagement", "consultant"), "Nadia") == []
    timer.run()
    saved = on_disk(audit_file)
    assert (saved.notes, saved.engagement.consultant, saved.revision) == (
        "Written in another notebook.",
        "Nadia",
        2,
    )
    assert session.audit.notes == "Written in another notebook."
    assert events[-1] is Event.RELOAD
    assert "modifications faites ailleurs" in session.status.value


def test_a_conflicting_change_saved_elsewhere_is_not_overwritten(
    session: AuditSession, audit_file: Path, timer: ManualTimer
) -> None:
    elsewhere = store.load(audit_file)
    elsewhere.objectives.reverse()
    elsewhere.notes = "Reordered by a colleague."
    store.save(elsewhere, audit_file)
    reloads: list[Event] = []
    session.on_change(lambda event: reloads.append(event) if event is Event.RELOAD else None)
    assert session.set(("objectives", 0, "statement"), "Mine.") == []
    timer.run()
    assert on_disk(audit_file).notes == "Reordered by a colleague."
    assert "Mine." not in [o.statement for o in on_disk(audit_file).objectives]
    assert session.error == "stale"
    assert "modifié ailleurs" in session.status.value
    assert session.reload_button.layout.display == ""
    session.reload_button.click()
    assert session.audit.notes == "Reordered by a colleague."
    assert reloads == [Event.RELOAD]
    assert session.reload_button.layout.display == "none"
    session.set(("objectives", 0, "statement"), "Mine, after reloading.")
    timer.run()
    assert on_disk(audit_file).objectives[0].statement == "Mine, after reloading."


def test_pending_changes_are_flushed(session: AuditSession, audit_file: Path) -> None:
    session.set(("engagement", "consultant"), "Nadia")
    assert session.flush()
    assert on_disk(audit_file).engagement.consultant == "Nadia"
    assert session.flush()


def test_debouncer_runs_once_after_the_last_trigger() -> None:
    calls: list[int] = []
    debouncer = Debouncer(0.03, lambda: calls.append(1))
    for _ in range(5):
        debouncer.trigger()
    assert debouncer.pending
    time.sleep(0.3)
    assert calls == [1]
    assert not debouncer.pending


# -- opening ----------------------------------------------------------------------------------------------


def test_default_audit_is_a_working_copy_of_the_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bundled = EXAMPLE.read_bytes()
    session = open_session(None, timer=ManualTimer())
    assert session.path == tmp_path / "my-audit.audit.json"
    assert "example" in session.notice.value or "exemple" in session.notice.value
    session.set(("notes",), "Workshop notes.")
    assert session.flush()
    assert EXAMPLE.read_bytes() == bundled
    assert open_session(None) is session
    session_module._SESSIONS.clear()


def test_start_panel_creates_an_audit_and_makes_it_current(tmp_path: Path, session: AuditSession) -> None:
    panel = StartPanel(session, tmp_path)
    panel.file_name.value = "new-client"
    panel.client.value = "Café des Arts"
    panel.language.value = Language.EN
    assert panel.create()
    created = tmp_path / "new-client.audit.json"
    assert on_disk(created).engagement.client == "Café des Arts"
    assert session.path == created
    assert resolve_audit_path(None, tmp_path) == created
    assert not panel.create()
    assert "already exists" in panel.message.value
    assert not panel.open("missing.audit.json")
    assert "no such file" in panel.message.value


def test_changing_the_language_rebuilds_the_start_step(session: AuditSession) -> None:
    step = start_step(session)
    find(step, "auditkit-field-language").value = Language.EN
    assert "The engagement" in " ".join(item.value for item in walk(step) if isinstance(item, widgets.HTML))


# -- lists ------------------------------------------------------------------------------------------------


def test_objectives_can_be_added_moved_and_removed(
    session: AuditSession, audit_file: Path, timer: ManualTimer
) -> None:
    items = ItemList(
        session,
        "objectives",
        title=lambda objective: objective.statement,
        editor=lambda index: widgets.HTML(str(index)),
        new_item=lambda audit, name: audit.objectives[0].model_copy(
            update={"id": "new-one", "statement": name, "primary": False}
        ),
        placeholder="ui.new.objective",
    )
    ids = [o.id for o in session.audit.objectives]
    items.start_new()
    assert items.add("Grow repeat visits by 20 % by June")
    assert [o.id for o in session.audit.objectives] == [*ids, "new-one"]
    assert items.index == len(ids)
    items.move(-1)
    assert session.audit.objectives[-2].id == "new-one"
    items.select.value = 0
    items.ask_remove()
    assert items.confirm.layout.display == ""
    assert "référence" in items.confirm_text.value
    items.remove()
    timer.run()
    saved = on_disk(audit_file)
    assert ids[0] not in [o.id for o in saved.objectives]
    assert all(ids[0] not in channel.objectives for channel in saved.channels)


def test_removing_a_stakeholder_removes_its_references(session: AuditSession) -> None:
    audit = session.audit.model_copy(deep=True)
    target = audit.stakeholders[0].id
    assert references_to(audit, "stakeholders", target) > 0
    remove_item(audit, "stakeholders", 0)
    assert references_to(audit, "stakeholders", target) == 0
    Audit.model_validate(audit.model_dump())


def test_indicator_rows(session: AuditSession, timer: ManualTimer, audit_file: Path) -> None:
    rows = RowList(
        session,
        ("objectives", 0, "indicators"),
        label="Indicators",
        row=lambda path: [field(session, (*path, "name"), compact=True).widget],
        new_row=new_indicator,
        placeholder="ui.new.indicator",
    )
    count = len(session.audit.objectives[0].indicators)
    rows.start_new()
    assert rows.add("Visites du samedi")
    assert len(rows.rows.children) == count + 1
    rows.move(count, -1)
    assert session.audit.objectives[0].indicators[count - 1].name == "Visites du samedi"
    rows.remove(count - 1)
    timer.run()
    assert len(on_disk(audit_file).objectives[0].indicators) == count


def test_reference_check_boxes(session: AuditSession, timer: ManualTimer, audit_file: Path) -> None:
    step = channels_step(session)
    boxes = find(step, "auditkit-field-objectives").children
    for box in boxes:
        box.value = False
    timer.run()
    assert on_disk(audit_file).channels[0].objectives == []
    boxes[-1].value = True
    timer.run()
    assert on_disk(audit_file).channels[0].objectives == [session.audit.objectives[-1].id]


def test_engagement_editor_builds_a_measure(session: AuditSession) -> None:
    editor = EngagementEditor(session, 0)
    for control in editor.numbers.values():
        control.value = ""
    assert session.audit.channels[0].engagement is None
    editor.numbers["rate"].value = "1,8"
    assert session.audit.channels[0].engagement.rate == 1.8
    editor.numbers["rate"].value = ""
    assert session.audit.channels[0].engagement is None
    editor.numbers["interactions"].value = "12"
    assert editor.error is not None and "base" in editor.message.value
    assert session.audit.channels[0].engagement is None
    editor.numbers["base"].value = "1 200"
    assert editor.error is None
    assert session.audit.channels[0].engagement.percent == 1.0


def test_not_known_is_a_visible_choice_and_stores_none(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    judged = field(session, ("channels", 0, "assessed_before_launch"))
    assert session.audit.channels[0].assessed_before_launch is None
    assert (judged.control.value, judged.control.label) == (NOT_KNOWN, "— inconnu —")
    judged.control.value = True
    judged.control.label = "— inconnu —"
    assert session.audit.channels[0].assessed_before_launch is None
    literacy = field(session, ("stakeholders", 0, "digital_literacy"))
    literacy.control.label = "— inconnu —"
    timer.run()
    assert on_disk(audit_file).stakeholders[0].digital_literacy is None
    literacy.refresh()
    assert literacy.control.label == "— inconnu —"
    row = ComponentRow(session, StrategyComponentKey.EXIT_PLAN)
    row.status.label = "— non évalué —"
    assert StrategyComponentKey.EXIT_PLAN not in session.audit.strategy.components
    row.refresh()
    assert row.status.label == "— non évalué —"


def test_languages_are_named_not_coded(session: AuditSession) -> None:
    language = field(session, ("engagement", "language"))
    assert language.control.label == "Français"
    assert [label for label, _ in language.control.options] == ["English", "Français"]


def test_nested_rows_have_column_labels(session: AuditSession) -> None:
    step = environment_step(session)
    header = find(step, "auditkit-columns")
    labels = [item.value for item in walk(header) if isinstance(item, widgets.HTML)]
    assert any("Plateforme" in label for label in labels)
    assert any("Taux d&#x27;engagement (%)" in label for label in labels)
    objectives = objectives_step(session)
    rows = find(objectives, "auditkit-rows-indicators")
    labels = " ".join(item.value for item in walk(rows) if isinstance(item, widgets.HTML))
    assert "Angle" in labels and "Définition" in labels
    engagement = " ".join(
        item.value for item in walk(channels_step(session)) if isinstance(item, widgets.HTML)
    )
    assert "Interactions" in engagement and "Base (abonnés, portée...)" in engagement


def test_channel_list_names_the_status_in_the_audit_language(session: AuditSession) -> None:
    select = find(channels_step(session), "auditkit-list-channels")
    titles = [label for label, _ in select.options]
    assert titles[0].endswith("· actif") and not any(title.endswith("· active") for title in titles)


def test_strategy_component_rows(session: AuditSession, timer: ManualTimer, audit_file: Path) -> None:
    row = ComponentRow(session, StrategyComponentKey.EXIT_PLAN)
    row.status.value = None
    assert StrategyComponentKey.EXIT_PLAN not in session.audit.strategy.components
    assert row.note.disabled
    row.status.value = ComponentStatus.PARTIAL
    row.note.value = "Draft in progress."
    timer.run()
    component = on_disk(audit_file).strategy.components[StrategyComponentKey.EXIT_PLAN]
    assert (component.status, component.note) == (ComponentStatus.PARTIAL, "Draft in progress.")


# -- scoring --------------------------------------------------------------------------------------------


def test_a_weight_slider_rescores_in_place_and_saves(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    view = ScoringView(session)
    heatmap_before = [list(row) for row in view.heatmap.figure.data[0].z]
    figure = view.heatmap.widget
    view.sliders["fit.reach"].value = 1.0
    view.sliders["fit.effort"].value = 0.0
    assert view.heatmap.widget is figure
    assert [list(row) for row in view.heatmap.figure.data[0].z] != heatmap_before
    timer.run()
    assert on_disk(audit_file).settings.weights == {"fit.reach": 1.0, "fit.effort": 0.0}
    view.reset()
    assert session.audit.settings.weights == {}
    assert view.sliders["fit.reach"].value == WEIGHTS["fit.reach"].default
    assert [list(row) for row in view.heatmap.figure.data[0].z] == heatmap_before


# -- CSV import ---------------------------------------------------------------------------------------

EXPORT = "Date;Abonnés;Taux d'engagement\n01/09/2026;15 020;0,9 %\n14/09/2026;15 100;1,1 %\n"


def test_csv_import_applies_only_after_the_preview(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    applied: list[int] = []
    panel = CsvImportPanel(session, on_applied=applied.append)
    assert panel.load_bytes(EXPORT.encode("cp1252"), "facebook-insights.csv")
    assert panel.channel.value == "facebook"
    assert not panel.apply()
    plan = panel.preview()
    assert plan is not None and "auditkit-old" in panel.diff.value
    assert "14 800" in panel.diff.value.replace("\u202f", " ")
    assert session.audit.channel("facebook").audience_size == 14800
    assert panel.apply()
    timer.run()
    saved = on_disk(audit_file).channel("facebook")
    assert (saved.audience_size, saved.engagement.rate) == (15100, 1.0)
    assert applied == [0]


@pytest.mark.parametrize(
    ("data", "french"),
    [
        (b"", "le fichier est vide"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "image PNG"),
        (b"just one line of text\nand another\n", "une seule colonne"),
        (b"Nom;Ville\nMartin;Tours\nDupont;Blois\n", "aucune colonne utilisable"),
    ],
    ids=["empty", "not_a_csv", "single_column", "no_usable_column"],
)
def test_csv_import_bad_files_get_a_message_in_the_audit_language_and_change_nothing(
    session: AuditSession, audit_file: Path, timer: ManualTimer, data: bytes, french: str
) -> None:
    panel = CsvImportPanel(session)
    before = audit_file.read_bytes()
    assert panel.load_bytes(data, "stats-facebook.csv") is False
    assert "stats-facebook.csv" in panel.message.value and french in panel.message.value
    assert 'class="auditkit-error"' in panel.message.value
    assert panel.mapping_box.layout.display == "none" and panel.preview() is None and not panel.apply()
    timer.run()
    assert not session.dirty and audit_file.read_bytes() == before
    store.load(audit_file)


def test_csv_import_speaks_the_audit_language(session: AuditSession) -> None:
    panel = CsvImportPanel(session)
    assert panel.load_bytes(EXPORT.encode("cp1252"), "facebook-insights.csv")
    assert "séparateur &#x27;;&#x27;, Windows-1252" in panel.info.value
    labels = folded(" ".join(item.value for item in walk(panel.columns) if isinstance(item, widgets.HTML)))
    assert "Abonnés (nombre ; ex. 15" in labels and "number" not in labels
    headers = " ".join(item.value for item in walk(panel.mapping_box) if isinstance(item, widgets.HTML))
    assert "Colonne du fichier" in headers and "Alimente le champ du canal" in headers


def test_csv_import_refuses_a_bad_file_and_changes_nothing(session: AuditSession, audit_file: Path) -> None:
    panel = CsvImportPanel(session)
    before = audit_file.read_bytes()
    assert not panel.load_bytes(b'{"not": "csv"}', "stats.json")
    assert "stats.json" in panel.message.value and "JSON" in panel.message.value
    assert panel.mapping_box.layout.display == "none"
    assert not panel.load_name("absent.csv")
    assert "absent.csv" in panel.message.value
    assert not session.dirty and audit_file.read_bytes() == before


def test_remapping_a_column_invalidates_the_preview(session: AuditSession) -> None:
    panel = CsvImportPanel(session)
    panel.load_bytes(EXPORT.encode(), "x.csv")
    panel.preview()
    assert not panel.apply_button.disabled
    panel.set_target(2, panel._selectors[1].value)
    assert panel.apply_button.disabled
    assert panel.mapping.columns.get(1) is None


# -- steps, progress, explanation ----------------------------------------------------------------------


@pytest.mark.parametrize("example", sorted(path.name for path in examples_dir().glob("*.audit.json")))
def test_every_step_builds_on_every_example(tmp_path: Path, example: str) -> None:
    path = tmp_path / example
    shutil.copyfile(examples_dir() / example, path)
    session = AuditSession(path, timer=ManualTimer())
    for build in (start_step, objectives_step, environment_step, channels_step, strategy_step):
        assert isinstance(build(session), widgets.VBox)
    assert not session.dirty


def test_progress(minimal_audit: Audit, session: AuditSession) -> None:
    empty = {item.step: item.state for item in progress(minimal_audit)}
    assert empty["objectives"] is StepState.TODO and empty["channels"] is StepState.TODO
    example = {item.step: item.state for item in progress(session.audit)}
    assert example["objectives"] is StepState.STARTED
    assert example["channels"] in (StepState.STARTED, StepState.DONE)
    minimal_audit.engagement.client = "<script>alert(1)</script>"
    assert "<script>" not in progress_html(minimal_audit)


def test_explanation_follows_the_audit_language(session: AuditSession) -> None:
    assert "Partez de ce que veut l'organisation" in explain(session, "objectives").data
    session.set(("engagement", "language"), Language.EN)
    text = explain(session, "objectives").data
    assert "Start from what the organisation wants" in text
    assert "(02_environment.ipynb)" in text


def test_plotly_renderer_is_set_explicitly() -> None:
    import plotly.io as pio

    configure_plotly()
    assert pio.renderers.default == PLOTLY_RENDERER


def test_saved_file_is_plain_json(session: AuditSession, audit_file: Path) -> None:
    session.set(("engagement", "audit_date"), date(2026, 10, 1))
    session.flush()
    assert json.loads(audit_file.read_text(encoding="utf-8"))["engagement"]["audit_date"] == "2026-10-01"


# -- roadmap and report -----------------------------------------------------------------------------


def test_roadmap_actions_can_be_moved_edited_dropped_and_added(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    view = RoadmapView(session)
    first = view.roadmap.actions[0]
    view.select.value = first.id
    editor = view.detail.children[0]
    find(editor, "auditkit-roadmap-stage").value = 12
    assert view.roadmap.action(first.id).stage == 12
    view.select.value = first.id
    find(view.detail, "auditkit-roadmap-title").value = "Nouveau titre"
    view.select.value = first.id
    find(view.detail, "auditkit-roadmap-effort_hours").value = "beaucoup"
    assert "pas un nombre" in view.message.value
    timer.run()
    edit = on_disk(audit_file).roadmap.edits[0]
    assert (edit.action_id, edit.stage, edit.title_fr, edit.effort_hours) == (
        first.id,
        12,
        "Nouveau titre",
        None,
    )
    view.new_title.value = "Former l'équipe"
    view.new_effort.value = "6"
    assert view.add()
    assert view.roadmap.action(view.select.value).origin == "manual"
    second = view.roadmap.actions[1].id
    view.apply(lambda audit: drop_action(audit, second))
    assert second in [action.id for action in view.roadmap.dropped]
    timer.run()
    saved = on_disk(audit_file).roadmap
    assert [added.title_fr for added in saved.added] == ["Former l'équipe"]
    assert any(edit.dropped for edit in saved.edits)


def test_roadmap_export(session: AuditSession, tmp_path: Path) -> None:
    view = RoadmapView(session, tmp_path)
    view.format.value = ".csv"
    written = view.export()
    assert written == tmp_path / "boulangerie-martin-feuille-de-route.csv"
    assert written.read_text(encoding="utf-8-sig").count("\n") > len(view.roadmap.actions)
    view.file_name.value = "plan"
    view.format.value = ".md"
    assert view.export().read_text(encoding="utf-8").startswith("#")


def test_report_preview_and_export(session: AuditSession, tmp_path: Path) -> None:
    session.set(("engagement", "client"), 'Boulangerie "<b>Martin</b>"')
    view = ReportView(session, tmp_path)
    assert view.preview()
    assert view.frame.value.startswith(
        '<iframe class="auditkit-report-preview" sandbox="allow-scripts" srcdoc="'
    )
    assert "<b>Martin" not in view.frame.value
    view.language.value = Language.EN
    written = view.export()
    assert written == [tmp_path / "boulangerie-b-martin-b-rapport.html"]
    assert 'lang="en"' in written[0].read_text(encoding="utf-8")


def test_roadmap_owner_is_named_in_the_audit_language(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    view = RoadmapView(session)
    action = next(action for action in view.roadmap.actions if action.owner_role == "management")
    view.select.value = action.id
    owner = find(view.detail, "auditkit-roadmap-owner_role")
    assert owner.value == "Direction" and "Responsable de la stratégie" in owner.options
    owner.value = "Responsable de la stratégie"
    assert view.roadmap.action(action.id).owner_role == "strategy_owner"
    view.select.value = action.id
    find(view.detail, "auditkit-roadmap-owner_role").value = "Nadia (agence)"
    timer.run()
    edit = next(edit for edit in on_disk(audit_file).roadmap.edits if edit.action_id == action.id)
    assert edit.owner_role == "Nadia (agence)"


def test_exports_offer_a_download_link(session: AuditSession, tmp_path: Path) -> None:
    import base64
    import re

    roadmap = RoadmapView(session, tmp_path)
    roadmap.format.value = ".md"
    written = roadmap.export()
    link = re.search(
        r'download="([^"]+)" href="data:text/markdown;base64,([^"]+)"', roadmap.export_message.value
    )
    assert link and link.group(1) == written.name
    assert base64.b64decode(link.group(2)) == written.read_bytes()
    assert "Télécharger" in roadmap.export_message.value
    report = ReportView(session, tmp_path)
    [page] = report.export()
    link = re.search(r'download="([^"]+)" href="data:text/html;base64,([^"]+)"', report.message.value)
    assert link and link.group(1) == page.name
    assert base64.b64decode(link.group(2)) == page.read_bytes()


def test_first_weight_group_is_open(session: AuditSession) -> None:
    accordion = next(
        item for item in walk(ScoringView(session).widget) if isinstance(item, widgets.Accordion)
    )
    assert accordion.selected_index == 0


def test_weight_groups_are_built_when_opened(session: AuditSession) -> None:
    view = ScoringView(session)
    assert set(view.sliders) == {key for key in WEIGHTS if key.startswith("fit.")}
    view.accordion.selected_index = view.groups.index("strategy")
    assert {key for key in WEIGHTS if key.startswith("strategy.")} <= set(view.sliders)
    assert len(view.accordion.children[view.groups.index("strategy")].children) > 1


def test_unbalanced_group_shows_its_total_in_its_title(session: AuditSession) -> None:
    view = ScoringView(session)
    strategy = view.groups.index("strategy")
    assert "total" not in view.accordion.get_title(strategy)
    key = next(key for key in WEIGHTS if key.startswith("strategy."))
    view.set_weight(key, WEIGHTS[key].default + 0.1)
    view.refresh()
    assert "(total" in view.accordion.get_title(strategy)


def test_new_audit_form_labels_every_input(session: AuditSession, tmp_path: Path) -> None:
    panel = StartPanel(session, tmp_path)
    labels = [item.value for item in walk(panel.widget) if isinstance(item, widgets.HTML)]
    for label in ("Nom du fichier", "Client", "Type d&#x27;organisation", "Langue", "Date de l&#x27;audit"):
        assert label in labels
    assert panel.language.label == "Français"


def test_a_moved_action_can_go_back_to_its_generated_stage(session: AuditSession) -> None:
    view = RoadmapView(session)
    action = view.roadmap.actions[0]
    view.select.value = action.id
    stage = find(view.detail, "auditkit-roadmap-stage")
    assert stage.label == "Mois 1" and stage.options[0] == ("Automatique (comme généré)", NOT_KNOWN)
    stage.value = 9
    assert view.roadmap.action(action.id).stage == 9
    view.select.value = action.id
    find(view.detail, "auditkit-roadmap-stage").value = NOT_KNOWN
    assert view.roadmap.action(action.id).stage == action.stage
    assert all(edit.stage is None for edit in session.audit.roadmap.edits)


# -- a language added by catalogue files only ----------------------------------------------------------


def _read(markup: str) -> str:
    """What a person reads of some HTML or Markdown: no style sheet, tags or link targets."""
    markup = re.sub(r"<style>.*?</style>|<[^>]+>|\]\([^)]*\)", " ", markup, flags=re.DOTALL)
    return html.unescape(markup)


def _visible_texts(root: Any) -> Iterator[str]:
    """Every text a person reads in a widget tree: HTML, descriptions, tooltips, placeholders, options."""
    for item in walk(root):
        if isinstance(item, widgets.HTML):
            yield _read(item.value)
        for name in ("description", "tooltip", "placeholder"):
            yield str(getattr(item, name, "") or "")
        for option in getattr(item, "options", ()) or ():
            yield option[0] if isinstance(option, tuple) else str(option)


def test_every_word_of_every_step_comes_from_the_catalogue(session: AuditSession, pseudo_locale: str) -> None:
    """Data stays as typed: the audit's texts, identifiers and metric keys, month names and currency names (CLDR data), each language's name."""
    from auditkit.benchmarks import benchmarks_path
    from auditkit.locale.formats import cldr

    typed = json.dumps(session.audit.model_dump(mode="json"), ensure_ascii=False)
    allowed = set(re.findall(r"\w+", typed + session.path.name))
    allowed |= set(re.findall(r"[^\W\d_]+", benchmarks_path().read_text(encoding="utf-8")))
    allowed |= set(cldr("en").months["format"]["wide"].values()) | {"English", "Français"}
    allowed |= set(re.findall(r"[^\W\d_]+", " ".join(cldr("en").currencies.values())))
    session.audit.engagement.language = pseudo_locale
    steps = [
        start_step(session, session.path.parent),
        objectives_step(session),
        environment_step(session),
        channels_step(session),
        strategy_step(session),
    ]
    texts = [text for step in steps for part in step.children[2:] for text in _visible_texts(part)]
    for view in (ScoringView(session), RoadmapView(session), ReportView(session)):
        texts += _visible_texts(view.widget)
    keys = ("objectives", "environment", "channels", "scoring", "strategy", "roadmap", "report")
    texts += [_read(explain(session, key).data) for key in keys]
    texts.append(_read(progress_html(session.audit)))
    outside = set()
    for text in texts:
        while re.search(r"⟦[^⟦⟧]*⟧", text):
            text = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        text = re.sub(r"\b[a-z]+(?:[-_][a-z]+)+\b", " ", text)
        outside.update(word for word in re.findall(r"[^\W\d_]{2,}", text) if word not in allowed)
    assert not outside, f"words not from the catalogue: {sorted(outside)}"
