"""The site's addresses: where it and each language's pages are, and which addresses are public.

An address that points at this machine must never reach the public site."""

from __future__ import annotations

import ipaddress
import socket
import unicodedata
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from aapenhet.words import Wording, wording

# Every page the tool itself names, by its path from a language's root: the one place for code and
# templates (the templates get them as ``statement_path``, ``suppliers_path``, ``archive_page``…).
STATEMENT_PAGE = "redegjorelse/"
SUPPLIERS_PAGE = "leverandorer/"
FORM_PAGE = "innsynskrav/"
THANK_YOU_PAGE = "innsynskrav/takk/"
ARCHIVE_PAGE = "arkiv/"
CHANGES_PAGE = "endringer/"


def is_loopback_host(host: str) -> bool:
    """``localhost`` (and ``*.localhost``), 127.0.0.0/8, ::1, 0.0.0.0 and :: in any spelling."""
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    address = ip_literal(name)
    return address is not None and (address.is_loopback or address.is_unspecified)


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address ``host`` is written as, in any spelling browsers accept (full-width digits
    too, which they fold); None for a name. An IPv6 address that carries an IPv4 one (mapped,
    compatible, NAT64 or 6to4) is that IPv4 address: it reaches the same machine."""
    host = unicodedata.normalize("NFKC", host).strip("[]")
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = _legacy_ipv4(host)
    if isinstance(address, ipaddress.IPv6Address):
        return _embedded_ipv4(address) or address
    return address


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")  # SIIT's IPv4-translated addresses


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    low = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _NAT64 or address in _NAT64_LOCAL or address in _TRANSLATED:
        return low
    if int(address) >> 32 == 0 and int(low) > 1:  # IPv4-compatible ::a.b.c.d
        return low
    return None


def _legacy_ipv4(name: str) -> ipaddress.IPv4Address | None:
    """``127.1`` or ``0x7f000001``: forms browsers accept as IPv4 but ``ipaddress`` does not."""
    if not name or any(char not in "0123456789abcdefx." for char in name):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(name))
    except OSError:
        return None


def address_characters_problem(url: str) -> Wording | None:
    """An address goes into pages' attributes and links as it is: one that holds quotes, angle
    brackets, spaces, controls or invisible characters is refused before it reaches a page."""
    if any(char in url for char in "\"'<>\\`{}| ") or any(
        ord(char) < 32 or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp") for char in url
    ):
        return wording("address.bad_characters", url=url)
    return None


def public_https_url_problem(url: str | None) -> Wording | None:
    """What keeps ``url`` from being a public https address, or None when it is one."""
    if url is None or not url.strip():
        return wording("address.not_set")
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return wording("address.not_an_address", url=url)
    if parts.scheme != "https" or not host:
        return wording("address.not_absolute_https", url=url)
    if parts.username is not None or parts.password is not None:
        return wording("address.with_user", url=url)
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port is not None and not 0 < port < 65536:
        return wording("address.unreachable_port", url=url)
    characters = address_characters_problem(url)
    if characters:
        return characters
    host = unicodedata.normalize("NFKC", host)
    if is_loopback_host(host):
        return wording("address.this_machine", url=url, host=host)
    address = ip_literal(host)
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return wording("address.not_global", url=url, host=host)
    if address is not None and not address.is_global:
        return wording("address.not_global", url=url, host=host)
    if _is_example_name(host):
        return wording("address.example_host", url=url, host=host)
    if _is_local_name(host):
        return wording("address.local_host", url=url, host=host)
    return None


# Names that resolve only on this machine or a local network (RFC 6761, 6762, 8375, and common use).
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
# Names reserved for examples and tests (RFC 2606), which no published site has.
_EXAMPLE_NAMES = ("example", "example.com", "example.net", "example.org", "test", "invalid")


def _is_example_name(host: str) -> bool:
    name = host.rstrip(".").lower()
    return any(name == reserved or name.endswith("." + reserved) for reserved in _EXAMPLE_NAMES)


def _is_local_name(host: str) -> bool:
    name = host.rstrip(".").lower()
    return ip_literal(name) is None and ("." not in name or name.endswith(_LOCAL_SUFFIXES))


@dataclass(frozen=True)
class Site:
    """The site itself: its public address and its languages (the default one at the root)."""

    url: str
    default_language: str
    languages: tuple[str, ...]

    def language_prefix(self, language: str) -> str:
        """Where a language's pages are under the site root: ``""`` for the default, ``en/``."""
        return "" if language == self.default_language else f"{language}/"

    def page_path(self, page: str, language: str) -> str:
        """The path of a page in a language, from the site's root: ``/en/innsynskrav/takk/``."""
        return f"{urlsplit(self.url).path.rstrip('/')}/{self.language_prefix(language)}{page}"

    def page_url(self, page: str, language: str) -> str:
        return urljoin(self.url, self.page_path(page, language))
