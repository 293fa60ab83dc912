"""Whether an address points at this machine: such an address must never reach the public site."""

from __future__ import annotations

import ipaddress
import socket


def is_loopback_host(host: str) -> bool:
    """``localhost`` (and ``*.localhost``), 127.0.0.0/8, ::1, 0.0.0.0 and :: in any spelling."""
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = _legacy_ipv4(name)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address is not None and (address.is_loopback or address.is_unspecified)


def _legacy_ipv4(name: str) -> ipaddress.IPv4Address | None:
    """``127.1`` or ``0x7f000001``: forms browsers accept as IPv4 but ``ipaddress`` does not."""
    if not name or any(char not in "0123456789abcdefx." for char in name):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(name))
    except OSError:
        return None
