"""What the search engine stores: product, cooperative and story documents and their analysis.

The mapping is valid for Elasticsearch 8 and accepted by osmem. Arabic uses a custom analyzer
(osmem refuses the built-in `arabic` one; real Elasticsearch applies every filter below).
Synonyms are NOT in the mapping: the craft vocabulary is expanded into the query
(search/vocabulary.py), so staff edit search/synonyms.txt without a reindex and the
behaviour is the same on every server.
"""

from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

# Lowercase and accents folded ("Berbère" -> "berbere"): the field every language shares.
folded = analyzer("souk_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])

arabic_stop = token_filter("souk_arabic_stop", type="stop", stopwords="_arabic_")
arabic_stem = token_filter("souk_arabic_stemmer", type="stemmer", language="arabic")
# The built-in `arabic` analyzer, spelled out (it is what Elasticsearch documents as its rebuild).
arabic = analyzer(
    "souk_arabic",
    tokenizer="standard",
    filter=["lowercase", "decimal_digit", arabic_stop, "arabic_normalization", arabic_stem],
)


def _translated(analyzer_name_or_object):
    """A text field in one language, with a folded sub-field for accent- and stem-free matching."""
    return Text(analyzer=analyzer_name_or_object, fields={"folded": Text(analyzer=folded)})


class ProductDocument(Document):
    """One browsable product. Products that are not browsable are removed, never flagged."""

    title_en = _translated("english")
    title_fr = _translated("french")
    title_ar = _translated(arabic)
    description_en = Text(analyzer="english")
    description_fr = Text(analyzer="french")
    description_ar = Text(analyzer=arabic)
    # Everything else a buyer may type: craft and category names in every language, attribute
    # values, the cooperative and its city.
    keywords = Text(analyzer=folded)
    # The Arabic words of the title, description and keywords, normalised and stemmed in Python
    # (search/arabic.py): the same matching on every server, osmem included.
    arabic = Text(analyzer=folded)
    title_complete = SearchAsYouType(analyzer=folded)
    suggest = Completion(analyzer=folded)

    # Facets and filters (keyword values; labels are resolved when showing them).
    craft = Keyword()
    category_ids = Integer()  # its categories and every ancestor: one term filters a whole subtree
    style = Keyword()
    region = Keyword()
    cooperative = Keyword()
    colour = Keyword()
    material = Keyword()
    size_band = Keyword()
    price = Float()  # MAD
    women_led = Boolean()
    label = Boolean()
    in_stock = Boolean()

    # Ranking and sorting.
    popularity = Integer()
    created = Date()
    title_sort = Keyword()


class CooperativeDocument(Document):
    """A verified cooperative, for the search box's suggestions."""

    name = Text(analyzer=folded, fields={"raw": Keyword()})
    name_complete = SearchAsYouType(analyzer=folded)
    city = Text(analyzer=folded)
    region = Keyword()
    slug = Keyword()
    url = Keyword(index=False)
    products = Integer()


def _multilingual():
    """A text field whose documents may be in any language: folded, with English and French
    sub-fields; Arabic goes to the prepared `arabic` field (see search/queries.py)."""
    return Text(analyzer=folded, fields={"en": Text(analyzer="english"), "fr": Text(analyzer="french")})


class StoryDocument(Document):
    """A live, public artisan story or buying guide (Wagtail pages), in its own language.

    Each translation is a document of its own; `translation_key` groups them, so results show
    one version of a story (the buyer's language when it matches).
    """

    kind = Keyword()  # "story" or "guide"
    language = Keyword()
    translation_key = Keyword()
    title = _multilingual()
    intro = _multilingual()
    body = _multilingual()
    # Craft names in every language, the cooperative, its city and region.
    keywords = Text(analyzer=folded)
    arabic = Text(analyzer=folded)
    craft = Keyword()
    region = Keyword()
    cooperative = Keyword()
    url = Keyword(index=False)
    date = Date()


DOCUMENTS = {"products": ProductDocument, "cooperatives": CooperativeDocument, "stories": StoryDocument}
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


def index_body(kind: str) -> dict:
    """The settings and mappings for a new `kind` index, as sent to the engine."""
    mapping = DOCUMENTS[kind]._doc_type.mapping
    return {
        "settings": {**INDEX_SETTINGS, "analysis": mapping._collect_analysis()},
        "mappings": mapping.to_dict(),
    }
