"""The publication gate: may this statement go on the public website, and if not, why not.

Run before a deploy (``aapenhet gate [PROJECT] [--site-url URL]``, see ``aapenhet.cli``). It refuses
when the data does not load, when the §5 check finds anything (``model.check``: what §5 asks that
the data does not show, and the publication rules — the statement is still a draft, or a fact is
inconsistent in a way the models cannot see within one field) in the current statement or in a
version kept in data/history/ (``model.publishable``, the rule set ``keep`` uses too), or when the
build settings would publish the site at an address that is not its public https address or with a
form that reaches no one. Each reason is one line in ``LOG_LANGUAGE`` (plain English, from the
word store), located like the loader's messages where it is about ``data/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from aapenhet.form.settings import FormSettings, Provider
from aapenhet.languages import LOG_LANGUAGE
from aapenhet.model.publishable import publication_verdict
from aapenhet.publishing.build_record import built_site_problems
from aapenhet.website.addresses import public_https_url_problem
from aapenhet.words import message, wording


@dataclass(frozen=True)
class PublishSettings:
    """The build settings the site is about to be published with."""

    site_url: str | None
    # The innsynskrav form's receiver as the build reads it from mkdocs.yml, or why it can't be read.
    form: FormSettings | list[str]
    # Where site/ is deployed: netlify, github-pages or other (a host that only serves files).
    host: str = "other"
    # The built site/ about to be deployed: it must be the build of what the gate judges, for this address.
    built: Path | None = None


SettingsCheck = Callable[[PublishSettings], list[str]]

# Addresses shown as examples in EDITING.md: copied into the settings, requests would go nowhere.
EXAMPLE_ENDPOINTS = frozenset({"https://formspree.io/f/abcdwxyz"})


def _same_address(url: str) -> str:
    """An address as a browser would reach it: host in lower case without «www.», the default port
    dropped, without a trailing slash; so a copied example is recognised however it is written."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    port = "" if parts.port in (None, 443) else f":{parts.port}"
    return f"{parts.scheme.lower()}://{host}{port}{parts.path.rstrip('/')}"


# Settings checks -------------------------------------------------------------------------------


def site_url_is_public(settings: PublishSettings) -> list[str]:
    """MkDocs writes ``site_url`` into canonical links and the sitemap: it must be the public address."""
    problem = public_https_url_problem(settings.site_url)
    if problem is None:
        return []
    return [message("gate.site_url", LOG_LANGUAGE, problem=problem)]


def form_endpoint_is_public(settings: PublishSettings) -> list[str]:
    """Requests sent with the form must reach Exso's mailbox, not a test receiver on this machine."""
    if isinstance(settings.form, list):
        return settings.form
    if settings.form.provider is Provider.netlify:
        if settings.host == "netlify":
            return []  # Netlify takes the posts on the site itself
        return [message("gate.netlify_elsewhere", LOG_LANGUAGE, host=settings.host)]
    problem = public_https_url_problem(settings.form.endpoint)
    if problem is None and _same_address(settings.form.endpoint or "") in {
        _same_address(url) for url in EXAMPLE_ENDPOINTS
    }:
        problem = wording("gate.example_endpoint", endpoint=settings.form.endpoint)
    if problem is None:
        if settings.form.provider is Provider.generic and settings.form.service_name is None:
            return [message("gate.no_service_name", LOG_LANGUAGE)]
        return []
    return [message("gate.endpoint", LOG_LANGUAGE, problem=problem)]


# Every settings check the gate runs, after the data rules, in the order the reasons are printed.
SETTINGS_CHECKS: list[SettingsCheck] = [site_url_is_public, form_endpoint_is_public]


# Gate -------------------------------------------------------------------------------------------


def publication_problems(project: Path, settings: PublishSettings) -> list[str]:
    """Every reason not to publish ``project`` with ``settings``; empty when it may be published.

    The data's reasons are ``publishable.publication_verdict``'s, the rule set ``keep`` uses too: the
    current statement and every version kept in data/history/."""
    reasons = publication_verdict(project / "data", project / "docs").reasons()
    for settings_check in SETTINGS_CHECKS:
        reasons += settings_check(settings)
    if settings.built is not None:
        reasons += built_site_problems(settings.built, project, settings.site_url, settings.form)
    return reasons
