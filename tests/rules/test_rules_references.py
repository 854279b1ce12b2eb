"""Rule ids named by an audit file (an obstacle's ``affects``): checked against the registry, warned by validate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from auditkit import store
from auditkit.cli import main
from auditkit.findings import RULES
from auditkit.model import Audit, Obstacle
from auditkit.rules.references import unknown_rule_ids


def with_obstacle(audit: Audit, *affects: str) -> Audit:
    audit.strategy.obstacles = [
        Obstacle(text="Budget vote & <review>"),
        Obstacle(text="The intern leaves", deadline=date(2025, 12, 18), affects=list(affects)),
    ]
    return audit


def test_known_rule_ids_raise_no_problem(minimal_audit: Audit) -> None:
    assert unknown_rule_ids(with_obstacle(minimal_audit, "STR-OWNERSHIP", "ORG-INTERN")) == []


def test_an_unknown_rule_id_is_reported_with_its_path_and_the_valid_ids(minimal_audit: Audit) -> None:
    problems = unknown_rule_ids(with_obstacle(minimal_audit, "STR-OWNERSHIP", "STR-OWNERSHIPS"))

    assert [problem.location for problem in problems] == ["strategy.obstacles.1.affects.1"]
    text = problems[0].text("en")
    assert "'STR-OWNERSHIPS'" in text
    assert all(rule_id in text for rule_id in RULES)
    assert "«\u00a0STR-OWNERSHIPS\u00a0»" in problems[0].text("fr")


@pytest.mark.parametrize("written", ["str-ownership", "OWNERSHIP", "STR OWNERSHIP", "STR-"])
def test_a_rule_id_not_written_like_one_is_invalid(written: str) -> None:
    with pytest.raises(ValidationError):
        Obstacle(text="x", affects=[written])


def test_validate_warns_about_an_unknown_rule_id_and_still_succeeds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    path = tmp_path / "client.audit.json"
    store.save(with_obstacle(minimal_audit, "ORG-INTERNS"), path)

    code = main(["validate", str(path)])
    out, err = capsys.readouterr()

    assert (code, out) == (0, f"{path}: ok\n")
    assert err.startswith(
        f"{path}: warning: strategy.obstacles.1.affects.0: no rule has the id 'ORG-INTERNS'"
    )
    assert "ORG-INTERN," in err and len(err.splitlines()) == 1


def test_validate_is_silent_when_every_rule_id_is_known(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    path = tmp_path / "client.audit.json"
    store.save(with_obstacle(minimal_audit, "ORG-INTERN"), path)

    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err == ""
