"""Arabic normalisation and light stemming, done in Python so every search server agrees.

Elasticsearch's `arabic_normalization` and `arabic` stemmer filters are in the mapping
(search/documents.py), but osmem ignores them and analyses Arabic with the standard analyzer.
So the words buyers type and the Arabic text of each document are also folded here, the way
Lucene's ArabicNormalizer and ArabicStemmer (Larkey's light stemmer) do it, and the folded
text is indexed in a plain field (`arabic`): "زليج", "الزليج", "زلّيج" and "الزلـيج" all
become "زليج" on any server.
"""

import re

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, and the tatweel (kashida).
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda above -> alef
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maqsura -> ya
        "\u0629": "\u0647",  # ta marbuta -> ha
    }
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")

# Lucene's ArabicStemmer: the prefixes and suffixes of Larkey's light10 stemmer.
_PREFIXES = (
    "\u0627\u0644",  # ال
    "\u0648\u0627\u0644",  # وال
    "\u0628\u0627\u0644",  # بال
    "\u0643\u0627\u0644",  # كال
    "\u0641\u0627\u0644",  # فال
    "\u0644\u0644",  # لل
    "\u0648",  # و
)
_SUFFIXES = (
    "\u0647\u0627",  # ها
    "\u0627\u0646",  # ان
    "\u0627\u062a",  # ات
    "\u0648\u0646",  # ون
    "\u064a\u0646",  # ين
    "\u064a\u0647",  # يه
    "\u064a\u0629",  # ية (after normalisation: يه)
    "\u0647",  # ه
    "\u0629",  # ة
    "\u064a",  # ي
)


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text or ""))


def arabic_normalise(text: str) -> str:
    """Diacritics and tatweel removed, alef forms unified, ta marbuta and alef maqsura folded.

    Text in other scripts is returned unchanged.
    """
    if not has_arabic(text):
        return text
    return _MARKS.sub("", text).translate(_LETTERS)


def arabic_stem(word: str) -> str:
    """One normalised word without its article, conjunction and common suffixes (light10)."""
    for prefix in _PREFIXES:
        # "و" only comes off a word of more than three letters; the others leave at least two.
        minimum = 4 if prefix == "\u0648" else len(prefix) + 2
        if len(word) >= minimum and word.startswith(prefix):
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def arabic_fold(word: str) -> str:
    """A word as it is matched: normalised and, when Arabic, stemmed."""
    word = arabic_normalise(word)
    return arabic_stem(word) if has_arabic(word) else word


def arabic_index_text(*texts: str) -> str:
    """The Arabic words of `texts`, each folded, for the `arabic` field of a document."""
    words = re.findall(r"\w+", arabic_normalise(" ".join(t for t in texts if t)))
    return " ".join(arabic_fold(word) for word in words if has_arabic(word))
