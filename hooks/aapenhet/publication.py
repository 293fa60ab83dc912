"""The publication gate: may this statement go on the public website, and if not, why not.

Run before a deploy (``python -m aapenhet.publication [PROJECT] [--site-url URL]``). It refuses when
the data does not load, when the statement is still a draft (``draft.missing_for_publication``),
when a §5 fact is inconsistent in a way the models cannot see within one field, or when the build
settings would publish the site at an address that is not its public https address. Each reason is
one line of plain English, located like the loader's messages where it is about ``data/``.

Exit status: 0 publishable, 1 refused (one reason per line on stdout), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from aapenhet.addresses import is_loopback_host
from aapenhet.draft import BOARD_ROLES, missing_for_publication
from aapenhet.form_settings import FormSettings, Provider, load_form_settings
from aapenhet.loader import load_statement_data
from aapenhet.models import SignatoryRole, StatementData
from aapenhet.problems import DataProblems, Problem
from aapenhet.yaml_source import SourceMap, parse_yaml

STATEMENT_FILE = "data/statement.yml"


@dataclass(frozen=True)
class LoadedData:
    """The validated data, with where each value of ``statement.yml`` is (for located reasons)."""

    data: StatementData
    statement_source: SourceMap


@dataclass(frozen=True)
class PublishSettings:
    """The build settings the site is about to be published with."""

    site_url: str | None
    # The innsynskrav form's receiver as the build reads it from mkdocs.yml, or why it can't be read.
    form: FormSettings | list[str]
    # Where site/ is deployed: netlify, github-pages or other (a host that only serves files).
    host: str = "other"


DataCheck = Callable[[LoadedData], list[Problem]]
SettingsCheck = Callable[[PublishSettings], list[str]]


# Checks -----------------------------------------------------------------------------------------

# Label key from draft.missing_for_publication → (field in statement.yml, what is wrong — what to do).
DRAFT_FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "missing.reporting_period": (("reporting_period",), "empty, so the statement is still a draft"
                                 " — fill in start and end (YYYY-MM-DD)"),
    "missing.approved_on": (("approved_on",), "empty, so the statement is still a draft — fill in the date the"
                            " board approved and signed it (YYYY-MM-DD)"),
    "missing.board_signatures": (("signatories",), "no board member signs, so the statement is still a draft"
                                 " — list every board member (board_chair, board_member, employee_representative)"),
    "missing.ceo_signature": (("signatories",), "the daglig leder (CEO) does not sign, so the statement is still"
                              " a draft — add a signatory with role: ceo"),
    "missing.contact_email": (("contact", "email"), "empty, so the statement is still a draft — fill in the"
                              " e-mail address for innsynskrav"),
    "missing.postal_address": (("contact", "postal_address"), "empty, so the statement is still a draft — fill in"
                               " the postal address for innsynskrav, one line per item"),
}


def statement_is_final(loaded: LoadedData) -> list[Problem]:
    """A draft ("Utkast") is never published: report each field ``draft.py`` finds missing."""
    problems = []
    for key in missing_for_publication(loaded.data.statement):
        path, message = DRAFT_FIELDS.get(key, ((), f"the statement is still a draft ({key})"))
        problems.append(loaded.statement_source.problem(path, message, at_key=True))
    return problems


def dates_in_order(loaded: LoadedData) -> list[Problem]:
    """The period ends after it starts; the board approves after the period ended; publication follows approval.

    Approval before the period's end is read as a typo: the statement reports on a finished period
    (that is our interpretation of §5, which publishes by 30 June on the past year's due diligence).
    """
    statement, source = loaded.data.statement, loaded.statement_source
    start, end = statement.reporting_period.start, statement.reporting_period.end
    approved, published = statement.approved_on, statement.published_on
    problems = []
    if start is not None and end is not None and end <= start:
        problems.append(source.problem(("reporting_period", "end"), f"the period's end ({end}) is not after its"
                                       f" start ({start}) — expected the last day of the period"))
    if end is not None and approved is not None and approved < end:
        problems.append(source.problem(("approved_on",), f"approved ({approved}) before the reporting period"
                                       f" ended ({end}) — expected a date after the period"))
    if approved is not None and published is not None and published < approved:
        problems.append(source.problem(("published_on",), f"published ({published}) before it was approved"
                                       f" ({approved}) — only a signed statement is published"))
    return problems


def signatories_consistent(loaded: LoadedData) -> list[Problem]:
    """One daglig leder and one styreleder (every AS board has a chair); nobody listed twice in one role.

    ``draft.py`` already refuses when no board member or no CEO signs; this only adds what it cannot see.
    """
    signatories, source = loaded.data.statement.signatories, loaded.statement_source
    problems = []
    seen: set[tuple[str, SignatoryRole]] = set()
    for index, signatory in enumerate(signatories):
        key = (" ".join(signatory.name.casefold().split()), signatory.role)
        if key in seen:
            problems.append(source.problem(("signatories", index), f"«{signatory.name}» is listed twice as"
                                           f" {signatory.role.value} — list each signatory once"))
        seen.add(key)
    roles = [signatory.role for signatory in signatories]
    if roles.count(SignatoryRole.ceo) > 1:
        problems.append(source.problem(("signatories",), "more than one signatory has role: ceo — a company has"
                                       " one daglig leder"))
    if roles.count(SignatoryRole.board_chair) > 1:
        problems.append(source.problem(("signatories",), "more than one signatory has role: board_chair — the"
                                       " board has one chair (styreleder)"))
    if any(role in BOARD_ROLES for role in roles) and SignatoryRole.board_chair not in roles:
        problems.append(source.problem(("signatories",), "the board signs without its chair — add the styreleder"
                                       " with role: board_chair"))
    return problems


def company_is_covered(loaded: LoadedData) -> list[Problem]:
    """§5: the statement says which companies it covers, and the enterprise itself is one of them."""
    name = loaded.data.company.name
    covered = {" ".join(company.casefold().split()) for company in loaded.data.statement.companies_covered}
    if " ".join(name.casefold().split()) in covered:
        return []
    return [loaded.statement_source.problem(("companies_covered",), f"does not name «{name}» (company.yml name)"
                                            " — the statement must cover the enterprise that publishes it")]


def site_url_is_public(settings: PublishSettings) -> list[str]:
    """MkDocs writes ``site_url`` into canonical links and the sitemap: it must be the public address."""
    problem = public_https_url_problem(settings.site_url)
    if problem is None:
        return []
    return [f"site_url: {problem} — set SITE_URL (or --site-url) to the site's public address"]


def form_endpoint_is_public(settings: PublishSettings) -> list[str]:
    """Requests sent with the form must reach Exso's mailbox, not a test receiver on this machine."""
    if isinstance(settings.form, list):
        return settings.form
    if settings.form.provider is Provider.netlify:
        if settings.host == "netlify":
            return []  # Netlify takes the posts on the site itself
        return [f"extra.innsynskrav.provider: netlify takes the form's posts on the site itself, but the site is"
                f" deployed to {settings.host}, which answers a post with an error — choose a form service"
                " (formspree, formsubmit, web3forms, generic) or deploy to Netlify (--host netlify)"]
    problem = public_https_url_problem(settings.form.endpoint)
    if problem is None:
        if settings.form.provider is Provider.generic and settings.form.service_name is None:
            return ["extra.innsynskrav.service_name: not set — the privacy notice must name the service that"
                    " processes the requests; set INNSYNSKRAV_SERVICE_NAME (or service_name:)"]
        return []
    return [f"extra.innsynskrav.endpoint: {problem} — set INNSYNSKRAV_PROVIDER and INNSYNSKRAV_ENDPOINT"
            " (repository variables in CI) to the form service Exso uses"]


def read_form_settings(project: Path) -> FormSettings | list[str]:
    """``extra.innsynskrav`` as MkDocs reads it (``!ENV`` resolved from this environment)."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own loader, so !ENV means what it means to the build

    config_file = project / "mkdocs.yml"
    try:
        text = config_file.read_text(encoding="utf-8")
        with config_file.open("rb") as stream:
            config = yaml_load(stream) or {}
        return load_form_settings(config.get("extra") or {}, text)
    except DataProblems as error:
        return [str(problem) for problem in error.problems]
    except (OSError, ValueError) as error:  # yaml errors are ValueErrors too
        return [f"mkdocs.yml: cannot be read ({error}) — run mkdocs build to see where"]


# Every check the gate runs, in the order the reasons are printed. Add a check by appending it.
DATA_CHECKS: list[DataCheck] = [statement_is_final, dates_in_order, signatories_consistent, company_is_covered]
SETTINGS_CHECKS: list[SettingsCheck] = [site_url_is_public, form_endpoint_is_public]


# Gate -------------------------------------------------------------------------------------------


def publication_problems(project: Path, settings: PublishSettings) -> list[str]:
    """Every reason not to publish ``project`` with ``settings``; empty when it may be published."""
    loaded, reasons = load_data(project / "data")
    if loaded is not None:
        for data_check in DATA_CHECKS:
            reasons += [str(problem) for problem in data_check(loaded)]
    for settings_check in SETTINGS_CHECKS:
        reasons += settings_check(settings)
    return reasons


def load_data(data_dir: Path) -> tuple[LoadedData | None, list[str]]:
    """The loaded data, or None with the loader's located problems as reasons."""
    try:
        data = load_statement_data(data_dir)
        text = (data_dir / "statement.yml").read_text(encoding="utf-8")
    except DataProblems as error:
        return None, [str(problem) for problem in error.problems]
    except OSError as error:
        return None, [f"{data_dir}: cannot be read ({error.strerror or error}) — check the files' permissions"]
    return LoadedData(data, parse_yaml(text, STATEMENT_FILE).source), []


# Helpers ----------------------------------------------------------------------------------------


def public_https_url_problem(url: str | None) -> str | None:
    """What keeps ``url`` from being a public https address, or None when it is one."""
    if url is None or not url.strip():
        return "not set"
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return f"«{url}» is not a web address"
    if parts.scheme != "https" or not host:
        return f"«{url}» is not an absolute https:// address"
    if is_loopback_host(host):
        return f"«{url}» points at this machine ({host}), not at the published site"
    return None


# Command line -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m aapenhet.publication``: print the reasons not to publish; 0, 1 or 2 as documented."""
    parser = argparse.ArgumentParser(
        prog="python -m aapenhet.publication",
        description="Check that the statement may be published: data complete and final, public https site_url.")
    parser.add_argument("project", nargs="?", default=".", help="the project directory (default: current directory)")
    parser.add_argument("--host", choices=["github-pages", "netlify", "other"], default="other",
                        help="where site/ is deployed (a netlify form works only on Netlify)")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"),
                        help="the address the site is published at (default: $SITE_URL)")
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and what is wrong
        return 0 if exit_.code == 0 else 2
    project = Path(arguments.project)
    if not (project / "data").is_dir():
        print(f"{parser.prog}: {project} has no data/ folder — give the project directory", file=sys.stderr)
        return 2
    try:
        settings = PublishSettings(site_url=arguments.site_url, form=read_form_settings(project), host=arguments.host)
        reasons = publication_problems(project, settings)
    except Exception as error:  # a bug in the gate, not a problem in the data: still refuse, without a traceback
        print(f"{parser.prog}: internal error ({type(error).__name__}: {error}) — not publishable until fixed",
              file=sys.stderr)
        return 1
    if not reasons:
        print(f"Publishable: the statement is final, site_url is {arguments.site_url.strip()}"
              " and the form posts to its service")
        return 0
    print("\n".join(reasons), flush=True)
    print(f"Not publishable: {len(reasons)} reason{'s' if len(reasons) != 1 else ''} above.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
