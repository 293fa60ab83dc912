"""Earlier statements: every published version, each kept at an address that never changes.

``data/`` is always the current statement. Each earlier version is a folder of the same five files
under ``data/history/``:

- ``data/history/<YYYY>/``: the statement on reporting year YYYY as first published;
- ``data/history/<YYYY>/<YYYY-MM-DD>/``: that year's statement as updated on that day (after a
  significant change in risk, §5), with a ``revisions:`` entry of that date saying why.

A version is known by its reporting year and its date (the day it was published, or updated); its
folder under ``history/`` is its address on the site (``/2024/``, ``/2024/2025-09-15/``). The
current statement is a version too: the annual one of its year, or, when ``history/`` already holds
that year, an update dated by its newest revision. ``load_history`` reads and checks them all and
returns them oldest first, the current one last.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from aapenhet.model.carried_over import carried_over
from aapenhet.model.check import Finding
from aapenhet.model.completeness import missing_for_publication
from aapenhet.model.kept_cache import cached_data, store_data, version_key
from aapenhet.model.loader import LazySources, LoadedStatement, load_statement
from aapenhet.model.models import DATA_FILES, Impact, Measure, Risk, Supplier, Text
from aapenhet.source.problems import DataProblems, Problem

HISTORY_FOLDER = "history"
_YEAR = re.compile(r"\d{4}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ABOUT = "the earlier statements in data/history/"
_ABOUT_NB = "de tidligere redegjørelsene i data/history/"


@dataclass(frozen=True)
class Version:
    """One published version of the statement (or the current one, published or not)."""

    year: int | None  # the reporting year (the year its period ends); None while the period is empty
    date: datetime.date | None  # published on, or updated on; None for a current draft
    path: str  # its address and folder under history/: "2024/", "2024/2025-09-15/"; "" for the current one
    shown_as: str  # its folder in messages: "data/history/2024"
    loaded: LoadedStatement
    reason: Text | None = None  # an update's reason: its revision's summary
    # The current statement's facts still from the period before (carried_over.py), found once here
    # for the gate, check and the draft banner; none for a kept version.
    carried_over: tuple[Finding, ...] = ()
    # Nothing missing and nothing carried over from the period before: what may be published. Every
    # kept version is; the current one may still be a draft.
    final: bool = True
    # A kept version's key in the cache of what it gives (kept_cache.py); None for the current one.
    key: str | None = None

    @property
    def is_current(self) -> bool:
        return self.path == ""

    @property
    def is_update(self) -> bool:
        return self.reason is not None

    @property
    def address(self) -> str | None:
        """Its permanent address, which never changes: its folder under history/ ("2024/",
        "2024/2025-09-15/"), and for the current statement the folder it will be kept in, from the day
        it is published. None for a draft: a draft has no address of its own."""
        if not self.is_current:
            return self.path
        if self.year is None or self.date is None or not self.final:
            return None
        return f"{self.year}/" + (f"{self.date.isoformat()}/" if self.is_update else "")


def history_folders(data_dir: Path) -> list[tuple[str, Path]]:
    """Each earlier version's folder under ``data/history/``, as (its path, the folder): years, and
    each year's update folders. Anything else there is left for ``load_history`` to report."""
    root = data_dir / HISTORY_FOLDER
    if not root.is_dir():
        return []
    found = []
    for year_folder in sorted(root.iterdir()):
        if _is_version_folder(year_folder):
            found.append((f"{year_folder.name}/", year_folder))
            found += [
                (f"{year_folder.name}/{update.name}/", update)
                for update in sorted(year_folder.iterdir())
                if _is_version_folder(update)
            ]
    return found


def _is_version_folder(path: Path) -> bool:
    """A folder, and not one ``keep`` is still writing (``.keep-…``, moved into place when complete)."""
    return path.is_dir() and not path.name.startswith(".")


def load_history(data_dir: Path, current: LoadedStatement) -> list[Version]:
    """Every version, oldest first and the current one last; raises ``DataProblems`` with every
    problem in every earlier version's files and in how the versions fit together."""
    versions, problems = _earlier_versions(data_dir)
    if problems:
        raise DataProblems(problems, about=_ABOUT, about_nb=_ABOUT_NB)
    versions.sort(key=lambda version: version.date or datetime.date.min)  # a kept version always has its date
    now = _current_version(current, versions)
    problems += _fit_problems([*versions, now])
    if problems:
        raise DataProblems(problems, about=_ABOUT, about_nb=_ABOUT_NB)
    before = _period_before(versions, now)
    left = tuple(carried_over(current, before.loaded.data)) if before is not None else ()
    final = not missing_for_publication(current.data) and not left
    return [*versions, replace(now, carried_over=left, final=final)]


def _period_before(earlier: list[Version], current: Version) -> Version | None:
    """The newest kept version of an earlier year than the current one."""
    before = [
        version
        for version in earlier
        if version.year is not None and (current.year is None or version.year < current.year)
    ]
    return before[-1] if before else None


def earlier_version_problems(data_dir: Path) -> list[Problem]:
    """The problems in the earlier versions' own files: reported with the current statement's even
    when that cannot be read, so that an editor sees every problem at once."""
    return _earlier_versions(data_dir)[1]


def _earlier_versions(data_dir: Path) -> tuple[list[Version], list[Problem]]:
    problems: list[Problem] = []
    versions: list[Version] = []
    for path, folder in history_folders(data_dir):
        shown_as = f"data/{HISTORY_FOLDER}/{path.rstrip('/')}"
        name_problem = _folder_name_problem(path, shown_as)
        if name_problem:
            problems.append(name_problem)
            continue
        absent = [name for name in DATA_FILES if not (folder / name).is_file()]
        if absent:
            problems.append(_incomplete_folder_problem(shown_as, absent))
            continue
        changed = changed_since_kept(folder, shown_as)
        if changed:
            problems += changed
            continue
        try:
            loaded, key = load_kept(folder, shown_as)
        except DataProblems as error:
            problems += error.problems
            continue
        version, version_problems = earlier_version(path, shown_as, loaded, key=key)
        problems += version_problems
        if version is not None:
            versions.append(version)
    return versions, problems


# What keep writes beside a kept version's files: each one's SHA-256, as sha256sum writes it.
KEPT_RECORD = "SHA256SUMS"


def sha256_lines(files: Mapping[str, bytes]) -> str:
    """Each file (name: bytes) with its SHA-256, by name, as ``sha256sum`` writes them: the record of a
    kept version's files, and of what each version published (publishing/checksums.py)."""
    return "".join(f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in sorted(files.items()))


def changed_since_kept(folder: Path, shown_as: str) -> list[Problem]:
    """Each file of a kept version that is not what ``keep`` recorded; none when it recorded nothing
    (a version kept before there was a record) or every file is as it was kept."""
    record = folder / KEPT_RECORD
    if not record.is_file():
        return []
    problems = []
    for line in record.read_text(encoding="utf-8", errors="replace").splitlines():
        digest, _, name = line.partition("  ")
        path = folder / name
        now = hashlib.sha256(path.read_bytes()).hexdigest() if name in DATA_FILES and path.is_file() else None
        if now != digest:
            problems.append(
                Problem(
                    f"{shown_as}/{name}",
                    1,
                    1,
                    "",
                    f"changed since it was kept (not what {shown_as}/{KEPT_RECORD} records) — a kept version is"
                    f" never edited: restore it from git (git checkout -- {shown_as}/)",
                    f"endret etter at den ble tatt vare på (ikke det {shown_as}/{KEPT_RECORD} har registrert) —"
                    f" en versjon som er tatt vare på, endres aldri: hent den tilbake fra git"
                    f" (git checkout -- {shown_as}/)",
                )
            )
    return problems


def _incomplete_folder_problem(shown_as: str, absent: list[str]) -> Problem:
    """A kept version lacks files: restored from git if it was published, removed if it never was."""
    one = len(absent) == 1
    return Problem(
        shown_as,
        1,
        1,
        "",
        f"incomplete: {', '.join(absent)} {'is' if one else 'are'}"
        f" missing — a kept version is never edited: restore {'it' if one else 'them'} from"
        f" git (git checkout -- {shown_as}/), or, if this folder was never published, delete it and"
        " run «aapenhet keep» again",
        f"ufullstendig: {', '.join(absent)} mangler — en versjon som er tatt vare på, endres aldri:"
        f" hent {'den' if one else 'dem'} tilbake fra git (git checkout -- {shown_as}/), eller, hvis denne"
        " mappen aldri ble publisert, slett den og kjør «aapenhet keep» på nytt",
    )


def _folder_name_problem(path: str, shown_as: str) -> Problem | None:
    parts = path.rstrip("/").split("/")
    if _YEAR.fullmatch(parts[0]) and (len(parts) == 1 or (_DATE.fullmatch(parts[1]) and _is_date(parts[1]))):
        return None
    return Problem(
        shown_as,
        1,
        1,
        "",
        "not a folder of an earlier statement — expected data/history/YYYY/ (the"
        " statement on year YYYY as published) or data/history/YYYY/YYYY-MM-DD/ (that statement as"
        " updated on that day)",
        "ikke en mappe med en tidligere redegjørelse — forventet data/history/ÅÅÅÅ/ (redegjørelsen"
        " for året ÅÅÅÅ slik den ble publisert) eller data/history/ÅÅÅÅ/ÅÅÅÅ-MM-DD/ (den samme"
        " redegjørelsen slik den ble oppdatert den dagen)",
    )


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def load_kept(folder: Path, shown_as: str) -> tuple[LoadedStatement, str | None]:
    """A kept version's statement, and its key in the cache of kept versions (kept_cache.py): read
    from there when it was read before with these very files, else read and stored. Raises
    ``DataProblems`` as ``load_statement`` does."""
    key = version_key(folder, shown_as)
    data = cached_data(key) if key is not None else None
    if data is not None:
        return LoadedStatement(data, LazySources(folder, shown_as)), key
    loaded = load_statement(folder, shown_as=shown_as)
    if key is not None:
        store_data(key, loaded.data)
    return loaded, key


def earlier_version(
    path: str, shown_as: str, loaded: LoadedStatement, *, key: str | None = None
) -> tuple[Version | None, list[Problem]]:
    """An earlier version's identity from its folder, checked against what its statement.yml says."""
    statement, source = loaded.data.statement, loaded.sources["statement"]
    parts = path.rstrip("/").split("/")
    problems = []
    end = statement.reporting_period.end
    if end is None or statement.reporting_period.start is None:
        problems.append(
            source.problem(
                ("reporting_period",),
                "empty — an earlier statement says which period it"
                f" covered: fill in start and end (its year is {parts[0]})",
                at_key=True,
                message_nb="tom — en tidligere redegjørelse sier hvilken periode den"
                f" gjaldt: fyll ut start og end (året er {parts[0]})",
            )
        )
    elif str(end.year) != parts[0]:
        problems.append(
            source.problem(
                ("reporting_period", "end"),
                f"the period ends in {end.year}, but the"
                f" folder is data/{HISTORY_FOLDER}/{parts[0]}/ — put the statement in"
                f" data/{HISTORY_FOLDER}/{end.year}/, or correct the period",
                message_nb=f"perioden slutter i {end.year}, men"
                f" mappen er data/{HISTORY_FOLDER}/{parts[0]}/ — legg redegjørelsen i"
                f" data/{HISTORY_FOLDER}/{end.year}/, eller rett perioden",
            )
        )
    if statement.published_on is None:
        problems.append(
            source.problem(
                ("published_on",),
                "empty — an earlier statement was published: fill in the date it was",
                at_key=True,
                message_nb="tom — en tidligere redegjørelse ble publisert: fyll ut datoen den ble det",
            )
        )
    elif statement.approved_on is None:
        problems.append(
            source.problem(
                ("approved_on",),
                f"published on {statement.published_on}, but no"
                " approval date — a statement is published only after the board approved"
                " it: fill in approved_on",
                at_key=True,
                message_nb=f"publisert {statement.published_on}, men uten"
                " godkjenningsdato — en redegjørelse publiseres først etter at styret har godkjent"
                " den: fyll ut approved_on",
            )
        )
    if problems:
        return None, problems
    # Both known from here: a version without them is refused above.
    assert end is not None and statement.published_on is not None
    published = statement.published_on
    if len(parts) == 1:
        later = [revision.date for revision in statement.revisions if revision.date > published]
        if later:
            # Kept after it was edited: what was first published is not what this folder holds.
            return None, [
                source.problem(
                    ("revisions",),
                    f"a revision dated {later[0]}, after the statement was"
                    f" published ({statement.published_on}) — data/{HISTORY_FOLDER}/{parts[0]}/"
                    " holds a statement as first published: put this version in"
                    f" data/{HISTORY_FOLDER}/{parts[0]}/{later[-1]}/, and the one first published"
                    " here (git has it)",
                    at_key=True,
                    message_nb=f"en revisjon datert {later[0]}, etter at redegjørelsen ble"
                    f" publisert ({statement.published_on}) — data/{HISTORY_FOLDER}/{parts[0]}/"
                    " har redegjørelsen slik den først ble publisert: legg denne versjonen i"
                    f" data/{HISTORY_FOLDER}/{parts[0]}/{later[-1]}/, og den som først ble publisert,"
                    " her (git har den)",
                )
            ]
        return Version(end.year, statement.published_on, path, shown_as, loaded, key=key), []
    updated = datetime.date.fromisoformat(parts[1])
    reason = next((revision.summary for revision in statement.revisions if revision.date == updated), None)
    if reason is None:
        dates = [revision.date for revision in statement.revisions]
        fix, fix_nb = (
            (
                f"rename the folder to the date of its revision, {max(dates)}",
                f"gi mappen datoen til revisjonen, {max(dates)}",
            )
            if dates
            else (
                "an update says what changed and why: its statement.yml lists a revision of that date",
                "en oppdatering sier hva som er endret og hvorfor: statement.yml har en revisjon med den datoen",
            )
        )
        return None, [
            source.problem(
                ("revisions",),
                f"no revision dated {updated}, the folder's date — {fix}",
                at_key=True,
                message_nb=f"ingen revisjon datert {updated}, mappens dato — {fix_nb}",
            )
        ]
    return Version(end.year, updated, path, shown_as, loaded, reason, key=key), []


def _current_version(current: LoadedStatement, earlier: list[Version]) -> Version:
    """The current statement as a version: an update of its year when history/ holds that year."""
    statement = current.data.statement
    end = statement.reporting_period.end
    year = end.year if end else None
    same_year = [version for version in earlier if version.year == year]
    if same_year and statement.revisions:
        newest = max(statement.revisions, key=lambda revision: revision.date)
        return Version(year, newest.date, "", "data", current, newest.summary)
    return Version(year, statement.published_on, "", "data", current)


def _fit_problems(versions: list[Version]) -> list[Problem]:
    """Versions fit together: one per date, one current, the current newest, ids keep their meaning."""
    problems = []
    *earlier, current = versions
    seen: dict[datetime.date, Version] = {}
    for version in earlier:
        if version.date is None:
            continue  # never: a kept version has its date
        if version.date in seen:
            problems.append(
                _problem(
                    version,
                    "published_on",
                    f"{version.date} is also the date of"
                    f" {seen[version.date].shown_as}/ — two versions of the statement cannot have"
                    " the same date; an update gets the day it was published",
                    f"{version.date} er også datoen til"
                    f" {seen[version.date].shown_as}/ — to versjoner av redegjørelsen kan ikke ha"
                    " samme dato; en oppdatering får dagen den ble publisert",
                )
            )
        seen.setdefault(version.date, version)
    year_folders = {version.year for version in earlier if not version.is_update}
    if current.year in year_folders and not current.is_update:
        problems.append(
            _problem(
                current,
                "reporting_period",
                f"data/ and data/{HISTORY_FOLDER}/{current.year}/ are"
                f" both the statement on {current.year} — two current statements: if data/ is an"
                " update of it, add a revisions: entry dated the day of the update; if it is"
                " next year's, change its reporting_period",
                f"data/ og data/{HISTORY_FOLDER}/{current.year}/ er"
                f" begge redegjørelsen for {current.year} — to gjeldende redegjørelser: hvis data/ er en"
                " oppdatering av den, legg til en revisions:-oppføring datert oppdateringsdagen; hvis den er"
                " for neste år, endre reporting_period",
            )
        )
    elif current.date is not None and earlier and current.date <= (earlier[-1].date or datetime.date.min):
        problems.append(
            _problem(
                current,
                "published_on" if not current.is_update else "revisions",
                f"{current.date} is not after {earlier[-1].shown_as}/ ({earlier[-1].date}) — the"
                " statement in data/ is the current one, the newest of all",
                f"{current.date} er ikke etter {earlier[-1].shown_as}/ ({earlier[-1].date}) —"
                " redegjørelsen i data/ er den gjeldende, den nyeste av alle",
            )
        )
    problems += _ids_that_change_meaning(versions)
    return problems


def _ids_that_change_meaning(versions: list[Version]) -> list[Problem]:
    """An id names one kind of thing (a supplier, a risk, an impact, a measure) in every version: the
    comparison between years matches things by id."""
    kinds: dict[str, tuple[str, Version]] = {}
    problems = []
    for version in versions:
        for kind, items, file in _identified(version):
            for index, item in enumerate(items):
                first = kinds.setdefault(item.id, (kind, version))
                if first[0] == kind:
                    continue
                if first[1] is version:
                    message = (
                        f"«{item.id}» is also a {first[0]}'s id in this statement — an id names one thing:"
                        " give this one its own id"
                    )
                    message_nb = (
                        f"«{item.id}» er også id-en til {_KINDS_NB[first[0]]} i denne redegjørelsen — en id"
                        " står for én ting: gi denne sin egen id"
                    )
                else:
                    message = (
                        f"«{item.id}» is a {first[0]} in {first[1].shown_as}/ but a {kind} here — an id keeps"
                        " its meaning from year to year (the comparison of the years matches by id): give"
                        " this one a new id"
                    )
                    message_nb = (
                        f"«{item.id}» er {_KINDS_NB[first[0]]} i {first[1].shown_as}/, men {_KINDS_NB[kind]}"
                        " her — en id beholder betydningen fra år til år (sammenligningen av årene går etter"
                        " id): gi denne en ny id"
                    )
                problems.append(
                    version.loaded.sources[file].problem(
                        (*_LIST_PATH[kind], index, "id"), message, message_nb=message_nb
                    )
                )
    return problems


# Each kind of thing with an id, in Norwegian.
_KINDS_NB = {"supplier": "en leverandør", "risk": "en risiko", "impact": "en konsekvens", "measure": "et tiltak"}

_LIST_PATH = {
    "supplier": ("suppliers",),
    "risk": ("risks",),
    "impact": ("actual_impacts", "impacts"),
    "measure": ("measures",),
}


def _identified(version: Version) -> list[tuple[str, list[Supplier | Risk | Impact | Measure], str]]:
    data = version.loaded.data
    impacts = data.due_diligence.actual_impacts.impacts if data.due_diligence.actual_impacts else []
    return [
        ("supplier", list(data.suppliers.suppliers), "suppliers"),
        ("risk", list(data.due_diligence.risks), "due_diligence"),
        ("impact", list(impacts), "due_diligence"),
        ("measure", list(data.due_diligence.measures), "due_diligence"),
    ]


def _problem(version: Version, field: str, message: str, message_nb: str) -> Problem:
    return version.loaded.sources["statement"].problem((field,), message, at_key=True, message_nb=message_nb)
