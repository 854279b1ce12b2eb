"""The CSV import widget: an upload or a file name in the workspace folder, and only CsvImportError to catch."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditkit.csv_import import Target
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.csv_import import CsvImportPanel
from auditkit.ui.session import AuditSession

EXPORT = "Date;Abonnés;Taux d'engagement\n01/09/2026;15 020;0,9 %\n14/09/2026;15 100;1,1 %\n"
SECRET = "user,password\nadmin,hunter2\n"


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
