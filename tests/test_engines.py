"""The translation wrapper, driving deep-translator's real classes over HTTP against a local fake
service: batching, split-back, retries, timeouts, deadline, failure messages, API keys."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import pytest

from build_tools.errors import EngineError
from build_tools.settings import TranslateSettings
from build_tools.translate.batching import join_pieces, pack_batches, split_overlong, split_reply, units_of
from build_tools.translate.engines import SegmentFailure, translate_texts
from support.fake_translation_server import FakeTranslationServer, fake_english, point_deep_translator_here

FAST = TranslateSettings(timeout_seconds=2, retries=2, backoff_seconds=0.01, concurrency=2, deadline_seconds=30)
SMALL_REQUESTS = replace(FAST, max_request_chars={**FAST.max_request_chars, "libre": 200})
SENTENCE = "科技创新是发展新质生产力的核心要素，产业是发展的根基。"  # 27 characters


def article(characters: int) -> list[str]:
    """Paragraphs of 6 sentences (166 characters) each, numbered so every one differs."""
    paragraphs, index = [], 0
    while sum(map(len, paragraphs)) < characters:
        paragraphs.append(f"第{index}段：" + SENTENCE * 6)
        index += 1
    return paragraphs


def run(sources: list[str], server: FakeTranslationServer | None = None, *, engine: str = "libre",
        settings: TranslateSettings = FAST, base_url: str | None = None) -> tuple[dict[str, str], list[SegmentFailure]]:
    translated: dict[str, str] = {}
    failures = translate_texts(sources, engine=engine, settings=settings, progress=False,
                               base_url=base_url or (server.url if server else None),
                               on_translated=translated.__setitem__)
    return translated, failures


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


# -- batching (pure) ------------------------------------------------------------------------------

def test_overlong_text_is_cut_at_sentence_ends_and_nothing_is_lost():
    text = "一二三四。五六七！八九？十一；十二"
    assert split_overlong(text, 8) == ["一二三四。", "五六七！八九？", "十一；十二"]
    assert "".join(split_overlong(text, 8)) == text


def test_closing_quote_stays_with_its_sentence():
    assert split_overlong("他说：“好。”然后走了。", 8) == ["他说：“好。”", "然后走了。"]


def test_batches_stay_within_the_limit_and_keep_order():
    units = units_of(["甲" * 40, "乙" * 40, "丙" * 40, "丁" * 10], 100)
    batches = pack_batches(units, 100)
    assert [[unit.source_index for unit in batch] for batch in batches] == [[0, 1], [2, 3]]


def test_reply_with_a_different_number_of_paragraphs_does_not_split():
    assert split_reply("One.\n\nTwo.", 2) == ["One.", "Two."]
    assert split_reply("One. Two.", 2) is None
    assert join_pieces(["One. ", "Two."]) == "One. Two."


# -- batching over HTTP ---------------------------------------------------------------------------

def test_a_3000_character_article_goes_in_at_most_two_requests_and_splits_back_exactly():
    sources = article(3000)
    with FakeTranslationServer() as server:
        translated, failures = run(sources, server)
        assert failures == []
        assert len(server.requests) <= 2
    assert translated == {source: fake_english(source) for source in sources}


def test_google_batches_too_and_its_answers_split_back():
    sources = article(3000)
    with FakeTranslationServer() as server, point_deep_translator_here(server):
        translated, failures = run(sources, server, engine="google")
        assert failures == [] and [r.engine for r in server.requests] == ["google"]
    assert translated == {source: fake_english(source) for source in sources}


def test_overlong_paragraph_is_split_at_sentence_ends_and_reassembled():
    paragraph = SENTENCE * 20  # 540 characters: pieces of 7, 7 and 6 sentences under 200
    settings = SMALL_REQUESTS
    with FakeTranslationServer() as server:
        translated, failures = run([paragraph], server, settings=settings)
        sent = server.texts
    assert failures == []
    assert all(len(text) <= 200 and text.endswith("。") for text in sent)
    assert "".join(text.replace("\n\n", "") for text in sent) == paragraph
    assert translated == {paragraph: " ".join([fake_english(SENTENCE * 7)] * 2 + [fake_english(SENTENCE * 6)])}


def test_when_the_engine_merges_paragraphs_each_segment_is_sent_alone():
    sources = ["第一段。", "第二段。", "第三段。"]
    with FakeTranslationServer(translate=lambda text: fake_english(text).replace("\n\n", " ")) as server:
        translated, failures = run(sources, server)
        assert server.texts == ["第一段。\n\n第二段。\n\n第三段。", *sources]
    assert failures == [] and translated == {source: fake_english(source) for source in sources}


def test_after_one_merged_answer_the_rest_of_the_run_sends_segments_alone():
    sources = article(1000)  # 7 paragraphs of 166 characters: batches of 2, 2, 2 and 1 under a 400 limit
    settings = replace(FAST, concurrency=1, max_request_chars={**FAST.max_request_chars, "libre": 400})
    with FakeTranslationServer(translate=lambda text: fake_english(text).replace("\n\n", " ")) as server:
        translated, failures = run(sources, server, settings=settings)
        assert len(server.requests) == 1 + 7  # the first batch, then every segment alone
    assert failures == [] and translated == {source: fake_english(source) for source in sources}


def test_repeated_and_blank_sources_cost_no_extra_request():
    with FakeTranslationServer() as server:
        translated, failures = run(["你好。", "你好。", "  "], server)
        assert server.texts == ["你好。"]
    assert translated == {"你好。": "ni hao.", "  ": ""} and failures == []


def test_no_more_requests_in_flight_than_the_concurrency_setting():
    sources = article(3000)
    settings = SMALL_REQUESTS
    with FakeTranslationServer(latency_seconds=0.05) as server:
        translated, failures = run(sources, server, settings=settings)
        assert len(server.requests) == len(sources) and server.max_in_flight == 2
    assert failures == [] and len(translated) == len(sources)


@pytest.mark.parametrize("engine", ["libre", "google", "mymemory", "deepl"])
def test_each_engine_class_translates_over_http(engine, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "test-key:fx")
    with FakeTranslationServer() as server, point_deep_translator_here(server):
        translated, failures = run(["你好。", "再见。"], server, engine=engine)
        assert [request.engine for request in server.requests] == [engine]
    assert failures == [] and translated == {"你好。": "ni hao.", "再见。": "zai jian."}


# -- retries and failures -------------------------------------------------------------------------

def test_http_429_is_retried_then_succeeds():
    with FakeTranslationServer() as server:
        server.fail_next(429)
        translated, failures = run(["你好。"], server)
        assert [request.fault for request in server.requests] == [429, None]
    assert failures == [] and translated == {"你好。": "ni hao."}


def test_http_500_every_time_fails_the_segment_after_the_retries():
    source = "2023年底召开的中央经济工作会议将科技创新列为首要任务。"
    with FakeTranslationServer() as server:
        server.fail_next(500, times=10)
        translated, failures = run([source], server)
        assert len(server.requests) == 3  # 1 + settings.retries
    assert translated == {}
    assert failures == [SegmentFailure(
        source, "libre: segment '2023年底召开的中央经济工作会议将科技…' (29 characters): HTTP 500 after 2 retries")]


def test_a_hung_server_cannot_hang_the_run():
    settings = replace(FAST, timeout_seconds=0.5, retries=1)
    with FakeTranslationServer(hang_seconds=60) as server:
        server.fail_next("hang", times=2)
        started = time.monotonic()
        translated, failures = run(["你好。"], server, settings=settings)
        elapsed = time.monotonic() - started
    assert elapsed < 10  # generous: two 0.5 s timeouts, far from the 60 s hang
    assert failures == [
        SegmentFailure("你好。", "libre: segment '你好。' (3 characters): no answer within 0.5 s after 1 retry")]


def test_a_timeout_is_retried_then_succeeds():
    settings = replace(FAST, timeout_seconds=0.5)
    with FakeTranslationServer(hang_seconds=60) as server:
        server.fail_next("hang")
        translated, failures = run(["你好。"], server, settings=settings)
    assert failures == [] and translated == {"你好。": "ni hao."}


def test_the_deadline_ends_the_run_and_fails_what_is_left():
    settings = replace(FAST, timeout_seconds=20, deadline_seconds=1)
    with FakeTranslationServer(hang_seconds=60) as server:
        server.fail_next("hang")
        started = time.monotonic()
        translated, failures = run(["你好。"], server, settings=settings)
        elapsed = time.monotonic() - started
    assert elapsed < 5
    assert failures == [SegmentFailure("你好。", "libre: segment '你好。' (3 characters): "
                                                "not translated before the deadline (1 s)")]


@pytest.mark.parametrize("engine, fault, reason", [
    ("libre", "malformed", "the answer is not valid JSON"),
    ("libre", "empty", "empty translation"),
    ("libre", "drop", "connection closed without an answer after 2 retries"),
    ("google", "malformed", "no translation found in the answer"),
    ("google", "empty", "empty translation"),
    ("mymemory", "malformed", "the answer is not valid JSON"),
    ("deepl", "empty", "empty translation"),
])
def test_bad_answers_become_one_line_failures(engine, fault, reason, monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "test-key:fx")
    with FakeTranslationServer() as server, point_deep_translator_here(server):
        server.fail_on("坏", fault)
        translated, failures = run(["坏答案。"], server, engine=engine)
    assert translated == {}
    assert failures == [SegmentFailure("坏答案。", f"{engine}: segment '坏答案。' (4 characters): {reason}")]


def test_one_failing_segment_in_a_batch_fails_alone_and_the_others_are_delivered_first():
    sources = ["第一段。", "第二段。", "坏的第三段。", "第四段。"]
    delivered: list[str] = []
    settings = replace(FAST, concurrency=1)
    with FakeTranslationServer() as server:
        server.fail_on("坏", 500)
        failures = translate_texts(sources, engine="libre", settings=settings, base_url=server.url, progress=False,
                                   on_translated=lambda source, english: delivered.append(source))
    assert delivered == ["第一段。", "第二段。", "第四段。"]
    assert [failure.source for failure in failures] == ["坏的第三段。"]
    assert failures[0].message.endswith("HTTP 500 after 2 retries")


def test_a_failed_request_does_not_lose_the_batches_translated_before_it():
    sources = article(1000)  # 7 paragraphs, one request each with this limit
    settings = replace(SMALL_REQUESTS, concurrency=1, retries=0)
    with FakeTranslationServer() as server:
        server.fail_on("第3段", 429)
        translated, failures = run(sources, server, settings=settings)
    assert sorted(translated) == sorted(sources[:3] + sources[4:])  # none lost; order may vary
    assert [failure.message.split(": ", 2)[2] for failure in failures] == ["HTTP 429 (too many requests)"]


def test_no_server_listening_fails_each_segment_with_a_message_naming_engine_and_segment():
    source = "前瞻布局未来产业发展新质生产力。"
    translated, failures = run([source], base_url=closed_port_url())
    assert translated == {}
    assert failures == [SegmentFailure(source, f"libre: segment '{source}' (16 characters): "
                                               "connection failed (Connection refused) after 2 retries")]


def test_failure_messages_never_show_the_api_key(monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "very-secret-key:fx")
    with FakeTranslationServer() as server, point_deep_translator_here(server):
        server.fail_next("drop", times=10)
        translated, failures = run(["你好。"], server, engine="deepl")
        assert server.requests[0].api_key == "very-secret-key:fx"
    assert len(failures) == 1 and "secret" not in failures[0].message


# -- engines that cannot be used at all -----------------------------------------------------------

@pytest.mark.parametrize("engine, variable", [("deepl", "DEEPL_API_KEY"), ("microsoft", "MICROSOFT_TRANSLATOR_KEY")])
def test_missing_api_key_names_the_environment_variable(engine, variable, monkeypatch):
    monkeypatch.delenv(variable, raising=False)
    with pytest.raises(EngineError) as raised:
        run(["你好。"], engine=engine)
    assert str(raised.value) == f"engine {engine}: no API key; set the environment variable {variable}"


def test_libre_needs_a_server_url():
    with pytest.raises(EngineError) as raised:
        run(["你好。"], engine="libre")
    assert str(raised.value) == "engine libre: no server URL; pass --base-url or set translate.base_url in settings.yml"


def test_a_request_limit_google_would_refuse_is_an_engine_error():
    settings = TranslateSettings(max_request_chars={**FAST.max_request_chars, "google": 6000})
    with pytest.raises(EngineError) as raised:
        run(["你好。"], engine="google", settings=settings)
    assert str(raised.value) == ("translate.max_request_chars.google: expected less than 5000 "
                                 "(deep-translator refuses longer texts), got 6000")


def test_unknown_engine_is_refused():
    with pytest.raises(EngineError) as raised:
        run(["你好。"], engine="manual")
    assert str(raised.value) == ("engine 'manual': not a machine translation engine "
                                 "(choose one of google, mymemory, deepl, microsoft, libre)")


def test_libre_without_a_key_sends_a_placeholder_and_with_one_sends_it(monkeypatch):
    with FakeTranslationServer() as server:
        monkeypatch.delenv("LIBRE_API_KEY", raising=False)
        run(["你好。"], server)
        monkeypatch.setenv("LIBRE_API_KEY", "libre-key")
        run(["再见。"], server)
        assert [request.api_key for request in server.requests] == ["no-key-set", "libre-key"]
