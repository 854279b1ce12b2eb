"""Rounds compared: the shipped bakery rounds against data/examples/README.md, renamed channels, the
``compare`` command and its JSON contract, and a previous round that points nowhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from report_language import language_faults, visible_text

import auditkit
from auditkit import store
from auditkit.cli import main
from auditkit.compare import PreviousRoundError, Trends, compare_runs, comparison_dict, previous_of
from auditkit.locale import msg
from auditkit.model import FollowUpStatus
from auditkit.report.render import render_report
from auditkit.run import AuditRun

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
ROUND_1 = EXAMPLES / "boulangerie-martin.audit.json"
ROUND_2 = EXAMPLES / "boulangerie-martin-round2.audit.json"
ROUND_3 = EXAMPLES / "boulangerie-martin-round3.audit.json"

NOT_ASSERTED = {"CH-SPREAD", "CH-UNCLAIMED", "STR-BUDGET", "STR-MODERATION"}
"""Borderline rules data/examples/README.md leaves out of the round-1/round-2 ground truth."""

RESOLVED_IN_ROUND_2 = {
    ("OBJ-NOT-SMART", ("plus-de-clients",)),
    ("KPI-MISSING", ("plus-de-clients",)),
    ("CH-DORMANT", ("pinterest",)),
    ("CH-NO-OWNER", ("pinterest",)),
    ("CH-DUPLICATE", ("facebook",)),
    ("CH-DUPLICATE", ("newsletter",)),
    ("CH-OFFLINE-OVERLAP", ("facebook", "newsletter")),
    ("ERR-URGENCY", ()),
    ("ERR-INSPIRATION", ("facebook", "instagram")),
    ("ERR-NOT-MEASURING", ()),
    ("ORG-INTERN", ()),
    ("ORG-NO-TRAINING", ()),
    *((rule, ()) for rule in (
        "STR-CONTENT-PLAN", "STR-DISTRIBUTION-PLAN", "STR-CRISIS-PLAN", "STR-EVALUATION-PLAN",
        "STR-EDITORIAL-LINE", "STR-GOVERNANCE", "STR-OWNERSHIP", "STR-CALENDAR", "STR-MONITORING",
        "STR-REVIEW",
    )),
}  # fmt: skip


def _sets(document: dict[str, object], group: str) -> set[tuple[str, tuple[str, ...]]]:
    items = document[group]
    assert isinstance(items, list)
    return {
        (item["rule"], tuple(sorted(item["subjects"]))) for item in items if item["rule"] not in NOT_ASSERTED
    }


def _compare(before: Path, after: Path) -> dict[str, object]:
    return comparison_dict(compare_runs(auditkit.open(before), auditkit.open(after)), "en")


def test_round_two_against_round_one_is_the_readme_ground_truth() -> None:
    document = _compare(ROUND_1, ROUND_2)
    assert _sets(document, "resolved") == {(rule, tuple(sorted(s))) for rule, s in RESOLVED_IN_ROUND_2}
    assert _sets(document, "persisting") == {
        ("CH-LOW-ENGAGEMENT", ("facebook",)),
        ("STR-EXIT-PLAN", ()),
        ("STR-POLICY", ()),
    }
    assert _sets(document, "new") == set()
    assert isinstance(document["overall_delta"], float) and document["overall_delta"] > 0


def test_round_three_against_round_two_is_the_readme_ground_truth() -> None:
    document = _compare(ROUND_2, ROUND_3)
    rules = {group: {item["rule"] for item in document[group]} for group in ("resolved", "new", "persisting")}  # type: ignore[attr-defined]
    assert rules["resolved"] == {"CH-LOW-ENGAGEMENT", "STR-EXIT-PLAN", "STR-BUDGET", "STR-MODERATION"}
    assert rules["new"] == {"CH-SLOW-RESPONSE"}
    assert rules["persisting"] - {"CH-SPREAD"} == {"STR-POLICY"}


def test_a_renamed_channel_keeps_its_findings() -> None:
    comparison = compare_runs(auditkit.open(ROUND_2), auditkit.open(ROUND_3))
    assert comparison.matches.channels["facebook"] == "page-facebook"
    resolved = {(c.rule, c.subjects) for c in comparison.findings_with("resolved")}
    assert ("CH-LOW-ENGAGEMENT", ("page-facebook",)) in resolved
    assert not any("facebook" in c.subjects for c in comparison.findings_with("new"))


def test_renaming_every_channel_and_reordering_lists_changes_nothing() -> None:
    before, after = store.load(ROUND_1), store.load(ROUND_2)
    renamed = after.model_copy(deep=True)
    for channel in renamed.channels:
        channel.id = f"x-{channel.id}"
    renamed.channels.reverse()
    renamed.objectives.reverse()
    plain = compare_runs(AuditRun(before), AuditRun(after))
    moved = compare_runs(AuditRun(before), AuditRun(renamed))
    for group in ("resolved", "new", "persisting"):
        assert {c.rule for c in moved.findings_with(group)} == {c.rule for c in plain.findings_with(group)}
    assert len(moved.findings_with("new")) == len(plain.findings_with("new"))


def test_objectives_progress_and_actions_follow_up() -> None:
    comparison = compare_runs(auditkit.open(ROUND_1), auditkit.open(ROUND_2))
    loyalty = next(o for o in comparison.objectives if o.id == "fidelisation")
    assert (loyalty.before, loyalty.after, loyalty.target) == (652, 701, 900)
    overdue = {a.id: a.status for a in comparison.actions_overdue}
    assert overdue == {"rec-reduce": FollowUpStatus.PARTLY_DONE}
    assert "str-ownership" in {a.id for a in comparison.actions_done}
    movements = {c.id_after: c.movement for c in comparison.channels if c.movement}
    assert movements == {"pinterest": "closed", "tiktok": "parked"}


def test_unfinished_actions_carry_over_with_their_history() -> None:
    run = auditkit.open(ROUND_2)
    action = next(a for a in run.roadmap.actions if a.id == "rec-reduce")
    carried = [change for change in action.changes if change.kind == "carried_over"]
    assert len(carried) == 1 and "round 1" in carried[0].message("en")


def test_follow_up_is_one_per_action(tmp_path: Path) -> None:
    document = json.loads(ROUND_2.read_text(encoding="utf-8"))
    document["roadmap"]["follow_up"].append({"action_id": "rec-reduce", "status": "done"})
    path = tmp_path / "twice.audit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(auditkit.errors.AuditFileError, match="rec-reduce"):
        store.load(path)


def test_compare_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ROUND_1), str(ROUND_2), "--json", "--lang", "en"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert isinstance(document["overall_delta"], float)
    for key in ("resolved", "new", "persisting", "objectives", "actions_done", "actions_overdue"):
        assert isinstance(document[key], list), key
    finding = document["resolved"][0]
    assert {"rule": str, "title": str, "subjects": list}.items() <= {
        k: type(v) for k, v in finding.items()
    }.items()
    action = document["actions_overdue"][0]
    assert (
        isinstance(action["id"], str)
        and isinstance(action["title"], str)
        and action["status"] == "partly_done"
    )
    objective = document["objectives"][0]
    assert {"id", "before", "after", "target", "progress_after", "on_track"} <= set(objective)


def test_compare_three_rounds_gives_trends(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ROUND_3), str(ROUND_1), str(ROUND_2), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [item["round"] for item in document["trends"]["rounds"]] == [1, 2, 3]
    assert len(document["trends"]["overall"]) == 3
    facebook = next(item for item in document["trends"]["channels"] if item["id"] == "page-facebook")
    assert None not in facebook["health"]


def test_compare_one_file_uses_its_previous_round(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ROUND_2), "--lang", "fr"]) == 0
    assert "tour 1" in capsys.readouterr().out


def _dangling(tmp_path: Path) -> Path:
    path = tmp_path / "round2.audit.json"
    document = json.loads(ROUND_2.read_text(encoding="utf-8"))
    document["engagement"]["previous_round"] = "gone/round1.audit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_previous_round_pointing_nowhere_is_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dangling(tmp_path)
    with pytest.raises(PreviousRoundError) as raised:
        previous_of(auditkit.open(path))
    assert "gone/round1.audit.json" in raised.value.text("en") and "--previous" in raised.value.text("en")
    assert main(["compare", str(path)]) == 1
    error = capsys.readouterr().err
    assert "Traceback" not in error and "gone/round1.audit.json" in error


def test_the_report_says_why_progress_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _dangling(tmp_path)
    output = tmp_path / "report.html"
    assert main(["report", str(path), "-o", str(output), "--lang", "en"]) == 0
    assert "gone/round1.audit.json" in capsys.readouterr().err
    page = output.read_text(encoding="utf-8")
    assert 'id="progress"' in page and "could not be read" in page


def test_the_report_of_round_two_shows_progress_since_round_one() -> None:
    page = render_report(auditkit.open(ROUND_2), "en")
    assert "Progress since round 1" in page and "chart-progress" in page
    assert 'id="progress"' not in render_report(auditkit.open(ROUND_1), "en")


def test_report_previous_option(tmp_path: Path) -> None:
    path = _dangling(tmp_path)
    output = tmp_path / "report.html"
    assert main(["report", str(path), "--previous", str(ROUND_1), "-o", str(output), "--lang", "en"]) == 0
    assert "Progress since round 1" in output.read_text(encoding="utf-8")


def test_compare_page_is_offline_and_escapes(tmp_path: Path) -> None:
    from auditkit.report.compare_page import render_compare

    before, after = store.load(ROUND_1), store.load(ROUND_2)
    payload = '<img src=x onerror="alert(1)">'
    before.engagement.client = after.engagement.client = payload
    page = render_compare(Trends([AuditRun(before), AuditRun(after)]), "en")
    assert payload not in page and "&lt;img src=x" in page
    assert "default-src &#39;none&#39;" in page and "http://" not in page.split("<script")[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_compare_page_names_findings_by_their_titles_and_shows_no_rule_code(lang: str) -> None:
    from auditkit.report.compare_page import render_compare

    runs = [AuditRun(store.load(path), path=path) for path in (ROUND_1, ROUND_2, ROUND_3)]
    page = render_compare(Trends(runs), lang)
    text = visible_text(page)
    for run in runs[1:]:
        assert language_faults(text, lang, run.audit) == []
    findings = BeautifulSoup(page, "html.parser").find(id="compare-findings")
    assert findings is not None
    headers = [th.get_text() for th in findings.find_all("th")]
    assert headers[:3] == [msg(f"compare.page.{key}")(lang) for key in ("finding", "subjects", "severity")]
    resolved = comparison_dict(compare_runs(runs[1], runs[2]), lang)["resolved"]
    assert resolved and all(item["title"] in findings.get_text() for item in resolved)


def test_the_executive_summary_of_round_two_says_what_improved_and_what_did_not() -> None:
    page = BeautifulSoup(render_report(auditkit.open(ROUND_2), "fr"), "html.parser")
    summary = page.find(class_="executive-summary")
    assert summary is not None and summary.find(class_="since-last-round") is not None
    text = summary.get_text(" ")
    assert "Les progrès depuis le tour 1" in text
    assert "Ce qui s\u2019est amélioré" in text and "Ce qui n\u2019a pas bougé" in text
    round_one = BeautifulSoup(render_report(auditkit.open(ROUND_1), "fr"), "html.parser")
    assert round_one.find(class_="since-last-round") is None
