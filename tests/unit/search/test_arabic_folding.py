"""Arabic words are folded in Python the way Elasticsearch's Arabic analysis does it, so the
words buyers type match on every server (osmem ignores the Arabic filters)."""

import pytest

from search.arabic import arabic_fold, arabic_index_text, arabic_normalise
from search.vocabulary import query_terms


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("زليج", "زليج"),
        ("الزليج", "زليج"),  # the article
        ("زلّيج", "زليج"),  # shadda
        ("الزلـيج", "زليج"),  # tatweel
        ("وَالزَّلِيج", "زليج"),  # harakat and "and the"
        ("أخضر", "اخضر"),  # alef with hamza
        ("إبريق", "ابريق"),
        ("آنية", "ان"),  # madda; ta marbuta folded, then the suffix
        ("مستشفى", "مستشف"),  # alef maqsura -> ya, then the suffix
    ],
)
def test_arabic_words_are_normalised_and_lightly_stemmed(typed, folded):
    assert arabic_fold(typed) == folded


def test_short_words_keep_their_letters():
    assert arabic_fold("ولد") == "ولد"  # "و" only comes off words of four letters or more
    assert arabic_fold("الم") == "الم"  # the article only comes off when two letters remain


def test_latin_text_is_left_alone():
    assert arabic_normalise("Zellige de Fès") == "Zellige de Fès"
    assert arabic_fold("tiles") == "tiles"


def test_the_indexed_arabic_text_keeps_only_folded_arabic_words():
    assert arabic_index_text("Fes zellige", "الزليج الفاسي الأخضر") == "زليج فاس اخضر"


@pytest.mark.parametrize("typed", ["زليج", "الزليج", "زلّيج", "الزلـيج"])
def test_every_spelling_of_zellige_reaches_the_craft_vocabulary(typed):
    (term,) = query_terms(typed)

    assert {"zellige", "zellij", "زليج"} <= term


def test_arabic_stop_words_narrow_nothing():
    assert len(query_terms("زربية مغربية")) == 1
