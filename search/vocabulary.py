"""The craft vocabulary in search/synonyms.txt, expanded at query time.

Expanding the buyer's words (rather than relying on a search engine's synonym filter) keeps
the behaviour the same on every backend and lets staff edit the file without a reindex.
"""

import re
from functools import cache
from pathlib import Path

from .arabic import arabic_fold, arabic_normalise

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")

# Words that narrow nothing on a marketplace where everything is handmade in Morocco.
STOPWORDS = {
    "a", "an", "and", "the", "for", "with", "of", "in", "de", "du", "des", "le", "la", "les", "et",
    "en", "un", "une", "moroccan", "morocco", "maroc", "marocain", "marocaine", "handmade", "artisan",
    # Arabic, folded as search/arabic.py folds what buyers type: in, from, on, with, Morocco,
    # Moroccan, handmade.
    *(arabic_fold(word) for word in ("في", "من", "على", "مع", "المغرب", "مغربي", "مغربية", "يدوي", "يدوية")),
}  # fmt: skip


def _fold_phrase(phrase: str) -> str:
    """A vocabulary entry or a buyer's words, lowercased, Arabic words normalised and stemmed."""
    return " ".join(arabic_fold(word) for word in phrase.lower().split())


@cache
def synonym_groups() -> tuple[frozenset[str], ...]:
    groups = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            groups.append(frozenset(_fold_phrase(word) for word in line.split(",") if word.strip()))
    return tuple(groups)


def query_terms(query: str) -> list[set[str]]:
    """The buyer's query as a list of terms, each with its synonyms: [{"rug", "tapis", ...}, ...].

    Multi-word vocabulary entries ("beni ourain", "mosaic tile") are kept together. Arabic words
    are normalised and stemmed first ("الزلّيج" -> "زليج"), as the vocabulary's are.
    """
    text = _fold_phrase(" ".join(re.findall(r"[\w'-]+", arabic_normalise(query).lower())))
    terms: list[set[str]] = []
    for group in synonym_groups():
        for phrase in sorted((w for w in group if " " in w), key=len, reverse=True):
            if re.search(rf"\b{re.escape(phrase)}\b", text):
                terms.append(set(group))
                text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    for word in text.split():
        if word in STOPWORDS or len(word) < 2:
            continue
        group = next((g for g in synonym_groups() if word in g), None) or _near_group(word)
        terms.append({word, *group} if group else {word})
    return terms


def _edits(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count as one edit), for short words."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


@cache
def _near_group(word: str) -> frozenset[str]:
    """The vocabulary group of a misspelt craft word ("slipers" -> slippers), or an empty set.

    One edit allowed from 5 letters, two from 8: the same tolerance on every search backend,
    and a craft word wins over a fuzzy match on some other product's description.
    """
    if len(word) < 5:
        return frozenset()
    allowed = 1 if len(word) < 8 else 2
    best, best_distance = frozenset(), allowed + 1
    for group in synonym_groups():
        for candidate in group:
            if " " in candidate or abs(len(candidate) - len(word)) > allowed:
                continue
            distance = _edits(word, candidate)
            if distance < best_distance:
                best, best_distance = group, distance
    return best
