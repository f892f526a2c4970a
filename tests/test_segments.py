"""Which old segment each new one corresponds to: one rule for translate, check, review and the site."""

from build_tools.segments import align, align_articles


def test_title_and_author_note_always_pair_with_themselves():
    # title, p1, p2, note -> title', p1, p2, note': the changed note must not take p2's place
    old = ["title", "p1", "p2", "note"]
    assert align_articles(old, ["title*", "p1", "p2", "note*"]) == [0, 1, 2, 3]


def test_body_blocks_are_aligned_by_hash_and_new_ones_have_no_partner():
    old = ["title", "p1", "p2", "note"]
    assert align_articles(old, ["title", "p0", "p1", "p2", "note"]) == [0, None, 1, 2, 3]
    assert align_articles(old, ["title", "p1", "note"]) == [0, 1, 3]


def test_a_paragraph_edited_in_place_keeps_its_partner():
    assert align(["a", "b", "c"], ["a", "B", "c"]) == [0, 1, 2]


def test_nothing_old_means_nothing_pairs():
    assert align_articles([], ["title", "p1", "note"]) == [None, None, None]
