"""Placeholders in ``docs/`` are exact or an error, and each language's page has the same ones.

Proves: exact placeholders are found and filled; every near miss (other case, spaces, no colon,
``å``, hyphens, an unknown name, not closed on its line) is a located problem naming the valid names,
with a suggestion when one is close; an editor's own comment is left alone; a placeholder in one language's page but not
the other's is a problem in that page; the pages in ``docs/`` pass, and show each block on one page only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aapenhet.rendering.docs_pages import docs_problems, page_versions
from aapenhet.rendering.placeholders import (
    PLACEHOLDERS,
    fill_placeholders,
    placeholder_parity_problems,
    placeholder_problems,
    placeholders_in,
)
from site_build import PROJECT

PAGE = "# Redegjørelse\n\nTekst.\n\n{placeholder}\n\nMer tekst.\n"


def problems(placeholder: str) -> list[str]:
    return [str(problem) for problem in placeholder_problems(PAGE.format(placeholder=placeholder), "docs/x.md")]


def test_an_exact_placeholder_is_found_and_filled() -> None:
    page = PAGE.format(placeholder="<!-- aapenhet:routines -->")
    assert problems("<!-- aapenhet:routines -->") == []
    assert placeholders_in(page) == ["routines"]
    assert "<p>rutiner</p>" in fill_placeholders(page, lambda name: f"<p>{name.replace('routines', 'rutiner')}</p>")


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("<!-- aapenhet: routines -->", "routines"),
        ("<!-- Aapenhet:routines -->", "routines"),
        ("<!-- AAPENHET:ROUTINES -->", "routines"),
        ("<!--aapenhet:routines-->", "routines"),
        ("<!-- aapenhet:routines  -->", "routines"),
        ("<!-- aapenhet routines -->", "routines"),
        ("<!-- åpenhet:routines -->", "routines"),
        ("<!-- aapenhet:supplier-table -->", "supplier_table"),
        ("<!-- aapenhet:supplier_tabel -->", "supplier_table"),
        ("<!-- aapenhet:something_else -->", None),
        ("<!-- aapenhet: -->", None),
    ],
)
def test_a_near_miss_is_located_with_the_valid_names(written: str, suggestion: str | None) -> None:
    (message,) = problems(written)
    assert message.startswith("docs/x.md:5:1 ")
    assert f"with NAME one of: {', '.join(PLACEHOLDERS)}" in message
    if suggestion:
        assert f"did you mean «<!-- aapenhet:{suggestion} -->»?" in message
    else:
        assert "did you mean" not in message
    assert placeholders_in(PAGE.format(placeholder=written)) == []


def test_an_editors_note_is_not_a_placeholder() -> None:
    assert problems("<!-- Merk: åpenhetsloven §5 krever dette avsnittet -->") == []


def test_a_placeholder_in_one_language_only_is_a_problem_in_that_page() -> None:
    pages = {
        "nb": PAGE.format(placeholder="<!-- aapenhet:routines -->\n<!-- aapenhet:measures -->"),
        "en": PAGE.format(placeholder="<!-- aapenhet:routines -->"),
    }
    found = placeholder_parity_problems(pages, lambda language: f"docs/x.{language}.md")
    assert [str(problem) for problem in found] == [
        "docs/x.nb.md:6:1 placeholder «measures» is here but not in docs/x.en.md — the en page would lack that"
        " part of the statement; add it there too, or remove it here"
    ]


def test_the_shipped_pages_have_exact_placeholders_in_both_languages() -> None:
    assert docs_problems(PROJECT / "docs", ["nb", "en"], "nb") == []


def test_the_shipped_pages_show_each_block_on_one_page_only() -> None:
    """A block of facts lives on one page; another page links to it (the statement links to the
    suppliers page for the suppliers' entries and the country view) instead of repeating it."""
    pages_with: dict[str, list[str]] = {}
    for page, versions in page_versions(PROJECT / "docs", ["nb", "en"], "nb").items():
        for name in placeholders_in(versions["nb"].read_text(encoding="utf-8")):
            pages_with.setdefault(name, []).append(page)
    assert {name: pages for name, pages in pages_with.items() if len(pages) > 1} == {}


@pytest.mark.parametrize(
    "written",
    [
        "<!-- aapenhet:routines ->",
        "<!-- aapenhet:routines",
        "<!-- aapenhet:routines -- >",
        "<!-- Aapenhet: routines --",
    ],
)
def test_a_placeholder_not_closed_on_its_line_is_a_problem(written: str) -> None:
    """Markdown would read everything after it as one comment: the rest of the page would vanish."""
    found = problems(written)
    assert any(
        message.startswith("docs/x.md:5:1 ")
        and "is not closed with «-->» on its line" in message
        and "«<!-- aapenhet:routines -->»" in message
        for message in found
    ), found


def test_an_editors_note_over_several_lines_is_not_a_placeholder() -> None:
    assert problems("<!-- åpenhetsloven §5:\n     husk å oppdatere tallene -->") == []


@pytest.mark.parametrize(
    "written", ["    <!-- aapenhet:routines -->", "Se <!-- aapenhet:routines --> her.", "- <!-- aapenhet:routines -->"]
)
def test_a_placeholder_not_alone_on_its_line_is_a_problem(written: str) -> None:
    """Indented, Markdown would show it as code; in a paragraph or a list, the block would be put
    inside it. Either way the page would lose or break that part of the statement."""
    [problem] = problems(written)
    assert problem.startswith(f"docs/x.md:5:{written.index('<!--') + 1} «<!-- aapenhet:routines -->» shares its line")
    assert problem.endswith("put the placeholder alone at the start of a line")


def test_a_script_written_in_a_page_or_a_menu_title_is_a_located_problem() -> None:
    """A script in a page would run with the site's rights: its text, front matter and menu titles are text."""
    from aapenhet.rendering.docs_pages import script_problems, untranslated_nav_titles
    from aapenhet.source.yaml_source import parse_yaml

    page = "---\ntitle: Fint <SCRIPT>alert(1)</script>\n---\n\n# Side\n\nTekst <script src=x></script>\n"
    assert [str(problem) for problem in script_problems(page, "docs/x.md")] == [
        f"docs/x.md:{line}:{column} a <script> in a page — pages are text, and scripts come only from the site"
        " itself: remove it"
        for line, column in ((2, 13), (2, 29), (7, 7), (7, 21))
    ]
    settings = parse_yaml("nav:\n  - 'Forside<script>': index.md\n", "mkdocs.yml").source
    found = untranslated_nav_titles([{"Forside<script>": "index.md"}], {"en": {"Forside<script>": "Home"}}, settings)
    assert [str(problem) for problem in found] == [
        "mkdocs.yml:2:5 nav[0]: «Forside<script>»: a menu title is plain text — remove «<» and «>»"
    ]


def test_a_page_not_saved_as_utf8_is_a_located_problem(tmp_path: Path) -> None:
    """Saved as Latin-1 by an older editor: the build, check and the gate say where, never a traceback."""
    from aapenhet.rendering.docs_pages import docs_problems
    from aapenhet.source.pages import page_texts

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_bytes("# Forside\n\nÅpenhetsloven gjelder.\n".encode("latin-1"))
    (docs / "index.en.md").write_text("# Home\n\nThe Act applies.\n", encoding="utf-8")
    assert [str(problem) for problem in docs_problems(docs, ["nb", "en"], "nb")] == [
        "docs/index.md:3:1 the page is not saved as UTF-8 (Latin-1 or Windows-1252?) — save it again as UTF-8 in"
        " your editor"
    ]
    assert "penhetsloven gjelder" in page_texts(docs)["docs/index.md"]


def test_a_page_that_is_not_a_file_or_cannot_be_read_is_a_located_problem(tmp_path: Path) -> None:
    """A pipe would hang every reader and /dev/zero would fill the memory: neither is read."""
    from aapenhet.rendering.docs_pages import docs_problems
    from aapenhet.source.pages import page_texts

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("index.md", "index.en.md"):
        (docs / name).write_text("# Forside\n", encoding="utf-8")
    os.mkfifo(docs / "pipe.md")
    (docs / "zero.md").symlink_to("/dev/zero")
    (docs / "gone.md").symlink_to(docs / "no-such-page.md")
    (docs / "huge.md").write_bytes(b"x" * (3 * 1024 * 1024))
    assert [str(problem) for problem in docs_problems(docs, ["nb", "en"], "nb")] == [
        "docs/gone.md:1:1 cannot be read (No such file or directory) — check the file's permissions",
        "docs/huge.md:1:1 the page is 3.0 MB — a page may be at most 2 MB; is it the right file?",
        "docs/pipe.md:1:1 is not a file (a link to a device, a pipe or a folder?) — save the page as a file",
        "docs/zero.md:1:1 is not a file (a link to a device, a pipe or a folder?) — save the page as a file",
    ]
    assert set(page_texts(docs)) == {"docs/index.md", "docs/index.en.md"}


@pytest.mark.parametrize(
    ("written", "what"),
    [
        ('<a href="#" onclick="alert(1)">x</a>', "an event-handler attribute"),
        ("<img src=x onerror=alert(1)>", "an event-handler attribute"),
        ("Avsnitt\n{: onclick=alert(1) }", "an event-handler attribute"),
        ("## Tittel {onmouseover=alert(1)}", "an event-handler attribute"),
        ("[lenke](javascript:alert(1))", "a javascript: or vbscript: address"),
        ("[lenke][x]\n\n[x]: JavaScript:alert(1)", "a javascript: or vbscript: address"),
        ('<form action=" vbscript:x">', "a javascript: or vbscript: address"),
        ("[lenke](data:text/html;base64,PHNjcmlwdD4=)", "a data: address in a link"),
        ('<iframe src="https://example.org/"></iframe>', "an element that embeds or redirects"),
        ('<meta http-equiv="refresh" content="0;url=https://example.org/">', "an element that embeds or redirects"),
        ("---\ntitle: <b onclick=alert(1)>Hei</b>\n---\n", "an event-handler attribute"),
        ("Tekst\x1b[31m rød", "a control character"),
        ("Tekst\x00", "a control character"),
    ],
)
def test_what_would_run_or_load_code_in_a_page_is_a_located_problem(written: str, what: str) -> None:
    from aapenhet.rendering.docs_pages import script_problems

    found = [str(problem) for problem in script_problems(f"# Side\n\n{written}\n", "docs/x.md")]
    assert len(found) == 1 and found[0].startswith("docs/x.md:") and what in found[0], found


@pytest.mark.parametrize(
    "written",
    [
        "Leverandørene skal rapportere om vesentlige endringer, og vi følger opp = hver gang.",
        "Se [datasettet](https://exempla.no/statement.json) og [kilden](https://www.ituc-csi.org/).",
        "Metadata: oppdatert årlig. Vi bruker data fra ITUC.",
    ],
)
def test_ordinary_text_and_links_are_not_taken_for_code(written: str) -> None:
    from aapenhet.rendering.docs_pages import script_problems

    assert script_problems(f"# Side\n\n{written}\n", "docs/x.md") == []


def test_a_menu_entry_to_a_script_or_an_english_title_with_markup_is_a_located_problem() -> None:
    from aapenhet.rendering.docs_pages import untranslated_nav_titles
    from aapenhet.source.yaml_source import parse_yaml

    settings = parse_yaml("nav:\n  - Forside: 'javascript:alert(1)'\n  - Om: om.md\n", "mkdocs.yml").source
    found = untranslated_nav_titles(
        [{"Forside": "javascript:alert(1)"}, {"Om": "om.md"}],
        {"en": {"Forside": "Home", "Om": "<script>alert(1)</script>"}},
        settings,
    )
    assert [str(problem) for problem in found] == [
        "mkdocs.yml:2:5 nav[0]: «javascript:alert(1)»: a menu entry leads to a page or an address, never to a script",
        "mkdocs.yml:3:5 nav[1]: «<script>alert(1)</script>»: the en menu title is plain text — remove «<» and «>»",
    ]
