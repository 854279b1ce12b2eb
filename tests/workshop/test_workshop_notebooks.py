"""The workshop notebooks: committed without outputs, and each runs headless with papermill."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from auditkit.resources import notebooks_dir
from auditkit.workshop.session import open_workshop

WORKSHOP_NOTEBOOKS = sorted(path.name for path in (notebooks_dir() / "workshop").glob("*.ipynb"))
WIDGETS = "application/vnd.jupyter.widget-view+json"


def test_the_workshop_has_its_four_pages() -> None:
    assert WORKSHOP_NOTEBOOKS == ["facilitator.ipynb", "home.ipynb", "quiz.ipynb", "training.ipynb"]


@pytest.mark.parametrize("name", WORKSHOP_NOTEBOOKS)
def test_committed_workshop_notebooks_have_no_outputs(name: str) -> None:
    notebook = nbformat.read(notebooks_dir() / "workshop" / name, as_version=4)
    nbformat.validate(notebook)
    assert "widgets" not in notebook.metadata
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert code[0].metadata.get("tags") == ["parameters"]
    assert "session_folder = None" in code[0].source
    assert all(len(cell.source.splitlines()) <= 5 for cell in code)


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKSHOP_NOTEBOOKS)
def test_workshop_notebook_runs_headless(name: str, tmp_path: Path) -> None:
    import papermill

    folder = tmp_path / "room"
    workshop = open_workshop(folder, language="en")
    first = workshop.bank.question(workshop.settings.questions[0])
    workshop.answer(workshop.join("Ana").code, first.id, first.choices[0])
    output = tmp_path / name
    parameters: dict[str, object] = {"session_folder": str(folder)}
    if name == "facilitator.ipynb":
        parameters["refresh_seconds"] = 0.2
    papermill.execute_notebook(
        str(notebooks_dir() / "workshop" / name),
        str(output),
        parameters=parameters,
        cwd=str(tmp_path),
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=180,
    )
    executed = nbformat.read(output, as_version=4)
    outputs = [item for cell in executed.cells for item in cell.get("outputs", [])]
    assert not [item for item in outputs if item.output_type == "error"]
    assert any(WIDGETS in item.get("data", {}) for item in outputs), "the page's widgets were not displayed"
    assert sorted(path.name for path in (folder / "participants").glob("*.json")) == ["ana.json"]
