"""The innsynskrav form's settings in mkdocs.yml: validation, presets and the security policy they give.

Unit tests check the settings model; build tests switch ``extra.innsynskrav`` in a copy of
``mkdocs.yml`` and read the built form, its ``<meta>`` policy and ``_headers`` with an HTML parser.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_build import PROJECT, BuiltSite, copy_project, run_build

from aapenhet.form.settings import FormSettings, Provider, check_endpoint, load_form_settings
from aapenhet.source.problems import DataProblems

MKDOCS_YML = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
SETTINGS_BLOCK = re.compile(r"^  innsynskrav:\n(?:    .*\n)+", re.MULTILINE)


def with_form_settings(project: Path, block: str) -> None:
    """Replace ``extra.innsynskrav`` in the copy's mkdocs.yml with ``block`` (indented as under extra)."""
    config = project / "mkdocs.yml"
    text, count = SETTINGS_BLOCK.subn(block, config.read_text(encoding="utf-8"))
    assert count == 1, "extra.innsynskrav not found in mkdocs.yml"
    config.write_text(text, encoding="utf-8")


# --- The settings model -------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["https://formspree.io/f/abc", "http://127.0.0.1:8025/x", "http://localhost/x",
                                 "http://[::1]:9000/f", "https://formsubmit.co/post@example.no",
                                 "https://xn--bcher-kva.example/f?a=1&b=2"])
def test_https_and_loopback_endpoints_are_accepted(url: str) -> None:
    assert check_endpoint(url) == url


@pytest.mark.parametrize(("url", "complaint"), [
    ("http://formspree.io/f/abc", "is not https"),
    ("ftp://formspree.io/f/abc", "is not a web address"),
    ("formspree.io/f/abc", "is not a web address"),
    ("https://user:pw@formspree.io/f/abc", "user name, password"),
    ("https://formspree.io/f/abc#x", "#fragment"),
    ("https://exa mple.com/f", "contains a space"),
    ("https://a.example;script-src *;/f", "semicolon"),
    ('https://exa"mple.com/', "quote"),
    ("https://example.com:99999/f", "is not a web address"),
    ("https://.../f", "is not a web address"),
    ("https://-bad-.example/f", "is not a web address"),
])
def test_bad_endpoints_are_refused_with_what_is_expected(url: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        check_endpoint(url)


@pytest.mark.parametrize(("url", "origin"), [
    ("https://Forms.Example.org/f/abc?x=1", "https://forms.example.org"),
    ("http://127.0.0.1:8025/innsynskrav", "http://127.0.0.1:8025"),
    ("http://[::1]:9000/f", "http://[::1]:9000"),
])
def test_the_policy_origin_is_rebuilt_from_the_checked_parts(url: str, origin: str) -> None:
    from aapenhet.form.settings import form_origin

    assert form_origin(FormSettings(provider=Provider.formspree, endpoint=url)) == origin


def located_problems(settings: dict) -> list[str]:
    with pytest.raises(DataProblems) as raised:
        load_form_settings({"innsynskrav": settings}, MKDOCS_YML)
    return [str(problem) for problem in raised.value.problems]


def line_of(key: str) -> int:
    """The line of ``key:`` under extra.innsynskrav in the real mkdocs.yml."""
    block = SETTINGS_BLOCK.search(MKDOCS_YML)
    assert block is not None
    offset = MKDOCS_YML.index(f"    {key}:", block.start())
    return MKDOCS_YML.count("\n", 0, offset) + 1


def test_an_unknown_provider_is_located_in_mkdocs_yml() -> None:
    [problem] = located_problems({"provider": "formspre", "endpoint": "https://formspree.io/f/x"})
    assert problem.startswith(f"mkdocs.yml:{line_of('provider')}:")
    assert "extra.innsynskrav.provider: «formspre» is not allowed" in problem
    assert "formspree, formsubmit, web3forms, netlify or generic" in problem


def test_a_non_https_endpoint_is_located_in_mkdocs_yml() -> None:
    [problem] = located_problems({"provider": "formspree", "endpoint": "http://formspree.io/f/x"})
    assert problem.startswith(f"mkdocs.yml:{line_of('endpoint')}:")
    assert "extra.innsynskrav.endpoint: «http://formspree.io/f/x» is not https" in problem


@pytest.mark.parametrize(("settings", "complaint"), [
    ({"provider": "formspree"}, "the formspree provider needs «endpoint:»"),
    ({"provider": "formspree", "endpoint": ""}, "the formspree provider needs «endpoint:»"),
    ({"provider": "web3forms", "endpoint": "https://api.web3forms.com/submit"}, "needs «access_key:»"),
    ({"provider": "netlify", "endpoint": "https://example.org/"}, "remove «endpoint:»"),
    ({"provider": "formspree", "endpoint": "https://formspree.io/f/x", "fields": {"subject": "s"}},
     "only for the generic provider"),
    ({"provider": "formspree", "endpoint": "https://formspree.io/f/x", "timeout_seconds": 1}, "at least 5"),
    ({"provider": "formspree", "endpoint": "https://formspree.io/f/x", "endpont": "x"}, "did you mean «endpoint»"),
])
def test_inconsistent_settings_say_what_is_expected(settings: dict, complaint: str) -> None:
    problems = located_problems(settings)
    assert any(complaint in problem and problem.startswith("mkdocs.yml:") for problem in problems), problems


def test_missing_settings_are_an_error() -> None:
    with pytest.raises(DataProblems, match=r"extra\.innsynskrav: the innsynskrav form's settings are missing"):
        load_form_settings({}, MKDOCS_YML)


def test_the_shipped_settings_post_to_a_local_receiver_until_a_service_is_chosen() -> None:
    import yaml  # the values as MkDocs reads them, !ENV defaults included
    from mkdocs.config.base import _open_config_file  # noqa: F401 - ensures MkDocs' loader is importable
    from mkdocs.utils.yaml import get_yaml_loader

    config = yaml.load(MKDOCS_YML, Loader=get_yaml_loader())  # noqa: S506 - MkDocs' own safe loader
    settings = FormSettings.model_validate(config["extra"]["innsynskrav"])
    assert settings.provider is Provider.generic
    assert urlsplit(settings.endpoint).hostname == "127.0.0.1"


# --- Presets in a real build --------------------------------------------------------------------

ORIGIN = "https://forms.example.org"
PRESETS = {
    # provider: (settings block, hidden field names in order, honeypot name, form action)
    "formspree": (f"    provider: formspree\n    endpoint: {ORIGIN}/f/abc\n",
                  ["_subject", "_next"], "_gotcha", f"{ORIGIN}/f/abc"),
    "formsubmit": (f"    provider: formsubmit\n    endpoint: {ORIGIN}/post@example.no\n",
                   ["_subject", "_next", "_captcha"], "_honey", f"{ORIGIN}/post@example.no"),
    "web3forms": (f"    provider: web3forms\n    endpoint: {ORIGIN}/submit\n    access_key: key-123\n",
                  ["access_key", "subject", "redirect"], "botcheck", f"{ORIGIN}/submit"),
    "netlify": ("    provider: netlify\n    form_name: innsyn\n",
                ["form-name"], "bot-field", "/innsynskrav/takk/"),
    "generic": (f"    provider: generic\n    endpoint: {ORIGIN}/in?a=1&b=2\n"
                "    fields:\n      subject: emne\n      honeypot: nettsted\n"
                "    service_name: Skjemaposten <b>AS</b>\n    privacy_url: https://skjemaposten.example/personvern\n",
                ["emne"], "nettsted", f"{ORIGIN}/in?a=1&b=2"),
}


@pytest.fixture(scope="module", params=sorted(PRESETS))
def preset_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, BuiltSite]:
    provider = request.param
    project = copy_project(tmp_path_factory.mktemp(f"preset-{provider}") / "project")
    with_form_settings(project, "  innsynskrav:\n" + PRESETS[provider][0])
    result = run_build(project, project.parent / "site")
    assert result.returncode == 0, result.output
    return provider, BuiltSite(result.site)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_each_preset_builds_its_services_field_names(preset_site: tuple[str, BuiltSite], language: str) -> None:
    provider, site = preset_site
    _, hidden_names, honeypot, action = PRESETS[provider]
    prefix = "" if language == "nb" else "en/"
    form = site.html(f"{prefix}innsynskrav/").select_one("form#innsynskrav-form")
    assert form is not None
    assert form["method"] == "post"
    expected_action = action.replace("/innsynskrav/", f"/{prefix}innsynskrav/") if action.startswith("/") else action
    assert form["action"] == expected_action
    assert [field["name"] for field in form.select("input[type=hidden]")] == hidden_names
    visible = [field["name"] for field in form.select("textarea, input:not([type=hidden])")
               if field.get("id") != "innsynskrav-honeypot"]
    assert visible == ["message", "name", "email", "address"]
    trap = form.select_one("#innsynskrav-honeypot")
    assert trap["name"] == honeypot and trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None
    redirect = {"formspree": "_next", "formsubmit": "_next", "web3forms": "redirect"}.get(provider)
    if redirect:
        thank_you = form.select_one(f"input[name={redirect}]")["value"]
        assert urlsplit(thank_you).path == f"/{prefix}innsynskrav/takk/"
        assert urlsplit(thank_you).scheme, "the redirect must be absolute: the service sends the browser there"
    if provider == "netlify":
        assert form["data-netlify"] == "true" and form["netlify-honeypot"] == "bot-field"
        assert form["name"] == "innsyn" and form.select_one("input[name=form-name]")["value"] == "innsyn"
    if provider == "formsubmit":
        assert form.select_one("input[name=_captcha]")["value"] == "false"
    if provider == "web3forms":
        assert form.select_one("input[name=access_key]")["value"] == "key-123"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_privacy_notice_names_the_service(preset_site: tuple[str, BuiltSite], language: str) -> None:
    provider, site = preset_site
    prefix = "" if language == "nb" else "en/"
    notice = site.html(f"{prefix}innsynskrav/").select_one("#innsynskrav-personvern").find_next_siblings("p")
    text = " ".join(paragraph.get_text(" ", strip=True) for paragraph in notice)
    expected = {"formspree": "Formspree", "formsubmit": "FormSubmit", "web3forms": "Web3Forms",
                "netlify": "Netlify", "generic": "Skjemaposten <b>AS</b>"}[provider]
    assert expected in text
    assert "Datatilsynet" in text and ("§ 6" in text or "section 6" in text)
    if provider == "generic":
        link = notice[1].select_one("a")
        assert link["href"] == "https://skjemaposten.example/personvern" and link.find("b") is None


def policy_directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


def test_the_policy_lets_the_form_reach_exactly_the_configured_service(preset_site: tuple[str, BuiltSite]) -> None:
    provider, site = preset_site
    expected = ["'self'"] if provider == "netlify" else ["'self'", ORIGIN]
    for path in ("innsynskrav/", "en/innsynskrav/", "", "en/redegjorelse/"):
        meta = site.html(path).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None, f"no policy on {path or '/'}"
        directives = policy_directives(meta["content"])
        assert directives["form-action"] == expected
        assert directives["connect-src"] == expected
        assert directives["default-src"] == ["'self'"]
        assert "'unsafe-inline'" not in directives["script-src"]
    headers = (site.root / "_headers").read_text(encoding="utf-8")
    header_policy = re.search(r"^  Content-Security-Policy: (.*)$", headers, re.MULTILINE)
    assert header_policy is not None
    directives = policy_directives(header_policy.group(1))
    assert directives["form-action"] == expected and directives["frame-ancestors"] == ["'none'"]
    assert "  Referrer-Policy: strict-origin-when-cross-origin" in headers


def test_every_inline_script_on_a_page_is_allowed_by_its_hash(preset_site: tuple[str, BuiltSite]) -> None:
    from aapenhet.site.security import script_hash

    _, site = preset_site
    headers = (site.root / "_headers").read_text(encoding="utf-8")
    for path in ("", "innsynskrav/", "en/innsynskrav/takk/", "404.html"):
        soup = site.html(path)
        allowed = policy_directives(soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"])
        inline = [script.string or "" for script in soup.select("script:not([src])")
                  if script.get("type") in (None, "text/javascript")]
        assert inline, "Material writes inline scripts; the test would prove nothing without them"
        for script in inline:
            assert script_hash(script) in allowed["script-src"], f"inline script on {path} not allowed"
            assert script_hash(script) in headers


def test_the_referrer_policy_is_on_every_page(preset_site: tuple[str, BuiltSite]) -> None:
    _, site = preset_site
    for path in ("", "en/", "innsynskrav/takk/"):
        assert site.html(path).select_one('meta[name="referrer"]')["content"] == "strict-origin-when-cross-origin"


def test_a_bad_endpoint_stops_the_build_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with_form_settings(project, "  innsynskrav:\n    provider: formspree\n    endpoint: http://formspree.io/f/x\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    config_lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(config_lines, 1) if "endpoint: http://formspree" in text)
    assert f"mkdocs.yml:{line}:" in result.output
    assert "extra.innsynskrav.endpoint: «http://formspree.io/f/x» is not https" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site" / "innsynskrav").exists()
