"""The translation memory file: one sorted JSON line per segment, saved as each translation arrives."""

from __future__ import annotations

import json

import pytest

from build_tools.errors import InputError
from build_tools.segments import text_hash
from build_tools.translate.memory import (
    MemoryFile, dump_memory, journal_path, load_memory, memory_path, parse_memory,
)


def test_dump_is_one_line_per_entry_sorted_by_hash_with_readable_chinese():
    entries = {"第二段。": "Second.", "第一段。": "First.", "标题": "Title"}
    text = dump_memory(entries)
    rows = [json.loads(line) for line in text.splitlines()]
    assert [row["zh"] for row in rows] == sorted(text_hash(source) for source in entries)
    assert rows == [{"zh": text_hash(row["source"]), "source": row["source"], "en": entries[row["source"]]}
                    for row in rows]
    assert [list(row) for row in rows] == [["zh", "source", "en"]] * 3
    assert "第一段。" in text  # not \u escapes: a diff shows the Chinese
    assert text.endswith("\n") and parse_memory(text, "m.jsonl") == entries


def test_adding_one_translation_changes_exactly_one_line():
    before = dump_memory({"第一段。": "First.", "第二段。": "Second."}).splitlines()
    after = dump_memory({"第一段。": "First.", "第二段。": "Second.", "第三段。": "Third."}).splitlines()
    assert [line for line in after if line not in before] == [
        '{"zh": "%s", "source": "第三段。", "en": "Third."}' % text_hash("第三段。")]


def test_hand_typed_lines_may_leave_out_the_hash():
    assert parse_memory('{"source": "标题", "en": "Title"}\n\n', "manual.jsonl") == {"标题": "Title"}


@pytest.mark.parametrize("line, message", [
    ('{"source": "标题"', "translation_memory/manual.jsonl:2: not valid JSON (Expecting ',' delimiter)"),
    ('{"source": "标题", "english": "Title"}',
     'translation_memory/manual.jsonl:2: expected {"zh": hash, "source": text, "en": text}, '
     'got {"source": "标题", "english": "Title"}'),
    ('{"zh": "0000000000", "source": "标题", "en": "Title"}',
     f"translation_memory/manual.jsonl:2: zh '0000000000' is not the hash of source "
     f"(expected '{text_hash('标题')}'; or leave zh out)"),
])
def test_a_broken_line_is_an_error_naming_file_and_line(line, message):
    text = '{"source": "正文", "en": "Body"}\n' + line + "\n"
    with pytest.raises(InputError) as error:
        parse_memory(text, "translation_memory/manual.jsonl")
    assert str(error.value) == message


def test_each_translation_is_on_disk_when_add_returns_and_save_sorts_it_in(tmp_path):
    path = memory_path(tmp_path / "translation_memory", "libre")
    memory = MemoryFile(path)
    assert memory.entries == {} and not path.exists()
    memory.add("第一段。", "First.")
    memory.add("第二段。", "Second.")
    # The run dies here: a new run still finds both (from the journal) ...
    assert MemoryFile(path).entries == {"第一段。": "First.", "第二段。": "Second."}
    memory.save()
    # ... and a finished run leaves only the sorted memory, no journal or temporary file.
    assert load_memory(path) == {"第一段。": "First.", "第二段。": "Second."}
    assert [p.name for p in path.parent.iterdir()] == ["libre.jsonl"]
    assert path.read_text(encoding="utf-8") == dump_memory({"第一段。": "First.", "第二段。": "Second."})


def test_a_journal_cut_off_mid_line_keeps_its_complete_lines(tmp_path):
    path = memory_path(tmp_path, "libre")
    journal_path(path).write_text(dump_memory({"第一段。": "First."}) + '{"zh": "12', encoding="utf-8")
    memory = MemoryFile(path)
    assert memory.entries == {"第一段。": "First."}
    memory.save()
    assert load_memory(path) == {"第一段。": "First."} and not journal_path(path).exists()


def test_saving_with_nothing_new_writes_nothing(tmp_path):
    path = memory_path(tmp_path, "libre")
    path.write_text('{"source": "标题", "en": "Title"}\n', encoding="utf-8")  # hand-typed, unsorted style
    MemoryFile(path).save()
    assert path.read_text(encoding="utf-8") == '{"source": "标题", "en": "Title"}\n'
