"""What the innsynskrav form template needs, for one language: where it posts and its hidden fields."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from aapenhet.form.settings import FormSettings, Provider, preset_for


@dataclass(frozen=True)
class FormView:
    """What the form template needs, for one language."""

    action: str
    # Where the enhanced form sends with fetch: the same, except for services with a separate JSON API.
    fetch_action: str
    hidden_fields: tuple[tuple[str, str], ...]
    honeypot: str | None
    netlify_name: str | None
    replies_json: bool
    timeout_ms: int


def form_view(settings: FormSettings, *, thank_you_url: str, thank_you_path: str, subject: str) -> FormView:
    """The form for one language: ``thank_you_url`` is absolute, for services that redirect to it."""
    preset = preset_for(settings)
    hidden: list[tuple[str, str]] = []
    netlify_name = None
    if settings.provider is Provider.netlify:
        netlify_name = settings.form_name
        hidden.append(("form-name", settings.form_name))
    if preset.access_key and settings.access_key:
        hidden.append((preset.access_key, settings.access_key))
    if preset.subject:
        hidden.append((preset.subject, subject))
    if preset.redirect:
        hidden.append((preset.redirect, thank_you_url))
    hidden += preset.fixed
    # Netlify answers a post to a page of the site by showing that page: the thank-you page.
    action = thank_you_path if settings.endpoint is None else settings.endpoint
    fetch_action = action
    if preset.json_api_prefix and settings.endpoint is not None:
        parts = urlsplit(settings.endpoint)
        fetch_action = parts._replace(path=preset.json_api_prefix + parts.path).geturl()
    return FormView(
        action=action,
        fetch_action=fetch_action,
        hidden_fields=tuple(hidden),
        honeypot=preset.honeypot,
        netlify_name=netlify_name,
        replies_json=preset.replies_json,
        timeout_ms=settings.timeout_seconds * 1000,
    )
