"""The diagnosis: ``diagnose()`` runs every rule, sorts and renders its findings; and ``auditkit diagnose``.

The rules themselves are tested in ``tests/rules``, one file per module of ``auditkit/rules``, on edits of
the clean audit of ``tests/rules/rules_samples.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run

from auditkit import store
from auditkit.diagnose import Context, Finding, NotAssessed, catalogue, check_rule, diagnose
from auditkit.errors import AuditkitError
from auditkit.model import Language
from auditkit.resources import examples_dir
from auditkit.run import AuditRun
from benchmarks.synthetic import large_audit
from tests.rules.rules_samples import (
    CATALOGUE_IDS,
    _days_before,
    build,
    channel,
    fired,
    organisation,
    thresholds,
)


def test_a_rule_can_fire_on_some_items_and_lack_data_on_others() -> None:
    diagnosis = diagnose(
        build(channel("facebook", last_post=_days_before(300)), channel("instagram", last_post=None))
    )
    assert [f.subjects for f in diagnosis.for_rule("CH-DORMANT")] == [("facebook",)]
    assert [gap.subjects for gap in diagnosis.not_assessed if gap.rule == "CH-DORMANT"] == [("instagram",)]
    assert diagnosis.to_dict("en")["not_assessed"] == ["CH-DORMANT"]


def test_diagnosis_is_deterministic_pure_and_does_not_touch_the_audit() -> None:
    audit = large_audit(seed=2)
    before = audit.model_dump()
    first, second = diagnose(audit), diagnose(audit)
    assert first == second
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())
    assert audit.model_dump() == before


def test_diagnosis_is_the_same_in_every_process() -> None:
    overlap = build(
        channel("facebook", stakeholders=["locals", "young"]),
        channel(
            "newsletter", stakeholders=["young", "locals"], cross_posted_unchanged=True, monthly_budget=900
        ),
    )
    assert "CH-OFFLINE-OVERLAP" in fired(overlap)
    code = (
        "import json, sys; from auditkit import store; from auditkit.diagnose import diagnose; "
        "from benchmarks.synthetic import large_audit; "
        "audits = [store.parse(sys.stdin.read())] + [large_audit(seed=s) for s in range(3)]; "
        "print(json.dumps([diagnose(audit).to_dict() for audit in audits]))"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=overlap.model_dump_json(),
            cwd=root,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_today_is_the_audit_date_not_the_clock() -> None:
    recent = build(channel("instagram", last_post="2026-09-01"))
    later = build(
        channel("instagram", last_post="2026-09-01"),
        lambda d: d["engagement"].update(audit_date="2027-01-01"),
    )
    assert "CH-DORMANT" not in fired(recent)
    assert "CH-DORMANT" in fired(later)


def test_findings_are_sorted_most_severe_first_then_in_catalogue_order() -> None:
    for seed in range(4):
        findings = diagnose(large_audit(seed=seed)).findings
        keys = [(f.severity.rank, CATALOGUE_IDS.index(f.rule)) for f in findings]
        assert keys == sorted(keys)
        assert len({f.severity for f in findings}) >= 2


def test_catalogue_lists_every_rule_for_the_methodology_appendix() -> None:
    entries = catalogue("fr")
    assert [entry["id"] for entry in entries] == CATALOGUE_IDS
    first = entries[0]
    assert first["severity"] == "critical" and first["seed"] == ["001", "003"]
    assert first["title"] == "Aucun objectif défini"
    assert catalogue()[0]["title"] == {"en": "No objective defined", "fr": "Aucun objectif défini"}


def test_to_dict_is_json_with_the_contract_keys() -> None:
    audit = build(channel("instagram", last_post=_days_before(100)), channel("facebook", last_post=None))
    document = json.loads(json.dumps(diagnose(audit).to_dict("en")))
    (finding,) = document["findings"]
    assert set(finding) >= {
        "rule",
        "severity",
        "title",
        "evidence",
        "seed",
        "action",
        "theme",
        "explanation",
        "subjects",
    }
    assert finding["seed"] == ["004"] and finding["severity"] == "major"
    assert finding["evidence"][0] == {
        "field": "channels.1.last_post",
        "value": _days_before(100),
        "threshold": 90,
        "note": "100 days without a post",
    }
    assert document["not_assessed"] == ["CH-DORMANT"]
    assert document["not_assessed_details"][0]["missing"] == ["channels.0.last_post"]


def test_to_text_lists_severity_rule_title_evidence_and_action() -> None:
    diagnosis = diagnose(build(organisation(sponsor="none", training="none")))
    text = diagnosis.to_text("en", width=80)
    assert text.index("[MAJOR] ORG-NO-SPONSOR") < text.index("[MINOR] ORG-NO-TRAINING")
    assert "Evidence: organisation.sponsor = none" in text
    assert "Action: " in text
    assert "Pourquoi\u00a0: " in diagnosis.to_text("fr")
    assert all(len(line) <= 80 for line in text.splitlines()[1:])


def test_check_rule_runs_one_rule() -> None:
    outcome = check_rule(build(organisation(training="none")), "ORG-NO-TRAINING")
    assert isinstance(outcome, list) and isinstance(outcome[0], Finding)
    assert isinstance(check_rule(build(organisation(training=None)), "ORG-NO-TRAINING"), NotAssessed)
    with pytest.raises(RuntimeError):
        _ = Context(build()).rule


def test_unknown_threshold_stops_the_diagnosis() -> None:
    with pytest.raises(AuditkitError, match="dormancy_dayz"):
        diagnose(build(thresholds(dormancy_dayz=30)))


def test_core_does_not_import_widgets_or_plotly() -> None:
    code = (
        "import sys, auditkit.diagnose, auditkit.thresholds; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('ipywidgets', 'plotly')); "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- command line ------------------------------------------------------------------------------------


EXAMPLE = examples_dir() / "boulangerie-martin.audit.json"


def test_cli_prints_findings_most_severe_first_in_the_audits_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "diagnose", str(EXAMPLE))
    assert code == 0
    assert out.startswith("Boulangerie Martin — 2026-09-15")
    tags = [line.split("]")[0] + "]" for line in out.splitlines() if line.startswith("[")]
    order = ["[CRITIQUE]", "[MAJEUR]", "[MINEUR]", "[INFO]"]
    assert [order.index(tag) for tag in tags] == sorted(order.index(tag) for tag in tags)
    assert "ORG-INTERN" in out and "Action\u00a0:" in out


def test_cli_json_and_language_switch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diagnose", str(EXAMPLE), "--json", "--lang", "en")
    document = json.loads(out)
    assert code == 0
    expected = AuditRun(store.load(EXAMPLE)).reconciled.diagnosis.to_dict(Language.EN)
    assert document == json.loads(json.dumps(expected))
    assert {f["rule"] for f in document["findings"]} >= {"ORG-INTERN", "CH-DORMANT"}
    assert all(isinstance(f["seed"], list) and f["title"] for f in document["findings"])
    _, french, _ = run(capsys, "diagnose", str(EXAMPLE), "--json")
    assert json.loads(french)["findings"][0]["title"] != document["findings"][0]["title"]


def test_cli_bad_file_prints_the_store_message(
    capsys: pytest.CaptureFixture[str], bad_audit_files: dict[str, tuple[Path, int]]
) -> None:
    for path, _ in bad_audit_files.values():
        code, out, err = run(capsys, "diagnose", str(path))
        assert code == 1 and not out
        assert err.startswith(str(path))


def test_cli_unknown_threshold_is_an_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "odd.audit.json"
    store.save(build(thresholds(dormant_days=30)), path)
    code, out, err = run(capsys, "diagnose", str(path))
    assert code == 1 and not out
    assert "settings.thresholds.dormant_days" in err and "dormancy_days" in err
