"""The ``auditkit`` command line, in-process and through the installed entry point."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from test_store import dev_null_kept, nasty_documents

from auditkit import __version__, resources, store
from auditkit.cli import COMMANDS, DEFAULT_DEMO_DIR, main
from auditkit.cli_parser import cli_language
from auditkit.model import Audit
from auditkit.resources import DEFAULT_EXAMPLE, WORKSPACE_AUDIT

ENTRY_POINT = Path(sys.executable).with_name("auditkit")
EXAMPLE = resources.examples_dir() / DEFAULT_EXAMPLE


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks English unless a test asks otherwise, whatever the machine's locale."""
    for name in ("AUDITKIT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def content(audit: Audit) -> dict[str, object]:
    return audit.model_dump(exclude={"revision", "saved_at"})


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``main(argv)``: exit status, stdout and stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_installed_entry_point_runs_and_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.audit.json"
    bad.write_text("[]")

    version = subprocess.run([ENTRY_POINT, "--version"], capture_output=True, text=True, check=True)
    checked = subprocess.run([ENTRY_POINT, "validate", bad], capture_output=True, text=True)

    assert version.stdout.strip() == f"auditkit {__version__} (audit schema {store.SCHEMA_VERSION})"
    assert checked.returncode == 1
    assert checked.stderr == f"{bad}: the file holds a JSON array (expected a JSON object)\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"auditkit {__version__} (audit schema {store.SCHEMA_VERSION})\n")


@pytest.mark.parametrize("command", [None, *(command.name for command in COMMANDS)])
def test_help_on_every_command(capsys: pytest.CaptureFixture[str], command: str | None) -> None:
    code, out, _ = run(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert out.startswith(f"usage: auditkit{' ' + command if command else ''} ")


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["valdate", "x.audit.json"], "hint: did you mean 'validate'?"),
        (["new", "x", "--clent", "Acme"], "hint: did you mean '--client'?"),
        (
            ["new", "x", "--client", "Acme", "--industry", "comercial_b2c"],
            "hint: did you mean 'commercial_b2c'?",
        ),
        (["new", "x", "--client", "Acme", "--date", "14/03/2025"], "hint: run 'auditkit new --help'"),
        ([], "hint: run 'auditkit --help'"),
    ],
)
def test_wrong_arguments_print_usage_and_hint(
    capsys: pytest.CaptureFixture[str], argv: list[str], hint: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: auditkit")
    assert err.splitlines()[-1].startswith(hint)


# -- new --------------------------------------------------------------------------------------------


def test_new_writes_a_valid_audit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "new",
        str(tmp_path / "clients" / "acme"),
        "--client",
        "Acme & Fils",
        "--industry",
        "nonprofit_association",
        "--lang",
        "fr",
        "--consultant",
        "Claire",
        "--date",
        "2025-03-14",
    )
    path = tmp_path / "clients" / "acme.audit.json"

    assert (code, out) == (0, f"{path}\n")
    audit = store.load(path)
    assert audit.engagement.client == "Acme & Fils"
    assert audit.engagement.language == "fr"
    assert audit.engagement.audit_date == date(2025, 3, 14)
    assert audit.client.industry == "nonprofit_association"
    assert (audit.engagement.round, audit.revision) == (1, 1)


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_audit_path: Path) -> None:
    tmp_audit_path.write_text("precious")

    code, _, err = run(capsys, "new", str(tmp_audit_path), "--client", "Acme")

    assert code == 1
    assert err == f"{tmp_audit_path}: already exists; not overwritten (choose another name or delete it)\n"
    assert tmp_audit_path.read_text() == "precious"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["new", "x.audit.json"], "give the client's name with --client NAME"),
        (["new", "x.audit.json", "--client", ""], 'x.audit.json: engagement.client: "" is too short'),
        (["new", "x.audit.json", "--from", "nowhere.audit.json"], "nowhere.audit.json: no such file"),
    ],
)
def test_new_without_a_usable_client_fails_cleanly(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert message in err
    assert not (tmp_path / "x.audit.json").exists()


def test_new_rejects_a_plain_json_name_with_a_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "acme.json"), "--client", "Acme")
    assert code == 2
    assert "name it 'acme.audit.json'" in err


def test_new_from_previous_round(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    previous = tmp_path / "2025" / "acme.audit.json"
    previous.parent.mkdir()
    minimal_audit.notes = "Round 1 findings"
    store.save(minimal_audit, previous)
    store.save(minimal_audit, previous)
    following = tmp_path / "2026" / "acme.audit.json"

    code, out, _ = run(capsys, "new", str(following), "--from", str(previous), "--date", "2026-01-10")

    assert (code, out) == (0, f"{following}\n")
    audit = store.load(following)
    assert audit.engagement.round == 2
    assert audit.engagement.previous_round == "../2025/acme.audit.json"
    assert (following.parent / audit.engagement.previous_round).resolve() == previous.resolve()
    assert audit.engagement.audit_date == date(2026, 1, 10)
    assert audit.revision == 1
    assert audit.notes == "Round 1 findings"
    assert audit.engagement.client == minimal_audit.engagement.client
    assert store.load(previous).revision == 2


# -- validate ---------------------------------------------------------------------------------------


def test_validate_good_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    paths = [tmp_path / "a.audit.json", tmp_path / "b.audit.json"]
    for path in paths:
        store.save(minimal_audit.model_copy(), path)

    code, out, err = run(capsys, "validate", *map(str, paths))

    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{path}: ok" for path in paths]


def test_validate_bundled_examples(capsys: pytest.CaptureFixture[str]) -> None:
    examples = resources.example_audits()

    code, out, err = run(capsys, "validate", *map(str, examples))

    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{path}: ok" for path in examples]
    assert len(examples) >= 3


def test_validate_every_bad_input_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], bad_audit_files: dict[str, tuple[Path, int]], minimal_audit: Audit
) -> None:
    good = bad_audit_files["missing"][0].with_name("good.audit.json")
    store.save(minimal_audit, good)

    for path, count in bad_audit_files.values():
        code, out, err = run(capsys, "validate", str(path), str(good))

        assert code == 1, path
        assert out == f"{good}: ok\n"
        lines = err.splitlines()
        assert len(lines) == count, lines
        assert all(line.startswith(f"{path}: ") and len(line) > len(f"{path}: ") + 10 for line in lines), (
            lines
        )


def test_validate_a_problem_line_says_what_would_be_valid(
    capsys: pytest.CaptureFixture[str], bad_audit_files: dict[str, tuple[Path, int]]
) -> None:
    path, _ = bad_audit_files["wrong_types"]
    _, _, err = run(capsys, "validate", str(path))
    assert (
        f'{path}: engagement.audit_date: "14/03/2025" is not a date (expected a date as YYYY-MM-DD)\n' in err
    )


# -- schema -----------------------------------------------------------------------------------------


def test_schema_to_stdout_and_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["$id"] == f"{store.SCHEMA_ID}:{store.SCHEMA_VERSION}"
    assert "engagement" in schema["properties"]

    target = tmp_path / "audit.schema.json"
    code, out, _ = run(capsys, "schema", "-o", str(target))
    assert (code, out) == (0, f"{target}\n")
    assert json.loads(target.read_text()) == schema


# -- init -------------------------------------------------------------------------------------------


def test_init_copies_notebooks_and_an_example_without_overwriting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    workspace = tmp_path / "workspace"
    expected = sorted(path.name for path in resources.notebooks_dir().glob("*.ipynb"))
    expected.append(WORKSPACE_AUDIT)

    code, out, err = run(capsys, "init", str(workspace))

    assert code == 0
    assert sorted(Path(line).name for line in out.splitlines()) == sorted(expected)
    assert sorted(path.name for path in workspace.iterdir()) == sorted(expected)
    assert f"Next: jupyter lab {workspace}" in err

    edited = workspace / WORKSPACE_AUDIT
    assert content(store.load(edited)) == content(store.load(resources.examples_dir() / DEFAULT_EXAMPLE))
    edited.write_text("the consultant's own edits")
    code, out, err = run(capsys, "init", str(workspace))
    assert (code, out) == (0, "")
    assert err.count("already there") == len(expected)
    assert edited.read_text() == "the consultant's own edits"


def test_init_refuses_a_file_as_workspace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("x")
    code, _, err = run(capsys, "init", str(target))
    assert code == 1
    assert "is not a folder" in err


# -- demo -------------------------------------------------------------------------------------------


def test_demo_on_a_given_audit_prints_paths_that_exist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    source = tmp_path / "client.audit.json"
    store.save(minimal_audit, source)
    out_dir = tmp_path / "out"

    code, out, _ = run(capsys, "demo", "-o", str(out_dir), str(source))

    written = [Path(line) for line in out.splitlines()]
    assert code == 0
    assert written and all(path.is_file() and path.parent == out_dir for path in written)
    assert store.load(written[0]).engagement.client == minimal_audit.engagement.client

    code, again, _ = run(capsys, "demo", "-o", str(out_dir), str(source))
    assert (code, again) == (0, out)


def test_demo_on_the_bundled_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    code, out, err = run(capsys, "demo")

    written = [tmp_path / line for line in out.splitlines()]
    assert code == 0
    assert all(path.is_file() and path.parent == tmp_path / DEFAULT_DEMO_DIR for path in written)
    assert written[0].name == DEFAULT_EXAMPLE
    assert content(store.load(written[0])) == content(store.load(resources.examples_dir() / DEFAULT_EXAMPLE))
    assert DEFAULT_EXAMPLE in err
    names = {path.name for path in written}
    assert {"scorecard.json", "findings.json", "report.html", "roadmap.csv", "roadmap.xlsx"} <= names
    outputs = tmp_path / DEFAULT_DEMO_DIR
    scorecard = json.loads((outputs / "scorecard.json").read_text(encoding="utf-8"))
    findings = json.loads((outputs / "findings.json").read_text(encoding="utf-8"))
    assert 0 <= scorecard["overall"] <= 100
    assert {"CH-DORMANT", "ORG-INTERN"} <= {finding["rule"] for finding in findings["findings"]}


def test_demo_without_bundled_examples_asks_for_an_audit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(resources, "example_audits", list)

    code, out, err = run(capsys, "demo")

    assert (code, out) == (1, "")
    assert err == "auditkit demo: no bundled example audit; give an audit file: auditkit demo AUDIT\n"


def test_demo_on_a_broken_audit_fails_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bad_audit_files: dict[str, tuple[Path, int]]
) -> None:
    path, count = bad_audit_files["wrong_types"]
    code, out, err = run(capsys, "demo", "-o", str(tmp_path / "out"), str(path))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == count


# -- failures outside auditkit ----------------------------------------------------------------------


def test_file_system_errors_are_reported_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")

    code, out, err = run(capsys, "new", str(blocker / "acme"), "--client", "Acme")

    assert (code, out) == (1, "")
    assert err == f"{blocker}: File exists\n"


def test_ctrl_c_exits_130_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(path: Path) -> Audit:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "load", interrupted)

    assert run(capsys, "validate", "any.audit.json") == (130, "", "")


# -- nasty input and unusable settings ----------------------------------------------------------------


def test_validate_refuses_nasty_input_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    cases = nasty_documents(json.loads(minimal_audit.model_dump_json()))
    for name, (text, expected) in cases.items():
        path = tmp_path / f"{name}.audit.json"
        path.write_text(text, encoding="utf-8")

        code, out, err = run(capsys, "validate", str(path))

        assert (code, out) == (1, ""), name
        lines = err.splitlines()
        assert len(lines) == len(expected), lines
        for line, fragment in zip(lines, expected, strict=True):
            assert line.startswith(f"{path}: ") and fragment in line, (fragment, line)


def settings_file(tmp_path: Path, minimal_audit: Audit, **settings: object) -> Path:
    path = tmp_path / "settings.audit.json"
    document = json.loads(minimal_audit.model_dump_json()) | {"settings": settings}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "score", "diagnose", "demo", "roadmap", "report"])
def test_unusable_weights_and_thresholds_fail_every_command_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit, command: str
) -> None:
    path = settings_file(
        tmp_path,
        minimal_audit,
        weights={"fit.popularity": 1, "overall.fit": 500},
        thresholds={"dormant_days": 30, "dormancy_days": 0},
    )

    output = {"demo": tmp_path / "out", "report": tmp_path / "out.html", "roadmap": tmp_path / "out.csv"}
    code, out, err = run(
        capsys, command, str(path), *(["-o", str(output[command])] if command in output else [])
    )

    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "settings.weights",
        "settings.weights.overall.fit",
        "settings.thresholds.dormant_days",
        "settings.thresholds.dormancy_days",
    ]
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert "unknown key(s) 'fit.popularity' (valid keys: fit.reach," in lines[0]
    assert "500 is out of range (0 to 100)" in lines[1]
    assert "unknown threshold (valid keys: objectives_max, dormancy_days" in lines[2]
    assert "0 is out of range (at least 1 " in lines[3]
    assert not any(path.exists() for path in output.values())


def test_validate_refuses_a_group_of_weights_all_zero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    zero = {key: 0 for key in ("org.sponsor", "org.owner", "org.resources", "org.validation", "org.training")}
    zero |= {key: 0 for key in ("org.hours", "org.budget", "org.reporting", "org.lead_time")}
    path = settings_file(tmp_path, minimal_audit, weights=zero)

    code, _, err = run(capsys, "validate", str(path))

    assert code == 1
    assert err == (
        f"{path}: settings.weights: every org.* weight is 0 (give at least one of org.sponsor, org.owner, "
        "org.resources, org.validation, org.training, org.hours, org.budget, org.reporting, org.lead_time "
        "a positive weight)\n"
    )


def test_new_from_a_broken_or_unusable_file_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_audit: Audit
) -> None:
    broken = tmp_path / "broken.audit.json"
    broken.write_text('{"schema_version": 2, "engagement": ', encoding="utf-8")
    unusable = settings_file(tmp_path, minimal_audit, thresholds={"dormant_days": 30})
    target = tmp_path / "next.audit.json"

    for previous, message in ((broken, "not valid JSON"), (unusable, "settings.thresholds.dormant_days")):
        code, out, err = run(capsys, "new", str(target), "--from", str(previous))

        assert (code, out) == (1, "")
        assert err.startswith(f"{previous}: ") and message in err
        assert sorted(path.name for path in tmp_path.iterdir()) == [
            "broken.audit.json",
            "settings.audit.json",
        ]


def test_writing_where_it_cannot_names_the_target_not_a_temporary_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()

    code, out, err = run(capsys, "schema", "-o", str(folder))
    assert (code, out) == (1, "")
    assert err == (
        f"{folder}: is a folder, not a regular file; not replaced (give the path of a file, or of a new one)\n"
    )

    target = tmp_path / "client.audit.json"
    target.mkdir()
    code, out, err = run(capsys, "new", str(target), "--client", "Acme")
    assert (code, out) == (1, "")
    assert "already exists; not overwritten" in err
    assert not [path for path in tmp_path.rglob("*") if path.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "argv",
    [
        ["schema", "-o", "{device}"],
        ["report", str(EXAMPLE), "-o", "{device}"],
        ["roadmap", str(EXAMPLE), "-o", "{link}"],
        ["roadmap", str(EXAMPLE), "-o", "{pipe}"],
        ["report", str(EXAMPLE), "-o", "{pipe}"],
    ],
    ids=["schema-device", "report-device", "roadmap-link-to-device", "roadmap-pipe", "report-pipe"],
)
def test_an_output_that_is_not_a_regular_file_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    """``-o /dev/null`` (even as root), a link to it or a named pipe: refused, left as it was."""
    pipe, link = tmp_path / "roadmap.csv", tmp_path / "roadmap.md"
    os.mkfifo(pipe)
    link.symlink_to("/dev/null")
    places = {"device": "/dev/null", "link": str(link), "pipe": str(pipe)}

    with dev_null_kept():
        code, out, err = run(capsys, *(argument.format(**places) for argument in argv))

    assert (code, out) == (1, "")
    assert "not a regular file; not replaced" in err
    assert stat.S_ISFIFO(pipe.stat().st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap.csv", "roadmap.md"]


def test_an_output_through_a_link_is_written_to_its_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    link, target = tmp_path / "roadmap.md", tmp_path / "shared" / "roadmap.md"
    target.parent.mkdir()
    link.symlink_to(target)
    code, _, _ = run(capsys, "roadmap", str(EXAMPLE), "-o", str(link))
    assert code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("#")


def test_init_with_an_empty_name_does_not_fill_the_current_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for argv in (["init", ""], ["init", " "], ["new", "", "--client", "Acme"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert "an empty name is not" in err
    assert not list(tmp_path.iterdir())


def test_validate_does_not_hang_on_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.audit.json"
    os.mkfifo(pipe)

    result = subprocess.run([ENTRY_POINT, "validate", pipe], capture_output=True, text=True, timeout=30)

    assert result.returncode == 1
    assert result.stderr == f"{pipe}: is not a regular file (give the path of an .audit.json file)\n"


# -- the command line's language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "environment", "expected"),
    [
        ([], {}, "en"),
        ([], {"LANG": "fr_FR.UTF-8"}, "fr"),
        ([], {"LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        ([], {"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "fr"),
        ([], {"LANG": "de_DE.UTF-8"}, "en"),
        ([], {"AUDITKIT_LANG": "fr", "LANG": "en_GB.UTF-8"}, "fr"),
        ([], {"AUDITKIT_LANG": "de", "LANG": "fr_FR.UTF-8"}, "fr"),
        (["score", "x", "--lang", "en"], {"AUDITKIT_LANG": "fr"}, "en"),
        (["score", "x", "--lang=fr"], {}, "fr"),
        (["score", "x", "--lang", "de"], {"AUDITKIT_LANG": "fr"}, "fr"),
    ],
)
def test_language_is_the_option_then_auditkit_lang_then_the_locale(
    argv: list[str], environment: dict[str, str], expected: str
) -> None:
    assert cli_language(argv, environment) == expected


def test_french_help_usage_errors_and_hints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITKIT_LANG", "fr")

    code, out, _ = run(capsys, "validate", "--help")
    assert code == 0
    assert out.startswith("utilisation\u00a0: auditkit validate ")
    assert "\narguments positionnels\u00a0:\n  PATH        les fichiers d'audit à vérifier\n" in out

    code, out, err = run(capsys, "valdate", "x.audit.json")
    assert (code, out) == (2, "")
    assert "auditkit\u00a0: erreur\u00a0: argument COMMAND\u00a0: choix invalide\u00a0: 'valdate'" in err
    assert err.splitlines()[-1] == "conseil\u00a0: vouliez-vous dire 'validate'\u202f?"

    code, _, err = run(capsys, "new", "x", "--client", "Acme", "--date", "14/03/2025")
    assert code == 2
    assert "'14/03/2025' n'est pas une date (format attendu\u00a0: AAAA-MM-JJ)" in err


def test_french_validation_and_outputs(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    bad_audit_files: dict[str, tuple[Path, int]],
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    good, (bad, _) = resources.example_audits()[0], bad_audit_files["wrong_types"]

    code, out, err = run(capsys, "validate", str(good), str(bad))

    assert code == 1
    assert out == f"{good}\u00a0: ok\n"
    assert (
        f'{bad}: engagement.audit_date: "14/03/2025" n\'est pas une date (attendu\u00a0: une date au format AAAA-MM-JJ)\n'
        in err
    )

    target = tmp_path / "acme.audit.json"
    code, out, err = run(capsys, "new", str(target), "--client", "Acme")
    assert (code, out) == (0, f"{target}\n")
    assert err == f"Tour 1 de l'audit de Acme créé. Vérifiez-le\u00a0: auditkit validate {target}\n"

    code, _, err = run(capsys, "new", str(target), "--client", "Acme", "--lang", "en")
    assert (code, err) == (
        1,
        f"{target}: already exists; not overwritten (choose another name or delete it)\n",
    )


def test_score_heading_follows_the_command_line_language(capsys: pytest.CaptureFixture[str]) -> None:
    example = resources.examples_dir() / DEFAULT_EXAMPLE
    audit = store.load(example)
    date_ = audit.engagement.audit_date.isoformat()

    code, out, _ = run(capsys, "score", str(example), "--lang", "fr")
    assert code == 0
    assert out.startswith(f"{audit.engagement.client} — {date_} (tour {audit.engagement.round})\n")

    code, out, _ = run(capsys, "score", str(example), "--lang", "en")
    assert out.startswith(f"{audit.engagement.client} — {date_} (round {audit.engagement.round})\n")


def test_an_unknown_language_is_refused_with_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "score", "x.audit.json", "--lang", "de")
    assert code == 2
    assert "argument --lang: invalid choice: 'de' (choose from 'en', 'fr')" in err


# -- quick start --------------------------------------------------------------------------------------


HEAVY = ("pandas", "plotly", "jinja2", "openpyxl", "icalendar", "ipywidgets")


@pytest.mark.parametrize(
    ("argv", "unwanted"),
    [
        (["--version"], (*HEAVY, "pydantic", "auditkit.model", "auditkit.scoring")),
        (["validate", str(resources.examples_dir() / DEFAULT_EXAMPLE)], (*HEAVY, "auditkit.roadmap")),
        (["new", "--help"], (*HEAVY, "auditkit.scoring", "auditkit.export")),
    ],
)
def test_quick_commands_import_only_what_they_need(argv: list[str], unwanted: tuple[str, ...]) -> None:
    code = (
        "import contextlib, io, sys\n"
        "from auditkit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"loaded = sorted(m for m in sys.modules if m in {unwanted!r} or m.split('.')[0] in {unwanted!r})\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_demo_computes_each_result_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The demo's audit is scored and diagnosed once (the roadmap scores its own projected audits)."""
    import auditkit.diagnose
    import auditkit.scoring

    calls: dict[str, list[Audit]] = {"score": [], "diagnose": []}
    for module, name in ((auditkit.scoring, "score"), (auditkit.diagnose, "diagnose")):
        original = getattr(module, name)
        monkeypatch.setattr(
            module,
            name,
            lambda audit, *given, _f=original, _n=name: calls[_n].append(audit) or _f(audit, *given),
        )

    code, _, _ = run(capsys, "demo", "-o", str(tmp_path))

    assert code == 0
    [audit] = calls["diagnose"]
    assert sum(scored is audit for scored in calls["score"]) == 1
