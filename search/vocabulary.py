"""The craft vocabulary in search/synonyms.txt, expanded at query time.

Expanding the buyer's words (rather than relying on a search engine's synonym filter) keeps
the behaviour the same on every backend and lets staff edit the file without a reindex.
"""

import re
from functools import cache
from pathlib import Path

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")

# Words that narrow nothing on a marketplace where everything is handmade in Morocco.
STOPWORDS = {
    "a", "an", "and", "the", "for", "with", "of", "in", "de", "du", "des", "le", "la", "les", "et",
    "en", "un", "une", "moroccan", "morocco", "maroc", "marocain", "marocaine", "handmade", "artisan",
}  # fmt: skip


@cache
def synonym_groups() -> tuple[frozenset[str], ...]:
    groups = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            groups.append(frozenset(word.strip().lower() for word in line.split(",") if word.strip()))
    return tuple(groups)


def query_terms(query: str) -> list[set[str]]:
    """The buyer's query as a list of terms, each with its synonyms: [{"rug", "tapis", ...}, ...].

    Multi-word vocabulary entries ("beni ourain", "mosaic tile") are kept together.
    """
    text = " ".join(re.findall(r"[\w'-]+", query.lower()))
    terms: list[set[str]] = []
    for group in synonym_groups():
        for phrase in sorted((w for w in group if " " in w), key=len, reverse=True):
            if re.search(rf"\b{re.escape(phrase)}\b", text):
                terms.append(set(group))
                text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    for word in text.split():
        if word in STOPWORDS or len(word) < 2:
            continue
        group = next((g for g in synonym_groups() if word in g), None)
        terms.append(set(group) if group else {word})
    return terms
