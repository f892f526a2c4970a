"""A local stand-in for machine translation services, for tests and benchmarks (127.0.0.1 only).

It speaks, over real HTTP, the endpoints deep-translator's classes call:
    POST /translate      LibreTranslate: q, source, target, format, api_key (query string, form or
                         JSON body) -> {"translatedText": ...}; point LibreTranslator's custom_url at `url`
    GET  /m              Google's mobile page: sl, tl, q -> HTML with <div class="result-container">
    GET  /get            MyMemory: q, langpair -> {"responseData": {"translatedText": ...}, "matches": []}
    GET|POST /v2/translate  DeepL: text, auth_key -> {"translations": [{"text": ...}]}
Google, MyMemory and DeepL URLs are fixed inside deep-translator; `point_deep_translator_here`
patches its BASE_URLS table so the real classes talk to this server.

Translation is deterministic and contains no Chinese: each line becomes pinyin (`fake_english`).
Every request is recorded (`server.requests`, `server.texts`). Faults can be injected for the next
requests (`fail_next(500, times=3)`) or for requests whose text contains a fragment
(`fail_on("产业", "hang")`): an HTTP status code (429, 500, 503...), "hang" (no answer until
`hang_seconds` pass or the server stops), "malformed" (200 with a body that is not the expected
format), "empty" (a well-formed answer with an empty translation), "drop" (connection closed
without an answer).

    with FakeTranslationServer() as server:
        LibreTranslator(source="zh", target="en", api_key="x", custom_url=server.url).translate("你好")
        assert server.texts == ["你好"]
"""

from __future__ import annotations

import html
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from pypinyin import lazy_pinyin

Fault = int | str  # an HTTP status code, or "hang", "malformed", "empty", "drop"
FAULTS = ("hang", "malformed", "empty", "drop")

_PUNCTUATION = {"，": ",", "。": ".", "；": ";", "：": ":", "？": "?", "！": "!", "、": ",", "“": '"',
                "”": '"', "‘": "'", "’": "'", "（": "(", "）": ")", "《": '"', "》": '"', "—": "-"}
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +(?=[,.;:?!)])")
# Fields that carry the text to translate, per endpoint.
_TEXT_FIELD = {"/translate": "q", "/m": "q", "/get": "q", "/v2/translate": "text"}
_ENGINE_OF_PATH = {"/translate": "libre", "/m": "google", "/get": "mymemory", "/v2/translate": "deepl"}


def _latin(chunk: str) -> str:
    return "".join(_PUNCTUATION.get(char, char if char < "\u2e80" else "?") for char in chunk)


def fake_english(text: str) -> str:
    """The fake engine's deterministic 'translation': every line in pinyin, line breaks kept."""
    lines = (" ".join(word.strip() for word in lazy_pinyin(line, errors=_latin) if word.strip())
             for line in text.split("\n"))
    return "\n".join(_SPACE_BEFORE_PUNCTUATION.sub("", line) for line in lines)


@dataclass(frozen=True)
class RecordedRequest:
    number: int  # 1-based, in arrival order
    engine: str  # libre, google, mymemory or deepl (by endpoint)
    text: str
    api_key: str | None  # the key field as sent (auth_key for DeepL)
    fault: Fault | None  # the fault injected into this request, if any


@dataclass
class _FaultRule:
    fault: Fault
    remaining: int | None  # None: every matching request
    fragment: str | None = None  # None: the next requests, whatever their text


class FakeTranslationServer:
    def __init__(self, translate: Callable[[str], str] = fake_english, hang_seconds: float = 30.0,
                 latency_seconds: float = 0.0) -> None:
        self.translate = translate
        self.hang_seconds = hang_seconds
        self.latency_seconds = latency_seconds  # added to every answer, like a real service's
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._in_flight = 0
        self.max_in_flight = 0  # most requests being answered at the same time
        self._rules: list[_FaultRule] = []
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> FakeTranslationServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.block_on_close = False  # a hanging handler must not hold up stop()
        # A short poll interval keeps stop() quick (shutdown waits for the next poll).
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="fake-translation-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()  # releases hanging handlers at once
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        """Base URL with a trailing slash (what LibreTranslator's custom_url expects)."""
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    # -- what happened ---------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def texts(self) -> list[str]:
        return [request.text for request in self.requests]

    # -- fault injection -------------------------------------------------------------------------
    def fail_next(self, fault: Fault, times: int = 1) -> None:
        """The next `times` requests (after any already queued) get `fault`."""
        self._add_rule(_FaultRule(fault, times))

    def fail_on(self, fragment: str, fault: Fault, times: int | None = None) -> None:
        """Requests whose text contains `fragment` get `fault` (`times` of them, or all)."""
        self._add_rule(_FaultRule(fault, times, fragment))

    def _add_rule(self, rule: _FaultRule) -> None:
        if not (isinstance(rule.fault, int) or rule.fault in FAULTS):
            raise ValueError(f"unknown fault {rule.fault!r}: use an HTTP status code or one of {FAULTS}")
        with self._lock:
            self._rules.append(rule)

    def _enter(self) -> None:
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _record(self, engine: str, text: str, api_key: str | None) -> Fault | None:
        """Record a request and pick its fault: text rules first, then the queue of fail_next."""
        with self._lock:
            rules = [r for r in self._rules if r.fragment is not None and r.fragment in text]
            rules += [r for r in self._rules if r.fragment is None][:1]
            rule = rules[0] if rules else None
            if rule is not None and rule.remaining is not None:
                rule.remaining -= 1
                if rule.remaining == 0:
                    self._rules.remove(rule)
            fault = rule.fault if rule else None
            self._requests.append(RecordedRequest(len(self._requests) + 1, engine, text, api_key, fault))
            return fault


def _handler_for(server: FakeTranslationServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        fake = server
    return Handler


class _Handler(BaseHTTPRequestHandler):
    fake: FakeTranslationServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self._answer(self._fields({}))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        if self.headers.get("Content-Type", "").startswith("application/json"):
            extra = {key: str(value) for key, value in json.loads(body or "{}").items()}
        else:
            extra = {key: values[0] for key, values in parse_qs(body).items()}
        self._answer(self._fields(extra))

    def _fields(self, extra: dict[str, str]) -> dict[str, str]:
        query = {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}
        return {**query, **extra}

    def _answer(self, fields: dict[str, str]) -> None:
        path = urlsplit(self.path).path
        if path not in _TEXT_FIELD:
            return self._send(404, "application/json", '{"error": "no such endpoint"}')
        self.fake._enter()
        try:
            self._answer_text(path, fields)
        finally:
            self.fake._leave()

    def _answer_text(self, path: str, fields: dict[str, str]) -> None:
        text = fields.get(_TEXT_FIELD[path], "")
        fault = self.fake._record(_ENGINE_OF_PATH[path], text, fields.get("api_key", fields.get("auth_key")))
        if self.fake.latency_seconds:
            self.fake._stopping.wait(self.fake.latency_seconds)
        if fault == "hang":
            self.fake._stopping.wait(self.fake.hang_seconds)
            self.close_connection = True
            return None
        if fault == "drop":
            self.close_connection = True
            return None
        if isinstance(fault, int):
            return self._send(fault, "application/json", json.dumps({"error": f"injected HTTP {fault}"}))
        english = "" if fault == "empty" else self.fake.translate(text)
        self._send(200, *_render(path, english, malformed=fault == "malformed"))

    def _send(self, status: int, content_type: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _render(path: str, english: str, malformed: bool) -> tuple[str, str]:
    """(content type, body) of a successful answer in the endpoint's format."""
    if path == "/m":
        if malformed:
            return "text/html", "<html><body><p>Our systems have detected unusual traffic</p></body></html>"
        return "text/html", f'<html><body><div class="result-container">{html.escape(english)}</div></body></html>'
    if malformed:
        return "text/html", "<html><body>502 Bad Gateway</body></html>"
    if path == "/get":
        return "application/json", json.dumps({"responseData": {"translatedText": english}, "matches": []})
    if path == "/v2/translate":
        return "application/json", json.dumps({"translations": [{"text": english}]})
    return "application/json", json.dumps({"translatedText": english})


@contextmanager
def point_deep_translator_here(server: FakeTranslationServer) -> Iterator[None]:
    """Make deep-translator's Google, MyMemory and DeepL classes created inside the block talk to
    `server` (their URLs are fixed in its BASE_URLS table; Libre takes custom_url instead)."""
    from deep_translator.constants import BASE_URLS

    overrides = {"GOOGLE_TRANSLATE": server.url + "m", "MYMEMORY": server.url + "get",
                 "DEEPL_FREE": server.url + "{version}/", "DEEPL": server.url + "{version}/"}
    saved = {key: BASE_URLS[key] for key in overrides}
    BASE_URLS.update(overrides)
    try:
        yield
    finally:
        BASE_URLS.update(saved)
