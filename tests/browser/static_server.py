"""A static HTTP server over a folder on 127.0.0.1 and a free port, as a web host serves site/
(``compressed``: text files gzipped for a client that accepts it, as static hosts do)."""

from __future__ import annotations

import contextlib
import gzip
from collections.abc import Iterator
from pathlib import Path

from aapenhet.website import local_server
from aapenhet.website.local_server import QuietHandler

_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _CompressingHandler(QuietHandler):
    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"  # (without the slash, the base class redirects to it)
        kind = self.guess_type(str(path))
        if (
            not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not kind.startswith(_COMPRESSED_TYPES)
        ):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_directory(directory: Path, *, compressed: bool = False) -> Iterator[str]:
    """A static HTTP server over ``directory`` on 127.0.0.1 and a free port; yields its base URL."""
    with local_server.serve_directory(directory, _CompressingHandler if compressed else QuietHandler) as url:
        yield url
