"""The portfolio: every client of a folder, latest round of each, bad files listed and not fatal."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from auditkit.cli import main
from auditkit.compare.portfolio import gather
from auditkit.report.portfolio_page import render_portfolio
from auditkit.run import open as open_run

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
XSS = '<img src=x onerror="alert(1)">'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The shipped examples, a broken file, and a client whose name carries an HTML payload."""
    target = tmp_path / "clients"
    shutil.copytree(EXAMPLES, target, ignore=shutil.ignore_patterns("*.md"))
    (target / "broken.audit.json").write_text('{"engagement": ', encoding="utf-8")
    source = (EXAMPLES / "asso-velo-solidaire.audit.json").read_text(encoding="utf-8")
    (target / "xss.audit.json").write_text(
        source.replace('"client": "', f'"client": "{XSS.replace(chr(34), chr(92) + chr(34))} ', 1),
        encoding="utf-8",
    )
    return target


def test_latest_round_of_each_client_with_its_trend(folder: Path) -> None:
    portfolio = gather(folder)
    rows = {row.client: row for row in portfolio.clients}
    bakery = rows["Boulangerie Martin"]
    assert bakery.rounds == 3 and bakery.run.audit.engagement.round == 3
    assert bakery.trend is not None and bakery.trend > 0
    assert bakery.report == "boulangerie-martin-round3.html"
    assert len(bakery.next_actions) == 3
    assert rows["Mairie de Saint-Clément"].critical >= 2
    assert len(portfolio.clients) == 5
    assert [problem.path.name for problem in portfolio.errors] == ["broken.audit.json"]


def test_a_renamed_client_stays_one_client_through_previous_round(folder: Path) -> None:
    path = folder / "boulangerie-martin-round3.audit.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '"client": "Boulangerie Martin"', '"client": "Martin & Fils"'
        ),
        encoding="utf-8",
    )
    names = [row.client for row in gather(folder).clients]
    assert "Martin & Fils" in names and "Boulangerie Martin" not in names


def test_the_page_escapes_client_names_and_loads_nothing(folder: Path) -> None:
    page = render_portfolio(gather(folder), "fr")
    assert XSS not in page and "&lt;img src=x" in page
    assert "default-src &#39;none&#39;" in page
    assert "broken.audit.json" in page


def test_portfolio_command(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "site" / "index.html"
    assert main(["portfolio", str(folder), "-o", str(output), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert "5 clients" in captured.out and "broken.audit.json" in captured.err
    assert output.is_file()


def test_portfolio_of_an_empty_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(tmp_path), "-o", str(tmp_path / "index.html")]) == 1
    assert str(tmp_path) in capsys.readouterr().err


def test_the_figures_are_the_same_over_several_processes(folder: Path) -> None:
    alone, pooled = gather(folder), gather(folder, workers=2)
    assert [row.client for row in pooled.clients] == [row.client for row in alone.clients]
    for mine, theirs in zip(alone.clients, pooled.clients, strict=True):
        assert (mine.overall, mine.previous_overall, mine.level, mine.critical, mine.next_actions) == (
            theirs.overall,
            theirs.previous_overall,
            theirs.level,
            theirs.critical,
            theirs.next_actions,
        )
    assert [problem.path for problem in pooled.errors] == [problem.path for problem in alone.errors]


def test_the_figures_are_those_of_the_full_pipeline(folder: Path) -> None:
    bakery = next(row for row in gather(folder).clients if row.client == "Boulangerie Martin")
    latest = open_run(folder / "boulangerie-martin-round3.audit.json")
    previous = open_run(folder / "boulangerie-martin-round2.audit.json")
    assert bakery.overall == latest.scorecard.overall.value
    assert bakery.previous_overall == previous.scorecard.overall.value
    due = sorted(latest.roadmap.actions, key=lambda a: (a.due or date.max, a.priority or 0))[:3]
    assert bakery.next_actions == tuple((a.title(latest.lang), a.due) for a in due)
