"""Findings the consultant sets aside (``audit.commentary.set_aside``): they leave the findings, the
verdicts and the roadmap, stay listed with their reason, and ``auditkit validate`` warns about entries
that set nothing aside."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from test_cli import run

from auditkit import store
from auditkit.diagnose import diagnose, set_aside_problems
from auditkit.model import Audit, ReportSection, SetAside
from auditkit.resources import example_audits
from auditkit.run import AuditRun

BAKERY = next(path for path in example_audits() if path.name.startswith("boulangerie-martin.audit"))


def bakery(*entries: dict[str, Any]) -> Audit:
    """The bakery example with these set-aside entries."""
    audit = store.load(BAKERY)
    audit.commentary.set_aside = [SetAside.model_validate(entry) for entry in entries]
    return audit


def keys(findings: object) -> list[tuple[str, tuple[str, ...]]]:
    return [(finding.rule, finding.subjects) for finding in findings]  # type: ignore[attr-defined]


def test_a_set_aside_finding_leaves_the_findings_and_keeps_its_reason() -> None:
    before = diagnose(store.load(BAKERY))
    entry = {
        "rule": "CH-DUPLICATE",
        "subject": "newsletter",
        "reason": "Sent to another list",
        "by": "Claire",
    }

    diagnosis = diagnose(bakery(entry))

    assert ("CH-DUPLICATE", ("newsletter",)) in keys(before.findings)
    assert keys(diagnosis.findings) == [
        k for k in keys(before.findings) if k != ("CH-DUPLICATE", ("newsletter",))
    ]
    assert keys(diagnosis.for_rule("CH-DUPLICATE")) == [("CH-DUPLICATE", ("facebook",))]
    [kept] = diagnosis.set_aside
    assert (kept.finding.rule, kept.finding.subjects) == ("CH-DUPLICATE", ("newsletter",))
    assert (kept.entry.reason, kept.entry.by) == ("Sent to another list", "Claire")


def test_an_entry_without_subject_sets_aside_every_finding_of_its_rule() -> None:
    diagnosis = diagnose(bakery({"rule": "CH-DUPLICATE", "reason": "Two audiences, two messages"}))

    assert diagnosis.for_rule("CH-DUPLICATE") == ()
    assert sorted(item.finding.subjects for item in diagnosis.set_aside) == [("facebook",), ("newsletter",)]


def test_an_entry_covers_a_finding_that_names_its_subject_among_others() -> None:
    diagnosis = diagnose(bakery({"rule": "CH-SPREAD", "subject": "pinterest", "reason": "Pinterest closes"}))

    assert diagnosis.for_rule("CH-SPREAD") == ()
    assert [item.finding.rule for item in diagnosis.set_aside] == ["CH-SPREAD"]


def test_a_set_aside_finding_no_longer_overrules_the_scorecards_verdict() -> None:
    plain = AuditRun(store.load(BAKERY)).reconciled["newsletter"]
    aside = bakery({"rule": "CH-DUPLICATE", "subject": "newsletter", "reason": "Another list of readers"})

    verdict = AuditRun(aside).reconciled["newsletter"]

    assert (plain.verdict.value, plain.source) == ("fix", "CH-DUPLICATE")
    assert (verdict.verdict.value, verdict.source, verdict.overruled) == ("invest", "scorecard", ())


def test_the_scorecard_sees_the_diagnosis_without_the_set_aside_findings() -> None:
    audit = bakery({"rule": "STR-POLICY", "reason": "Four people, no policy needed"})
    run_ = AuditRun(audit)

    assert "STR-POLICY" not in run_.diagnosis.fired
    assert run_.scorecard.incomplete == AuditRun(store.load(BAKERY)).scorecard.incomplete


def test_json_and_text_list_the_set_aside_findings_apart() -> None:
    diagnosis = diagnose(
        bakery({"rule": "STR-POLICY", "reason": "Four people, no policy needed", "on": "2025-07-02"})
    )

    data = diagnosis.to_dict("en")
    text = diagnosis.to_text("en")

    assert "STR-POLICY" not in [item["rule"] for item in data["findings"]]
    [item] = data["set_aside"]
    assert (item["rule"], item["reason"], item["on"]) == (
        "STR-POLICY",
        "Four people, no policy needed",
        "2025-07-02",
    )
    assert item["title"] == "No social media policy"
    listed = text.split("Set aside by the consultant (1 finding):", 1)[1]
    assert "STR-POLICY" in listed and "Reason: Four people, no policy needed" in listed
    assert "[INFO] STR-POLICY" not in text


def test_entries_that_set_nothing_aside_are_warnings_naming_the_field_and_the_valid_values() -> None:
    audit = bakery(
        {"rule": "CH-DORMANT", "subject": "pinterest", "reason": "Closing"},
        {"rule": "NO-SUCH-RULE", "reason": "x"},
        {"rule": "CH-DORMANT", "subject": "myspace", "reason": "x"},
        {"rule": "CH-DORMANT", "subject": "facebook", "reason": "x"},
    )

    problems = {
        problem.location: problem.text("en") for problem in set_aside_problems(audit, diagnose(audit))
    }

    assert list(problems) == [
        "commentary.set_aside.1.rule",
        "commentary.set_aside.2.subject",
        "commentary.set_aside.3",
    ]
    assert "no rule has the id 'NO-SUCH-RULE'" in problems["commentary.set_aside.1.rule"]
    assert "CH-DORMANT, CH-DUPLICATE" in problems["commentary.set_aside.1.rule"]
    assert "'myspace'" in problems["commentary.set_aside.2.subject"]
    assert "facebook, fidelisation, google-business" in problems["commentary.set_aside.2.subject"]
    assert "no longer finds anything about 'facebook'" in problems["commentary.set_aside.3"]


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ({"rule": "CH-DORMANT", "reason": "   "}, "only with a reason"),
        ({"rule": "CH-DORMANT", "reason": ""}, "reason"),
        ({"rule": "ch dormant", "reason": "x"}, "is not written like a rule id"),
    ],
)
def test_an_entry_needs_a_reason_and_a_rule_id(entry: dict[str, Any], complaint: str) -> None:
    with pytest.raises(ValidationError) as raised:
        SetAside.model_validate(entry)
    assert complaint in " ".join(problem.text("en") for problem in store.validation_problems(raised.value))


def test_the_same_finding_cannot_be_set_aside_twice(tmp_path: Path) -> None:
    document = json.loads(BAKERY.read_text(encoding="utf-8"))
    entry = {"rule": "CH-DORMANT", "subject": "pinterest", "reason": "Closing"}
    document["commentary"] = {"set_aside": [entry, entry | {"reason": "Again"}]}
    path = tmp_path / "twice.audit.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(Exception, match=r"commentary\.set_aside\.1: .*set aside twice"):
        store.load(path)


def test_set_aside_entries_survive_a_save_and_a_load(tmp_path: Path) -> None:
    audit = bakery(
        {"rule": "CH-DORMANT", "subject": "pinterest", "reason": "**Closing** in May", "on": date(2025, 7, 2)}
    )
    path = tmp_path / "bakery.audit.json"

    store.save(audit, path)
    again = store.load(path)

    assert again.commentary.set_aside == audit.commentary.set_aside
    assert [item.finding.rule for item in diagnose(again).set_aside] == ["CH-DORMANT"]


def test_validate_warns_and_diagnose_lists_them_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITKIT_LANG", "en")
    path = tmp_path / "bakery.audit.json"
    store.save(
        bakery({"rule": "STR-POLICY", "reason": "Too small"}, {"rule": "CH-SHINY", "reason": "x"}), path
    )

    code, out, err = run(capsys, "validate", str(path))
    assert code == 0 and out.strip().endswith("ok")
    assert err == (
        f"{path}: warning: commentary.set_aside.1: rule CH-SHINY no longer finds anything; "
        "the entry sets nothing aside for now and applies again if the finding returns\n"
    )

    code, out, _ = run(capsys, "diagnose", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert [item["rule"] for item in data["set_aside"]] == ["STR-POLICY"]
    assert "STR-POLICY" not in [item["rule"] for item in data["findings"]]


def test_the_next_round_keeps_the_set_aside_findings_but_not_the_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    audit = bakery({"rule": "STR-POLICY", "reason": "Four people, no policy needed"})
    audit.commentary.summary = "Round one: **start with the intern**."
    audit.commentary.sections = {ReportSection.ROADMAP: "Month one is tight."}
    previous, following = tmp_path / "round1.audit.json", tmp_path / "round2.audit.json"
    store.save(audit, previous)

    code, _, _ = run(capsys, "new", str(following), "--from", str(previous), "--date", "2027-03-01")

    commentary = store.load(following).commentary
    assert code == 0
    assert commentary.set_aside == audit.commentary.set_aside
    assert (commentary.summary, commentary.sections) == ("", {})
