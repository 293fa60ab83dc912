"""Keeping a published version for good (``aapenhet keep``), and starting next year's statement
(``aapenhet new-year``).

Both refuse exactly what the publication gate refuses (``publishable.publication_verdict``): a
version that could not be published is never kept. Both change ``data/`` all at once or not at all:
a kept version is written into a hidden folder beside its place and moved there when complete, and
statement.yml is replaced by a finished copy, so an interrupted run (Ctrl-C, a full disk) leaves
``data/`` as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from aapenhet.languages import LOG_LANGUAGE
from aapenhet.model.history import HISTORY_FOLDER, KEPT_RECORD, earlier_version, history_folders, sha256_lines
from aapenhet.model.models import DATA_FILES, StatementData
from aapenhet.model.publishable import Verdict, publication_verdict
from aapenhet.source.problems import DataProblems
from aapenhet.source.yaml_source import parse_yaml
from aapenhet.words import Wording, wording

# What an editor fills in again for a new statement: the fields are emptied, their comments kept.
_RESET_FOR_NEXT_YEAR = {
    "reporting_period": "reporting_period:\n  start:\n  end:\n",
    "approved_on": "approved_on:\n",
    "published_on": "published_on:\n",
    "signatories": "signatories: []\n",
    "revisions": "revisions: []\n",
}
_STAGING_PREFIX = ".keep-"
_BOM = "\ufeff"


class HistoryError(Exception):
    """Why the current statement cannot be kept, or next year started (said to the editor as it is):
    worded in every language, ``str()`` in ``LOG_LANGUAGE``, as the command line prints it."""

    def __init__(self, said: Wording) -> None:
        super().__init__(said.in_language(LOG_LANGUAGE))
        self.wording = said


class NotPublishable(DataProblems):
    """The gate would refuse the statement: it is not kept."""


class Interrupted(HistoryError):
    """Ctrl-C after a version was kept, before statement.yml was emptied: said as it is."""


@dataclass(frozen=True)
class NextYear:
    kept: Path  # the folder the finished statement is kept in
    emptied: list[str]  # the fields of statement.yml that held a value and were emptied


# What the site publishes of a statement, by the name it is kept under (history.published_record_name):
# given by the caller, which can build the published document (the model does not know it).
PublishedFiles = Callable[[StatementData], Mapping[str, bytes]]


def keep_current(data_dir: Path, docs_dir: Path, *, published: PublishedFiles | None = None) -> Path:
    """Copy the current, published statement to its permanent folder: ``history/<year>/``, or, when
    that year is kept already (data/ is an update of it), ``history/<year>/<date of the update>/``,
    with ``published(data)``'s files beside it (what the site published of it, in each language).
    Returns the folder. ``docs_dir``: the pages, which the gate reads too."""
    kept = _kept_copy(data_dir)  # cheap, and the answer whatever the verdict
    if kept is not None:
        raise HistoryError(wording("keep.kept_already", folder=kept.relative_to(data_dir).as_posix()))
    verdict = publication_verdict(data_dir, docs_dir)
    folder = _folder_for(data_dir, verdict)
    _write_all_or_nothing(data_dir, folder, _published_files(verdict, published))
    return folder


def start_next_year(data_dir: Path, docs_dir: Path, *, published: PublishedFiles | None = None) -> NextYear:
    """Keep the current statement (``keep_current``; done already if a run was interrupted after it),
    then empty in data/statement.yml what a new statement must fill in again: its period, approval,
    publication, signatories and revisions."""
    path = data_dir / "statement.yml"
    text = path.read_bytes().decode("utf-8")  # line endings as they are (read_text would make CRLF LF)
    next_text, emptied = reset_fields(text)  # refused before anything is written
    kept = _kept_copy(data_dir)
    if kept is None:
        verdict = publication_verdict(data_dir, docs_dir)
        if _is_next_years_draft(verdict):
            raise HistoryError(wording("keep.new_year_run_already"))
        kept = _folder_for(data_dir, verdict)
        _write_all_or_nothing(data_dir, kept, _published_files(verdict, published))
    try:
        _replace_file(path, next_text)
    except KeyboardInterrupt:
        raise Interrupted(wording("new_year.interrupted", folder=kept.relative_to(data_dir).as_posix())) from None
    return NextYear(kept, emptied)


def _folder_for(data_dir: Path, verdict: Verdict) -> Path:
    """The folder the current statement is kept in, once the gate's rules pass it."""
    if not verdict.publishable or verdict.loaded is None:
        raise NotPublishable(
            verdict.problems + [finding.problem for finding in verdict.findings],
            about=wording("about.statement_to_keep"),
        )
    now = verdict.versions[-1]
    assert now.year is not None and now.date is not None  # a publishable statement has its period and date
    folder = data_dir / HISTORY_FOLDER / str(now.year)
    if now.is_update:
        folder = folder / now.date.isoformat()
    # What the build asks of a kept statement (approved, its period's year), asked before copying.
    _, problems = earlier_version(
        folder.relative_to(data_dir / HISTORY_FOLDER).as_posix() + "/", "data", verdict.loaded
    )
    if problems:
        raise NotPublishable(problems, about=wording("about.statement_to_keep"))
    if folder.exists():
        raise HistoryError(wording("keep.folder_taken", folder=folder.relative_to(data_dir).as_posix()))
    return folder


def _published_files(verdict: Verdict, published: PublishedFiles | None) -> Mapping[str, bytes]:
    if published is None or verdict.loaded is None:
        return {}
    return published(verdict.loaded.data)


def _write_all_or_nothing(data_dir: Path, folder: Path, recorded: Mapping[str, bytes]) -> None:
    """The five files copied into ``folder``, and ``recorded`` (what was published of them): written
    into a hidden folder beside it, moved into place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    for leftover in folder.parent.glob(_STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)  # a keep that was killed before it could clean up
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=folder.parent))
    try:
        staging.chmod(_mode(0o777))  # mkdtemp makes it private; a kept version is as readable as data/
        # Each file names its schema for the editor, relative to itself: from the copy, data/schemas/ is up.
        up = "../" * len(folder.relative_to(data_dir).parts)
        written = {}
        for name in DATA_FILES:
            content = (data_dir / name).read_bytes()  # bytes: line endings and encoding kept as they are
            content = content.replace(b"$schema=schemas/", f"$schema={up}schemas/".encode(), 1)
            _write_synced(staging / name, content)
            (staging / name).chmod((data_dir / name).stat().st_mode & 0o777)
            written[name] = content
        for name, content in recorded.items():
            _write_synced(staging / name, content)
            (staging / name).chmod(_mode(0o666))
            written[name] = content
        # What was kept, so that every later build can tell if it was edited (history.changed_since_kept).
        _write_synced(staging / KEPT_RECORD, sha256_lines(written).encode("utf-8"))
        (staging / KEPT_RECORD).chmod(_mode(0o666))
        staging.rename(folder)
        _sync_folder(folder.parent)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise HistoryError(
            wording("keep.not_written", folder=folder.relative_to(data_dir).as_posix(), reason=error.strerror or error)
        ) from error
    except BaseException:  # Ctrl-C: nothing half-written stays behind
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_synced(path: Path, content: bytes) -> None:
    with path.open("wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())


def _replace_file(path: Path, text: str) -> None:
    """``path`` holds ``text``, or, if writing fails, what it held before."""
    handle, temporary = tempfile.mkstemp(prefix=".statement-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode(wanted: int) -> int:
    """``wanted`` as the process's umask lets files be made."""
    umask = os.umask(0)
    os.umask(umask)
    return wanted & ~umask


def _sync_folder(folder: Path) -> None:
    """A rename is on disk once its folder is: after a power cut the kept version is there, or not."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _kept_copy(data_dir: Path) -> Path | None:
    """A folder in history/ whose files are the same as data/'s: the current statement kept already."""
    texts = {name: (data_dir / name).read_bytes() for name in DATA_FILES if (data_dir / name).is_file()}
    if len(texts) != len(DATA_FILES):
        return None
    for _, folder in history_folders(data_dir):
        if all(
            (folder / name).is_file()
            and _without_schema_line((folder / name).read_bytes()) == _without_schema_line(texts[name])
            for name in DATA_FILES
        ):
            return folder
    return None


def _without_schema_line(text: bytes) -> bytes:
    """A file's text without the comment naming its schema, which ``keep`` rewrites in its copy."""
    return b"\n".join(line for line in text.split(b"\n") if b"yaml-language-server: $schema=" not in line)


def _is_next_years_draft(verdict: Verdict) -> bool:
    """data/ holds what ``new-year`` leaves: no period and no approval, with versions kept before it."""
    if verdict.loaded is None:
        return False
    statement = verdict.loaded.data.statement
    return statement.reporting_period.end is None and statement.approved_on is None and len(verdict.versions) > 1


# --- emptying statement.yml ------------------------------------------------------------------------


def reset_fields(text: str) -> tuple[str, list[str]]:
    """statement.yml's text with the fields of ``_RESET_FOR_NEXT_YEAR`` emptied, every other line (the
    comments above each field among them) as it was; and the fields that held a value. Raises
    ``HistoryError`` when the file is not written one field per line, or the result would differ
    from the file anywhere but in those fields."""
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    before = parse_yaml(body, "statement.yml")
    if before.problems or not isinstance(before.data, dict):
        raise HistoryError(wording("new_year.unreadable"))
    top = {path[0]: position for path, position in before.source.keys.items() if len(path) == 1}
    lines_of = [line for line, _ in top.values()]
    if any(column != 1 for _, column in top.values()) or len(set(lines_of)) != len(lines_of):
        raise HistoryError(wording("new_year.not_one_field_per_line"))
    lines = body.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in body else "\n"
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    starts = sorted((line - 1, key) for key, (line, _) in top.items())
    out: list[str] = lines[: starts[0][0]] if starts else list(lines)
    for position, (start, key) in enumerate(starts):
        following = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        end = following
        while end - 1 > start and (lines[end - 1].lstrip().startswith("#") or not lines[end - 1].strip()):
            end -= 1  # the comment above the next field is the next field's
        block = lines[start:end]
        if key in _RESET_FOR_NEXT_YEAR:
            reset = _RESET_FOR_NEXT_YEAR[key].replace("\n", newline).splitlines(keepends=True)
            block = [reset[0], *(line for line in block[1:] if line.lstrip().startswith("#")), *reset[1:]]
        out += block + lines[end:following]
    result = "".join(out)
    after = parse_yaml(result, "statement.yml").data
    kept_as_it_was = {key: value for key, value in before.data.items() if key not in _RESET_FOR_NEXT_YEAR}
    if (
        not isinstance(after, dict)
        or any(not _is_empty(after.get(key)) for key in _RESET_FOR_NEXT_YEAR)
        or {key: value for key, value in after.items() if key not in _RESET_FOR_NEXT_YEAR} != kept_as_it_was
    ):
        raise HistoryError(wording("new_year.cannot_empty", fields=", ".join(_RESET_FOR_NEXT_YEAR)))
    emptied = [key for key in _RESET_FOR_NEXT_YEAR if not _is_empty(before.data.get(key))]
    return bom + result, emptied


def _is_empty(value: object) -> bool:
    if isinstance(value, dict):
        return all(_is_empty(item) for item in value.values())
    return value in (None, "", [])
