"""The buyer's words are expanded with the craft vocabulary before searching."""

from search.vocabulary import query_terms


def test_a_french_word_brings_its_english_synonyms():
    assert {"rug", "carpet", "tapis"} <= query_terms("tapis")[0]


def test_misspellings_buyers_type_are_in_the_vocabulary():
    assert "zellige" in query_terms("zelij")[0]
    assert "tagine" in query_terms("tajine")[0]


def test_multi_word_styles_stay_one_term():
    terms = query_terms("Beni Ourain rug")

    assert len(terms) == 2
    assert any("beni ourain" in term for term in terms)


def test_words_that_narrow_nothing_are_dropped():
    assert query_terms("handmade moroccan") == []
    assert len(query_terms("moroccan rug")) == 1


def test_a_misspelt_craft_word_joins_its_group():
    assert {"slipper", "babouche", "slipers"} <= query_terms("slipers")[0]
    assert query_terms("indigo") == [{"indigo"}]
