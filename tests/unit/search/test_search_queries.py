"""What a real Elasticsearch 8 receives, asserted as JSON where osmem accepts but does not apply it
(Arabic analysis) or where the behaviour lives in our query (synonyms, fuzziness, facet counts)."""

import json

from search.documents import index_body
from search.osmem import plain_content_type
from search.queries import Filters, search_body, text_query


def test_arabic_uses_a_custom_analyzer_real_elasticsearch_applies_and_osmem_accepts():
    body = index_body("products")
    analysis = body["settings"]["analysis"]

    assert analysis["analyzer"]["souk_arabic"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [
            "lowercase",
            "decimal_digit",
            "souk_arabic_stop",
            "arabic_normalization",
            "souk_arabic_stemmer",
        ],
    }
    assert analysis["filter"]["souk_arabic_stemmer"] == {"type": "stemmer", "language": "arabic"}
    assert body["mappings"]["properties"]["title_ar"]["analyzer"] == "souk_arabic"
    assert '"analyzer": "arabic"' not in json.dumps(body)  # the built-in one osmem refuses


def test_the_mapping_folds_accents_and_has_no_synonym_filter_to_keep_in_step():
    body = index_body("products")

    assert body["settings"]["analysis"]["analyzer"]["souk_folded"]["filter"] == ["lowercase", "asciifolding"]
    assert "synonym" not in json.dumps(body)
    assert body["mappings"]["properties"]["title_complete"]["type"] == "search_as_you_type"
    assert body["mappings"]["properties"]["suggest"]["type"] == "completion"


def test_the_craft_vocabulary_is_expanded_into_the_query():
    query = json.dumps(text_query("tapis"))

    for word in ("rug", "carpet", "tapis", "zarbiya"):
        assert f'"query": "{word}"' in query


def test_unknown_words_are_fuzzy_and_vocabulary_words_are_exact():
    fuzzy = text_query("indigo")["bool"]["must"][0]["bool"]["should"][0]["multi_match"]
    exact = text_query("rug")["bool"]["must"][0]["bool"]["should"]

    assert fuzzy["fuzziness"] == "AUTO"
    assert all("fuzziness" not in clause["multi_match"] for clause in exact)


def test_facet_choices_go_to_post_filter_and_each_facet_counts_without_its_own_choice():
    filters = Filters.from_dict({"style": ["Kilim"], "colour": ["Red"], "in_stock": True})
    body = search_body(query="rug", filters=filters, price_edges_mad=[500, 1000])

    assert {"terms": {"style": ["Kilim"]}} in body["post_filter"]["bool"]["filter"]
    assert {"terms": {"style": ["Kilim"]}} not in body["aggs"]["style"]["filter"]["bool"]["filter"]
    assert {"terms": {"colour": ["Red"]}} in body["aggs"]["style"]["filter"]["bool"]["filter"]
    assert {"term": {"in_stock": True}} in body["aggs"]["colour"]["filter"]["bool"]["filter"]
    assert [r.get("to") for r in body["aggs"]["price"]["aggs"]["values"]["range"]["ranges"]] == [
        500,
        1000,
        None,
    ]


def test_boosts_for_label_stock_and_popularity_tolerate_missing_values():
    functions = search_body(query="rug", filters=Filters())["query"]["function_score"]["functions"]

    assert {"filter": {"term": {"label": True}}, "weight": 1.3} in functions
    assert {"filter": {"term": {"in_stock": True}}, "weight": 1.5} in functions
    assert functions[2]["field_value_factor"]["missing"] == 0


def test_a_category_page_scopes_the_query_not_the_facets():
    body = search_body(query="", filters=Filters.from_dict({"category_id": 7}))

    assert body["query"]["function_score"]["query"]["bool"]["filter"] == [{"term": {"category_ids": 7}}]
    assert body["post_filter"] == {"bool": {"filter": []}}


def test_osmem_node_sends_plain_json_content_types():
    assert plain_content_type("application/vnd.elasticsearch+json; compatible-with=8") == "application/json"
    assert (
        plain_content_type("application/vnd.elasticsearch+x-ndjson; compatible-with=8")
        == "application/x-ndjson"
    )
    assert plain_content_type("text/plain") == "text/plain"
