"""The innsynskrav form's settings in mkdocs.yml: validation, presets and the security policy they give.

Unit tests check the settings model and the security policy each preset gives (the form each preset
renders is in ``test_rendering.py``); the shared build's pages and ``_headers`` are read with an HTML
parser: the policy allows the configured service and every inline script by its hash.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from aapenhet.form.settings import FormSettings, Provider, check_endpoint, form_origin, load_form_settings
from aapenhet.source.problems import DataProblems
from aapenhet.website.security import (
    INLINE_SCRIPTS_TOKEN,
    content_security_policy,
    headers_file,
    inline_script_hashes,
    script_hash,
)
from site_build import PROJECT, BuiltSite

MKDOCS_YML = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
SETTINGS_BLOCK = re.compile(r"^  innsynskrav:\n(?:    .*\n)+", re.MULTILINE)


# --- The settings model -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://formspree.io/f/abc",
        "http://127.0.0.1:8025/x",
        "http://localhost/x",
        "http://[::1]:9000/f",
        "https://formsubmit.co/post@example.no",
        "https://xn--bcher-kva.example/f?a=1&b=2",
    ],
)
def test_https_and_loopback_endpoints_are_accepted(url: str) -> None:
    assert check_endpoint(url) == url


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
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
    ],
)
def test_bad_endpoints_are_refused_with_what_is_expected(url: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        check_endpoint(url)


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Forms.Example.org/f/abc?x=1", "https://forms.example.org"),
        ("http://127.0.0.1:8025/innsynskrav", "http://127.0.0.1:8025"),
        ("http://[::1]:9000/f", "http://[::1]:9000"),
    ],
)
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


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        ({"provider": "formspree"}, "the formspree provider needs «endpoint:»"),
        ({"provider": "formspree", "endpoint": ""}, "the formspree provider needs «endpoint:»"),
        ({"provider": "web3forms", "endpoint": "https://api.web3forms.com/submit"}, "needs «access_key:»"),
        ({"provider": "netlify", "endpoint": "https://example.org/"}, "remove «endpoint:»"),
        (
            {"provider": "formspree", "endpoint": "https://formspree.io/f/x", "fields": {"subject": "s"}},
            "only for the generic provider",
        ),
        ({"provider": "formspree", "endpoint": "https://formspree.io/f/x", "timeout_seconds": 1}, "at least 5"),
        ({"provider": "formspree", "endpoint": "https://formspree.io/f/x", "endpont": "x"}, "did you mean «endpoint»"),
    ],
)
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

    config = yaml.load(MKDOCS_YML, Loader=get_yaml_loader())
    settings = FormSettings.model_validate(config["extra"]["innsynskrav"])
    assert settings.provider is Provider.generic
    assert urlsplit(settings.endpoint).hostname == "127.0.0.1"


# --- The policy each preset gives ---------------------------------------------------------------

ORIGIN = "https://forms.example.org"
PRESETS = {
    "formspree": FormSettings(provider=Provider.formspree, endpoint=f"{ORIGIN}/f/abc"),
    "formsubmit": FormSettings(provider=Provider.formsubmit, endpoint=f"{ORIGIN}/post@example.no"),
    "web3forms": FormSettings(provider=Provider.web3forms, endpoint=f"{ORIGIN}/submit", access_key="key-123"),
    "netlify": FormSettings(provider=Provider.netlify),
    "generic": FormSettings(provider=Provider.generic, endpoint=f"{ORIGIN}/in?a=1&b=2"),
}


def policy_directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.parametrize("provider", sorted(PRESETS))
def test_the_policy_lets_the_form_reach_exactly_the_configured_service(provider: str) -> None:
    origin = form_origin(PRESETS[provider])
    expected = ["'self'"] if provider == "netlify" else ["'self'", ORIGIN]
    for policy in (
        content_security_policy(origin, [INLINE_SCRIPTS_TOKEN]),
        content_security_policy(origin, ["'sha256-x'"], for_header=True),
    ):
        directives = policy_directives(policy)
        assert directives["form-action"] == expected
        assert directives["connect-src"] == expected
        assert directives["default-src"] == ["'self'"]
        assert "'unsafe-inline'" not in directives["script-src"]
    header_policy = re.search(r"^  Content-Security-Policy: (.*)$", headers_file(origin, ["'sha256-x'"]), re.MULTILINE)
    assert header_policy is not None
    directives = policy_directives(header_policy.group(1))
    assert directives["form-action"] == expected and directives["frame-ancestors"] == ["'none'"]


# --- In the shared build --------------------------------------------------------------------------


def test_the_built_pages_allow_the_configured_service(built_site: BuiltSite) -> None:
    origin = form_origin(
        FormSettings.model_validate({"provider": "generic", "endpoint": "http://127.0.0.1:8025/innsynskrav"})
    )
    for path in ("innsynskrav/", "en/innsynskrav/", "", "en/redegjorelse/"):
        meta = built_site.html(path).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None, f"no policy on {path or '/'}"
        directives = policy_directives(meta["content"])
        assert directives["form-action"] == directives["connect-src"] == ["'self'", origin]


def test_every_inline_script_on_a_page_is_allowed_by_its_hash(built_site: BuiltSite) -> None:
    headers = (built_site.root / "_headers").read_text(encoding="utf-8")
    for path in ("", "innsynskrav/", "en/innsynskrav/takk/", "404.html", "en/404.html"):
        soup = built_site.html(path)
        allowed = policy_directives(soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"])
        inline = [
            script.string or ""
            for script in soup.select("script:not([src])")
            if script.get("type") in (None, "text/javascript")
        ]
        assert inline, "Material writes inline scripts; the test would prove nothing without them"
        for script in inline:
            assert script_hash(script) in allowed["script-src"], f"inline script on {path} not allowed"
            assert script_hash(script) in headers, f"an inline script on {path} is missing from _headers"


def test_the_referrer_policy_is_on_every_page(built_site: BuiltSite) -> None:
    for path in ("", "en/", "innsynskrav/takk/", "404.html"):
        assert built_site.html(path).select_one('meta[name="referrer"]')["content"] == "strict-origin-when-cross-origin"


def test_only_scripts_that_run_inline_are_hashed_each_once() -> None:
    page = (
        "<html><head><script>var a = 1;</script><SCRIPT type='text/javascript'>b()</SCRIPT></head><body>"
        '<p>&lt;script&gt;not a script&lt;/script&gt;</p><script type="application/json">{"x": 1}</script>'
        "<script src=\"x.js\"></script><script>var a = 1;</script><script>if (1 < 2) c('</scr' + 'ipt>')"
        "</script></body></html>"
    )
    assert inline_script_hashes(page) == [
        script_hash("var a = 1;"),
        script_hash("b()"),
        script_hash("if (1 < 2) c('</scr' + 'ipt>')"),
    ]


def test_a_mkdocs_yml_that_cannot_be_read_is_located_for_the_gate(tmp_path: Path) -> None:
    """The gate reads the form's settings from mkdocs.yml: a syntax error or another encoding is a
    located reason, never a traceback."""
    from aapenhet.form.settings import read_form_settings

    (tmp_path / "mkdocs.yml").write_text("site_name: Exempla\ntheme: [material\n", encoding="utf-8")
    [reason] = read_form_settings(tmp_path)
    assert reason.startswith("mkdocs.yml:2:8 this «[» is not closed on its line")
    (tmp_path / "mkdocs.yml").write_bytes("site_name: Exempla Å\n".encode("latin-1"))
    [reason] = read_form_settings(tmp_path)
    assert reason.startswith("mkdocs.yml:1:1 is not UTF-8 text")
