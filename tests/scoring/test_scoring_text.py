"""The plain-text scorecard and the ``auditkit score`` command."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from scoring_samples import (
    build,
    channel,
    document,
    scored,
)

from auditkit import store
from auditkit.cli import main
from auditkit.scoring import (
    score,
)
from tests.test_cli import run


def test_text_scorecard_lists_channels_and_matrix() -> None:
    text = scored(channel("instagram", "instagram"), channel("facebook", "facebook", objectives=[])).to_text(
        "fr"
    )
    assert "Score global\u00a0:" in text and "Canaux" in text and "Investir" in text and "Réduire" in text
    assert "awareness" in text and "Complétude de la stratégie" in text


def write_audit(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "client.audit.json"
    store.save(build(doc), path)
    return path


def test_cli_score_prints_a_readable_scorecard(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_audit(tmp_path, document())
    code, out, err = run(capsys, "score", str(path))
    assert code == 0 and not err
    assert out.startswith("Test Bakery — 2026-09-15")
    assert "Overall score:" in out and "Instagram" in out and "Invest" in out
    code, out, _ = run(capsys, "score", str(path), "--lang", "fr")
    assert code == 0 and "Score global\u00a0:" in out


def test_cli_score_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_audit(tmp_path, document())
    code, out, _ = run(capsys, "score", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    data.pop("verdicts", None)
    assert data == score(store.load(path)).to_dict("en")


def test_cli_score_bad_files_exit_1_without_traceback(
    bad_audit_files: dict[str, tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    for path, _ in bad_audit_files.values():
        code, out, err = run(capsys, "score", str(path))
        assert code == 1 and not out
        assert str(path) in err and "Traceback" not in err


def test_cli_score_unknown_weight_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = copy.deepcopy(document())
    doc["settings"] = {"weights": {"reach": 1}}
    code, _, err = run(capsys, "score", str(write_audit(tmp_path, doc)))
    assert code == 1 and "unknown key(s) 'reach'" in err and "fit.reach" in err


def test_cli_score_wrong_language_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["score", str(write_audit(tmp_path, document())), "--lang", "de"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_text_explains_every_component_with_its_weight() -> None:
    card = scored()
    text = card.to_text("en")
    assert "Results: " in text and "(sub-score, weight, points, evidence)" in text
    overall = text.split("Overall score — contributions")[1].split("\n\n")[0].splitlines()[1:]
    assert len(overall) == len(card.overall.contributions) == 5
    for item, line in zip(card.overall.contributions, overall, strict=True):
        assert line.strip().startswith(item.label("en"))
        assert f"{item.weight:.2f}" in line and f"{item.points:.1f}" in line
    assert "Objectives against their targets" in text and "What levels 4 and 5 need" in text
