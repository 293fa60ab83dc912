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
import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from aapenhet.model.carried_over import carried_over
from aapenhet.model.check import Finding
from aapenhet.model.completeness import missing_for_publication
from aapenhet.model.kept_cache import cached_object, object_made_once, store_object, version_key
from aapenhet.model.loader import IDENTIFIED, LazySources, LoadedStatement, Outline, load_statement
from aapenhet.model.models import DATA_FILES, StatementData, Text
from aapenhet.source.problems import DataProblems, Problem
from aapenhet.words import Wording, wording

HISTORY_FOLDER = "history"
_YEAR = re.compile(r"\d{4}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
        raise DataProblems(problems, about=wording("about.history"))
    versions.sort(key=lambda version: version.date or datetime.date.min)  # a kept version always has its date
    now = _current_version(current, versions)
    problems += _fit_problems([*versions, now])
    if problems:
        raise DataProblems(problems, about=wording("about.history"))
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


PUBLISHED_STEM = "published"


def published_record_name(language: str) -> str:
    """The statement.json ``keep`` kept of a version in ``language``, as the site published it that day:
    ``published.nb.json``. The site publishes those bytes at the version's address from then on, and a
    build refuses a kept version whose data no longer gives what it recorded (publishing/published_record.py)."""
    return f"{PUBLISHED_STEM}.{language}.json"


def published_schema_name() -> str:
    """The statement.schema.json of the day a version was kept: what its statement.json was written to."""
    return f"{PUBLISHED_STEM}.schema.json"


def is_kept_file(name: str) -> bool:
    """A file ``keep`` writes in a version's folder and records in its ``SHA256SUMS``: the data files and
    a record of what was published, in any language (one no longer built included)."""
    stem, _, rest = name.partition(".")
    return name in DATA_FILES or (stem == PUBLISHED_STEM and rest.endswith(".json") and rest.count(".") == 1)


def sha256_lines(files: Mapping[str, bytes]) -> str:
    """Each file (name: bytes) with its SHA-256, by name, as ``sha256sum`` writes them: the record of a
    kept version's files."""
    return sha256sum_lines({name: hashlib.sha256(content).hexdigest() for name, content in files.items()})


def sha256sum_lines(sha256s: Mapping[str, str]) -> str:
    """Each name with its SHA-256 (hex), by name, as ``sha256sum`` writes them (also what each version
    published: publishing/checksums.py)."""
    return "".join(f"{sha256}  {name}\n" for name, sha256 in sorted(sha256s.items()))


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
        now = hashlib.sha256(path.read_bytes()).hexdigest() if is_kept_file(name) and path.is_file() else None
        if now != digest:
            problems.append(
                Problem(
                    f"{shown_as}/{name}",
                    1,
                    1,
                    "",
                    wording("history.changed_since_kept", folder=shown_as, record=KEPT_RECORD),
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
        wording(
            "history.incomplete_one" if one else "history.incomplete_many", absent=", ".join(absent), folder=shown_as
        ),
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
        wording("history.not_a_version_folder"),
    )


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class KeptStatement(LoadedStatement):
    """A kept version found in the cache of kept versions: its outline at once, the rest of its data
    (pydantic models, 22 MB at 2,000 suppliers) only when a check, a page or a file first needs it.
    Most builds need only the newest kept version's (and the year before's, when the current statement
    updates a year already kept): the others' pages and files come from the cache."""

    def __init__(self, key: str, outline: Outline, folder: Path, shown_as: str) -> None:
        # Not LoadedStatement's: the data is not read yet.
        self.sources = LazySources(folder, shown_as)
        self.outline = outline
        self._key, self._folder, self._shown_as = key, folder, shown_as

    @functools.cached_property
    def data(self) -> StatementData:
        # Stored with the outline; read again from its files if the cache lost it since (a system's
        # cleaner of its temporary folder), and stored again for the next build.
        return object_made_once(
            self._key,
            _DATA,
            StatementData,
            lambda: load_statement(self._folder, shown_as=self._shown_as, positions=False).data,
        )


_DATA, _OUTLINE = "data.pickle", "outline.pickle"


def load_kept(folder: Path, shown_as: str) -> tuple[LoadedStatement, str | None]:
    """A kept version's statement, and its key in the cache of kept versions (kept_cache.py): from
    there when it was read before with these very files, else read and stored. Raises
    ``DataProblems`` as ``load_statement`` does."""
    key = version_key(folder, shown_as)
    outline = cached_object(key, _OUTLINE, Outline) if key is not None else None
    if key is not None and outline is not None:
        return KeptStatement(key, outline, folder, shown_as), key
    # Where each value is is read again only if a message needs it, as for a build's current statement.
    loaded = load_statement(folder, shown_as=shown_as, positions=False)
    if key is not None:
        store_object(key, _DATA, loaded.data)
        store_object(key, _OUTLINE, loaded.outline)  # last: an outline found means its data was stored
    return loaded, key


def earlier_version(
    path: str, shown_as: str, loaded: LoadedStatement, *, key: str | None = None
) -> tuple[Version | None, list[Problem]]:
    """An earlier version's identity from its folder, checked against what its statement.yml says."""
    statement, source = loaded.outline.statement, loaded.sources["statement"]
    parts = path.rstrip("/").split("/")
    problems = []
    end = statement.reporting_period.end
    if end is None or statement.reporting_period.start is None:
        problems.append(
            source.problem(
                ("reporting_period",),
                wording("history.no_period", year=parts[0]),
                at_key=True,
            )
        )
    elif str(end.year) != parts[0]:
        problems.append(
            source.problem(
                ("reporting_period", "end"),
                wording(
                    "history.period_in_other_year", end_year=end.year, history=HISTORY_FOLDER, folder_year=parts[0]
                ),
            )
        )
    if statement.published_on is None:
        problems.append(
            source.problem(
                ("published_on",),
                wording("history.not_published"),
                at_key=True,
            )
        )
    elif statement.approved_on is None:
        problems.append(
            source.problem(
                ("approved_on",),
                wording("history.published_unapproved", published=statement.published_on),
                at_key=True,
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
                    wording(
                        "history.revised_after_publication",
                        first_revision=later[0],
                        published=statement.published_on,
                        history=HISTORY_FOLDER,
                        year=parts[0],
                        last_revision=later[-1],
                    ),
                    at_key=True,
                )
            ]
        return Version(end.year, statement.published_on, path, shown_as, loaded, key=key), []
    updated = datetime.date.fromisoformat(parts[1])
    reason = next((revision.summary for revision in statement.revisions if revision.date == updated), None)
    if reason is None:
        dates = [revision.date for revision in statement.revisions]
        fix = (
            wording("history.rename_to_revision", date=max(dates))
            if dates
            else wording("history.update_needs_revision")
        )
        return None, [
            source.problem(
                ("revisions",),
                wording("history.no_revision_dated", updated=updated, fix=fix),
                at_key=True,
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
                    wording("history.same_date", date=version.date, other=seen[version.date].shown_as),
                )
            )
        seen.setdefault(version.date, version)
    year_folders = {version.year for version in earlier if not version.is_update}
    if current.year in year_folders and not current.is_update:
        problems.append(
            _problem(
                current,
                "reporting_period",
                wording("history.two_current", history=HISTORY_FOLDER, year=current.year),
            )
        )
    elif current.date is not None and earlier and current.date <= (earlier[-1].date or datetime.date.min):
        problems.append(
            _problem(
                current,
                "published_on" if not current.is_update else "revisions",
                wording(
                    "history.current_not_newest",
                    date=current.date,
                    newest=earlier[-1].shown_as,
                    newest_date=earlier[-1].date,
                ),
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
        for kind, ids in version.loaded.outline.ids.items():
            file, list_path = IDENTIFIED[kind]
            for index, id in enumerate(ids):
                first = kinds.setdefault(id, (kind, version))
                if first[0] == kind:
                    continue
                if first[1] is version:
                    said = wording("history.id_twice", id=id, kind=wording(f"history.kind.{first[0]}"))
                else:
                    said = wording(
                        "history.id_changes_meaning",
                        id=id,
                        first_kind=wording(f"history.kind.{first[0]}"),
                        first_folder=first[1].shown_as,
                        kind=wording(f"history.kind.{kind}"),
                    )
                problems.append(version.loaded.sources[file].problem((*list_path, index, "id"), said))
    return problems


def _problem(version: Version, field: str, said: Wording) -> Problem:
    return version.loaded.sources["statement"].problem((field,), said, at_key=True)
