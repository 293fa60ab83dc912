"""The real build of the shipped project, checked with an HTML parser.

Proves: the strict build passes; every fact of the seed statement reaches the Norwegian site and
its English counterpart; every page exists in both languages with the right ``lang`` and a
language switch to the same page; no asset is loaded from another origin; the draft marker shows.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from site_build import LANGUAGE_PREFIXES, PAGES, PUBLIC_URL, BuiltSite

ALL_PAGES = [(language, page) for language in LANGUAGE_PREFIXES for page in PAGES]

# (page, Norwegian text, English text): every fact of the seed, as a reader would look for it.
SEED_FACTS = [
    ("redegjorelse/", "forretningskritiske IT-tjenester og -løsninger", "business-critical IT services and solutions"),
    ("redegjorelse/", "installasjon/implementering", "installation/implementation"),
    ("redegjorelse/", "prosjektledelse", "project management"),
    ("redegjorelse/", "teknisk service", "technical service"),
    ("redegjorelse/", "IT-drift", "IT operations"),
    ("redegjorelse/", "maskinvare og programvare", "hardware and software"),
    ("redegjorelse/", "anerkjente og ledende produsenter", "recognised, leading manufacturers"),
    ("redegjorelse/", "Steder i Norge 17", "Locations in Norway 17"),
    ("redegjorelse/", "Antall ansatte 250", "Number of employees 250"),
    (
        "redegjorelse/",
        "varehandel, persontransport, apotek, logistikk/spedisjon og kommuner",
        "retail, passenger transport, pharmacies, logistics/freight forwarding and municipalities",
    ),
    ("redegjorelse/", "vedlikehold og reparasjon av IT-utstyret", "maintenance and repair of their IT equipment"),
    ("redegjorelse/", "videreformidles til andre markeder", "passed on to other markets"),
    ("redegjorelse/", "«Bærekraftspolicy»", "‘Sustainability policy’"),
    ("redegjorelse/", "«Exempla AS sine retningslinjer for leverandører»", "‘Exempla AS's guidelines for suppliers’"),
    ("redegjorelse/", "(UNGP)", "the UN Guiding Principles on Business and Human Rights (UNGPs)"),
    ("redegjorelse/", "OECDs rammeverk for aktsomhetsvurderinger", "OECD framework for due diligence"),
    ("redegjorelse/", "geografiske områdene og sektorene", "geographical areas and sectors"),
    ("redegjorelse/", "Revisjoner og generelle vurderinger", "Audits and general assessments"),
    ("redegjorelse/", "rapporteres til ledelsen og styret", "reported to management and the board"),
    ("redegjorelse/", "Høy markedsandel i segment", "A high share of their market segment"),
    ("redegjorelse/", "Skriftlig kontrakt", "A written contract"),
    ("redegjorelse/", "Antall nøkkelpersoner i Norden", "The number of key staff in the Nordic countries"),
    ("redegjorelse/", "Aktivt arbeid med avvikshåndtering", "Active handling of non-conformities"),
    (
        "redegjorelse/",
        "Gjelder Bygg og anlegg, Norge Risikonivå Høyere risiko Er Exso eksponert? Nei",
        "Applies to Building and construction, Norway Risk level Higher risk Is Exso exposed? No",
    ),
    (
        "redegjorelse/",
        "Gjelder Jordbruksproduksjon, Norge Risikonivå Høyere risiko Er Exso eksponert? Nei",
        "Applies to Agricultural production, Norway Risk level Higher risk Is Exso exposed? No",
    ),
    (
        "redegjorelse/",
        "oppdatert sin «Bærekraftspolicy» og «Exempla AS sine retningslinjer for leverandører»",
        "updated its ‘Sustainability policy’ and ‘Exempla AS's guidelines for suppliers’",
    ),
    ("redegjorelse/", "krever selskapet at leverandørene rapporterer dette", "report any significant change"),
    (
        "redegjorelse/",
        "handel med elektronisk utstyr har høyere risiko",
        "trade in electronic equipment carries a higher risk",
    ),
    ("redegjorelse/", "Fotfeste med ansatte i Norden", "An established presence with staff in the Nordic countries"),
    ("redegjorelse/", "God soliditet og likviditet", "Financial strength (solvency and liquidity)"),
    ("redegjorelse/", "få og relativt store samarbeidspartnere", "few, relatively large partners"),
    ("redegjorelse/", "FNs Global Compact", "UN Global Compact"),
    ("redegjorelse/", "ILO- og ISO-standarder", "ILO and ISO standards"),
    (
        "redegjorelse/",
        "videreformidle og følge opp retningslinjene hos sine underleverandører",
        "pass the guidelines on to their own subcontractors",
    ),
    ("redegjorelse/", "elimineres gjennom leverandørrevisjoner", "reduced and eliminated through supplier audits"),
    ("redegjorelse/", "gjenoppretting og erstatning", "remediation and compensation"),
    (
        "redegjorelse/",
        "berørte rettighetshavere og deres representanter",
        "rights-holders concerned and their representatives",
    ),
    (
        "redegjorelse/",
        "skal følge opp leverandørene i henhold til gjeldende krav",
        "will follow up its suppliers in accordance with the applicable",
    ),
    ("redegjorelse/", "skal løpende vurdere risikoen", "will continuously evaluate the risk"),
    (
        "redegjorelse/",
        "skal ikke samarbeide med leverandører som ikke oppfyller kravene",
        "will not work with suppliers that do not meet",
    ),
    ("redegjorelse/", "Exempla AS", "Exempla AS"),
    ("leverandorer/", "to største leverandører av IT-utstyr", "two largest suppliers of IT equipment"),
    # Each supplier's name, headquarters and production, within its entry: SUPPLIER_ENTRY_FACTS.
    (
        "leverandorer/",
        "IT-utstyr som Exempla kjøper og videreselger: Tsjekkia",
        "IT equipment that Exempla buys and resells: Czechia",
    ),
    # The seed names England, a place below country level: it is shown, with the country it is in.
    ("leverandorer/", "Rekvisita: England ( Storbritannia", "Consumables: England ( United Kingdom"),
    ("leverandorer/", "Integration Wizard (IW)", "Integration Wizard (IW)"),
    (
        "leverandorer/",
        "100 % eid av SparkCognition (hovedsete: Austin, Texas, USA)",
        "100% owned by SparkCognition (headquarters: Austin, Texas, United States)",
    ),
    ("leverandorer/", "ca. 7 år", "about 7 years"),
    ("leverandorer/", "besøkt IWs hovedkontor i India en rekke ganger", "visited IW's head office in India many times"),
    ("leverandorer/", "IW drives på en respektabel måte", "IW is run in a respectable manner"),
    ("leverandorer/", "intervjuet leverandøren", "interviewed the supplier"),
    (
        "leverandorer/",
        "hvordan den selv vurderer risikoen hos underleverandørene",
        "own risk assessment of its subcontractors",
    ),
    (
        "leverandorer/",
        "Leverandøren opplyser: I intervjuene bekreftet leverandøren",
        "What the supplier said: In the interviews the supplier confirmed",
    ),
    ("leverandorer/", "krav om etterlevelse av åpenhetsloven", "requiring compliance with the Transparency Act"),
    (
        "leverandorer/",
        "India Høy risiko tvangsarbeid, arbeidstakerrettigheter, barnearbeid, diskriminering ITUC Global Rights Index",
        "India High risk forced labour, workers' rights, child labour, discrimination ITUC Global Rights Index",
    ),
    ("leverandorer/", "Kina Høy risiko", "China High risk"),
    ("leverandorer/", "Taiwan Høy risiko", "Taiwan High risk"),
    ("leverandorer/", "Vietnam Høy risiko", "Vietnam High risk"),
    ("innsynskrav/", "tre uker", "three weeks"),
]

# (supplier id, name, Norwegian texts, English texts): facts of the seed that belong together, each
# found in that supplier's entry on the suppliers page (its <section>, headed by its name).
SUPPLIER_ENTRY_FACTS = [
    (
        "hp",
        "HP Inc.",
        ["Hovedsete USA", "IT-utstyr som Exempla kjøper og videreselger: Tsjekkia"],
        ["Headquarters United States", "IT equipment that Exempla buys and resells: Czechia"],
    ),
    (
        "zebra",
        "Zebra Technologies",
        ["Hovedsete USA", "Rekvisita: England ( Storbritannia"],
        ["Headquarters United States", "Consumables: England ( United Kingdom"],
    ),
]


def page_path(language: str, page: str) -> str:
    return LANGUAGE_PREFIXES[language] + page


@pytest.mark.parametrize(
    ("page_name", "nb", "en"), SEED_FACTS, ids=lambda value: value[:40] if isinstance(value, str) else value
)
def test_seed_fact_is_on_both_sites(built_site: BuiltSite, page_name: str, nb: str, en: str) -> None:
    assert nb in built_site.text(page_path("nb", page_name))
    assert en in built_site.text(page_path("en", page_name))


@pytest.mark.parametrize(
    ("supplier_id", "name", "nb", "en"), SUPPLIER_ENTRY_FACTS, ids=[f[0] for f in SUPPLIER_ENTRY_FACTS]
)
def test_seed_facts_of_a_supplier_are_in_its_entry(
    built_site: BuiltSite, supplier_id: str, name: str, nb: list[str], en: list[str]
) -> None:
    for language, facts in (("nb", nb), ("en", en)):
        entry = built_site.html(page_path(language, "leverandorer/")).select_one(
            f'article section[aria-labelledby="supplier-{supplier_id}"]'
        )
        assert entry is not None, f"{language}: no entry for {supplier_id}"
        assert entry.select_one("h3").find(string=True, recursive=False).strip() == name
        entry_text = " ".join(entry.get_text(" ").split())
        assert [fact for fact in facts if fact not in entry_text] == []


@pytest.mark.parametrize(("language", "page_name"), ALL_PAGES)
def test_page_has_its_language(built_site: BuiltSite, language: str, page_name: str) -> None:
    assert built_site.html(page_path(language, page_name)).html["lang"] == language


@pytest.mark.parametrize(("language", "page_name"), ALL_PAGES)
def test_language_switch_leads_to_the_same_page(built_site: BuiltSite, language: str, page_name: str) -> None:
    other = "en" if language == "nb" else "nb"
    here = PUBLIC_URL + page_path(language, page_name)  # the address the shared build is made for
    links = built_site.html(page_path(language, page_name)).select(f'.md-select a[hreflang="{other}"]')
    assert links, f"no link to {other} on {here}"
    target = urljoin(here, links[0]["href"])
    assert target == PUBLIC_URL + page_path(other, page_name)


@pytest.mark.parametrize(("language", "page_name"), ALL_PAGES)
def test_no_asset_comes_from_another_origin(built_site: BuiltSite, language: str, page_name: str) -> None:
    soup = built_site.html(page_path(language, page_name))
    assets = [tag.get("src") for tag in soup.select("script[src], img[src], iframe[src], source[src]")]
    # Links that make the browser fetch something; canonical and alternate links only name pages.
    fetched_rels = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "modulepreload", "manifest"}
    assets += [tag.get("href") for tag in soup.select("link[href]") if fetched_rels & set(tag.get("rel", []))]
    external = [url for url in assets if urlsplit(url).scheme or url.startswith("//")]
    assert external == []
    assert "fonts.googleapis.com" not in str(soup)


@pytest.mark.parametrize(("language", "page_name"), ALL_PAGES)
def test_links_within_a_page_lead_to_something_on_it(built_site: BuiltSite, language: str, page_name: str) -> None:
    """The build checks links in the Markdown; these are also the links the templates write."""
    soup = built_site.html(page_path(language, page_name))
    ids = {element["id"] for element in soup.select("[id]")}
    broken = [link["href"] for link in soup.select("article a[href^='#']") if link["href"][1:] not in ids]
    assert broken == []


@pytest.mark.parametrize(("language", "page_name"), ALL_PAGES)
def test_draft_marker_on_every_page(built_site: BuiltSite, language: str, page_name: str) -> None:
    banner = built_site.html(page_path(language, page_name)).select_one(".md-banner .aapenhet-draft")
    assert banner is not None
    assert banner.get_text().strip().startswith({"nb": "Utkast", "en": "Draft"}[language])


def test_statement_is_titled_as_the_act_says(built_site: BuiltSite) -> None:
    heading = built_site.html("redegjorelse/").select_one("article h1").get_text(strip=True)
    assert heading.startswith("Redegjørelse for aktsomhetsvurderinger etter åpenhetsloven")


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_statement_sections_map_to_section_5_a_b_c(built_site: BuiltSite, language: str) -> None:
    headings = [
        h.get_text(strip=True) for h in built_site.html(page_path(language, "redegjorelse/")).select("article h2")
    ]
    assert [h[:2] for h in headings[:3]] == ["a)", "b)", "c)"]


@pytest.mark.parametrize(("language", "page"), ALL_PAGES)
def test_each_title_names_the_page_then_the_company(built_site: BuiltSite, language: str, page: str) -> None:
    """«Åpenhetsloven hos Exempla – Exempla AS»: an en dash, and the law named once."""
    html = built_site.html(page_path(language, page))
    heading = html.select_one("article h1").get_text().rstrip("¶")
    assert html.title.get_text() == f"{heading} – Exempla AS"


@pytest.mark.parametrize("page", PAGES)
def test_a_paragraph_sign_is_never_left_at_the_end_of_a_line(built_site: BuiltSite, page: str) -> None:
    """«§ 5», «§§ 6 og 7»: a no-break space after §, in the page and in its description."""
    html = built_site.html(page_path("nb", page))
    texts = [html.select_one("article").get_text(), html.select_one('meta[name="description"]')["content"]]
    assert "§" in " ".join(texts) or page == "leverandorer/"
    for text in texts:
        assert re.search(r"§\s", text.replace("\u00a0", "")) is None, text


def test_english_pages_have_no_norwegian_ui_labels(built_site: BuiltSite) -> None:
    text = built_site.text("en/redegjorelse/")
    for label in ("Ikke oppgitt", "Høy risiko", "Leverandør", "Utkast", "Produksjon"):
        assert label not in text


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_language_names_in_the_switch_carry_their_own_lang(built_site: BuiltSite, language: str) -> None:
    links = built_site.html(page_path(language, "")).select(".md-select a[hreflang]")
    assert {(link["hreflang"], link.get("lang")) for link in links} == {("nb", "nb"), ("en", "en")}


# --- One pass per language ------------------------------------------------------------------------


def test_each_language_is_built_once(built_site: BuiltSite) -> None:
    """static-i18n builds the default language twice when it is not listed first."""
    assert built_site.language_passes() == ["nb", "en"]


def test_no_search_index_and_no_theme_script(built_site: BuiltSite) -> None:
    """Search does not earn its weight on four pages a language, and everything the site uses works
    without Material's script: a page loads no script file but the form's, on the form's pages."""
    assert not (built_site.root / "search").exists()
    for language, prefix in LANGUAGE_PREFIXES.items():
        for page in PAGES:
            scripts = [
                tag["src"].split("assets/", 1)[-1] for tag in built_site.html(prefix + page).select("script[src]")
            ]
            expected = ["javascripts/innsynskrav.js"] if page == "innsynskrav/" else []
            assert scripts == expected, f"{language} {page}: {scripts}"


def test_no_page_folder_has_a_copy_of_the_sitemap(built_site: BuiltSite) -> None:
    assert (built_site.root / "sitemap.xml").is_file()
    assert sorted(path.relative_to(built_site.root).as_posix() for path in built_site.root.rglob("sitemap.xml")) == [
        "sitemap.xml"
    ]


def test_the_statement_claims_no_step_the_seed_does_not_state(built_site: BuiltSite) -> None:
    """The seed says the method is anchored in the UNGP and the OECD framework, not that every one of
    the OECD's six steps was followed."""
    assert "seks trinn" not in built_site.text("redegjorelse/")
    assert "six OECD steps" not in built_site.text("en/redegjorelse/")


def test_english_pages_use_english_quotation_marks(built_site: BuiltSite) -> None:
    for page in PAGES:
        assert "«" not in built_site.text("en/" + page), f"Norwegian quotation marks on en/{page}"


def test_english_pages_use_british_spelling_in_the_themes_words_too(built_site: BuiltSite) -> None:
    for page in PAGES:
        html = str(built_site.html("en/" + page))
        assert "Initializing" not in html and "Skip to content" in html, f"en/{page}"


def test_heading_anchors_keep_every_norwegian_letter(built_site: BuiltSite) -> None:
    """Anchors are what people cite: ø → o, æ → ae, å → a, never dropped."""
    from aapenhet.rendering.slugs import heading_slug

    assert heading_slug("Slik gjør vi aktsomhetsvurderinger", "-") == "slik-gjor-vi-aktsomhetsvurderinger"
    assert heading_slug("Æ, Ø og Å i Tiltak som er gjennomført", "-") == "ae-o-og-a-i-tiltak-som-er-gjennomfort"
    ids = {heading["id"] for heading in built_site.html("redegjorelse/").select("h1[id], h2[id], h3[id]")}
    assert {
        "redegjorelse-for-aktsomhetsvurderinger-etter-apenhetsloven",
        "slik-gjor-exempla-aktsomhetsvurderinger",
        "tiltak-som-er-gjennomfort-eller-pagar",
    } <= ids, ids
