"""Match each body to its own title and byline: `match_headers(titles, bylines, bodies, notes)`.

The header block lists titles in another order than the bodies. Evidence, from the content only:
- words of a title recur in its body (character bigrams, weighted by how specific they are to
  one body, so 发展 or 产业 that every body uses count for little);
- the author note agrees with the byline: 作者分别系 (or 作者均系) means several authors,
  作者系 means one.
The best one-to-one assignment is chosen by total score (exhaustive for up to 8 articles a page).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import permutations

SEVERAL_AUTHORS = re.compile(r"作者(分别|均|都)系")
AUTHOR_COUNT_PENALTY = 1000.0
EXHAUSTIVE_LIMIT = 8


def _bigrams(text: str) -> list[str]:
    chars = re.sub(r"[^\w]", "", text)
    return [chars[i: i + 2] for i in range(len(chars) - 1)]


def title_scores(titles: list[str], bodies: list[str]) -> list[list[float]]:
    """scores[t][b]: how strongly title t's words recur in body b (per 1,000 characters)."""
    body_counts = [Counter(_bigrams(body)) for body in bodies]
    scores = []
    for title in titles:
        row = []
        grams = set(_bigrams(title))
        for counts, body in zip(body_counts, bodies):
            total = 0.0
            for gram in grams:
                spread = sum(1 for other in body_counts if other[gram])
                specificity = math.log((len(bodies) + 1) / (spread + 0.5)) if spread else 0.0
                total += counts[gram] * specificity
            row.append(1000 * total / max(len(body), 1))
        scores.append(row)
    return scores


def author_count_fits(author_count: int, note: str) -> bool:
    return (author_count > 1) == bool(SEVERAL_AUTHORS.search(note))


def match_headers(titles: list[str], author_counts: list[int], bodies: list[str], notes: list[str],
                  fixed: dict[int, int] | None = None) -> list[int]:
    """For each body, the index of its header entry. `fixed` (body -> entry) comes from an editor."""
    scores = title_scores(titles, bodies)
    fixed = fixed or {}

    def fit(entry: int, body: int) -> float:
        if body in fixed:
            return 0.0 if fixed[body] == entry else -AUTHOR_COUNT_PENALTY * 100
        penalty = 0.0 if author_count_fits(author_counts[entry], notes[body]) else AUTHOR_COUNT_PENALTY
        return scores[entry][body] - penalty

    count = len(bodies)
    if count <= EXHAUSTIVE_LIMIT:
        best = max(permutations(range(count)), key=lambda order: (sum(fit(e, b) for b, e in enumerate(order)),
                                                                  [-e for e in order]))
        return list(best)
    return _greedy(fit, count)


def _greedy(fit, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    pairs = sorted(((fit(e, b), -b, -e) for b in range(count) for e in range(count)), reverse=True)
    assigned: dict[int, int] = {}
    used: set[int] = set()
    for _, negative_body, negative_entry in pairs:
        body, entry = -negative_body, -negative_entry
        if body not in assigned and entry not in used:
            assigned[body] = entry
            used.add(entry)
    return [assigned[body] for body in range(count)]
