"""The publication gate (``aapenhet gate``): what it refuses, and that it says why.

Proves: the shipped statement is refused as a draft, naming each missing field where it is in
``data/statement.yml``; a filled-in copy with a public https ``site_url`` passes; a loopback, plain
http or missing ``site_url`` is refused; inconsistent dates, signatories and companies are refused;
bad data is refused with the loader's located messages and never a traceback; usage errors exit 2.
The gate runs in-process through the command line's ``main`` (with the environment and working
directory it would have in CI); two tests run it as a separate process, as the console script and as
``python -m aapenhet gate``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from aapenhet.ci_log import safe_for_ci_log
from aapenhet.cli import main
from aapenhet.form.settings import FormSettings, Provider
from aapenhet.publishing.gate import PublishSettings, publication_problems
from aapenhet.website.addresses import is_loopback_host
from site_build import FILLED_STATEMENT, PROJECT, REPO, copy_project, fill_data, start_project_build

PUBLIC_URL = "https://exempla.no/apenhet/"


def filled_project(tmp_path: Path, statement: str = FILLED_STATEMENT) -> Path:
    project = copy_project(tmp_path / "project")
    fill_data(project / "data", statement)
    return project


# The form service a published build would use (CI sets it from repository variables).
PUBLIC_FORM_ENV = {"INNSYNSKRAV_PROVIDER": "formspree", "INNSYNSKRAV_ENDPOINT": "https://formspree.io/f/abc"}
PUBLIC_FORM = FormSettings(provider=Provider.formspree, endpoint="https://formspree.io/f/abc")


@dataclass
class GateRun:
    returncode: int
    stdout: str
    stderr: str


def gate_environment(site_url: str | None, form_env: dict[str, str]) -> dict[str, str]:
    """CI's environment for the gate: ``SITE_URL`` and the form service, nothing left from this one."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL" and not key.startswith("INNSYNSKRAV_")}
    env.update(form_env)
    if site_url is not None:
        env["SITE_URL"] = site_url
    return env


def run_gate(
    *arguments: str, cwd: Path = PROJECT, site_url: str | None = None, form_env: dict[str, str] = PUBLIC_FORM_ENV
) -> GateRun:
    """``aapenhet gate ARGUMENTS`` in-process, in CI's environment and working directory."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, gate_environment(site_url, form_env), clear=True),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        code = main(["gate", *arguments])
    return GateRun(code, stdout.getvalue(), stderr.getvalue())


def run_gate_process(
    command: list[str], *arguments: str, cwd: Path = PROJECT, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The gate as a separate process, as CI starts it."""
    return subprocess.run(
        [*command, *arguments],
        cwd=cwd,
        env=gate_environment(site_url, PUBLIC_FORM_ENV),
        capture_output=True,
        text=True,
        timeout=60,
    )


def reasons(
    project: Path, site_url: str | None = PUBLIC_URL, form: FormSettings = PUBLIC_FORM, built: Path | None = None
) -> list[str]:
    return publication_problems(project, PublishSettings(site_url=site_url, form=form, built=built))


# The shipped data ------------------------------------------------------------------------------


def test_shipped_statement_is_refused_as_a_draft_naming_each_missing_field() -> None:
    found = reasons(PROJECT)
    # First what the §5 check finds (as `aapenhet check` lists it), then the publication rules.
    assert found[0].startswith("data/due_diligence.yml:94:1 responsible: who is responsible for the due diligence")
    assert found[-7:] == [
        "data/statement.yml:4:1 reporting_period: empty, so the statement is still a draft"
        " — fill in start and end (YYYY-MM-DD)",
        "data/statement.yml:11:1 approved_on: empty, so the statement is still a draft — fill in the date the"
        " board approved and signed it (YYYY-MM-DD)",
        "data/statement.yml:13:1 published_on: empty, so the statement is still a draft — fill in the date it"
        " goes out on the website (YYYY-MM-DD), on or after the approval; the site shows it as «Published»",
        "data/statement.yml:17:1 signatories: no board member signs, so the statement is still a draft"
        " — list every board member (board_chair, board_member, employee_representative)",
        "data/statement.yml:17:1 signatories: the daglig leder (CEO) does not sign, so the statement is still"
        " a draft — add a signatory with role: ceo",
        "data/statement.yml:20:3 contact.email: empty, so the statement is still a draft — fill in the"
        " e-mail address for innsynskrav",
        "data/statement.yml:22:3 contact.postal_address: empty, so the statement is still a draft — fill in"
        " the postal address for innsynskrav, one line per item",
    ]
    # What the §5 check locates item by item is given there, once, not again as a summary.
    assert (
        "data/due_diligence.yml:90:1 actual_impacts: the statement does not say whether actual adverse impacts"
        " were found — list them under impacts:, or write none_identified: true and how_looked_for:" in found
    )
    assert (
        "data/countries.yml:8:5 sources[0].year: «ITUC Global Rights Index»: the edition (year) is not given"
        " — fill in year:" in found
    )
    assert (
        "data/due_diligence.yml:216:5 measures[2]: «Interviews with HP Inc.»: the measure is done, but its"
        " date is not given — fill in completed_on: (YYYY-MM-DD)" in found
    )
    assert not [line for line in found if "still a draft" in line and not line.startswith("data/statement.yml")]
    assert len(found) == len(set(found))


def test_cli_refuses_the_shipped_draft_with_one_reason_per_line() -> None:
    done = run_gate(site_url=PUBLIC_URL)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 31 and sum("still a draft" in line for line in lines) == 7
    assert "Traceback" not in done.stderr


# A filled-in statement -------------------------------------------------------------------------


def test_filled_in_statement_with_a_public_https_address_passes(tmp_path: Path) -> None:
    assert reasons(filled_project(tmp_path)) == []


def test_cli_passes_a_filled_in_statement(tmp_path: Path) -> None:
    project = filled_project(tmp_path)
    done = run_gate(str(project), site_url=PUBLIC_URL)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Publishable")


def test_cli_reads_the_project_from_the_current_directory_and_site_url_from_the_option(tmp_path: Path) -> None:
    project = filled_project(tmp_path)
    done = run_gate("--site-url", PUBLIC_URL, cwd=project, site_url="http://127.0.0.1:8000/")
    assert done.returncode == 0, done.stdout + done.stderr


# site_url --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        (None, "site_url: not set"),
        ("", "site_url: not set"),
        ("http://127.0.0.1:8000/", "site_url: «http://127.0.0.1:8000/» is not an absolute https:// address"),
        ("http://exempla.no/", "site_url: «http://exempla.no/» is not an absolute https:// address"),
        ("exempla.no/apenhet/", "site_url: «exempla.no/apenhet/» is not an absolute https:// address"),
        ("https://localhost/", "site_url: «https://localhost/» points at this machine (localhost)"),
        ("https://127.0.0.1:8000/", "site_url: «https://127.0.0.1:8000/» points at this machine (127.0.0.1)"),
        ("https://[::1]/", "site_url: «https://[::1]/» points at this machine (::1)"),
        ("https://[::1/", "site_url: «https://[::1/» is not a web address"),
    ],
    ids=[
        "missing",
        "empty",
        "loopback-http",
        "http",
        "relative",
        "localhost",
        "loopback",
        "ipv6-loopback",
        "malformed",
    ],
)
def test_site_url_must_be_a_public_https_address(tmp_path: Path, site_url: str | None, expected: str) -> None:
    found = reasons(filled_project(tmp_path), site_url)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert found[0].endswith("set SITE_URL (or --site-url) to the site's public address")


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST.",
        "preview.localhost",
        "127.0.0.1",
        "127.1",
        "0x7f000001",
        "::1",
        "::ffff:127.0.0.1",
        "0.0.0.0",
        "::",
    ],
)
def test_every_spelling_of_this_machine_is_loopback(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["exso.no", "exso.github.io", "face.cafe", "10.0.0.1", "2001:db8::1"])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback_host(host)


def test_cli_refuses_a_loopback_site_url_from_the_environment(tmp_path: Path) -> None:
    done = run_gate(str(filled_project(tmp_path)), site_url="http://127.0.0.1:8000/")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "site_url: «http://127.0.0.1:8000/» is not an absolute https:// address"
        " — set SITE_URL (or --site-url) to the site's public address"
    ]


def test_cli_refuses_a_missing_site_url(tmp_path: Path) -> None:
    done = run_gate(str(filled_project(tmp_path)))
    assert done.returncode == 1
    assert done.stdout.startswith("site_url: not set")


# §5 facts the models cannot check field by field ------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{start: 2025-01-01, end: 2025-12-31}",
            "{start: 2025-12-31, end: 2025-01-01}",
            "data/statement.yml:1:44 reporting_period.end: the period's end (2025-01-01) is not after its start"
            " (2025-12-31)",
        ),
        (
            "approved_on: 2026-06-20",
            "approved_on: 2025-06-20",
            "data/statement.yml:3:14 approved_on: approved (2025-06-20) before the reporting period ended (2025-12-31)",
        ),
        (
            "published_on: 2026-06-25",
            "published_on: 2026-06-01",
            "data/statement.yml:4:15 published_on: published (2026-06-01) before it was approved (2026-06-20)",
        ),
        (
            "{name: Per Hansen, role: ceo}",
            "{name: Per Hansen, role: ceo}\n  - {name: Ola  nordmann, role: board_member}",
            "data/statement.yml:9:5 signatories[3]: «Ola  nordmann» is listed twice as board_member",
        ),
        (
            "{name: Ola Nordmann, role: board_member}",
            "{name: Ola Nordmann, role: ceo}",
            "data/statement.yml:6:3 signatories: more than one signatory has role: ceo",
        ),
        (
            "{name: Ola Nordmann, role: board_member}",
            "{name: Ola Nordmann, role: board_chair}",
            "data/statement.yml:6:3 signatories: more than one signatory has role: board_chair",
        ),
        (
            "{name: Kari Nordmann, role: board_chair}",
            "{name: Kari Nordmann, role: board_member}",
            "data/statement.yml:6:3 signatories: the board signs without its chair",
        ),
        (
            "companies_covered: [Exempla AS]",
            "companies_covered: [Exempla Holding AS]",
            "data/statement.yml:2:20 companies_covered: does not name «Exempla AS» (company.yml name)",
        ),
    ],
    ids=[
        "period-reversed",
        "approved-before-period-ended",
        "published-before-approved",
        "signatory-twice",
        "two-ceos",
        "two-chairs",
        "no-chair",
        "company-not-covered",
    ],
)
def test_inconsistent_statement_facts_are_refused(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in FILLED_STATEMENT
    found = reasons(filled_project(tmp_path, FILLED_STATEMENT.replace(old, new)))
    assert len(found) == 1 and found[0].startswith(expected), found


# Bad data and bad usage ------------------------------------------------------------------------


def test_bad_data_is_refused_with_located_messages_and_no_traceback(tmp_path: Path) -> None:
    project = filled_project(tmp_path)
    suppliers = project / "data" / "suppliers.yml"
    suppliers.write_text(
        suppliers.read_text(encoding="utf-8").replace("countries: [CZ, CN]", "countries: [CZ, XX]"), encoding="utf-8"
    )
    (project / "data" / "countries.yml").unlink()
    done = run_gate(str(project), site_url=PUBLIC_URL)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("data/countries.yml:1:1 file is missing")
    assert lines[1].startswith(
        "data/suppliers.yml:21:25 suppliers[0].production[0].countries[1]: «XX» is not an ISO 3166 country code"
    )
    assert len(lines) == 2
    assert "Traceback" not in done.stdout + done.stderr


def test_yaml_syntax_error_is_refused_without_traceback(tmp_path: Path) -> None:
    project = filled_project(tmp_path, "reporting_period: {start: 2025-01-01\n")
    done = run_gate(str(project), site_url=PUBLIC_URL)
    assert done.returncode == 1
    assert done.stdout.startswith("data/statement.yml:")
    assert "data/statement.yml:1:19 this «{» is not closed on its line" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    "arguments",
    [["--no-such-option"], ["a", "b"], ["/no/such/project"]],
    ids=["unknown-option", "two-projects", "no-project"],
)
def test_usage_errors_exit_2_without_traceback(arguments: list[str]) -> None:
    done = run_gate(*arguments, site_url=PUBLIC_URL)
    assert done.returncode == 2
    assert done.stdout == "" and done.stderr != ""
    assert "Traceback" not in done.stderr


def test_main_returns_the_exit_status_instead_of_exiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in PUBLIC_FORM_ENV.items():
        monkeypatch.setenv(name, value)
    assert main(["gate", str(filled_project(tmp_path)), "--site-url", PUBLIC_URL]) == 0
    assert main(["gate", "--no-such-option"]) == 2
    assert main(["gate", "--help"]) == 0
    assert main([]) == 2
    capsys.readouterr()


def test_console_script_refuses_the_shipped_draft_as_ci_runs_it() -> None:
    script = Path(sys.executable).with_name("aapenhet")
    done = run_gate_process([str(script), "gate"], "--host", "github-pages", site_url=PUBLIC_URL)
    assert done.returncode == 1, done.stderr
    assert len(done.stdout.splitlines()) == 31 and "Traceback" not in done.stderr


def test_the_package_runs_the_gate_as_a_module(tmp_path: Path) -> None:
    done = run_gate_process(
        [sys.executable, "-m", "aapenhet", "gate"], str(filled_project(tmp_path)), site_url=PUBLIC_URL
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    assert done.stdout.startswith("Publishable")


# The form's receiver -----------------------------------------------------------------------------


def test_the_shipped_local_form_receiver_is_refused(tmp_path: Path) -> None:
    done = run_gate(str(filled_project(tmp_path)), site_url=PUBLIC_URL, form_env={})
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "extra.innsynskrav.endpoint: «http://127.0.0.1:8025/innsynskrav» is not an absolute https:// address"
        " — set INNSYNSKRAV_PROVIDER and INNSYNSKRAV_ENDPOINT to the form service Exso uses"
        " (repository variables on GitHub: Settings → Secrets and variables → Actions → Variables;"
        " EDITING.md, «The request form's mail service»)"
    ]


def test_a_public_form_service_or_netlify_on_netlify_passes(tmp_path: Path) -> None:
    project = filled_project(tmp_path)
    assert run_gate(str(project), site_url=PUBLIC_URL).returncode == 0
    netlify = {"INNSYNSKRAV_PROVIDER": "netlify", "INNSYNSKRAV_ENDPOINT": ""}
    assert run_gate(str(project), "--host", "netlify", site_url=PUBLIC_URL, form_env=netlify).returncode == 0


def test_a_netlify_form_elsewhere_than_netlify_is_refused(tmp_path: Path) -> None:
    netlify = {"INNSYNSKRAV_PROVIDER": "netlify", "INNSYNSKRAV_ENDPOINT": ""}
    done = run_gate(str(filled_project(tmp_path)), "--host", "github-pages", site_url=PUBLIC_URL, form_env=netlify)
    assert done.returncode == 1
    assert (
        "extra.innsynskrav.provider: netlify takes the form's posts on the site itself, but the site is"
        " deployed to github-pages" in done.stdout
    )


def test_bad_form_settings_are_reasons_located_in_mkdocs_yml(tmp_path: Path) -> None:
    done = run_gate(
        str(filled_project(tmp_path)),
        site_url=PUBLIC_URL,
        form_env={"INNSYNSKRAV_PROVIDER": "formspre", "INNSYNSKRAV_ENDPOINT": "https://x.example/f"},
    )
    assert done.returncode == 1
    assert re.match(r"mkdocs\.yml:\d+:\d+ extra\.innsynskrav\.provider: «formspre» is not allowed", done.stdout)
    assert "Traceback" not in done.stdout + done.stderr


def test_a_generic_form_service_must_be_named_for_the_privacy_notice(tmp_path: Path) -> None:
    generic = {"INNSYNSKRAV_PROVIDER": "generic", "INNSYNSKRAV_ENDPOINT": "https://skjema.exempla.no/in"}
    done = run_gate(str(filled_project(tmp_path)), site_url=PUBLIC_URL, form_env=generic)
    assert done.returncode == 1
    assert done.stdout.startswith("extra.innsynskrav.service_name: not set — the privacy notice must name")
    named = {**generic, "INNSYNSKRAV_SERVICE_NAME": "Skjemaposten AS"}
    assert (
        run_gate(
            str(
                filled_project(tmp_path / "named"),
            ),
            site_url=PUBLIC_URL,
            form_env=named,
        ).returncode
        == 0
    )


# Values that would fool a reader or a careless gate ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Kari Nordmann", "\u200b\u200b", "data/statement.yml:6:12 signatories[0].name: has no visible characters"),
        ("Kari Nordmann", "'\u2060 \u00ad'", "data/statement.yml:6:12 signatories[0].name: has no visible characters"),
        (
            "Kari Nordmann",
            "Kari \u202eNordmann",
            "data/statement.yml:6:12 signatories[0].name: contains a bidirectional override character",
        ),
        (
            "approved_on: 2026-06-20\npublished_on: 2026-06-25",
            "approved_on: 2099-06-20\npublished_on: 2099-06-25",
            "data/statement.yml:3:14 approved_on: 2099-06-20 is in the future",
        ),
        (
            "email: apenhet@example.no",
            "email: apenhet@example.no?cc=x@example.org&body=hei",
            "data/statement.yml:10:10 contact.email: «apenhet@example.no?cc=x@example.org&body=hei» is not valid",
        ),
        (
            "revisions: []",
            "revisions: [{date: 2099-01-01, summary: {nb: Senere, en: Later}}]",
            "data/statement.yml:12:20 revisions[0].date: 2099-01-01 is in the future",
        ),
        ("Kari Nordmann", "'\u3164'", "data/statement.yml:6:12 signatories[0].name: has no letter or digit"),
        ("Kari Nordmann", "'\u115f\u2800'", "data/statement.yml:6:12 signatories[0].name: has no letter or digit"),
        ("Kari Nordmann", "'a\u034f'", None),
        ("Kari Nordmann", "'\u034f\ufe0f'", "data/statement.yml:6:12 signatories[0].name: has no letter or digit"),
        (
            "Kari Nordmann",
            "'Kari\u200f Nordmann'",
            "data/statement.yml:6:12 signatories[0].name: contains a direction mark",
        ),
        (
            "Ola Nordmann, role: board_member",
            "'K\u0430ri Nordmann', role: board_chair",
            "data/statement.yml:7:5 signatories[1]: «Kаri Nordmann» is listed twice as board_chair",
        ),
        (
            "Ola Nordmann, role: board_member",
            "'Kari Nordmann\u200b', role: board_chair",
            "data/statement.yml:7:5 signatories[1]: «Kari Nordmann\u200b» is listed twice as board_chair",
        ),
        (
            "Ola Nordmann, role: board_member",
            "'ＫＡＲＩ nordmann', role: board_chair",
            "data/statement.yml:7:5 signatories[1]: «ＫＡＲＩ nordmann» is listed twice as board_chair",
        ),
    ],
    ids=[
        "zero-width-name",
        "format-characters-only",
        "bidi-override",
        "approved-in-2099",
        "email-with-headers",
        "revised-in-2099",
        "hangul-filler-name",
        "filler-and-braille-blank-name",
        "a-letter-with-a-joiner-is-a-name",
        "joiner-and-variation-selector-name",
        "direction-mark-in-name",
        "twice-with-a-cyrillic-letter",
        "twice-with-a-zero-width-space",
        "twice-in-full-width",
    ],
)
def test_values_that_would_fool_a_reader_are_refused(tmp_path: Path, old: str, new: str, expected: str | None) -> None:
    assert old in FILLED_STATEMENT
    found = reasons(filled_project(tmp_path, FILLED_STATEMENT.replace(old, new)))
    if expected is None:
        assert not [reason for reason in found if "name" in reason], found
    else:
        assert any(reason.startswith(expected) for reason in found), found


@pytest.mark.parametrize(
    "address",
    [
        "https://10.0.0.5/f/x",
        "https://192.168.1.20/",
        "https://172.16.0.1/",
        "https://169.254.169.254/",
        "https://[fd00::1]/",
        "https://100.64.0.1/",
        "https://0xa000005/",
        "https://intranet/f",
        "https://forms.local/f",
        "https://forms.internal/f",
        "https://router.lan/",
        "https://nas.home.arpa/",
    ],
)
def test_private_and_local_addresses_are_not_public(tmp_path: Path, address: str) -> None:
    form = FormSettings(provider=Provider.formspree, endpoint="https://formspree.io/f/abc")
    site_problem = reasons(filled_project(tmp_path), site_url=address, form=form)
    assert len(site_problem) == 1 and site_problem[0].startswith(f"site_url: «{address}»"), site_problem
    endpoint = reasons(filled_project(tmp_path / "e"), form=FormSettings(provider=Provider.formspree, endpoint=address))
    assert len(endpoint) == 1 and endpoint[0].startswith(f"extra.innsynskrav.endpoint: «{address}»"), endpoint


def test_the_guides_example_endpoint_is_refused(tmp_path: Path) -> None:
    example = "https://formspree.io/f/abcdwxyz"
    assert example in (REPO / "EDITING.md").read_text(encoding="utf-8"), "the guide's example changed: update"
    found = reasons(filled_project(tmp_path), form=FormSettings(provider=Provider.formspree, endpoint=example))
    assert found == [
        f"extra.innsynskrav.endpoint: «{example}» is the example address from EDITING.md, not a form"
        " of Exso's — set INNSYNSKRAV_PROVIDER and INNSYNSKRAV_ENDPOINT to the form service Exso"
        " uses (repository variables on GitHub: Settings → Secrets and variables → Actions → Variables;"
        " EDITING.md, «The request form's mail service»)"
    ]


def test_nothing_the_gate_prints_starts_a_workflow_command(tmp_path: Path) -> None:
    """GitHub Actions runs any log line that starts with ``::`` as a command (``::warning``, ``::add-mask``)."""
    hostile = FILLED_STATEMENT.replace(
        "companies_covered: [Exempla AS]", 'companies_covered: ["x\\n::warning::gate passed"]'
    )
    done = run_gate(str(filled_project(tmp_path, hostile)), site_url=PUBLIC_URL)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines and not any(line.lstrip().startswith("::") for line in lines), lines
    assert safe_for_ci_log("::error::x") == "» ::error::x" and safe_for_ci_log("a\n::b") == "a ::b"


def test_the_gate_refuses_what_the_build_refuses_in_earlier_versions(tmp_path: Path) -> None:
    from site_build import add_earlier_versions

    project = filled_project(tmp_path)
    add_earlier_versions(project / "data")
    assert reasons(project) == []
    (project / "data" / "history" / "2024").rename(project / "data" / "history" / "2023")
    found = reasons(project)
    assert any(
        reason.startswith("data/history/2023/statement.yml:") and "the period ends in 2024" in reason
        for reason in found
    ), found


# The site about to be deployed is the build of what the gate judged -------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda project: None, None),
        (lambda project: (project / "site" / "build.json").unlink(), "site/build.json: missing or unreadable"),
        (
            lambda project: (project / "docs" / "index.md").write_text("# Endret\n", encoding="utf-8"),
            "site/build.json: site/ was built from other files than mkdocs.yml, docs/, data/, overrides/ and"
            " hooks/ as they are now",
        ),
    ],
    ids=["the-same", "no-record", "edited-since"],
)
def test_the_gate_refuses_a_built_site_that_is_not_the_build_of_what_it_judged(
    tmp_path: Path, change, expected: str | None
) -> None:
    from aapenhet.publishing.build_record import build_record, write_build_record

    project = filled_project(tmp_path)
    (project / "site").mkdir()
    write_build_record(project / "site", build_record(project, PUBLIC_URL, PUBLIC_FORM))
    change(project)
    found = reasons(project, built=project / "site")
    if expected is None:
        assert found == []
        elsewhere = reasons(project, built=project / "site", site_url="https://exempla.no/annet/")
        assert elsewhere == [
            f"{project / 'site'}/build.json: site/ was built for https://exempla.no/apenhet/, not"
            " https://exempla.no/annet/ — build it again with SITE_URL set to the address it is"
            " published at"
        ]
    else:
        assert len(found) == 1 and found[0].startswith(str(project / expected)), found


def test_a_bug_in_the_tool_keeps_its_traceback_and_says_it_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistake in the files is a located message; the tool's own bug is not hidden behind one."""
    import aapenhet.cli

    def broken(*_: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(aapenhet.cli, "publication_verdict", broken)
    assert main(["check", str(filled_project(tmp_path))]) == 3
    said = capsys.readouterr().err
    assert "Traceback (most recent call last):" in said and "ZeroDivisionError: a bug" in said
    assert said.rstrip().endswith(
        "this is a bug in the tool, not a mistake in your files — nothing was changed by it;"
        " send the lines above to the developers (DEVELOPING.md)"
    )


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://１２７.０.０.１/", "points at this machine"),
        ("https://exso.ｌｏｃａｌ/", "exists only on a local network"),
        ("https://[::7f00:1]/", "points at this machine"),
        ("https://[64:ff9b::7f00:1]/", "points at this machine"),
        ("https://[2002:7f00:1::]/", "points at this machine"),
        ("https://[fec0::1]/", "private, link-local or reserved"),
        ("https://exso.example/", "reserved for examples and tests"),
        ("https://statement.test/", "reserved for examples and tests"),
        ("https://www.example.com/aapenhet/", "reserved for examples and tests"),
        ('https://exso.no/aapenhet/"><script>', "holds characters an address cannot"),
        ("https://exso.no/aapenhet/'onmouseover=alert(1)", "holds characters an address cannot"),
        ("https://exso.no/aap\u200benhet/", "holds characters an address cannot"),
        ("https://[::ffff:0:7f00:1]/", "points at this machine"),
        ("https://[64:ff9b:1::7f00:1]/", "points at this machine"),
        ("https://user:secret@exso.no/aapenhet/", "holds a user name or password"),
        ("https://exso.no:0/aapenhet/", "has no port a browser can reach"),
    ],
)
def test_an_address_in_disguise_is_not_public(address: str, expected: str) -> None:
    """Full-width digits and letters, IPv4 inside IPv6, site-local IPv6, names reserved for examples,
    and markup in an address: none is the public site's address."""
    from aapenhet.website.addresses import public_https_url_problem

    problem = public_https_url_problem(address)
    assert problem is not None and expected in problem.in_language("en"), problem
    assert public_https_url_problem("https://www.exempla.no/aapenhet/") is None


@pytest.mark.parametrize(
    "written",
    [
        "https://formspree.io/f/abcdwxyz/",
        "https://formspree.io:443/f/abcdwxyz",
        "https://FORMSPREE.IO/f/abcdwxyz",
        "https://www.formspree.io/f/abcdwxyz",
    ],
)
def test_the_guides_example_endpoint_is_refused_however_it_is_written(tmp_path: Path, written: str) -> None:
    found = reasons(filled_project(tmp_path), form=FormSettings(provider=Provider.formspree, endpoint=written))
    assert len(found) == 1 and "is the example address from EDITING.md" in found[0], found


def test_mkdocs_own_messages_cannot_start_a_workflow_command() -> None:
    """MkDocs and its plugins log file names and settings (an English site_name, a page's name):
    every line of every message is kept safe, and a message keeps its line breaks."""
    import logging

    from aapenhet.ci_log import keep_log_safe

    logger = logging.getLogger("aapenhet-test-ci-log")
    logger.propagate = False
    printed = io.StringIO()
    logger.addHandler(logging.StreamHandler(printed))
    keep_log_safe(logger)
    keep_log_safe(logger)  # once each
    logger.warning("Overriding 'en' config 'site_name' with '%s'", "Exempla AS\n::error::forged")
    logger.warning("A file is not in the nav:\n  - \n##[error]x.md\n  - ok.md")
    assert printed.getvalue().splitlines() == [
        "Overriding 'en' config 'site_name' with 'Exempla AS",
        "» ::error::forged'",
        "A file is not in the nav:",
        "  - ",
        "» ##[error]x.md",
        "  - ok.md",
    ]
    assert len(logger.handlers[0].filters) == 1


def test_the_build_refuses_a_site_address_that_would_become_markup(tmp_path: Path) -> None:
    """Not only the gate: a local build too, for the address goes into every page's links as it is."""
    from aapenhet.source.problems import DataProblems

    project = copy_project(tmp_path / "project")
    with pytest.raises(DataProblems) as refused:
        start_project_build(project, site_url='https://exso.no/aapenhet/"><script>alert(1)</script>')
    [problem] = [str(each) for each in refused.value.problems if "site_url" in str(each)]
    assert problem.startswith("mkdocs.yml:") and "holds characters an address cannot" in problem
