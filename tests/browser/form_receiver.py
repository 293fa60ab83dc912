"""A local stand-in for the innsynskrav form service (Formspree, FormSubmit, …), for tests and previews.

It listens on 127.0.0.1 (port 0 in tests: a free port), records every request it gets (method, path,
headers, the urlencoded fields) and answers the way the configured *mode* says:

* a plain form post (its ``Accept`` does not ask for JSON) is redirected with ``303`` to the posted
  ``_next`` (or ``redirect``) address, as the services do, unless the mode is an error;
* a ``fetch`` asking for JSON gets the mode's answer: a success shape (``ok``, ``success-true``,
  ``success-string``, ``next``), a field error (``422``), ``400``, ``429`` or ``500``;
* ``redirect_always`` redirects every post with ``303`` to ``_next``, a fetch asking for JSON too,
  as FormSubmit's and Formspree's plain form addresses and many other services do;
* ``html_ok`` answers every post with ``200`` and an HTML page ("thank you"), as a generic service
  may: no JSON, no redirect;
* ``slow`` holds the answer until :meth:`FormReceiver.release` is called (or ``slow_seconds`` pass),
  so a test can look at the "sending" state or let the form's timeout run out.

Every answer carries ``Access-Control-Allow-Origin: *`` as the real services' do. An ``OPTIONS``
request (a CORS preflight) is recorded and refused: the form must never cause one.

Run it to preview the form locally (the shipped ``mkdocs.yml`` posts to http://127.0.0.1:8025/innsynskrav)::

    python tests/browser/form_receiver.py [--port 8025] [--mode ok]

It prints each request it receives.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# The JSON body of each answer a fetch can get, with its status.
JSON_ANSWERS: dict[str, tuple[int, dict]] = {
    "ok": (200, {"ok": True}),
    "success-true": (200, {"success": True}),
    "success-string": (200, {"success": "true", "message": "Form submitted"}),
    "next": (200, {"next": "https://example.invalid/thanks"}),
    "422": (422, {"errors": [{"field": "email", "message": "should be an email", "code": "TYPE_EMAIL"}]}),
    "400": (400, {"error": "Invalid form submission"}),
    "429": (429, {"error": "Too many submissions"}),
    "500": (500, {"error": "Internal error"}),
}
SUCCESS_MODES = ("ok", "success-true", "success-string", "next")
ERROR_MODES = ("422", "400", "429", "500")
# Answers that are not JSON whatever the request asks for: a redirect, or a page.
REDIRECT_ALWAYS = "redirect_always"
HTML_OK = "html_ok"
MODES = ("redirect", *SUCCESS_MODES, *ERROR_MODES, REDIRECT_ALWAYS, HTML_OK, "slow")
# Field names services read the thank-you address from (Formspree/FormSubmit, Web3Forms).
REDIRECT_FIELDS = ("_next", "redirect")


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    fields: dict[str, str] = field(default_factory=dict)  # the last value of each urlencoded field

    @property
    def wants_json(self) -> bool:
        return "application/json" in self.headers.get("accept", "")


class FormReceiver:
    """The stand-in service; ``mode`` may be changed between requests (see the module docstring)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        mode: str = "redirect",
        slow_seconds: float = 30.0,
        on_request: Callable[[ReceivedRequest], None] | None = None,
    ):
        self.mode = mode
        self.slow_seconds = slow_seconds
        self._on_request = on_request
        self._requests: list[ReceivedRequest] = []
        self._changed = threading.Condition()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # Life cycle

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FormReceiver:
        self._thread = threading.Thread(target=self._server.serve_forever, name="form-receiver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # Test controls

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
        self._mode = mode

    def reset(self, mode: str = "redirect") -> None:
        """Forget the requests, answer anything still held, and answer new requests per ``mode``."""
        self.release()
        with self._changed:
            self._requests.clear()
        self._release.clear()
        self.mode = mode

    def release(self) -> None:
        """Let every request held by the ``slow`` mode be answered (with ``{"ok": true}``)."""
        self._release.set()

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._changed:
            return list(self._requests)

    @property
    def posts(self) -> list[ReceivedRequest]:
        return [request for request in self.requests if request.method == "POST"]

    def wait_for_posts(self, count: int, timeout: float = 10.0) -> list[ReceivedRequest]:
        """The POSTs received, once there are at least ``count``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                posts = [request for request in self._requests if request.method == "POST"]
                remaining = deadline - time.monotonic()
                if len(posts) >= count or remaining <= 0:
                    break
                self._changed.wait(remaining)
        assert len(posts) >= count, f"the receiver got {len(posts)} POST(s) in {timeout} s, expected {count}"
        return posts

    # Used by the handler

    def _record(self, request: ReceivedRequest) -> None:
        with self._changed:
            self._requests.append(request)
            self._changed.notify_all()
        if self._on_request is not None:
            self._on_request(request)

    def _hold(self) -> None:
        self._release.wait(self.slow_seconds)


def _handler_for(receiver: FormReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(_ReceiverHandler):
        pass

    Handler.receiver = receiver
    return Handler


class _ReceiverHandler(BaseHTTPRequestHandler):
    receiver: FormReceiver
    protocol_version = "HTTP/1.1"
    server_version = "FormReceiver/1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_OPTIONS(self) -> None:
        self.receiver._record(self._request())
        # No Access-Control-Allow-Methods/-Headers: a preflight must fail, as a bug would in production.
        self._answer(405, b"", "text/plain")

    def do_GET(self) -> None:
        self.receiver._record(self._request())
        self._answer(
            200, b"<!doctype html><title>Form receiver</title><p>Post a form here.</p>", "text/html; charset=utf-8"
        )

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        fields = {name: values[-1] for name, values in parse_qs(body, keep_blank_values=True).items()}
        request = self._request(fields)
        self.receiver._record(request)
        mode = self.receiver.mode
        if mode == "slow":
            self.receiver._hold()
            mode = "ok"
        if mode == REDIRECT_ALWAYS:
            self._redirect(fields)
            return
        if mode == HTML_OK:
            self._received_page()
            return
        if not request.wants_json and mode not in ERROR_MODES:
            self._redirect(fields)
            return
        status, answer = JSON_ANSWERS[mode if mode in JSON_ANSWERS else "ok"]
        if request.wants_json:
            self._answer(status, json.dumps(answer).encode("utf-8"), "application/json")
        else:
            self._answer(
                status,
                f"<!doctype html><title>{status}</title><p>Error {status}</p>".encode(),
                "text/html; charset=utf-8",
            )

    def _request(self, fields: dict[str, str] | None = None) -> ReceivedRequest:
        headers = {name.lower(): value for name, value in self.headers.items()}
        return ReceivedRequest(self.command, self.path, headers, fields or {})

    def _redirect(self, fields: dict[str, str]) -> None:
        target = next((fields[name] for name in REDIRECT_FIELDS if fields.get(name)), None)
        if target is None:  # e.g. the generic preset: no thank-you address to send the browser to
            self._received_page()
            return
        try:
            self.send_response(303)
            self.send_header("Location", target)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", "0")
            self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _received_page(self) -> None:
        self._answer(
            200,
            b"<!doctype html><title>Received</title><p>Thank you, we received your form.</p>",
            "text/html; charset=utf-8",
        )

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser gave up (the form's timeout): nothing to answer


def _print_request(request: ReceivedRequest) -> None:
    print(f"{request.method} {request.path}  Accept: {request.headers.get('accept', '-')}", flush=True)
    for name, value in request.fields.items():
        print(f"    {name} = {value!r}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="A local stand-in for the innsynskrav form service.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025, help="default 8025, the shipped mkdocs.yml's endpoint")
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="ok",
        help="the answer to a fetch; plain form posts are redirected unless it is an error"
        " (redirect_always: every post is redirected; html_ok: every post gets a page)",
    )
    arguments = parser.parse_args()
    receiver = FormReceiver(
        arguments.host, arguments.port, mode=arguments.mode, slow_seconds=25, on_request=_print_request
    )
    receiver.start()
    print(f"Form receiver on {receiver.origin} (mode {receiver.mode}); Ctrl+C stops it.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        receiver.stop()


if __name__ == "__main__":
    main()
