"""``aapenhet bench`` without building anything: the generated data and the baseline's pages, in-process.

Proves: generated data is byte-identical for a seed and differs between seeds; it loads with the
project's own loader, with the suppliers asked for (1–3 product lines and 1–4 production countries
each, distinct names over every initial A–Z, Æ, Ø, Å), the shipped company and statement, about 60
rated countries, and follow-ups linked to suppliers and risks; ``bench generate`` writes it and never
over the project's own ``data/``; the baseline's docs have the pages and table rows asked for and its
settings leave out the project's own work; the figures' table and ratios read as ``N.N×``. The
benchmark's real builds are not run here: ``aapenhet bench`` is a script that prints figures.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from aapenhet.bench import words
from aapenhet.bench.baseline import (
    SUPPLIERS_PAGE,
    TableRow,
    baseline_config,
    read_mkdocs_config,
    table_rows,
    write_baseline_docs,
)
from aapenhet.bench.generate import COPIED_FILES, write_data_folder, write_kept_years
from aapenhet.bench.measure import BuildFigures, is_suppliers_page, pages_per_language
from aapenhet.bench.report import figures_table, format_ratio
from aapenhet.bench.run import Comparison, median_figures
from aapenhet.cli import main
from aapenhet.model.loader import load_statement, load_statement_data
from site_build import PROJECT

SUPPLIERS = 50


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("generated") / "data"
    write_data_folder(PROJECT / "data", data, suppliers=SUPPLIERS, seed=3)
    return data


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yml"))}


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_data(tmp_path: Path) -> None:
    for name, seed in (("first", 7), ("again", 7), ("other", 8)):
        write_data_folder(PROJECT / "data", tmp_path / name, suppliers=40, seed=seed)
    first = _files(tmp_path / "first")
    assert len(first) == 5
    assert _files(tmp_path / "again") == first
    other = _files(tmp_path / "other")
    assert other["suppliers.yml"] != first["suppliers.yml"]
    assert other["due_diligence.yml"] != first["due_diligence.yml"]


def test_generated_data_loads_with_the_suppliers_asked_for(generated: Path) -> None:
    suppliers = load_statement(generated).data.suppliers.suppliers  # raises DataProblems with every problem
    assert len(suppliers) == SUPPLIERS
    for supplier in suppliers:
        assert 1 <= len(supplier.production) <= 3, supplier.id
        assert 1 <= len({code for line in supplier.production for code in line.countries}) <= 4, supplier.id
    names = [supplier.name for supplier in suppliers]
    assert len(set(names)) == len(names)
    assert {name[0] for name in names} == set(words.INITIALS)  # A–Z and Æ, Ø, Å
    assert {line.kind.value for supplier in suppliers for line in supplier.production} == {"goods", "services"}


def test_generated_data_is_the_shipped_statement_at_scale(generated: Path) -> None:
    for name in COPIED_FILES:
        assert (generated / name).read_bytes() == (PROJECT / "data" / name).read_bytes()
    data = load_statement_data(generated)
    rated = [country for country in data.countries.countries if country.risk is not None]
    assert 50 <= len(rated) <= len(data.countries.countries) <= 70
    supplier_ids = {supplier.id for supplier in data.suppliers.suppliers}
    risk_ids = {risk.id for risk in data.due_diligence.risks}
    follow_ups = [measure for measure in data.due_diligence.measures if measure.supplier is not None]
    assert len(follow_ups) > SUPPLIERS / 2
    assert {measure.supplier for measure in follow_ups} <= supplier_ids
    linked = [measure for measure in follow_ups if measure.addresses]
    assert linked and all(set(measure.addresses) <= risk_ids for measure in linked)
    assert {measure.status.value for measure in follow_ups} == {"planned", "ongoing", "done"}


def test_generated_files_are_plain_yaml_for_any_reader(generated: Path) -> None:
    for path in generated.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        yaml.safe_load(text)  # valid YAML beyond the project's own loader
        assert "&id" not in text and "*id" not in text, f"{path.name} has anchors or aliases"
    codes = [
        entry["code"]
        for entry in yaml.safe_load((generated / "countries.yml").read_text(encoding="utf-8"))["countries"]
    ]
    assert "NO" in codes  # a string even to a YAML 1.1 reader, not false


def test_bench_generate_writes_a_folder_and_never_the_projects_data(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert main(["bench", "generate", "--suppliers", "5", "--seed", "2", "--out", str(out), str(PROJECT)]) == 0
    assert "5 suppliers" in printed.getvalue()
    assert len(load_statement_data(out).suppliers.suppliers) == 5

    project = tmp_path / "project"
    shutil.copytree(PROJECT / "data", project / "data")
    before = _files(project / "data")
    for inside in (project / "data", project / "data" / "history" / "2024"):
        with contextlib.redirect_stderr(io.StringIO()) as refused:
            assert main(["bench", "generate", "--suppliers", "5", "--out", str(inside), str(project)]) == 2
        assert "own data/" in refused.getvalue()
        assert _files(project / "data") == before
    # Nor any folder that holds something: another project's data/, docs/, a file kept there.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "suppliers.yml").write_text("precious\n", encoding="utf-8")
    for taken in (elsewhere, out, elsewhere / "suppliers.yml"):
        with contextlib.redirect_stderr(io.StringIO()) as refused:
            assert main(["bench", "generate", "--suppliers", "5", "--out", str(taken), str(project)]) == 2
        assert "not an empty folder" in refused.getvalue()
    assert (elsewhere / "suppliers.yml").read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize(
    "arguments",
    [
        ["bench", "generate", "--suppliers", "0", "--out", "x"],
        ["bench", "generate", "--out", "x"],
        ["bench", "--sizes", "200,lots"],
        ["bench", "--runs", "0"],
    ],
)
def test_bench_usage_errors_exit_2(arguments: list[str]) -> None:
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(arguments) == 2


def test_baseline_docs_have_the_pages_and_table_rows_asked_for(tmp_path: Path) -> None:
    rows = [
        TableRow(f"Leverandør {index}", {"nb": "Servere", "en": "Servers"}, ("CN", "TW"), index % 2 == 1)
        for index in range(7)
    ]
    rows.append(TableRow("Pipe | & <b>Co</b>", {"nb": "Kabler", "en": "Cables"}, ("NO",), False))
    written = write_baseline_docs(tmp_path / "docs", pages_per_language=6, rows=rows)
    names = sorted(path.name for path in written)
    assert len([name for name in names if name.count(".") == 1]) == 6  # nb: NAME.md
    assert len([name for name in names if name.endswith(".en.md")]) == 6
    for name in (f"{SUPPLIERS_PAGE}.md", f"{SUPPLIERS_PAGE}.en.md"):
        table = [
            line for line in (tmp_path / "docs" / name).read_text(encoding="utf-8").splitlines() if line.startswith("|")
        ]
        assert len(table) == 2 + len(rows)  # heading, rule, one line per row
        assert table[-1].startswith(r"| Pipe \| &amp; &lt;b&gt;Co&lt;/b&gt; |")
    assert "| Servers | CN, TW | services |" in (tmp_path / "docs" / f"{SUPPLIERS_PAGE}.en.md").read_text(
        encoding="utf-8"
    )


def test_baseline_rows_are_suppliers_times_product_lines() -> None:
    data = load_statement_data(PROJECT / "data")
    rows = table_rows(data)
    assert len(rows) == sum(len(supplier.production) for supplier in data.suppliers.suppliers)
    assert rows[0].supplier == data.suppliers.suppliers[0].name


def test_baseline_settings_are_the_projects_without_its_own_work() -> None:
    project = read_mkdocs_config(PROJECT / "mkdocs.yml")
    config = baseline_config(project)
    assert not {"hooks", "extra_css", "watch", "nav"} & set(config)
    assert "custom_dir" not in config["theme"] and config["theme"]["name"] == project["theme"]["name"] == "material"
    assert "md_in_html" not in config["markdown_extensions"]
    # A stock Material site searches; the statement's site left search out, and the baseline keeps it.
    assert "search" not in project["plugins"] and config["plugins"][0] == "search"
    [i18n] = [plugin["i18n"] for plugin in config["plugins"][1:]]
    assert i18n["reconfigure_search"] is True and i18n["languages"] == project["plugins"][0]["i18n"]["languages"]
    assert "innsynskrav" not in config.get("extra", {})


def test_figures_count_pages_per_language_and_the_suppliers_pages(tmp_path: Path) -> None:
    for page in (
        "index.html",
        "leverandorer/index.html",
        "innsynskrav/takk/index.html",
        "404.html",
        "en/index.html",
        "en/leverandorer/index.html",
        "en/innsynskrav/takk/index.html",
    ):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>x</p>", encoding="utf-8")
    assert pages_per_language(tmp_path) == 3
    assert [
        is_suppliers_page(Path(path))
        for path in ("leverandorer/index.html", "en/leverandorer/a/index.html", "index.html", "en/index.html")
    ] == [True, True, False, False]


def test_ratios_read_as_multiples() -> None:
    assert format_ratio(3.0, 2.0) == "1.5×"
    assert format_ratio(1.0, 3.0) == "0.3×"
    assert format_ratio(123.45, 1.0) == "123.5×"
    assert format_ratio(5.0, 0.0) == "–"


def test_the_table_shows_medians_and_ratios() -> None:
    def figures(wall: float, rss: int) -> BuildFigures:
        return BuildFigures(wall, wall, rss, 12, 47_700, 12_200)

    statement = median_figures([figures(3.0, 90_000_000), figures(1.0, 60_000_000), figures(2.0, 80_000_000)])
    assert (statement.wall_seconds, statement.peak_rss_bytes) == (2.0, 80_000_000)
    lines = figures_table([Comparison("shipped", 3, 4, 3, statement, figures(1.0, 40_000_000))])
    assert len(lines) == 4  # heading, statement, baseline, ratio
    assert lines[1].split()[:5] == ["shipped", "3", "4", "3", "statement"]
    assert lines[3].split() == ["ratio", "2.0×", "2.0×", "2.0×"]
    # With the cold build (an empty compiled-template cache), a line of its own under the statement's.
    lines = figures_table(
        [Comparison("shipped", 3, 4, 3, statement, figures(1.0, 40_000_000), figures(2.5, 81_000_000))]
    )
    assert len(lines) == 5 and lines[2].split()[:3] == ["1", "cold", "2.50"]
    # With kept years: each number of them a warm line, a cold line, and its cost per kept year.
    kept = {1: (figures(2.2, 90_000_000), figures(3.0, 95_000_000)), 5: (figures(3.0, 99_000_000), figures(6.0, 1))}
    lines = figures_table([Comparison("generated", 3, 4, 3, statement, figures(1.0, 40_000_000), kept=kept)])
    assert [line.split()[:3] for line in lines[4:]] == [
        ["3", "+1", "kept"],
        ["1", "cold", "3.00"],
        ["per", "year", "+10%"],
        ["3", "+5", "kept"],
        ["1", "cold", "6.00"],
        ["per", "year", "+10%"],
    ]


def test_kept_years_for_the_benchmark_are_versions_each_year_before(tmp_path: Path) -> None:
    from aapenhet.model.history import load_history

    data = tmp_path / "data"
    write_data_folder(PROJECT / "data", data, suppliers=SUPPLIERS, seed=3)
    write_kept_years(data, 2)
    versions = load_history(data, load_statement(data))
    assert [(version.path, version.year, version.address) for version in versions[:-1]] == [
        ("2023/", 2023, "2023/"),
        ("2024/", 2024, "2024/"),
    ]


def test_peak_memory_is_the_builds_own_not_the_benchmarks() -> None:
    """Linux carries a parent's resident memory into a forked child's peak: measured straight from a
    150 MB process, «python -c pass» peaked at 161 MB. Through the launcher it is what it is."""
    from aapenhet.bench.measure import launcher_baseline

    held = bytearray(150 * 1024 * 1024)  # resident: every page written
    for index in range(0, len(held), 4096):
        held[index] = 1
    figures = launcher_baseline()
    assert figures.exit_code == 0
    assert 0 < figures.peak_rss_bytes < 40 * 1024 * 1024, figures
    del held


def test_ctrl_c_before_a_command_runs_ends_with_one_line(monkeypatch, capsys) -> None:
    import aapenhet.cli
    from aapenhet.console import INTERRUPTED, run

    def interrupted(*args, **kwargs) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(aapenhet.cli, "main", interrupted)
    with pytest.raises(SystemExit) as exited:
        run()
    assert exited.value.code == INTERRUPTED == 130
    assert capsys.readouterr().err == "\naapenhet: interrupted\n"


def test_the_same_content_baseline_has_each_page_as_markdown_in_each_language(tmp_path: Path) -> None:
    from aapenhet.bench.same_content import write_same_content_docs

    site = tmp_path / "site"
    article = (
        '<html><body><nav>Meny</nav><article class="md-content__inner"><h1 id="t">{title}'
        '<a class="headerlink" href="#t">¶</a></h1><table><thead><tr><th>Land</th></tr></thead>'
        "<tbody><tr><td>{country}</td></tr></tbody></table></article></body></html>"
    )
    for path, title, country in (
        ("index.html", "Forside", "Kina"),
        ("leverandorer/a/index.html", "A", "Kina"),
        ("en/index.html", "Home", "China"),
        ("en/leverandorer/a/index.html", "A", "China"),
    ):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(article.format(title=title, country=country), encoding="utf-8")
    written = write_same_content_docs(tmp_path / "docs", site)
    assert sorted(path.relative_to(tmp_path / "docs").as_posix() for path in written) == [
        "index.en.md",
        "index.md",
        "leverandorer/a.en.md",
        "leverandorer/a.md",
    ]
    markdown = (tmp_path / "docs" / "leverandorer" / "a.en.md").read_text(encoding="utf-8")
    assert markdown.lstrip().startswith("# A\n") and "| China |" in markdown and "¶" not in markdown
    assert "Meny" not in markdown  # the theme around the content is not the content


def test_the_pdf_step_has_a_line_of_its_own() -> None:
    from aapenhet.bench.measure import Launched

    figures = BuildFigures(2.0, 2.0, 80_000_000, 12, 47_700, 12_200)
    lines = figures_table([Comparison("shipped", 3, 4, 3, figures, figures, pdf=Launched(0, 8.25, 3.5, 240_000_000))])
    assert lines[-1].split() == ["1", "PDFs", "8.25", "3.50", "240"]


def test_the_heaviest_first_view_counts_the_page_and_the_sites_own_files_it_loads(tmp_path: Path) -> None:
    """What a reader's phone downloads on opening the heaviest page: never another site's files, never
    a file of the site the page does not load."""
    import gzip

    from aapenhet.bench.measure import heaviest_first_view_bytes

    def gz(data: bytes) -> int:
        return len(gzip.compress(data, compresslevel=9, mtime=0))

    (tmp_path / "assets").mkdir()
    css, js, unused = b"body{color:#111}" * 50, b"console.log(1);" * 80, b"x" * 5000
    (tmp_path / "assets" / "site.css").write_bytes(css)
    (tmp_path / "assets" / "app.js").write_bytes(js)
    (tmp_path / "assets" / "unused.css").write_bytes(unused)
    page = (
        b'<link rel="stylesheet" href="assets/site.css"><link rel="stylesheet" href="https://cdn.example/x.css">'
        b'<script src="assets/app.js"></script><a href="assets/unused.css">not loaded</a>'
    )
    (tmp_path / "index.html").write_bytes(page)
    (tmp_path / "small").mkdir()
    (tmp_path / "small" / "index.html").write_bytes(b"<p>small</p>")
    assert heaviest_first_view_bytes(tmp_path) == gz(page) + gz(css) + gz(js)
