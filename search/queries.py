"""The engine's request bodies, built as plain dicts (pure functions, no I/O).

Kept apart from the selectors so tests can assert on exactly what a real Elasticsearch 8
receives, including what osmem accepts but does not apply.
"""

from dataclasses import dataclass, field

from .vocabulary import query_terms

# Fields a buyer's words are matched against, with their weights. Arabic is matched through
# `arabic`, the Arabic words of each document normalised and stemmed in Python
# (search/arabic.py), never through the fields analysed by the mapping's Arabic analyzer:
# osmem turns every Arabic word into an empty term there, so any Arabic query would match every
# piece with an Arabic title. The same fields on every server keep results the same.
TEXT_FIELDS = {
    "en": [
        "title_en^4",
        "title_en.folded^3",
        "title_fr.folded^2",
        "arabic^2",
        "keywords^2",
        "description_en",
    ],
    "fr": [
        "title_fr^4",
        "title_fr.folded^3",
        "title_en.folded^2",
        "arabic^2",
        "keywords^2",
        "description_fr",
    ],
    "ar": ["arabic^4", "title_en.folded^2", "title_fr.folded^2", "keywords^2", "description_en"],
}
# Stories and guides: one document per translation; English and French sub-fields stem those
# languages, Arabic goes through `arabic` as above.
STORY_FIELDS = {
    language: [
        *([f"title.{language}^4"] if language != "ar" else []),
        "title^3",
        *([f"intro.{language}^2"] if language != "ar" else []),
        "intro^1.5",
        *([f"body.{language}"] if language != "ar" else []),
        "body",
        "keywords^2",
        "arabic^4" if language == "ar" else "arabic^2",
    ]
    for language in ("en", "fr", "ar")
}
HIGHLIGHT_FIELDS = {
    "en": ("title_en", "description_en"),
    "fr": ("title_fr", "description_fr"),
    "ar": ("title_ar", "description_ar"),
}
# Facet name -> indexed keyword field. Boolean facets are single checkboxes.
TERM_FACETS = {
    "category": "category_ids",
    "style": "style",
    "region": "region",
    "cooperative": "cooperative",
    "colour": "colour",
    "material": "material",
    "size": "size_band",
}
BOOLEAN_FACETS = {"women_led": "women_led", "label": "label", "in_stock": "in_stock"}
FACET_SIZE = 30
SORTS = {
    "relevance": ["_score", {"popularity": {"order": "desc"}}, {"created": {"order": "desc"}}],
    "price-asc": [{"price": {"order": "asc", "missing": "_last"}}, "_score"],
    "price-desc": [{"price": {"order": "desc", "missing": "_last"}}, "_score"],
    "newest": [{"created": {"order": "desc"}}, "_score"],
}
# Sentinels around highlighted words; the selector escapes the text, then turns them into <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass
class Filters:
    """What the buyer narrowed the results to. Values are indexed keyword values."""

    terms: dict[str, list[str]] = field(default_factory=dict)  # facet name -> values (OR within a facet)
    flags: set[str] = field(default_factory=set)  # boolean facets that must be true
    price_min: float | None = None  # MAD
    price_max: float | None = None  # MAD
    category_id: int | None = None  # the category page the search runs in (not a facet choice)

    @classmethod
    def from_dict(cls, filters: dict | None) -> "Filters":
        """Accepts {"style": ["Kilim"], "in_stock": True, "price_min": 100, "category_id": 3, ...}."""
        filters = dict(filters or {})
        result = cls()
        for name in TERM_FACETS:
            values = filters.get(name)
            if values in (None, "", []):
                continue
            values = [values] if isinstance(values, str | int) else list(values)
            result.terms[name] = [str(v) for v in values if str(v).strip()][:20]
        result.flags = {name for name in BOOLEAN_FACETS if filters.get(name) in (True, "1", "true", "on")}
        for bound in ("price_min", "price_max"):
            value = filters.get(bound)
            if value not in (None, ""):
                setattr(result, bound, float(value))
        if filters.get("category_id") not in (None, ""):
            result.category_id = int(filters["category_id"])
        return result

    def clauses(self, *, without: str = "") -> list[dict]:
        """Filter clauses for every choice except the facet `without` (its own counts ignore it)."""
        clauses = []
        for name, values in self.terms.items():
            if name != without and values:
                clauses.append({"terms": {TERM_FACETS[name]: values}})
        for name in sorted(self.flags):
            if name != without:
                clauses.append({"term": {BOOLEAN_FACETS[name]: True}})
        if without != "price" and (self.price_min is not None or self.price_max is not None):
            price = {}
            if self.price_min is not None:
                price["gte"] = self.price_min
            if self.price_max is not None:
                price["lt"] = self.price_max
            clauses.append({"range": {"price": price}})
        return clauses


def text_query(query: str, *, language: str = "en", fields: list[str] | None = None) -> dict | None:
    """The buyer's words, each expanded with its craft synonyms, every word required.

    "tapis zelij" -> must(any of rug/rugs/tapis/..., any of zellige/zellij/zelij/...), each
    variant fuzzy (typos) over the title, keyword and description fields (or `fields`).
    """
    terms = query_terms(query)
    if not terms:
        return None
    fields = fields or TEXT_FIELDS.get(language, TEXT_FIELDS["en"])
    typed = {w.lower() for w in query.split()}
    must = []
    for variants in terms:
        should = []
        for word in sorted(variants):
            boost = 1.0 if word in typed or len(variants) == 1 else 0.8
            if " " in word:
                should.append(
                    {"multi_match": {"query": word, "fields": fields, "type": "phrase", "boost": boost}}
                )
            else:
                clause = {"query": word, "fields": fields, "boost": boost}
                if len(variants) == 1 and len(word) >= 4:
                    # A word outside the craft vocabulary: tolerate typos. Vocabulary words
                    # (and misspellings of them, see vocabulary._near_group) match exactly.
                    clause |= {"fuzziness": "AUTO", "prefix_length": 1}
                should.append({"multi_match": clause})
        must.append({"bool": {"should": should, "minimum_should_match": 1}})
    return {"bool": {"must": must}}


def ranked(query: dict) -> dict:
    """Boosts that apply whatever the words: the label, stock, and popularity (absent = 0)."""
    return {
        "function_score": {
            "query": query,
            "functions": [
                {"filter": {"term": {"label": True}}, "weight": 1.3},
                {"filter": {"term": {"in_stock": True}}, "weight": 1.5},
                {
                    "field_value_factor": {
                        "field": "popularity",
                        "modifier": "log2p",
                        "factor": 0.1,
                        "missing": 0,
                    }
                },
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def price_ranges(edges_mad: list[float]) -> list[dict]:
    ranges, previous = [], None
    for edge in edges_mad:
        ranges.append(
            {"key": f"{previous or ''}-{edge}", **({"from": previous} if previous else {}), "to": edge}
        )
        previous = edge
    if previous is not None:
        ranges.append({"key": f"{previous}-", "from": previous})
    return ranges


def aggregations(filters: Filters, *, price_edges_mad: list[float]) -> dict:
    """One filtered aggregation per facet: each counts with every other choice applied."""
    aggs = {}
    for name, field_name in TERM_FACETS.items():
        aggs[name] = {
            "filter": {"bool": {"filter": filters.clauses(without=name)}},
            "aggs": {
                "values": {"terms": {"field": field_name, "size": FACET_SIZE if name != "category" else 200}}
            },
        }
    for name, field_name in BOOLEAN_FACETS.items():
        aggs[name] = {
            "filter": {"bool": {"filter": [*filters.clauses(without=name), {"term": {field_name: True}}]}},
        }
    aggs["price"] = {
        "filter": {"bool": {"filter": filters.clauses(without="price")}},
        "aggs": {
            "values": {"range": {"field": "price", "ranges": price_ranges(price_edges_mad), "keyed": False}},
            "stats": {"stats": {"field": "price"}},
        },
    }
    return aggs


def search_body(
    *,
    query: str,
    filters: Filters,
    sort: str = "relevance",
    offset: int = 0,
    size: int = 24,
    language: str = "en",
    price_edges_mad: list[float] | None = None,
    suggest: bool = True,
) -> dict:
    """The full search request: words and page-level scope in `query`, facet choices in
    `post_filter` (so the aggregations still count the alternatives)."""
    text = text_query(query, language=language)
    scope = [{"term": {"category_ids": filters.category_id}}] if filters.category_id else []
    base = {"bool": {"must": [text] if text else [{"match_all": {}}], "filter": scope}}
    body = {
        "query": ranked(base),
        "post_filter": {"bool": {"filter": filters.clauses()}},
        "aggs": aggregations(filters, price_edges_mad=price_edges_mad or []),
        "sort": SORTS.get(sort, SORTS["relevance"]) if text or sort != "relevance" else SORTS["newest"],
        "from": offset,
        "size": size,
        "_source": False,
        "track_total_hits": True,
    }
    if text:
        fields = HIGHLIGHT_FIELDS.get(language, HIGHLIGHT_FIELDS["en"])
        body["highlight"] = {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "fields": {
                fields[0]: {"number_of_fragments": 0},
                fields[1]: {"fragment_size": 140, "number_of_fragments": 1},
            },
        }
        if suggest and query.strip():
            body["suggest"] = {
                "text": query.strip()[:100],
                "did_you_mean": {
                    "term": {"field": "keywords", "suggest_mode": "missing", "min_word_length": 4}
                },
                "did_you_mean_title": {
                    "term": {
                        "field": f"title_{'en' if language == 'ar' else language}.folded",
                        "suggest_mode": "missing",
                        "min_word_length": 4,
                    }
                },
            }
    return body


def suggest_body(*, prefix: str, size: int = 6) -> dict:
    """Search-as-you-type over product titles, with a completion suggester for whole titles."""
    return {
        "query": {
            "multi_match": {
                "query": prefix,
                "type": "bool_prefix",
                "fields": ["title_complete", "title_complete._2gram", "title_complete._3gram"],
            }
        },
        "suggest": {
            "titles": {
                "prefix": prefix,
                "completion": {"field": "suggest", "size": size, "skip_duplicates": True},
            }
        },
        "size": size,
        "_source": ["title_en", "title_fr", "title_ar"],
    }


def cooperative_suggest_body(*, prefix: str, size: int = 3) -> dict:
    return {
        "query": {
            "multi_match": {
                "query": prefix,
                "type": "bool_prefix",
                "fields": ["name_complete", "name_complete._2gram", "name_complete._3gram", "city"],
            }
        },
        "size": size,
        "_source": ["name", "city", "url", "slug"],
    }


# Stories are written in English first; a version in the buyer's language wins, then the English one.
DEFAULT_STORY_LANGUAGE = "en"


def _prefer_language(query: dict, language: str) -> dict:
    """`query`, with documents in the buyer's language scored above their translations, and
    the English version above the others when there is none in the buyer's language."""
    preferred = [(language, 10.0)]
    if language != DEFAULT_STORY_LANGUAGE:
        preferred.append((DEFAULT_STORY_LANGUAGE, 5.0))
    return {
        "bool": {
            "must": [query],
            "should": [
                {"constant_score": {"filter": {"term": {"language": code}}, "boost": boost}}
                for code, boost in preferred
            ],
        }
    }


def story_search_body(*, query: str, language: str = "en", size: int = 3) -> dict | None:
    """Stories and guides matching the buyer's words, one version of each (the buyer's language
    when that one matches); None when the words are all stop words."""
    text = text_query(query, language=language, fields=STORY_FIELDS.get(language, STORY_FIELDS["en"]))
    if text is None:
        return None
    return {
        "query": _prefer_language(text, language),
        "collapse": {"field": "translation_key"},
        "size": size,
        "_source": ["kind", "language", "title", "url"],
    }


def story_suggest_body(*, prefix: str, language: str = "en", size: int = 2) -> dict:
    """Stories and guides whose title starts with what the buyer is typing."""
    match = {
        "multi_match": {
            "query": prefix,
            "type": "bool_prefix",
            "fields": ["title", "arabic"],
        }
    }
    return {
        "query": _prefer_language(match, language),
        "collapse": {"field": "translation_key"},
        "size": size,
        "_source": ["kind", "title", "url"],
    }
