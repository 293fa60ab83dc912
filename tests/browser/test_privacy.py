"""No page of the site makes the visitor's browser contact anyone but the site itself.

Every page, in Norwegian and English, is loaded in a real Chromium from a local server; every
request the page makes (documents, styles, scripts, fonts, images, XHR/fetch, workers) is recorded
until the network is idle, after scrolling to the bottom so lazy content loads too (the visit,
shared with the console and accessibility tests, is in page_visit.py). Each request must go to the
site's own origin: no Google Fonts, no CDN, no analytics. Off-site requests are recorded and then
aborted, so a regression fails fast here instead of waiting on a network the tests do not have.
Resource hints (preconnect, dns-prefetch, prefetch, preload) open connections without a request
event, so their targets are checked in the DOM as well.
"""

from __future__ import annotations

from page_visit import PageVisit


def test_page_makes_no_third_party_requests(page_visit: PageVisit) -> None:
    visit = page_visit
    assert visit.requests, f"no request was recorded for {visit.url}"
    off_site = [entry for entry in visit.requests if visit.is_off_site(entry.split(": ", 1)[1])]
    assert not off_site, f"{visit.url} made {len(off_site)} request(s) outside {visit.site_origin}:\n  " + "\n  ".join(
        off_site
    )
    assert not visit.websockets, f"{visit.url} opened WebSocket(s):\n  " + "\n  ".join(visit.websockets)
    off_site_hints = [hint for hint in visit.resource_hints if visit.is_off_site(hint.split(" ")[-1])]
    assert not off_site_hints, f"{visit.url} has resource hints to other origins:\n  " + "\n  ".join(off_site_hints)
