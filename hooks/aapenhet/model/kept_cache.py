"""Kept versions are read once: what a kept version gives never changes, so it is kept on disk.

A version kept in ``data/history/`` is never edited (``keep`` writes it once; ``check`` and the gate
refuse one whose files are incomplete). Reading its YAML with every value's position and validating
it took as long as reading the current statement, on every build and every preview rebuild: the
fifth kept year made a build three times as slow. So the first build that reads a kept version
stores its validated data, its outline (loader.py: its statement.yml, company.yml and ids), what
changed since the version before, and each page and file made from it, under a key made of its
files' bytes and the tool's own code and templates: any change to either reads and renders it
again. A later build reads its outline, and its data only when something not in the cache needs it
(the newest kept version's, which the current statement is compared with; history.py). Where each value is
(for located messages) is read only when a message needs it.

The cache is the system's temporary folder (as Jinja's compiled templates are), in a folder of the
user's own that no one else may write to: its data is read back with ``pickle``. Set
``AAPENHET_CACHE=off`` to read everything every time, ``AAPENHET_CACHE_DIR`` to keep it elsewhere.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import pickle
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from aapenhet.model.models import DATA_FILES

PACKAGE = Path(__file__).resolve().parent.parent
# Entries not used for this long are removed when the cache is next written to.
_KEPT_DAYS = 30

Cached = TypeVar("Cached")


def cache_folder() -> Path | None:
    """The user's own cache folder, made if missing; None when caching is off or the folder is not
    safe (someone else owns it, or others may write to it)."""
    if os.environ.get("AAPENHET_CACHE", "").lower() in ("off", "0", "no"):
        return None
    uid = os.getuid() if hasattr(os, "getuid") else 0
    root = os.environ.get("AAPENHET_CACHE_DIR") or Path(tempfile.gettempdir()) / f"aapenhet-{uid}"
    folder = Path(root) / "kept"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for part in (folder.parent, folder):
            info = part.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o022:
                return None
    except OSError:
        return None
    return folder


_PUBLISHING_LIBRARIES = ("babel", "pydantic", "jinja2", "markdown", "mkdocs", "mkdocs-material")


def _version_of(library: str) -> str:
    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@functools.cache
def code_fingerprint() -> str:
    """The tool's own code and templates, and the libraries whose output it publishes (CLDR's country
    names and dates from babel, pydantic's JSON, Jinja's and MkDocs' rendering): a kept version's files
    are made again when any of them changes."""
    digest = hashlib.sha256()
    for library in _PUBLISHING_LIBRARIES:
        digest.update(f"{library} {_version_of(library)}\n".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".yml", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def version_key(folder: Path, shown_as: str) -> str | None:
    """The key of the kept version in ``folder``: its files' bytes, where it is shown, the tool's code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(shown_as.encode())
    try:
        for name in DATA_FILES:
            digest.update(name.encode())
            digest.update((folder / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def cached_object(key: str, name: str, kind: type[Cached]) -> Cached | None:
    """The ``kind`` stored under ``key`` as ``name`` (its validated data, its outline), or None."""
    entry = _entry(key, name)
    if entry is None:
        return None
    try:
        value = pickle.loads(entry.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return value if isinstance(value, kind) else None


def store_object(key: str, name: str, value: object) -> None:
    _store(key, name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    _forget_unused()


def object_made_once(key: str, name: str, kind: type[Cached], make: Callable[[], Cached]) -> Cached:
    """``make()``'s value for the kept version ``key``: made once, then read from the cache."""
    value = cached_object(key, name, kind)
    if value is None:
        value = make()
        store_object(key, name, value)
    return value


def cached_bytes(key: str, name: str) -> bytes | None:
    entry = _entry(key, name)
    try:
        return entry.read_bytes() if entry is not None else None
    except OSError:
        return None


# How much of a stored file is read at a time as it is written (cached_pieces).
READ_BYTES = 1 << 20


def cached_pieces(key: str, name: str, otherwise: Callable[[], bytes]) -> Callable[[], Iterator[bytes]] | None:
    """What reads the file stored under ``key`` as ``name`` a piece at a time, as it is written, never
    held whole (a kept version's statement.json at 2,000 suppliers is 4 MB); None when it is not
    stored. Gone by the time it is read (the cache emptied meanwhile): ``otherwise()`` makes it."""
    entry = _entry(key, name)
    if entry is None:
        return None

    def pieces() -> Iterator[bytes]:
        try:
            file = entry.open("rb")
        except OSError:
            yield otherwise()
            return
        with file:
            yield from iter(functools.partial(file.read, READ_BYTES), b"")

    return pieces


def store_bytes(key: str, name: str, content: bytes) -> None:
    _store(key, name, content)


def bytes_made_once(key: str, name: str, make: Callable[[], bytes]) -> bytes:
    """``make()``'s file for the kept version ``key``: made once, then read from the cache."""
    content = cached_bytes(key, name)
    if content is None:
        content = make()
        store_bytes(key, name, content)
    return content


def text_made_once(key: str, name: str, make: Callable[[], str]) -> str:
    """``make()``'s text (a page) for the kept version ``key``: made once, then read from the cache."""
    content = bytes_made_once(key, name, lambda: make().encode("utf-8"))
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:  # not what this tool wrote: made again
        text = make()
        store_bytes(key, name, text.encode("utf-8"))
        return text


def shown_name(*shown: object) -> str:
    """A short name for what a cached text shows besides its kept version (the site's address, its
    place among the versions, a record's bytes): another of them is another text."""
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:16]


def _entry(key: str, name: str) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    entry = folder / key / name
    if not entry.is_file():
        return None
    with contextlib.suppress(OSError):
        os.utime(folder / key)  # in use: kept (_forget_unused)
    return entry


def _forget_unused() -> None:
    """Entries no build has used for ``_KEPT_DAYS`` days go: the cache does not grow without end."""
    folder = cache_folder()
    if folder is None:
        return
    too_old = time.time() - _KEPT_DAYS * 86_400
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.is_dir() and entry.stat().st_mtime < too_old:
                shutil.rmtree(entry, ignore_errors=True)


def _store(key: str, name: str, content: bytes) -> None:
    """Written whole or not at all (a temporary file moved into place); a cache that cannot be
    written is no cache, never an error."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        (folder / key).mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder / key, prefix=".writing-")
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, folder / key / name)
    except OSError:
        return
