"""The CSV import widget: an upload or a file name in the workspace folder, and only CsvImportError to catch."""

from __future__ import annotations

import html
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditkit import store
from auditkit.csv_import import Target
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.csv_import import CsvImportPanel
from auditkit.ui.session import AuditSession

EXPORT = "Date;Abonnés;Taux d'engagement\n01/09/2026;15 020;0,9 %\n14/09/2026;15 100;1,1 %\n"
SECRET = "user,password\nadmin,hunter2\n"
EXPORTS = Path(__file__).with_name("exports")
NBSP = "\u00a0"


class _Never:
    """A session timer that never saves: these tests read what the panel shows."""

    def __call__(self, delay: float, action: Callable[[], None]) -> _Never:
        return self

    def cancel(self) -> None:
        pass


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    shutil.copyfile(examples_dir() / "boulangerie-martin.audit.json", folder / "client.audit.json")
    (folder / "facebook.csv").write_text(EXPORT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "credentials.csv").write_text(SECRET, encoding="utf-8")
    return folder


@pytest.fixture
def panel(workspace: Path) -> Iterator[CsvImportPanel]:
    yield CsvImportPanel(AuditSession(workspace / "client.audit.json", timer=_Never()))
    session_module._SESSIONS.clear()


def test_a_file_of_the_workspace_is_read_by_its_name(panel: CsvImportPanel) -> None:
    assert panel.file_name.placeholder == "…ou le nom d'un fichier du dossier de travail"
    assert panel.load_name("facebook.csv")
    assert panel.table is not None and panel.table.name == "facebook.csv"
    assert panel.mapping_box.layout.display == ""


@pytest.mark.parametrize("typed", ["../outside/credentials.csv", "{outside}/credentials.csv", "link.csv"])
def test_a_name_leading_outside_the_workspace_is_refused_and_nothing_is_read(
    panel: CsvImportPanel, workspace: Path, typed: str
) -> None:
    outside = workspace.parent / "outside"
    (workspace / "link.csv").symlink_to(outside / "credentials.csv")
    assert not panel.load_name(typed.format(outside=outside))
    assert panel.table is None and panel.mapping_box.layout.display == "none"
    assert 'class="auditkit-error"' in panel.message.value
    assert "dossier de travail" in panel.message.value
    assert "hunter2" not in panel.message.value + panel.info.value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_the_workspace_is_refused_without_hanging(
    panel: CsvImportPanel, workspace: Path
) -> None:
    os.mkfifo(workspace / "pipe.csv")
    assert not panel.load_name("pipe.csv")
    assert "pipe.csv" in panel.message.value and "fichier ordinaire" in panel.message.value


def test_a_negative_count_is_shown_at_preview_and_nothing_can_be_applied(panel: CsvImportPanel) -> None:
    assert panel.load_bytes(b"Date;Abonnes\n01/09/2026;15\n14/09/2026;-3\n", "facebook.csv")
    panel.set_target(1, Target.FOLLOWERS)
    assert panel.preview() is None
    assert "ligne 3, colonne" in panel.diff.value and "-3 est négatif" in panel.diff.value
    assert panel.apply_button.disabled and not panel.apply()


def test_an_empty_upload_is_a_message_naming_the_file(panel: CsvImportPanel) -> None:
    assert not panel.load_bytes(b'""\n', "stats.csv")
    assert "stats.csv" in panel.message.value and "aucune valeur" in panel.message.value


def test_the_preview_shows_the_tool_the_mapping_with_examples_and_why_a_column_is_not_the_audience(
    panel: CsvImportPanel,
) -> None:
    data = (EXPORTS / "meta_instagram_fr.csv").read_bytes()
    assert panel.load_bytes(data, "instagram.csv")
    shown = html.unescape(panel.proposal.value).replace(NBSP, " ")
    assert "Export reconnu : Meta Business Suite." in shown
    assert "'Followers Instagram' → Abonnés (taille de l'audience) (ex. 2335)" in shown
    assert "'Couverture Instagram' → Portée / impressions / vues (ex. 412)" in shown
    assert "Non retenues pour la taille de l'audience" in shown
    assert "'Nouveaux followers Instagram' : une variation, pas un total" in shown
    assert panel.definition.value == "interactions_by_reach"
    assert panel.definition.label == "interactions divisées par la couverture"
    panel.channel.value = "instagram"
    assert panel.preview() is not None
    diff = html.unescape(panel.diff.value).replace(NBSP, " ")
    assert "Engagement calculé ainsi : interactions divisées par la couverture" in diff
    new_engagement = diff.split('class="auditkit-new">')[-1].split("</td>")[0]
    assert new_engagement.endswith("(interactions divisées par la couverture)")
    assert "rivaliq" not in shown


def test_undo_the_import_restores_the_file_through_a_saved_revision(
    panel: CsvImportPanel, workspace: Path
) -> None:
    path = workspace / "client.audit.json"
    before = store.load(path)
    assert panel.load_bytes(EXPORT.encode("utf-8"), "facebook.csv")
    assert panel.preview() is not None and panel.apply()
    assert panel.undo_button.layout.display == ""
    assert panel.session.flush()
    imported = store.load(path)
    assert imported.channel("facebook").audience_size == 15100
    assert imported.revision == before.revision + 1
    assert panel.undo()
    assert "Import annulé sur" in panel.message.value and panel.undo_button.layout.display == "none"
    assert panel.session.flush()
    undone = store.load(path)
    assert undone.revision == before.revision + 2
    assert undone.channel("facebook") == before.channel("facebook")
    assert not panel.undo()
