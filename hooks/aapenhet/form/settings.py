"""The innsynskrav form's receiver: which form-to-mailbox service, where, and its field names.

The settings live in ``mkdocs.yml`` under ``extra.innsynskrav``; a provider *preset* decides the
extra fields each service reads (subject, redirect, honeypot, access key), so switching service
changes configuration only. Bad settings stop the build with the line in ``mkdocs.yml``.
"""

from __future__ import annotations

import dataclasses
import enum
import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, HttpUrl, ValidationError, model_validator

from aapenhet.model.models import Identifier, NonEmptyStr, StrictModel
from aapenhet.source.explain import validation_problems
from aapenhet.source.problems import DataProblems, Problem, WordedError
from aapenhet.source.problems import Path as DataPath
from aapenhet.source.yaml_source import SourceMap, file_problems, parse_yaml
from aapenhet.website.addresses import is_loopback_host
from aapenhet.words import wording

SETTINGS_PATH = ("extra", "innsynskrav")


class Provider(str, enum.Enum):
    formspree = "formspree"
    formsubmit = "formsubmit"
    web3forms = "web3forms"
    netlify = "netlify"
    generic = "generic"


# A DNS name: labels of letters, digits and hyphens (IDNA names in their xn-- form), dot-separated.
_HOST_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
# Characters that would end the address inside the page's policy or attributes.
_UNSAFE = re.compile(r"[\s;,'\"<>\\`]")


def check_endpoint(url: str) -> str:
    """An absolute https address of the service; plain http only for a receiver on this machine."""
    url = url.strip()
    not_an_address = WordedError(wording("form.not_an_address", url=url))
    if _UNSAFE.search(url):
        raise WordedError(wording("form.address_with_space", url=url))
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
    except ValueError:
        raise not_an_address from None
    if parts.scheme not in ("http", "https") or not _is_host(host):
        raise not_an_address
    if parts.scheme == "http" and not is_loopback_host(host):
        raise WordedError(wording("form.not_https", url=url))
    if parts.username or parts.password or parts.fragment:
        raise WordedError(wording("form.address_with_user", url=url))
    return url


def _is_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(_HOST_NAME.match(host.rstrip(".")))


def _blank_is_none(value: object) -> object:
    """An empty value is "not given": ``!ENV`` turns an unset variable into ""."""
    return None if isinstance(value, str) and not value.strip() else value


Endpoint = Annotated[str, AfterValidator(check_endpoint)]


class GenericFields(StrictModel):
    """Field names for a service that has no preset; leave out what it does not read."""

    subject: NonEmptyStr | None = None
    redirect: NonEmptyStr | None = None
    honeypot: NonEmptyStr | None = None


class FormSettings(StrictModel):
    """``extra.innsynskrav`` in ``mkdocs.yml``."""

    provider: Provider
    # Where the form posts; Netlify takes posts on the site itself, so it has none.
    endpoint: Annotated[Endpoint | None, BeforeValidator(_blank_is_none)] = None
    # Web3Forms' access key: public by design (it is in every visitor's copy of the form).
    access_key: Annotated[NonEmptyStr | None, BeforeValidator(_blank_is_none)] = None
    # Netlify's name for the form, shown in its dashboard.
    form_name: Identifier = "innsynskrav"
    # How long the enhanced form waits for the service before it offers the e-mail fallback.
    timeout_seconds: int = Field(default=20, ge=5, le=120)
    fields: GenericFields | None = None
    # Who processes the requests, named in the privacy notice (a preset names its own service);
    # publishing a generic form needs it. privacy_url: the service's privacy policy, linked beside it.
    service_name: Annotated[NonEmptyStr | None, BeforeValidator(_blank_is_none)] = None
    privacy_url: Annotated[HttpUrl | None, BeforeValidator(_blank_is_none)] = None

    @model_validator(mode="after")
    def _provider_needs(self) -> FormSettings:
        if self.provider is not Provider.netlify and self.endpoint is None:
            raise WordedError(wording("form.needs_endpoint", provider=self.provider.value))
        if self.provider is Provider.netlify and self.endpoint is not None:
            raise WordedError(wording("form.netlify_endpoint"))
        if self.provider is Provider.web3forms and self.access_key is None:
            raise WordedError(wording("form.web3forms_needs_key"))
        if self.fields is not None and self.provider is not Provider.generic:
            raise WordedError(wording("form.fields_only_generic"))
        return self


@dataclass(frozen=True)
class Preset:
    """The fields a service reads besides the requester's own."""

    subject: str | None
    redirect: str | None
    honeypot: str | None
    access_key: str | None = None
    fixed: tuple[tuple[str, str], ...] = ()
    # False: the service answers a fetch with HTML, so success is any 2xx, not a JSON body.
    replies_json: bool = True
    # The path prefix of the service's JSON API beside its form address (FormSubmit: /ajax/…).
    json_api_prefix: str = ""


PRESETS: dict[Provider, Preset] = {
    Provider.formspree: Preset(subject="_subject", redirect="_next", honeypot="_gotcha"),
    Provider.formsubmit: Preset(
        subject="_subject", redirect="_next", honeypot="_honey", fixed=(("_captcha", "false"),), json_api_prefix="/ajax"
    ),
    Provider.web3forms: Preset(subject="subject", redirect="redirect", honeypot="botcheck", access_key="access_key"),
    Provider.netlify: Preset(subject=None, redirect=None, honeypot="bot-field", replies_json=False),
    # Any service: a 2xx answer is success, as its reply to fetch may be a page, not JSON.
    Provider.generic: Preset(subject=None, redirect=None, honeypot=None, replies_json=False),
}


def preset_for(settings: FormSettings) -> Preset:
    preset = PRESETS[settings.provider]
    if settings.provider is Provider.generic and settings.fields is not None:
        fields = settings.fields
        preset = dataclasses.replace(preset, subject=fields.subject, redirect=fields.redirect, honeypot=fields.honeypot)
    return preset


def form_origin(settings: FormSettings) -> str | None:
    """The service's origin (scheme://host:port) for the CSP; None when the site takes the posts."""
    if settings.endpoint is None:
        return None
    parts = urlsplit(settings.endpoint)
    port = f":{parts.port}" if parts.port is not None else ""
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname
    return f"{parts.scheme}://{host}{port}"


def load_form_settings(extra: dict[str, Any], mkdocs_yml_text: str, *, shown_as: str = "mkdocs.yml") -> FormSettings:
    """Validate ``extra.innsynskrav`` (as MkDocs resolved it); problems point into ``mkdocs.yml``."""
    source = _settings_source(mkdocs_yml_text, shown_as)
    raw = extra.get("innsynskrav")
    if not isinstance(raw, dict):
        line, column = source.locate(SETTINGS_PATH[:1], at_key=True)
        key = "form.settings_missing" if raw is None else "form.settings_not_a_mapping"
        providers = ", ".join(p.value for p in Provider)
        raise DataProblems(
            [
                Problem(
                    shown_as,
                    line,
                    column,
                    ".".join(SETTINGS_PATH),
                    wording(key, providers=providers),
                )
            ],
            about=wording("about.form_settings"),
        )
    try:
        return FormSettings.model_validate(raw)
    except ValidationError as error:
        problems = validation_problems(error, FormSettings, _subtree(source, SETTINGS_PATH))
        prefix = ".".join(SETTINGS_PATH)
        raise DataProblems(
            [
                dataclasses.replace(problem, path=f"{prefix}.{problem.path}" if problem.path else prefix)
                for problem in problems
            ],
            about=wording("about.form_settings"),
        ) from None


def _settings_source(text: str, shown_as: str) -> SourceMap:
    """Where each setting is in ``mkdocs.yml``; positions only, the values come from MkDocs."""
    return parse_yaml(text, shown_as).source


def _subtree(source: SourceMap, prefix: tuple[str, ...]) -> SourceMap:
    """The part of ``source`` under ``prefix``, with paths relative to it."""

    def strip(table: dict[DataPath, tuple[int, int]]) -> dict[DataPath, tuple[int, int]]:
        return {path[len(prefix) :]: where for path, where in table.items() if path[: len(prefix)] == prefix}

    return SourceMap(source.file, strip(source.values), strip(source.keys))


def read_form_settings(project: Path) -> FormSettings | list[str]:
    """``extra.innsynskrav`` of ``project/mkdocs.yml`` as MkDocs reads it (``!ENV`` resolved from this
    environment), for tools that run outside a build; the reasons it is wrong as a list of lines."""
    from mkdocs.exceptions import MkDocsException
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own loader, so !ENV means what it means to the build

    config_file = project / "mkdocs.yml"
    # Located first, in the editor's words: what MkDocs would say is a line of its own.
    problems = file_problems(config_file)
    if problems:
        return [str(problem) for problem in problems]
    text = config_file.read_text(encoding="utf-8")
    try:
        with config_file.open("rb") as stream:
            config = yaml_load(stream) or {}
        return load_form_settings(config.get("extra") or {}, text)
    except DataProblems as error:
        return [str(problem) for problem in error.problems]
    except (OSError, ValueError, MkDocsException) as error:  # yaml errors are ValueErrors too
        return [f"mkdocs.yml:1:1 cannot be read ({' '.join(str(error).split())})"]
