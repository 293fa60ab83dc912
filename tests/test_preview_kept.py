"""The preview keeps its suppliers as published (view/mapping.py) and their entries
(rendering/supplier_entries.py) from one rebuild to the next: after an edit, only the suppliers it
changed are mapped and rendered again, and every page is what a fresh build makes of the edited data,
whatever the edit touched."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from aapenhet.model.loader import load_statement_data
from aapenhet.model.models import MeasureStatus, RiskLevel, StatementData, Text
from aapenhet.rendering.labels import load_labels
from aapenhet.rendering.renderer import KeptForPreview, make_renderer
from aapenhet.view.mapping import KeptSuppliers, statement_document
from rendering import FORMSPREE, SITE
from site_build import STATEMENTS

LANGUAGES = ("nb", "en")


@pytest.fixture(scope="module")
def complete() -> StatementData:
    return load_statement_data(STATEMENTS / "complete" / "data")


def suppliers_page(data: StatementData, kept: KeptForPreview | None, language: str) -> str:
    """The suppliers page's entries (the statement's few suppliers are listed there in full)."""
    return make_renderer(data, load_labels(), SITE, FORMSPREE, kept=kept).render("supplier_follow_up", language)


Entries = dict[tuple[int, str], tuple[object, object, Markup]]


def rebuilt(before: StatementData, after: StatementData, language: str) -> tuple[Entries, Entries]:
    """A preview's two rebuilds, before and after an edit: each one's entries, and the second page
    checked against a fresh render of the edited data."""
    kept = KeptForPreview()
    suppliers_page(before, kept, language)
    first = dict(kept.entries.by_language[language][1])
    assert suppliers_page(after, kept, language) == suppliers_page(after, None, language)
    return first, kept.entries.by_language[language][1]


def kept_again(first: Entries, second: Entries) -> list[Markup]:
    """The second rebuild's entries that are the very objects of the first's: not rendered again."""
    return [entry for *_, entry in second.values() if any(entry is earlier for *_, earlier in first.values())]


def renamed(data: StatementData, index: int, name: str) -> StatementData:
    suppliers = list(data.suppliers.suppliers)
    suppliers[index] = suppliers[index].model_copy(update={"name": name})
    return data.model_copy(update={"suppliers": data.suppliers.model_copy(update={"suppliers": suppliers})})


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_an_edit_to_one_supplier_only_its_entry_is_rendered_again(complete: StatementData, language: str) -> None:
    first, second = rebuilt(complete, renamed(complete, 1, "Zebra Renamed"), language)
    assert len(second) == len(first) == 3
    assert len(kept_again(first, second)) == 2
    (new,) = [entry for *_, entry in second.values() if entry not in kept_again(first, second)]
    assert "Zebra Renamed" in new


def test_an_edit_to_a_suppliers_follow_up_renders_its_entry_again(complete: StatementData) -> None:
    measures = [
        measure.model_copy(update={"status": MeasureStatus.ongoing, "completed_on": None})
        if measure.id == "hp-interviews"
        else measure
        for measure in complete.due_diligence.measures
    ]
    edited = complete.model_copy(
        update={"due_diligence": complete.due_diligence.model_copy(update={"measures": measures})}
    )
    first, second = rebuilt(complete, edited, "en")
    assert len(kept_again(first, second)) == 2


def test_an_edit_to_what_every_entry_shows_renders_them_all_again(complete: StatementData) -> None:
    """A country's risk is shown in the entries of every supplier there, and beside its name."""
    countries = [
        country.model_copy(update={"risk": RiskLevel.low}) if country.code == "CN" else country
        for country in complete.countries.countries
    ]
    edited = complete.model_copy(update={"countries": complete.countries.model_copy(update={"countries": countries})})
    first, second = rebuilt(complete, edited, "en")
    assert kept_again(first, second) == []


def test_an_edit_to_the_words_renders_every_entry_again(complete: StatementData) -> None:
    kept = KeptForPreview()
    labels = load_labels()
    make_renderer(complete, labels, SITE, FORMSPREE, kept=kept).render("supplier_follow_up", "en")
    first = dict(kept.entries.by_language["en"][1])
    root = dict(labels.root)
    root["supplier.follow_up"] = Text(nb="Oppfølging (endret)", en="Follow-up (changed)")
    changed = labels.model_copy(update={"root": root})
    page = make_renderer(complete, changed, SITE, FORMSPREE, kept=kept).render("supplier_follow_up", "en")
    assert page == make_renderer(complete, changed, SITE, FORMSPREE).render("supplier_follow_up", "en")
    assert "Follow-up (changed)" in page
    assert kept_again(first, kept.entries.by_language["en"][1]) == []


def test_each_language_keeps_its_own_entries(complete: StatementData) -> None:
    kept = KeptForPreview()
    for language in LANGUAGES:
        suppliers_page(complete, kept, language)
    pages = {language: suppliers_page(complete, kept, language) for language in LANGUAGES}
    assert pages == {language: suppliers_page(complete, None, language) for language in LANGUAGES}
    assert pages["nb"] != pages["en"]


def test_only_the_last_rebuilds_entries_are_kept(complete: StatementData) -> None:
    """The preview runs for hours: what an edit replaced is let go of, not kept for ever."""
    kept = KeptForPreview()
    for edit in range(5):
        suppliers_page(renamed(complete, 0, f"HP edit {edit}"), kept, "en")
    assert len(kept.entries.by_language["en"][1]) == 3


def mapped_twice(before: StatementData, after: StatementData) -> tuple[list[object], list[object]]:
    """The suppliers as published by two rebuilds, the second checked against a fresh mapping."""
    kept = KeptSuppliers()
    first = list(statement_document(before, "en", kept_suppliers=kept).suppliers)
    second = statement_document(after, "en", kept_suppliers=kept)
    assert second.model_dump_json() == statement_document(after, "en").model_dump_json()
    return first, list(second.suppliers)


def test_a_supplier_an_edit_left_as_it_was_is_not_mapped_again(complete: StatementData) -> None:
    first, second = mapped_twice(complete, renamed(complete, 1, "Zebra Renamed"))
    assert [a is b for a, b in zip(first, second, strict=True)] == [True, False, True]


def test_a_supplier_whose_follow_ups_changed_is_mapped_again(complete: StatementData) -> None:
    measures = [
        measure.model_copy(update={"supplier": "zebra"}) if measure.id == "hp-interviews" else measure
        for measure in complete.due_diligence.measures
    ]
    edited = complete.model_copy(
        update={"due_diligence": complete.due_diligence.model_copy(update={"measures": measures})}
    )
    first, second = mapped_twice(complete, edited)
    assert [a is b for a, b in zip(first, second, strict=True)] == [False, False, True]


def test_only_the_last_rebuilds_suppliers_are_kept(complete: StatementData) -> None:
    kept = KeptSuppliers()
    statement_document(complete, "en", kept_suppliers=kept)
    fewer = complete.suppliers.model_copy(update={"suppliers": complete.suppliers.suppliers[:1]})
    statement_document(complete.model_copy(update={"suppliers": fewer}), "en", kept_suppliers=kept)
    assert list(kept.by_language["en"]) == ["hp"]
