"""Every page is light on a phone: its first view — the page and everything fetched for it, until
the network is idle after scrolling to the bottom — is at most 60 kB compressed as a static host
serves it (gzip), from the site itself only (test_privacy.py). The visit is shared (page_visit.py).
"""

from __future__ import annotations

from page_visit import PageVisit

FIRST_VIEW_LIMIT = 60 * 1024


def test_first_view_is_at_most_60_kb_gzip(page_visit: PageVisit) -> None:
    total = sum(page_visit.gzip_bytes.values())
    assert page_visit.url in page_visit.gzip_bytes, "the page itself was not measured, so this would prove nothing"
    listed = "\n  ".join(f"{size:>6} {url}" for url, size in sorted(page_visit.gzip_bytes.items(), key=lambda i: -i[1]))
    assert total <= FIRST_VIEW_LIMIT, f"{page_visit.url}: first view {total} bytes gzip:\n  {listed}"
