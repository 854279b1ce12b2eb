"""The one entry point: ``auditkit.open`` gives a run that computes each result once and shows itself."""

from __future__ import annotations

import pandas as pd
import pytest

import auditkit
from auditkit.errors import AuditFileError
from auditkit.locale.formats import decimal
from auditkit.resources import examples_dir
from auditkit.run import AuditRun

BAKERY = examples_dir() / "boulangerie-martin.audit.json"


@pytest.fixture(scope="module")
def run() -> AuditRun:
    return auditkit.open(BAKERY)


def test_open_reads_the_file_and_computes_nothing_yet() -> None:
    fresh = auditkit.open(BAKERY)
    assert fresh.audit.engagement.client == "Boulangerie Martin"
    assert fresh.path == BAKERY
    assert not {"scorecard", "diagnosis", "roadmap"} & set(vars(fresh))


def test_each_result_is_computed_once_and_the_roadmap_reuses_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import auditkit.diagnose
    import auditkit.scoring

    calls: list[str] = []
    score, diagnose = auditkit.scoring.score, auditkit.diagnose.diagnose
    monkeypatch.setattr(
        auditkit.scoring, "score", lambda audit, *given: calls.append("score") or score(audit, *given)
    )
    monkeypatch.setattr(
        auditkit.diagnose, "diagnose", lambda audit: calls.append("diagnose") or diagnose(audit)
    )
    fresh = auditkit.open(BAKERY)
    assert fresh.roadmap.stages
    fresh.findings.to_frame()
    fresh.channels.to_frame()
    repr(fresh)
    assert sorted(calls) == ["diagnose", "score"]


def test_the_parts_are_dataframes_with_one_row_per_item(run: AuditRun) -> None:
    findings = run.findings.to_frame()
    assert isinstance(findings, pd.DataFrame)
    assert len(findings) == len(run.diagnosis.findings) == len(run.findings)
    assert {"rule", "severity", "title", "explanation", "action"} <= set(findings.columns)
    assert len(run.channels.to_frame()) == len(run.scorecard.channels)
    actions = run.actions.to_frame()
    assert len(actions) == sum(len(stage.actions) for stage in run.roadmap.stages)
    assert actions["stage"].is_monotonic_increasing
    objectives, channels = len(run.audit.objectives), len(run.scorecard.channels)
    assert len(run.matrix.to_frame()) <= objectives * channels


def test_the_run_displays_a_short_card_in_its_language(run: AuditRun) -> None:
    bundle = run._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}
    assert len(bundle["text/html"]) < 3000
    assert "Boulangerie Martin" in bundle["text/plain"]
    assert "Audit du 15 septembre 2026" in bundle["text/plain"]
    level = run.scorecard.level
    assert level is not None
    overall = decimal(run.scorecard.overall.value, "fr", 1)
    assert f"Score global {overall} sur 100 · niveau {level.number}" in bundle["text/plain"]
    english = run.in_language("en")
    assert "Audit of 15 September 2026" in repr(english)
    assert "scorecard" in vars(english)


def test_a_part_displays_as_a_table_with_a_title(run: AuditRun) -> None:
    bundle = run.findings._repr_mimebundle_()
    assert bundle["text/html"].startswith(f"<p><b>{len(run.findings)} constats</b></p><table")
    assert "<script" not in bundle["text/html"]


def test_user_text_is_escaped_in_the_card(run: AuditRun) -> None:
    hostile = run.audit.model_copy(deep=True)
    hostile.engagement.client = "<script>alert(1)</script>"
    assert "<script>" not in AuditRun(hostile)._repr_mimebundle_()["text/html"]


def test_open_reports_a_bad_file_like_the_command_line(tmp_path) -> None:
    bad = tmp_path / "bad.audit.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(AuditFileError, match=r"bad\.audit\.json"):
        auditkit.open(bad)
