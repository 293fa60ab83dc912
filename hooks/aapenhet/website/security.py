"""The site's security policy: a Content-Security-Policy for every page and a ``_headers`` file.

The policy lets pages load nothing from other origins and lets the innsynskrav form talk only to the
site itself and the configured form service. Material's theme writes a few small inline scripts; they
are allowed by their SHA-256 hash, computed from each built page, never by ``'unsafe-inline'``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser

# Stands in the policy for the page's inline-script hashes until the page is built.
INLINE_SCRIPTS_TOKEN = "AAPENHET-INLINE-SCRIPT-HASHES"
# Under `mkdocs serve` only (a preview on the editor's machine, never published): any inline script.
SERVE_INLINE_SCRIPTS = "'unsafe-inline'"
REFERRER_POLICY = "strict-origin-when-cross-origin"
# Browser features no page of the statement needs.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def content_security_policy(form_origin: str | None, script_sources: Iterable[str], *, for_header: bool = False) -> str:
    """The policy; ``form_origin`` is the form service's origin, or None when the site takes posts.

    ``for_header``: directives a ``<meta>`` policy may not carry (``frame-ancestors``) are added.
    """
    remote = [form_origin] if form_origin else []
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_sources],
        # Material sets inline style attributes (e.g. on the header); styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        # Material's icons are data: SVGs in its CSS.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *remote],
        "form-action": ["'self'", *remote],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    if for_header:
        directives["frame-ancestors"] = ["'none'"]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        if "src" not in attributes and (attributes.get("type") or "").lower() in _EXECUTABLE_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


# Each script element, from its start tag to the end tag that closes it in HTML (the first </script).
# Only these go through the parser: parsing a whole page of thousands of suppliers took seconds.
_SCRIPT_ELEMENT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)


def inline_script_hashes(html: str) -> list[str]:
    """The hash of every inline script that runs in ``html``, each once, in page order."""
    parser = _InlineScripts()
    for element in _SCRIPT_ELEMENT.finditer(html):
        parser.feed(element.group(0))
    parser.close()
    return list(dict.fromkeys(script_hash(script) for script in parser.scripts))


def fill_inline_script_hashes(html: str) -> tuple[str, list[str]]:
    """``html`` with the token in its policy replaced by its inline scripts' hashes, and the hashes."""
    hashes = inline_script_hashes(html)
    return html.replace(INLINE_SCRIPTS_TOKEN, " ".join(hashes)), hashes


def headers_file(form_origin: str | None, script_hashes: Iterable[str]) -> str:
    """``_headers`` for Netlify and Cloudflare Pages: the same policy as the pages, for every path."""
    policy = content_security_policy(form_origin, sorted(set(script_hashes)), for_header=True)
    headers = {
        "Content-Security-Policy": policy,
        "Referrer-Policy": REFERRER_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
