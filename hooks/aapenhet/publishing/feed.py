"""An Atom feed per language (``feed.xml`` at the language's root): one entry for each published
version of the statement and each update, newest first, so that a reader, a journalist or a tracker
is told of a new version instead of checking the site.

Written with ``feedgen``; every address is absolute, each entry's id is the version's permanent
address (which never changes), and the feed's own date is its newest entry's: a build without a new
version writes the same bytes.
"""

from __future__ import annotations

import datetime

from aapenhet.view import formatting
from aapenhet.view.versions import VersionView
from aapenhet.website.addresses import Site

FEED_FILE = "feed.xml"
# The labels (labels.yml) the feed is written with.
FEED_LABELS = ("feed.title", "feed.published", "feed.updated", "history.statement_for")


def published_versions(views: list[VersionView]) -> list[VersionView]:
    """The versions the feed announces: each published one, at its permanent address."""
    return [view for view in views if view.address and view.version.date]


def atom_feed(views: list[VersionView], site: Site, language: str, *, company: str, t: dict[str, str]) -> bytes | None:
    """The feed of the published versions in ``views`` (oldest first), or None before the first is
    published. ``t``: the labels it uses, in ``language``."""
    published = published_versions(views)
    if not published:
        return None
    # Imported here: feedgen brings lxml, about 5 MB of every build's memory, which only a statement
    # with a published version needs.
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(site.page_url(FEED_FILE, language))
    feed.title(f"{company}: {t['feed.title']}")
    feed.author({"name": company})
    feed.link(href=site.page_url(FEED_FILE, language), rel="self")
    feed.link(href=site.page_url("", language), rel="alternate")
    feed.language(language)
    for view in published:
        version, address = view.version, view.address
        assert version.date is not None and address is not None
        day = _midnight(version.date)
        entry = feed.add_entry()  # newest first, as feed readers show them
        entry.id(site.page_url(address, language))
        entry.title(f"{t['history.statement_for']} {view.label}")
        entry.link(href=site.page_url(address, language))
        entry.published(day)
        entry.updated(day)
        reason = version.reason.in_language(language) if version.reason else None
        when = formatting.long_date(version.date, language)
        entry.summary(f"{t['feed.updated']} {when}: {reason}" if reason else f"{t['feed.published']} {when}.")
    feed.updated(max(_midnight(view.version.date) for view in published if view.version.date))
    return bytes(feed.atom_str(pretty=True))


def _midnight(day: datetime.date) -> datetime.datetime:
    """A date as Atom wants it: a moment, the day's start in UTC (the statement gives days only)."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
