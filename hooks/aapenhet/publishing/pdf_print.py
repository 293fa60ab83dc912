"""``aapenhet pdf``: each version's statement printed to an A4 PDF by Chromium, after the build.

The build lists the PDFs its pages link in ``build.json`` (``publishing/pdf.py``). This serves the
built site on 127.0.0.1 (a standard-library HTTP server on a free port) and opens each PDF's page in
Debian's Chromium, driven by Playwright (the ``pdf`` extra), as the public site: the browser asks for
the page at its public address (``site_url``) and every request to it is answered from the local
server, so the PDF's links lead to the public site; a request anywhere else is refused (no network).
With print media (``docs/assets/print.css``: no site chrome, the signing blocks, page numbers) it
prints the page as a tagged PDF (headings, lists, tables, reading order and ``/Lang``, from the
page's accessibility tree), with bookmarks from its headings and the version's permanent address
in the footer. The PDF's creation date is the day the version was published, and the ids Chromium gives
its tags are numbered in order, so that the same site gives the same bytes (a published version's
checksum stays the same from build to build); each PDF is then listed in its address's ``SHA256SUMS``.

A signed PDF an editor added is left as the build copied it. Any PDF not made, or missing, is a
failure: CI must never deploy a link to a file that is not there.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aapenhet.publishing.build_record import BUILD_RECORD
from aapenhet.publishing.checksums import with_file
from aapenhet.publishing.pdf import PDF_FILE, PDF_JOBS, PdfJob
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.renderer import template_environment
from aapenhet.source.problems import WordedError
from aapenhet.website.local_server import serve_directory
from aapenhet.words import wording

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, PdfMargins, Route

# Debian's Chromium (never a browser Playwright downloads); AAPENHET_CHROMIUM names another.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# print.css's @page margins: the footer is printed in the bottom one.
MARGINS: PdfMargins = {"top": "18mm", "right": "18mm", "bottom": "20mm", "left": "18mm"}
PAGE_TIMEOUT_MS = 60_000
# Chromium's creation and modification dates (PDF date strings of a fixed length).
_PDF_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+\-Z][0-9']*\)")
# The ids Chromium gives table headings in the tags (for the cells' /Headers, and the /IDTree): Blink's
# node numbers, which differ from one printing to the next.
_NODE_IDS = re.compile(rb"\(node(\d{8})\)")


class PdfError(WordedError):
    """The PDFs cannot be made: no build record, no Chromium, Playwright missing, a page not built."""


@dataclass(frozen=True)
class Made:
    """What the command did: PDFs made and signed ones left as they were, by path in site/."""

    made: list[str]
    signed: list[str]


def pdf_jobs(site_dir: Path) -> tuple[str, list[PdfJob]]:
    """The site's address and the PDFs its pages link, from its ``build.json``."""
    try:
        record = json.loads((site_dir / BUILD_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PdfError(wording("pdf.no_record", record=f"{site_dir}/{BUILD_RECORD}")) from error
    if not isinstance(record, dict) or PDF_JOBS not in record:
        raise PdfError(wording("pdf.no_jobs", record=f"{site_dir}/{BUILD_RECORD}"))
    try:
        return str(record["site_url"]), [PdfJob.from_record(job) for job in record[PDF_JOBS]]
    except (KeyError, TypeError, ValueError) as error:  # written by another version of the tool, or by hand
        raise PdfError(wording("pdf.no_jobs", record=f"{site_dir}/{BUILD_RECORD}")) from error


def make_pdfs(site_dir: Path, *, progress: Callable[[str], None] = lambda line: None) -> Made:
    """Make every PDF ``site_dir``'s ``build.json`` lists, list each in its ``SHA256SUMS``, and check the
    signed ones are there. Raises ``PdfError`` when any cannot be made."""
    site_url, jobs = pdf_jobs(site_dir)
    signed = [job.pdf for job in jobs if job.signed]
    absent = [path for path in signed if not _is_pdf(site_dir / path)]
    if absent:
        raise PdfError(wording("pdf.signed_absent", paths=", ".join(f"{site_dir}/{path}" for path in absent)))
    to_make = [job for job in jobs if not job.signed]
    labels = load_labels()
    footer = template_environment().get_template("pdf_footer.html")
    with serve_directory(site_dir) as local_url, _chromium() as browser:
        # The pages need no script (DEVELOPING.md, Design): none runs while they print.
        context = browser.new_context(java_script_enabled=False)
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        context.route("**/*", functools.partial(_from_local_site, site_url=site_url, local_url=local_url))
        page = context.new_page()
        page.emulate_media(media="print")
        for job in to_make:
            # A permanent address's PDF is listed in its SHA256SUMS; the statement page's is where it was printed.
            label = labels.get("header.permanent" if job.checksums else "print.address", job.language)
            pdf = _print(page, site_url + job.page, footer.render(label=label, address=job.address))
            _write(site_dir, job, _renumbered(_dated(pdf, job)))
            progress(job.pdf)
        # A request still being answered (a late image, say) when the context closes would raise in
        # its handler after the PDFs are made: the handlers are let go of first, their errors ignored.
        context.unroute_all(behavior="ignoreErrors")
        context.close()
    absent = [job.pdf for job in jobs if not _is_pdf(site_dir / job.pdf)]
    if absent:
        raise PdfError(wording("pdf.not_made", paths=", ".join(absent)))
    return Made([job.pdf for job in to_make], signed)


def _print(page: Page, url: str, footer: str) -> bytes:
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        raise PdfError(wording("pdf.page_missing", url=url, status=response.status if response else "-"))
    return page.pdf(
        format="A4",
        margin=MARGINS,
        tagged=True,
        outline=True,
        print_background=False,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer,
    )


def _dated(pdf: bytes, job: PdfJob) -> bytes:
    """The PDF with its creation and modification dates the day the version was published (the same
    length as Chromium's, so no offset moves): the same site gives the same bytes. A draft keeps the
    time it was printed."""
    day = job.made_on
    if day is None:
        return pdf
    stamp = f"D:{day:%Y%m%d}000000+00'00'".encode()
    return _PDF_DATES.sub(
        lambda found: (
            b"/" + found[1] + b" (" + stamp + b")" if len(stamp) == len(found[0]) - len(found[1]) - 4 else found[0]
        ),
        pdf,
    )


def _renumbered(pdf: bytes) -> bytes:
    """The PDF with its tags' node ids numbered 1, 2, 3… in their order: the same length (no offset
    moves) and the same order (the /IDTree stays sorted), so the same page gives the same bytes."""
    numbers = sorted({found[1] for found in _NODE_IDS.finditer(pdf)})
    new = {number: b"%08d" % index for index, number in enumerate(numbers, start=1)}
    return _NODE_IDS.sub(lambda found: b"(node" + new[found[1]] + b")", pdf)


def _write(site_dir: Path, job: PdfJob, pdf: bytes) -> None:
    """The PDF beside its version's files, and its line in their ``SHA256SUMS``."""
    target = site_dir / job.pdf
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(pdf)
    os.replace(partial, target)
    if job.checksums is not None:
        record = site_dir / job.checksums
        try:
            listed = record.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise PdfError(wording("pdf.no_record", record=str(record))) from error
        record.write_text(with_file(listed, PDF_FILE, pdf), encoding="utf-8", newline="\n")


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False


def _from_local_site(route: Route, *, site_url: str, local_url: str) -> None:
    """A request to the public site, answered from the built site; any other, refused."""
    url = route.request.url
    if not url.startswith(site_url):
        route.abort()
        return
    route.fulfill(response=route.fetch(url=local_url + url.removeprefix(site_url)))


@contextlib.contextmanager
def _chromium() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise PdfError(wording("pdf.no_playwright")) from error
    executable = os.environ.get("AAPENHET_CHROMIUM") or shutil.which("chromium") or CHROMIUM
    if not Path(executable).is_file():
        raise PdfError(wording("pdf.no_chromium", path=executable))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
