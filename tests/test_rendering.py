"""The statement's templates rendered in-process, straight from the package (no MkDocs build).

Proves: every placeholder and theme template renders in both languages from the shipped data; a
filled-in statement loses the draft banner and shows its period, approval date and signature block;
the contact block names only what is missing; text from YAML is escaped in every kind of field;
each form preset gives its service's field names, honeypot and address, and the privacy notice
names the service; every label a template asks for exists, and every ``Missing`` item has one.
"""

from __future__ import annotations

import enum
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from aapenhet.form.settings import FormSettings, GenericFields, Provider
from aapenhet.languages import LANGUAGES
from aapenhet.model.changes import Changes
from aapenhet.model.completeness import Missing
from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import (
    Exposure,
    MeasureKind,
    MeasureStatus,
    RiskArea,
    RiskLevel,
    Scale,
    SignatoryRole,
    StatementData,
    SupplyChainTier,
)
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.placeholders import PLACEHOLDERS
from aapenhet.rendering.problems_page import problems_page
from aapenhet.rendering.renderer import PAGE_TEMPLATES, template_environment
from aapenhet.rendering.supplier_entries import ENTRY_TEMPLATE, SHOWN
from aapenhet.source.problems import Problem
from aapenhet.words import Wording, verbatim
from rendering import SITE, render_block, renderer, shipped_data, visible_text
from site_build import FILLED_STATEMENT, PROJECT, REPO, fill_data

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
TEMPLATES = Path(template_environment().loader.get_source(template_environment(), "draft_banner.html")[1]).parent


def data_with(tmp_path: Path, files: dict[str, str], *, filled: bool = False) -> StatementData:
    """The shipped data with some files replaced; ``filled``: first filled in as for publication."""
    data_dir = shutil.copytree(PROJECT / "data", tmp_path / "data")
    if filled:
        fill_data(data_dir)
    for name, text in files.items():
        (data_dir / name).write_text(text, encoding="utf-8")
    return load_statement_data(data_dir)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> StatementData:
    return data_with(tmp_path_factory.mktemp("filled"), {}, filled=True)


# --- Every template -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLACEHOLDERS + PAGE_TEMPLATES)
def test_every_template_renders_from_the_shipped_data(name: str, language: str) -> None:
    html = renderer().render(name, language)
    assert html or name == "revisions", f"{name} rendered nothing"


# What a made page or an include adds to the context (made_pages.py, earlier_statement.html).
MADE_PAGE_VALUES = {"group", "entry", "entries", "current", "country", "permanent_path"}
# Rendered once per country for the supplier entries, and the entries (renderer.py, supplier_entries.py).
RENDERED_CELLS = {"country_with_risk", "supplier_entry"}
# A supplier's entry reads its own values and a few names of the context, no more (supplier_entries.py).
ENTRY_VALUES = {"supplier", "level", "followed_up", "risk_levels"}


def test_templates_read_the_view_and_a_small_page_context_never_the_data() -> None:
    """Every name a template reads is the language's view (``view``, ``doc``), a page-context helper or
    what a made page passes: no template can reach data/'s models, so a page cannot show other than
    statement.json holds."""
    from jinja2 import meta, nodes

    from aapenhet.model.models import StrictModel

    context = renderer().context("en")
    assert not any(isinstance(value, StrictModel) for value in context.values()), "data/'s models in the context"
    environment = template_environment()
    for template in TEMPLATES.glob("*.html"):
        if template.name.startswith("problems_"):
            continue  # the preview's problem pages: their own small context (problems_page.py)
        if template.name == "pdf_footer.html":
            continue  # the PDF's footer: a label and an address, from aapenhet pdf (publishing/pdf_print.py)
        tree = environment.parse(template.read_text(encoding="utf-8"))
        # Names a template sets itself ({% set %} in a macro or a block, loop and macro variables):
        # jinja2.meta counts some of those as read from the context.
        own = {name.name for name in tree.find_all(nodes.Name) if name.ctx in ("store", "param")}
        names = meta.find_undeclared_variables(tree) - own
        assert "data" not in names, template.name
        if template.name == ENTRY_TEMPLATE:
            assert names <= set(SHOWN) | ENTRY_VALUES, names - set(SHOWN) - ENTRY_VALUES
            continue
        unknown = names - set(context) - MADE_PAGE_VALUES - RENDERED_CELLS
        assert unknown == set(), template.name


# What changed between versions, by kind (changes.html heads each list with its label).
ChangeKind = enum.Enum("ChangeKind", {name: name for name in Changes.__dataclass_fields__})
ENUM_LABELS = {
    "area.": RiskArea,
    "exposure.": Exposure,
    "risk.": RiskLevel,
    "role.": SignatoryRole,
    "form.provider.": Provider,
    "scale.": Scale,
    "tier.": SupplyChainTier,
    "status.": MeasureStatus,
    "kind.": MeasureKind,
    "changes.": ChangeKind,
    "changes.level.": RiskLevel,
}


def test_every_label_a_template_asks_for_exists() -> None:
    labels = load_labels().root
    asked = set()
    for template in TEMPLATES.glob("*.html"):
        asked |= set(re.findall(r"\bt(?:_in)?\('([a-z_.]+)'", template.read_text(encoding="utf-8")))
    assert asked, "no label found in the templates: the pattern is wrong"
    # t('risk.' ~ level.value): one label per member of the closed set the template names.
    prefixes = {key for key in asked if key.endswith(".")}
    assert prefixes == set(ENUM_LABELS), "a template names labels by a prefix this test does not know"
    asked -= prefixes
    asked |= {prefix + member.value for prefix, enum in ENUM_LABELS.items() for member in enum}
    asked |= {missing.label_key for missing in Missing}
    assert sorted(asked - set(labels)) == []


# --- Draft and filled-in statement ----------------------------------------------------------------


def test_the_shipped_draft_lists_what_is_missing_in_each_language() -> None:
    nb = visible_text(render_block("draft_banner", "nb"))
    en = visible_text(render_block("draft_banner", "en"))
    assert nb.startswith("Utkast") and "rapporteringsperiode" in nb and "styremedlemmenes underskrifter" in nb
    assert en.startswith("Draft") and "reporting period" in en and "board members' signatures" in en


def test_a_filled_in_statement_has_no_draft_banner(filled: StatementData) -> None:
    for language in LANGUAGES:
        assert renderer(filled).render("draft_banner", language) == ""
        assert "Utkast" not in visible_text(render_block("statement_header", language, data=filled))


def test_signature_block_shows_names_roles_and_date(filled: StatementData) -> None:
    nb = visible_text(render_block("signatures", "nb", data=filled).select_one(".aapenhet-signatories"))
    assert "Kari Nordmann Styreleder" in nb and "Ola Nordmann Styremedlem" in nb and "Per Hansen Daglig leder" in nb
    assert "20. juni 2026" in visible_text(render_block("signatures", "nb", data=filled))
    en = render_block("signatures", "en", data=filled)
    assert "Kari Nordmann Chair of the board" in visible_text(en.select_one(".aapenhet-signatories"))
    assert "20 June 2026" in visible_text(en)


def test_header_shows_period_and_dates_per_language(filled: StatementData) -> None:
    nb = visible_text(render_block("statement_header", "nb", data=filled))
    assert "1. januar 2025 – 31. desember 2025" in nb and "Godkjent og signert" in nb
    assert "1 January 2025 – 31 December 2025" in visible_text(render_block("statement_header", "en", data=filled))


def test_contact_addresses_are_linked_and_addressed(filled: StatementData) -> None:
    block = render_block("innsynskrav_contact", "nb", data=filled)
    assert block.select_one('a[href="mailto:apenhet@example.no"]') is not None
    assert "Postboks 1" in block.select_one("address").get_text()


def test_contact_block_names_only_what_is_missing(tmp_path: Path) -> None:
    statement = FILLED_STATEMENT.replace("  postal_address: [Exempla AS, Postboks 1, 0101 Oslo]\n", "")
    assert statement != FILLED_STATEMENT
    data = data_with(tmp_path, {"statement.yml": statement}, filled=True)
    nb = visible_text(render_block("innsynskrav_contact", "nb", data=data))
    assert "Postadresse for innsynskrav er ikke oppgitt." in nb and "E-post- og postadresse" not in nb
    en = visible_text(render_block("innsynskrav_contact", "en", data=data))
    assert "The postal address for requests for information is not stated." in en
    assert render_block("innsynskrav_contact", "nb", data=data).select_one('a[href="mailto:apenhet@example.no"]')


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_failed_form_points_only_to_addresses_the_statement_gives(filled: StatementData, language: str) -> None:
    """The form's failure text sends a reader to the e-mail when there is one, else to the postal
    address, else asks them to try again: never to an address the statement does not give."""
    contact = filled.statement.contact
    labels = load_labels()

    def failure_text(email: str | None, postal_address: list[str]) -> str:
        changed = contact.model_copy(update={"email": email, "postal_address": postal_address})
        data = filled.model_copy(update={"statement": filled.statement.model_copy(update={"contact": changed})})
        return visible_text(render_block("innsynskrav_form", language, data=data).select_one("#innsynskrav-failure"))

    with_email = failure_text(contact.email, list(contact.postal_address))
    assert labels.get("form.failure.fallback_email", language) in with_email and contact.email in with_email
    post_only = failure_text(None, list(contact.postal_address))
    assert labels.get("form.failure.fallback_post", language) in post_only and "@" not in post_only
    neither = failure_text(None, [])
    assert labels.get("form.failure.fallback_later", language) in neither
    assert labels.get("form.failure.fallback_post", language) not in neither


# --- Escaping -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> StatementData:
    """Every kind of text field holding markup: a plain string, a translated text, a list item."""
    data = PROJECT / "data"
    suppliers = (data / "suppliers.yml").read_text(encoding="utf-8")
    suppliers = suppliers.replace("name: HP Inc.", f"name: '{PAYLOAD}'", 1)
    suppliers = suppliers.replace(
        "supplies: {nb: IT-utstyr, en: IT equipment}", f"supplies: {{nb: '{PAYLOAD}', en: '{PAYLOAD}'}}", 1
    )
    company = (data / "company.yml").read_text(encoding="utf-8")
    assert "{nb: varehandel, en: retail}" in company
    company = company.replace("{nb: varehandel, en: retail}", f"{{nb: '{PAYLOAD}', en: '{PAYLOAD}'}}")
    statement = FILLED_STATEMENT.replace("Kari Nordmann", f"'{PAYLOAD}'")
    statement = statement.replace("[Exempla AS, Postboks 1, 0101 Oslo]", f"['{PAYLOAD}']")
    return data_with(
        tmp_path_factory.mktemp("hostile"),
        {"suppliers.yml": suppliers, "company.yml": company, "statement.yml": statement},
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name",
    [
        "supplier_table",
        "supplier_follow_up",
        "company_profile",
        "signatures",
        "innsynskrav_contact",
        "country_risk_table",
    ],
)
def test_text_from_data_is_shown_as_text(hostile: StatementData, name: str, language: str) -> None:
    block = render_block(name, language, data=hostile)
    assert block.select("script") == [], f"{name}: a <script> from data became markup"
    assert block.select("img[onerror]") == [], f"{name}: an <img> from data became markup"
    assert "<script>alert" in block.get_text(), f"{name}: the payload should be shown as text"


# --- The innsynskrav form -------------------------------------------------------------------------

ORIGIN = "https://forms.example.org"
PRESETS = {
    # provider: (settings, hidden field names in order, honeypot name, form action, service named)
    "formspree": (
        FormSettings(provider=Provider.formspree, endpoint=f"{ORIGIN}/f/abc"),
        ["_subject", "_next"],
        "_gotcha",
        f"{ORIGIN}/f/abc",
        "Formspree",
    ),
    "formsubmit": (
        FormSettings(provider=Provider.formsubmit, endpoint=f"{ORIGIN}/post@example.no"),
        ["_subject", "_next", "_captcha"],
        "_honey",
        f"{ORIGIN}/post@example.no",
        "FormSubmit",
    ),
    "web3forms": (
        FormSettings(provider=Provider.web3forms, endpoint=f"{ORIGIN}/submit", access_key="key-123"),
        ["access_key", "subject", "redirect"],
        "botcheck",
        f"{ORIGIN}/submit",
        "Web3Forms",
    ),
    "netlify": (
        FormSettings(provider=Provider.netlify, form_name="innsyn"),
        ["form-name"],
        "bot-field",
        "/aapenhet/{prefix}innsynskrav/takk/",
        "Netlify",
    ),
    "generic": (
        FormSettings(
            provider=Provider.generic,
            endpoint=f"{ORIGIN}/in?a=1&b=2",
            fields=GenericFields(subject="emne", honeypot="nettsted"),
            service_name="Skjemaposten <b>AS</b>",
            privacy_url="https://skjemaposten.example/personvern",
        ),
        ["emne"],
        "nettsted",
        f"{ORIGIN}/in?a=1&b=2",
        "Skjemaposten <b>AS</b>",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("provider", sorted(PRESETS))
def test_each_preset_gives_its_services_field_names(provider: str, language: str) -> None:
    settings, hidden_names, honeypot, action, _ = PRESETS[provider]
    prefix = SITE.language_prefix(language)
    form = render_block("innsynskrav_form", language, form=settings).select_one("form#innsynskrav-form")
    assert form is not None and form["method"] == "post"
    assert form["action"] == action.format(prefix=prefix)
    assert [field["name"] for field in form.select("input[type=hidden]")] == hidden_names
    visible = [
        field["name"]
        for field in form.select("textarea, input:not([type=hidden])")
        if field.get("id") != "innsynskrav-honeypot"
    ]
    assert visible == ["message", "name", "email", "address"]
    trap = form.select_one("#innsynskrav-honeypot")
    assert trap["name"] == honeypot and trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None
    redirect = {"formspree": "_next", "formsubmit": "_next", "web3forms": "redirect"}.get(provider)
    if redirect:
        thank_you = urlsplit(form.select_one(f"input[name={redirect}]")["value"])
        assert thank_you.scheme == "https", "the redirect must be absolute: the service sends the browser there"
        assert thank_you.path == f"/aapenhet/{prefix}innsynskrav/takk/"
    if provider == "netlify":
        assert form["data-netlify"] == "true" and form["netlify-honeypot"] == "bot-field"
        assert form["name"] == "innsyn" and form.select_one("input[name=form-name]")["value"] == "innsyn"
    if provider == "formsubmit":
        assert form.select_one("input[name=_captcha]")["value"] == "false"
        assert form["data-fetch-action"] == f"{ORIGIN}/ajax/post@example.no"
    if provider == "web3forms":
        assert form.select_one("input[name=access_key]")["value"] == "key-123"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("provider", sorted(PRESETS))
def test_the_privacy_notice_names_the_service(provider: str, language: str) -> None:
    settings, *_, service = PRESETS[provider]
    block = render_block("innsynskrav_form", language, form=settings)
    notice = block.select_one("#innsynskrav-personvern").find_next_siblings("p")
    text = " ".join(paragraph.get_text(" ", strip=True) for paragraph in notice)
    assert service in text
    assert "Datatilsynet" in text and ("§\u00a06" in text or "section 6" in text)
    if provider == "generic":
        link = notice[1].select_one("a")
        assert link["href"] == "https://skjemaposten.example/personvern" and link.find("b") is None


# --- §5 b and c: risks, actual impacts, measures ------------------------------------------------


def test_sector_risks_are_shown_in_the_statements_own_words() -> None:
    """The seed says "høyere risiko" for construction and agriculture: never "Høy risiko"."""
    for language, higher, high in (("nb", "Høyere risiko", "Høy risiko"), ("en", "Higher risk", "High risk")):
        block = BeautifulSoup(
            str(render_block("risks", language)) + str(render_block("risks_not_exposed", language)), "lxml"
        )
        for risk_id in ("construction-norway", "agriculture-norway", "electronics-trade"):
            badge = block.select_one(f"#risk-{risk_id} .aapenhet-risk")
            assert badge.get_text(strip=True) == higher, f"{risk_id} in {language}: {badge.get_text(strip=True)}"
        assert high not in visible_text(block)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_risks_say_once_how_the_sectors_scale_differs_from_the_countries(language: str) -> None:
    """«Høyere risiko» (a sector, in the statement's own words) beside «Høy risiko» (a country's rating),
    said once; never that a sector's risk is higher than something the statement does not name."""
    notes = render_block("risks", language).select("p.aapenhet-risk-scales")
    assert [note.get_text() for note in notes] == [load_labels().get("risks.scales", language)]
    assert "andre sektorer" not in notes[0].get_text() and "other sectors" not in notes[0].get_text()


def test_what_the_seed_does_not_say_is_shown_as_not_stated() -> None:
    nb = render_block("risks", "nb").select_one("#risk-electronics-trade")
    assert "Alvorlighetsgrad Ikke oppgitt" in visible_text(nb)
    interviews = render_block("measures", "en").select_one("#measure-hp-interviews")
    assert "What the supplier said In the interviews the supplier confirmed" in visible_text(interviews)
    assert "Result Not stated" in visible_text(interviews)
    assert visible_text(render_block("actual_impacts", "en")) == (
        "It is not stated whether the due diligence found any actual adverse impacts."
    )
    taken = render_block("measures", "en").select_one("#measure-policies-updated")
    assert "Status Completed" in visible_text(taken) and "Result Not stated" in visible_text(taken)
    assert "Completion date Not stated" in visible_text(taken)
    ongoing = render_block("measures", "nb").select_one("#measure-significant-changes-reported")
    assert "Startdato Ikke oppgitt" in visible_text(ongoing)
    planned = render_block("commitments", "en").select_one("#measure-evaluate-risk")
    assert "Status Planned" in visible_text(planned)
    assert "Expected result Not stated" in visible_text(planned)


def test_a_measure_linked_to_a_risk_appears_with_the_risk_and_links_back(tmp_path: Path) -> None:
    due_diligence = (
        (PROJECT / "data" / "due_diligence.yml")
        .read_text(encoding="utf-8")
        .replace(
            "    kind: risk_assessment\n    status: planned\n",
            "    kind: risk_assessment\n    status: planned\n    addresses: [electronics-trade]\n",
            1,
        )
    )
    data = data_with(tmp_path, {"due_diligence.yml": due_diligence})
    risk = render_block("risks", "nb", data=data).select_one("#risk-electronics-trade")
    links = [(link["href"], link.get_text(strip=True)) for link in risk.select("a")]
    assert links == [
        ("#measure-hp-interviews", "Intervjuer med HP Inc."),
        ("#measure-zebra-interviews", "Intervjuer med Zebra Technologies"),
        ("#measure-evaluate-risk", "Løpende risikovurdering"),
    ]
    measure = render_block("commitments", "nb", data=data).select_one("#measure-evaluate-risk")
    assert [link["href"] for link in measure.select("a")] == ["#risk-electronics-trade"]


def test_actual_impacts_none_identified_says_how_it_was_checked(filled: StatementData) -> None:
    text = visible_text(render_block("actual_impacts", "nb", data=filled))
    assert text == (
        "Aktsomhetsvurderingene har ikke avdekket faktiske negative konsekvenser. Slik ble det undersøkt:"
        " Gjennomgang av leverandørenes egne revisjoner (testverdi)."
    )


def test_an_identified_impact_is_shown_with_its_remediation(tmp_path: Path) -> None:
    impacts = (
        "actual_impacts:\n  impacts:\n    - id: overtime-vn\n      title: {nb: Overtid, en: Overtime}\n"
        "      where: {countries: [VN], suppliers: [zebra]}\n      identified_on: 2025-03-01\n"
        "      description: {nb: For mye overtid., en: Too much overtime.}\n"
        "      remediation: {nb: Ny turnusplan., en: A new rota.}\n      remediation_status: ongoing\n"
    )
    due_diligence = (PROJECT / "data" / "due_diligence.yml").read_text(encoding="utf-8")
    data = data_with(tmp_path, {"due_diligence.yml": due_diligence.replace("actual_impacts:\n", impacts, 1)})
    entry = render_block("actual_impacts", "en", data=data).select_one("#risk-overtime-vn")
    assert visible_text(entry) == (
        "Overtime Too much overtime. Identified 1 March 2025 Remediation A new rota. (ongoing)"
    )


# --- The front page in brief, and the risk overview picture ----------------------------------------


def test_the_summary_says_what_was_found_done_and_planned_with_links() -> None:
    block = render_block("summary", "en")
    assert [h.get_text() for h in block.select("h3")] == [
        "Risks assessed",  # not «what Exso found»: it has no exposure to two of them
        "What Exso has done",
        "Looking ahead",  # the statement's own heading for it, one name on every page
    ]
    links = [link["href"] for link in block.select("a")]
    assert links[:3] == [  # the risk Exso is exposed to first
        "/aapenhet/en/redegjorelse/#risk-electronics-trade",
        "/aapenhet/en/redegjorelse/#risk-construction-norway",
        "/aapenhet/en/redegjorelse/#risk-agriculture-norway",
    ]
    assert "/aapenhet/en/redegjorelse/#measure-policies-updated" in links
    assert "/aapenhet/en/redegjorelse/#measure-evaluate-risk" in links
    assert "Building and construction in Norway (Exso has no exposure)" in visible_text(block)
    assert "/aapenhet/en/redegjorelse/#risk-overview" in links  # the picture is in the statement the board signs
    assert "It is not stated whether the due diligence found any actual adverse impacts." in visible_text(block)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_risk_overview_is_a_named_picture_with_the_same_facts_as_the_country_view(language: str) -> None:
    svg = render_block("risk_overview", language).select_one("figure#risk-overview svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "risk-overview-title risk-overview-desc"
    assert svg.select_one("title#risk-overview-title").get_text()
    assert svg.select("script") == [] and "href" not in str(svg)
    desc = svg.select_one("desc#risk-overview-desc").get_text()
    drawn = " ".join(text.get_text() for text in svg.select("text"))
    table = render_block("country_risk_table", language)
    for row in table.select("tbody tr"):
        country = row.select_one("th").get_text(strip=True)
        suppliers = [link.get_text(strip=True) for link in row.select("td")[-1].select("a")]
        assert country in desc and country in drawn, f"{country} is in the country view but not in the picture"
        for supplier in suppliers:
            assert supplier in desc, f"{supplier} in {country} is in the country view but not described"
    china, and_ = {"nb": ("Kina", "og"), "en": ("China", "and")}[language]
    assert f"{china}: HP Inc. {and_} Zebra Technologies" in desc


def test_the_risk_picture_draws_each_countrys_suppliers_as_a_bar_grouped_by_rating_not_by_colour_alone() -> None:
    svg = render_block("risk_overview", "en").select_one("svg")
    drawn = [element for element in svg.find_all(["text", "rect"], recursive=False)]
    groups: dict[str, list[tuple[str, int, float]]] = {}
    heading, country, count = "", "", None
    for element in drawn:
        classes = element.get("class", [])
        if "aapenhet-overview__heading" in classes:
            heading = element.get_text()
            groups[heading] = []
        elif "aapenhet-overview__country" in classes:  # a long name takes two lines
            country = f"{country} {element.get_text()}".strip()
        elif "aapenhet-overview__count" in classes:
            count = int(element.get_text())
        elif "aapenhet-overview__bar" in classes:
            groups[heading].append((country, count, float(element["width"]) + 1))
            country, count = "", None
    # The highest rating first; within it, the most suppliers first; bars as long as their counts.
    assert list(groups) == ["High risk", "Risk not stated"]
    assert groups["High risk"][0][:2] == ("China", 2) and [row[1] for row in groups["High risk"]] == [2, 1, 1, 1]
    # The place the statement names in a country, rather than only the country: England, not the UK.
    assert {row[0] for row in groups["Risk not stated"]} == {"Czechia", "England (United Kingdom)"}
    widths = {count: width for rows in groups.values() for _, count, width in rows}
    assert widths[2] == 2 * widths[1] == 280
    # Each rating's bars differ by more than colour: solid, hatched, dotted, or outlined.
    fills = {
        "high": "#8a1c12",
        "elevated": "url(#risk-overview-elevated)",
        "low": "url(#risk-overview-low)",
        "none": "#fff",
    }
    for bar in svg.select("rect.aapenhet-overview__bar"):
        level = next(c.rsplit("--", 1)[1] for c in bar["class"] if c.startswith("aapenhet-overview__bar--"))
        assert bar["fill"] == fills[level] and bar["stroke"]
    patterns = {pattern["id"]: pattern for pattern in svg.select("defs pattern")}
    assert patterns["risk-overview-elevated"].select("rect[width='3']")  # stripes
    assert patterns["risk-overview-low"].select("circle")  # dots


def test_who_is_responsible_and_where_to_raise_a_concern_are_not_stated_until_given(tmp_path: Path) -> None:
    assert "Responsible for due diligence Not stated" in visible_text(render_block("routines", "en"))
    due_diligence = (
        (PROJECT / "data" / "due_diligence.yml")
        .read_text(encoding="utf-8")
        .replace(
            "concerns_channel:\n",
            "concerns_channel: {nb: Skriv til varsling@exempla.no., en: Write to varsling@exempla.no.}\n",
            1,
        )
    )
    text = visible_text(render_block("routines", "nb", data=data_with(tmp_path, {"due_diligence.yml": due_diligence})))
    assert "Slik melder du fra om en bekymring Skriv til varsling@exempla.no." in text


FORM_MESSAGES = {
    "error_prefix": "form.error_prefix",
    "message_required": "form.error.message_required",
    "email_invalid": "form.error.email_invalid",
    "field_rejected": "form.error.field_rejected",
    "sending": "form.status.sending",
    "sent_title": "form.status.sent_title",
    "sent_text": "form.status.sent_text",
    "rejected": "form.failure.rejected",
    "rate_limited": "form.failure.rate_limited",
    "server": "form.failure.server",
    "network": "form.failure.network",
    "timeout": "form.failure.timeout",
    "blocked": "form.failure.blocked",
    "mail_subject": "form.subject",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_messages_are_the_pages_labels(language: str) -> None:
    """The form's script shows only the words the page gives it, so each message is checked here in
    both languages, and the browser tests try each mechanism once (browser/test_form.py)."""
    island = render_block("innsynskrav_form", language).select_one("script#innsynskrav-messages")
    messages = json.loads(island.string)
    labels = load_labels()
    assert messages == {key: labels.get(label_key, language) for key, label_key in FORM_MESSAGES.items()}


def test_the_preview_problems_page_lists_each_problem_located_in_the_pages_language() -> None:
    problems = [
        Problem(
            "data/suppliers.yml",
            21,
            25,
            "suppliers[0].name",
            Wording((("nb", "<b>er feil</b>"), ("en", "<script>x</script> is wrong"))),
        ),
        Problem("docs/index.md", 3, 1, "", verbatim("the page is empty")),
    ]
    nb = BeautifulSoup(problems_page(problems, "nb"), "lxml")
    assert nb.h1.get_text() == "Feil i dataene"
    assert nb.select_one(".admonition-title").get_text() == "2 feil"
    items = [item.get_text() for item in nb.select("[role=alert] li")]
    # Sorted by file; each message in the page's language, as text, never markup.
    assert items == [
        "data/suppliers.yml:21:25 suppliers[0].name: <b>er feil</b>",
        "docs/index.md:3:1: the page is empty",
    ]
    en = BeautifulSoup(problems_page(problems[:1], "en"), "lxml")
    assert en.h1.get_text() == "Errors in the data"
    assert en.select_one(".admonition-title").get_text() == "1 error"
    assert en.li.get_text().endswith("<script>x</script> is wrong") and not en.find("script")


def test_the_preview_problems_page_shows_a_loader_problem_in_norwegian_and_english(tmp_path: Path) -> None:
    """A problem the loader finds is worded in both languages: the Norwegian page shows the Norwegian."""
    from aapenhet.model.loader import load_data_file
    from aapenhet.model.models import Countries

    case = tmp_path / "countries.yml"
    case.write_text("countries:\n  - code: UK\n", encoding="utf-8")
    _, _, problems = load_data_file(case, "data/countries.yml", Countries)
    nb = BeautifulSoup(problems_page(problems, "nb"), "lxml").li.get_text()
    en = BeautifulSoup(problems_page(problems, "en"), "lxml").li.get_text()
    assert nb == "data/countries.yml:2:11 countries[0].code: «UK» er ikke en landkode etter ISO 3166 — forventet «GB»"
    assert en == "data/countries.yml:2:11 countries[0].code: «UK» is not an ISO 3166 country code — expected «GB»"


def test_every_page_address_is_written_in_one_place() -> None:
    """The pages the tool names (the statement, suppliers, form, archive, changes) are constants in
    website/addresses.py: no other module or template writes one out."""
    from aapenhet.website import addresses

    package = REPO / "hooks" / "aapenhet"
    pages = [
        addresses.STATEMENT_PAGE,
        addresses.SUPPLIERS_PAGE,
        addresses.FORM_PAGE,
        addresses.THANK_YOU_PAGE,
        addresses.ARCHIVE_PAGE,
        addresses.CHANGES_PAGE,
    ]
    written = [
        f"{path.relative_to(package)}: {page}"
        for path in [*package.rglob("*.py"), *package.rglob("*.html")]
        if path.name != "addresses.py" and "bench" not in path.parts
        for page in pages
        if f'"{page}"' in path.read_text(encoding="utf-8") or f"'{page}'" in path.read_text(encoding="utf-8")
    ]
    assert written == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_risks_exso_is_exposed_to_come_first_and_the_others_are_not_called_significant(language: str) -> None:
    """A heading that classifies is a claim: risks with no exposure stand under a heading that says so,
    after the ones Exso is exposed to, on the statement and on the front page."""
    data = shipped_data()
    exposure = {risk.id: risk.exposure for risk in data.due_diligence.risks}
    # The exposed ones in §5 b's own block; the others in one of their own, which pages put after the
    # risk by country, under a heading that says what they are.
    exposed = render_block("risks", language)
    assert exposed.select_one("h3") is None
    assert all(
        exposure[entry["id"].removeprefix("risk-")] is not Exposure.none
        for entry in exposed.select("section.aapenhet-risk-entry")
    )
    others = render_block("risks_not_exposed", language)
    heading = others.select_one("h3#risks-not-exposed")
    assert (
        heading is not None
        and heading.get_text().rstrip("¶")
        == {"nb": "Risikoer Exso ikke er eksponert for", "en": "Risks Exso is not exposed to"}[language]
    )
    entries = others.select("section.aapenhet-risk-entry")
    assert entries and all(exposure[entry["id"].removeprefix("risk-")] is Exposure.none for entry in entries)
    summary = render_block("summary", language).select("ul")[0].select("li a")
    first = summary[0]["href"].split("#risk-")[1]
    assert exposure[first] is not Exposure.none


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_country_services_come_from_shows_its_rating_on_the_front_page(language: str) -> None:
    figures = visible_text(render_block("key_figures", language))
    assert {"nb": "India (høy risiko)", "en": "India (high risk)"}[language] in figures


def test_a_measure_committed_to_is_neither_planned_nor_taken() -> None:
    """«forplikter seg til» says the company commits to it, not that it has not started: shown as a
    commitment under what comes next, asked for its expected result, never called planned."""
    data = shipped_data()
    committed = [
        measure.model_copy(update={"status": MeasureStatus.committed}) if measure.id == "evaluate-risk" else measure
        for measure in data.due_diligence.measures
    ]
    changed = data.model_copy(update={"due_diligence": data.due_diligence.model_copy(update={"measures": committed})})
    for language, label in (("nb", "forpliktelse fremover"), ("en", "future commitment")):
        entry = render_block("commitments", language, data=changed).select_one("#measure-evaluate-risk")
        assert entry is not None and f"Status {label.capitalize()}" in visible_text(entry)
        assert render_block("measures", language, data=changed).select_one("#measure-evaluate-risk") is None
    from aapenhet.model.completeness import lacks_result

    (measure,) = [each for each in committed if each.id == "evaluate-risk"]
    assert lacks_result(measure) and measure.expected_result is None


def test_one_wording_for_what_the_statement_does_not_say() -> None:
    """«Ikke oppgitt» / «Not stated» everywhere: not «ennå», not «i redegjørelsen», no auditor's voice."""
    from aapenhet.rendering.labels import load_labels

    labels = load_labels()
    assert "not_given" not in labels.root  # one key for one idea
    for language, wording in (("nb", "Ikke oppgitt"), ("en", "Not stated")):
        assert labels.get("not_stated", language) == wording  # a value cell: with a capital
        assert labels.get("source.year_unknown", language).endswith(wording.lower())
        assert labels.get("risk.not_rated", language).endswith(wording.lower())
    for key, text in labels.root.items():
        for words in ("ikke oppgitt ennå", "oppgitt i redegjørelsen", "vurdert i redegjørelsen", "Redegjørelsen sier"):
            assert words not in text.nb, f"{key}: {text.nb}"
        for words in ("stated in the statement", "rated in the statement", "not given", "not named", "does not say"):
            assert words not in text.en, f"{key}: {text.en}"


def test_the_front_page_gives_each_measures_result_or_says_none_is_stated() -> None:
    """A reader on a phone sees there what came of each measure, and where nothing is stated."""
    done = render_block("summary", "en").select("ul")[1].select("li")
    results = {item.a["href"].split("#measure-")[1]: " ".join(item.get_text().split()) for item in done}
    assert results["iw-visits"].endswith("Result: Exempla's impression is that IW is run in a respectable manner.")
    assert results["hp-interviews"].endswith("(completed; result not stated)")
    assert all(". Result: " in text or text.endswith("; result not stated)") for text in results.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_front_page_names_every_high_risk_country_suppliers_are_in(language: str) -> None:
    """The seed names four, India (services) among them: the front page names them near its top, not
    only in the key figures further down."""
    paragraphs = [p.get_text() for p in render_block("summary", language).select("p")]
    expected = {
        "nb": "Land med høy risiko som leverandørene produserer i eller leverer tjenester fra: Kina, Taiwan, Vietnam,"
        " India.",
        "en": "High-risk countries suppliers produce in or deliver services from: China, Taiwan, Vietnam, India.",
    }[language]
    assert expected in paragraphs


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_place_below_country_level_is_shown_with_its_country_then_the_countrys_risk(language: str) -> None:
    """«England (Storbritannia) Risiko ikke oppgitt», not «England (Storbritannia Risiko ikke oppgitt)»:
    the risk is the country's, outside the brackets, as in the statement's table."""
    entries = render_block("supplier_follow_up", language).select("ul.aapenhet-production li")
    england = next(" ".join(li.get_text().split()) for li in entries if "England" in li.get_text())
    country, risk = {"nb": ("Storbritannia", "Risiko ikke oppgitt"), "en": ("United Kingdom", "Risk not stated")}[
        language
    ]
    assert england.endswith(f"England ({country}) {risk}"), england


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_signed_page_says_what_each_source_rates_and_what_it_does_not_know(language: str) -> None:
    """The statement page is the one the board signs: the ratings' substance (which countries, which
    level, which areas) is on it, not only on the suppliers page; an organisation number the statement
    does not give is shown as not stated, not left out."""
    table = visible_text(render_block("supplier_table", language))
    sentence = {
        "nb": "ITUC Global Rights Index rangerer Kina, Taiwan, Vietnam og India med høy risiko innenfor"
        " tvangsarbeid, arbeidstakerrettigheter, barnearbeid og diskriminering.",
        "en": "ITUC Global Rights Index rates China, Taiwan, Vietnam and India as high risk for forced labour,"
        " workers' rights, child labour and discrimination.",
    }[language]
    assert sentence in table
    profile = visible_text(render_block("company_profile", language))
    assert (
        f"{load_labels().get('company.organisation_number', language)} {load_labels().get('not_stated', language)}"
        in profile
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_supplier_follow_up_is_named_by_its_title_and_says_when_no_result_is_stated(language: str) -> None:
    entries = render_block("supplier_follow_up", language).select("section.aapenhet-supplier")
    hp = " ".join(entries[0].get_text().split())
    title, result = {
        "nb": ("Intervjuer med HP Inc.", "Resultat: Ikke oppgitt"),
        "en": ("Interviews with HP Inc.", "Result: Not stated"),
    }[language]
    assert title in hp and result in hp
