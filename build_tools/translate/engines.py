"""The one wrapper through which every machine translation passes (Chinese -> English).

`translate_texts(sources, engine=..., settings=..., on_translated=...) -> list[SegmentFailure]`
drives deep-translator's own classes (google, mymemory, deepl, microsoft, libre) and adds what
they lack: batching up to the engine's length limit (`batching.py`), a timeout on every request,
retries with exponential backoff for HTTP 429, 5xx, timeouts and dropped connections, a cap on
concurrent requests, an overall deadline, and one-line failure messages naming the engine and
the segment. Each finished source is handed to `on_translated` at once, in the calling thread, so
the caller can save it before the next one arrives and an interrupted run resumes.

Only this module touches the network. Keys come only from environment variables
(`settings.ENGINE_KEY_VARIABLES`).
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from typing import Any

import requests
from deep_translator import (DeeplTranslator, GoogleTranslator, LibreTranslator, MicrosoftTranslator,
                             MyMemoryTranslator)
from deep_translator import deepl as deepl_module
from deep_translator import google as google_module
from deep_translator import libre as libre_module
from deep_translator import microsoft as microsoft_module
from deep_translator import mymemory as mymemory_module
from deep_translator.exceptions import TranslationNotFound
from tqdm import tqdm

from ..errors import EngineError
from ..settings import ENGINE_KEY_VARIABLES, TranslateSettings
from .batching import Unit, join_batch, join_pieces, pack_batches, split_reply, units_of

MACHINE_ENGINES = ("google", "mymemory", "deepl", "microsoft", "libre")
# deep-translator refuses texts of this many characters or more.
ENGINE_HARD_LIMITS = {"google": 5000, "mymemory": 500}
# LibreTranslator demands a key even for a self-hosted server that has none; such a server
# ignores the api_key field, so this placeholder is sent when LIBRE_API_KEY is unset.
LIBRE_PLACEHOLDER_KEY = "no-key-set"
PREVIEW_CHARS = 20


@dataclass(frozen=True)
class SegmentFailure:
    source: str  # the source text that could not be translated
    message: str  # one line naming the engine and the segment


# -- timeouts: deep-translator calls requests.get/post without one -------------------------------

class _RequestState(threading.local):
    """Per thread: the timeout to put on requests, and what the last request got back (deep-translator's
    exceptions drop the HTTP status, and Microsoft's class swallows connection errors)."""

    timeout: float | None = None
    status: int | None = None
    retry_after: float | None = None
    error: requests.RequestException | None = None


_STATE = _RequestState()


class _TimedRequests:
    """Stands in for the `requests` module inside deep-translator's engine modules. Outside
    `translate_texts` no timeout is set for the thread and requests pass through unchanged."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._request("get", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._request("post", url, **kwargs)

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        if _STATE.timeout is not None:
            kwargs.setdefault("timeout", _STATE.timeout)
        try:
            response = requests.request(method, url, **kwargs)
        except requests.RequestException as error:
            _STATE.error = error
            raise
        _STATE.status = response.status_code
        retry_after = response.headers.get("Retry-After", "")
        _STATE.retry_after = float(retry_after) if retry_after.isdigit() else None
        return response


def _install_timeouts() -> None:
    for module in (google_module, mymemory_module, deepl_module, microsoft_module, libre_module):
        if not isinstance(module.requests, _TimedRequests):
            module.requests = _TimedRequests()  # type: ignore[attr-defined]


# -- engines --------------------------------------------------------------------------------------

def _api_key(engine: str) -> str | None:
    variable = ENGINE_KEY_VARIABLES.get(engine)
    if variable is None:
        return None
    key = os.environ.get(variable, "").strip()
    if not key and engine != "libre":
        raise EngineError(f"engine {engine}: no API key; set the environment variable {variable}")
    return key or LIBRE_PLACEHOLDER_KEY


def _translator_factory(engine: str, base_url: str | None) -> tuple[Callable[[], Any], str | None]:
    """(a function making a fresh deep-translator instance, the API key), or EngineError when
    the engine cannot be used at all."""
    if engine not in MACHINE_ENGINES:
        raise EngineError(f"engine {engine!r}: not a machine translation engine "
                          f"(choose one of {', '.join(MACHINE_ENGINES)})")
    key = _api_key(engine)
    if engine == "libre" and not base_url:
        raise EngineError("engine libre: no server URL; pass --base-url or set translate.base_url in settings.yml")
    makers: dict[str, Callable[[], Any]] = {
        "google": lambda: GoogleTranslator(source="zh-CN", target="en"),
        "mymemory": lambda: MyMemoryTranslator(source="zh-CN", target="en-US"),
        # DeepL's free-tier keys end in ":fx" and must use the free API host.
        "deepl": lambda: DeeplTranslator(source="zh", target="en", api_key=key,
                                         use_free_api=str(key).endswith(":fx")),
        "microsoft": lambda: MicrosoftTranslator(source="zh-hans", target="en", api_key=key),
        "libre": lambda: LibreTranslator(source="zh", target="en", api_key=key,
                                         custom_url=(base_url or "").rstrip("/") + "/"),
    }
    return makers[engine], key


def _request_limit(engine: str, settings: TranslateSettings) -> int:
    limit = settings.max_request_chars[engine]
    hard_limit = ENGINE_HARD_LIMITS.get(engine)
    if hard_limit is not None and limit >= hard_limit:
        raise EngineError(f"translate.max_request_chars.{engine}: expected less than {hard_limit} "
                          f"(deep-translator refuses longer texts), got {limit}")
    return limit


# -- one request, with retries --------------------------------------------------------------------

@dataclass(frozen=True)
class _Problem:
    reason: str
    retryable: bool = False
    isolate: bool = True  # worth trying a batch's segments one by one: the problem may lie in one text
    retry_after: float | None = None


@dataclass
class _Job:
    engine: str
    make_translator: Callable[[], Any]
    settings: TranslateSettings
    deadline: float  # time.monotonic() value
    stop: threading.Event = field(default_factory=threading.Event)
    # Set once an engine's answer to a batch did not split back: it loses blank lines, so the
    # rest of the run sends one segment per request instead of paying for each batch twice.
    separator_lost: threading.Event = field(default_factory=threading.Event)
    per_thread: threading.local = field(default_factory=threading.local)

    def translator(self) -> Any:
        # deep-translator instances keep request parameters on self: one instance per thread.
        if getattr(self.per_thread, "translator", None) is None:
            self.per_thread.translator = self.make_translator()
        return self.per_thread.translator

    def remaining(self) -> float:
        return self.deadline - time.monotonic()


def _connection_problem(error: requests.RequestException, timeout: float) -> _Problem:
    # str(error) holds the URL, which may carry an API key (DeepL): only the cause is kept.
    if isinstance(error, requests.Timeout):
        return _Problem(f"no answer within {timeout:g} s", retryable=True, isolate=False)
    text = str(error)
    cause = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    if cause:
        reason = f"connection failed ({cause.group(1).strip()})"
    elif "RemoteDisconnected" in text or "Connection aborted" in text:
        reason = "connection closed without an answer"
    else:
        reason = f"connection failed ({type(error).__name__})"
    return _Problem(reason, retryable=True, isolate=False)


def _answer_problem(error: Exception) -> _Problem:
    """Whatever deep-translator raised after an answer arrived, in the user's terms."""
    status = _STATE.status
    if status == 429:
        return _Problem("HTTP 429 (too many requests)", retryable=True, isolate=False, retry_after=_STATE.retry_after)
    if status is not None and status >= 500:
        return _Problem(f"HTTP {status}", retryable=True)
    if status in (401, 403):
        return _Problem(f"HTTP {status} (the service refused the API key)", isolate=False)
    if status is not None and not 200 <= status < 300:
        return _Problem(f"HTTP {status}")
    if isinstance(error, TranslationNotFound):
        return _Problem("no translation found in the answer")
    if isinstance(error, requests.JSONDecodeError):
        return _Problem("the answer is not valid JSON")
    if isinstance(error, (KeyError, IndexError, TypeError, AttributeError)):
        return _Problem(f"the answer has an unexpected shape ({type(error).__name__}: {error})")
    return _Problem(" ".join(f"{type(error).__name__}: {error}".split()))


def _translate_once(text: str, job: _Job) -> str | _Problem:
    _STATE.timeout = job.settings.timeout_seconds
    _STATE.status = _STATE.retry_after = _STATE.error = None
    try:
        english = job.translator().translate(text)
    except requests.JSONDecodeError as error:
        return _answer_problem(error)
    except requests.RequestException as error:
        return _connection_problem(error, job.settings.timeout_seconds)
    except Exception as error:  # deep-translator's own exceptions, or a parse error on a bad answer
        if _STATE.error is not None:  # a connection error that deep-translator swallowed
            return _connection_problem(_STATE.error, job.settings.timeout_seconds)
        return _answer_problem(error)
    if not isinstance(english, str) or not english.strip():
        return _Problem("empty translation")
    return english.strip()


def _translate_with_retries(text: str, job: _Job) -> str | _Problem:
    retries, deadline = job.settings.retries, job.settings.deadline_seconds
    for attempt in range(retries + 1):
        if job.stop.is_set() or job.remaining() <= 0:
            return _Problem(f"not translated before the deadline ({deadline:g} s)")
        outcome = _translate_once(text, job)
        if isinstance(outcome, str) or not outcome.retryable:
            return outcome
        if attempt == retries:
            break
        delay = max(job.settings.backoff_seconds * 2 ** attempt, outcome.retry_after or 0)
        if delay >= job.remaining() or job.stop.wait(delay):
            return replace(outcome, reason=f"{outcome.reason} (gave up at the {deadline:g} s deadline)")
    suffix = f" after {retries} {'retry' if retries == 1 else 'retries'}" if retries else ""
    return replace(outcome, reason=outcome.reason + suffix)


def _translate_batch(batch: list[Unit], job: _Job) -> list[tuple[Unit, str | _Problem]]:
    """One request for the whole batch; if its answer cannot be split back, or the failure may
    lie in one of its texts, one request per segment (so one bad segment fails alone)."""
    if len(batch) > 1 and job.separator_lost.is_set():
        return [(unit, _translate_with_retries(unit.text, job)) for unit in batch]
    outcome = _translate_with_retries(join_batch(batch), job)
    if isinstance(outcome, str):
        parts = split_reply(outcome, len(batch))
        if parts is not None:
            return list(zip(batch, parts))
        job.separator_lost.set()
        outcome = _Problem("the answer did not split back into its segments")
    if len(batch) == 1 or not outcome.isolate:
        return [(unit, outcome) for unit in batch]
    return [(unit, _translate_with_retries(unit.text, job)) for unit in batch]


# -- the run --------------------------------------------------------------------------------------

def _failure_message(engine: str, source: str, reason: str) -> str:
    flat = " ".join(source.split())
    preview = flat if len(flat) <= PREVIEW_CHARS else flat[:PREVIEW_CHARS] + "…"
    return f"{engine}: segment '{preview}' ({len(source)} characters): {reason}"


class _Collector:
    """Gathers translated pieces; hands each source to on_translated once all its pieces are in,
    or records its failure at the first failed piece."""

    def __init__(self, sources: list[str], units: list[Unit], engine: str,
                 on_translated: Callable[[str, str], None], bar: tqdm) -> None:
        self.sources, self.engine, self.on_translated, self.bar = sources, engine, on_translated, bar
        self.piece_counts = [0] * len(sources)
        for unit in units:
            self.piece_counts[unit.source_index] += 1
        self.pieces: dict[int, dict[int, str]] = {index: {} for index in range(len(sources))}
        self.failures: dict[int, SegmentFailure] = {}
        self.finished: set[int] = set()

    def add(self, unit: Unit, outcome: str | _Problem) -> None:
        index = unit.source_index
        if index in self.finished:
            return
        source = self.sources[index]
        if isinstance(outcome, _Problem):
            self.failures[index] = SegmentFailure(source, _failure_message(self.engine, source, outcome.reason))
        else:
            self.pieces[index][unit.piece_index] = outcome
            if len(self.pieces[index]) < self.piece_counts[index]:
                return
            self.on_translated(source, join_pieces([self.pieces[index][i] for i in range(self.piece_counts[index])]))
        self.finished.add(index)
        self.bar.update(1)

    def fail_unfinished(self, reason: str) -> None:
        for index in range(len(self.sources)):
            if index not in self.finished:
                self.add(Unit(index, 0, ""), _Problem(reason))


def _run_batches(batches: list[list[Unit]], job: _Job, collector: _Collector) -> None:
    pool = ThreadPoolExecutor(max_workers=job.settings.concurrency, thread_name_prefix=f"translate-{job.engine}")
    try:
        pending: set[Future[list[tuple[Unit, str | _Problem]]]] = {
            pool.submit(_translate_batch, batch, job) for batch in batches}
        while pending and job.remaining() > 0:
            done, pending = wait(pending, timeout=job.remaining(), return_when=FIRST_COMPLETED)
            for future in done:
                for unit, outcome in future.result():
                    collector.add(unit, outcome)
    finally:
        # Requests still in flight end within one timeout; nobody waits for them.
        job.stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
    collector.fail_unfinished(f"not translated before the deadline ({job.settings.deadline_seconds:g} s)")


def translate_texts(
    sources: list[str], *, engine: str, settings: TranslateSettings, base_url: str | None = None,
    on_translated: Callable[[str, str], None], progress: bool = True,
) -> list[SegmentFailure]:
    """Translate zh -> en. Calls on_translated(source, english) in the calling thread as soon as each
    distinct source is done (a source listed twice is translated and reported once; a blank one is
    reported as "" without a request). Returns the failures in source order. Raises EngineError only
    when the engine is unusable: unknown engine, missing API key variable, libre without a server
    URL (`base_url`, else settings.base_url), a request limit the engine refuses."""
    make_translator, key = _translator_factory(engine, base_url or settings.base_url)
    limit = _request_limit(engine, settings)
    _install_timeouts()
    distinct = list(dict.fromkeys(sources))
    for blank in (source for source in distinct if not source.strip()):
        on_translated(blank, "")
    todo = [source for source in distinct if source.strip()]
    units = units_of(todo, limit)
    job = _Job(engine, make_translator, settings, deadline=time.monotonic() + settings.deadline_seconds)
    show = progress and sys.stderr.isatty()
    with tqdm(total=len(todo), unit="segment", desc=f"translate ({engine})", file=sys.stderr, disable=not show) as bar:
        collector = _Collector(todo, units, engine, on_translated, bar)
        _run_batches(pack_batches(units, limit), job, collector)
    return [_redacted(collector.failures[index], key) for index in sorted(collector.failures)]


def _redacted(failure: SegmentFailure, key: str | None) -> SegmentFailure:
    if key and key != LIBRE_PLACEHOLDER_KEY and key in failure.message:
        return replace(failure, message=failure.message.replace(key, "***"))
    return failure
