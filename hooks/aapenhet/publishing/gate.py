"""The publication gate: may this statement go on the public website, and if not, why not.

Run before a deploy (``aapenhet gate [PROJECT] [--site-url URL]``, see ``aapenhet.cli``). It refuses
when the data does not load, when the §5 check finds anything (``model.check``: what §5 asks that
the data does not show, and the publication rules — the statement is still a draft, or a fact is
inconsistent in a way the models cannot see within one field), or when the build settings would publish the site at an address that is not its public
https address or with a form that reaches no one. Each reason is one line of plain English, located
like the loader's messages where it is about ``data/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aapenhet.form.settings import FormSettings, Provider
from aapenhet.model.check import check_statement
from aapenhet.model.history import load_history
from aapenhet.model.loader import LoadedStatement, load_statement
from aapenhet.rendering.docs_pages import page_texts
from aapenhet.source.problems import DataProblems
from aapenhet.website.addresses import public_https_url_problem


@dataclass(frozen=True)
class PublishSettings:
    """The build settings the site is about to be published with."""

    site_url: str | None
    # The innsynskrav form's receiver as the build reads it from mkdocs.yml, or why it can't be read.
    form: FormSettings | list[str]
    # Where site/ is deployed: netlify, github-pages or other (a host that only serves files).
    host: str = "other"


SettingsCheck = Callable[[PublishSettings], list[str]]

# Addresses shown as examples in the README: copied into the settings, requests would go nowhere.
EXAMPLE_ENDPOINTS = frozenset({"https://formspree.io/f/abcdwxyz"})


# Settings checks -------------------------------------------------------------------------------


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
    if problem is None and settings.form.endpoint.strip() in EXAMPLE_ENDPOINTS:
        problem = f"«{settings.form.endpoint}» is the example address from the README, not a form of Exso's"
    if problem is None:
        if settings.form.provider is Provider.generic and settings.form.service_name is None:
            return ["extra.innsynskrav.service_name: not set — the privacy notice must name the service that"
                    " processes the requests; set INNSYNSKRAV_SERVICE_NAME (or service_name:)"]
        return []
    return [f"extra.innsynskrav.endpoint: {problem} — set INNSYNSKRAV_PROVIDER and INNSYNSKRAV_ENDPOINT"
            " (repository variables in CI) to the form service Exso uses"]


# Every settings check the gate runs, after the data rules, in the order the reasons are printed.
SETTINGS_CHECKS: list[SettingsCheck] = [site_url_is_public, form_endpoint_is_public]


# Gate -------------------------------------------------------------------------------------------


def publication_problems(project: Path, settings: PublishSettings) -> list[str]:
    """Every reason not to publish ``project`` with ``settings``; empty when it may be published."""
    loaded, reasons = load_data(project / "data")
    if loaded is not None:
        # The earlier versions in data/history/, as the build reads them: the build stops on them too.
        try:
            load_history(project / "data", loaded)
        except DataProblems as error:
            reasons += [str(problem) for problem in error.problems]
        # The §5 check's findings and the publication rules: what `aapenhet check` lists, as errors.
        reasons += [finding.text("en") for finding in check_statement(loaded, page_texts(project / "docs"))]
    for settings_check in SETTINGS_CHECKS:
        reasons += settings_check(settings)
    return reasons


def load_data(data_dir: Path) -> tuple[LoadedStatement | None, list[str]]:
    """The loaded data, or None with the loader's located problems as reasons."""
    try:
        return load_statement(data_dir), []
    except DataProblems as error:
        return None, [str(problem) for problem in error.problems]
    except OSError as error:
        return None, [f"{data_dir}: cannot be read ({error.strerror or error}) — check the files' permissions"]
