"""Product search on the database: the fallback that works with no search server at all.

Every term of the query (expanded with its synonyms) must match the title, description,
category, craft, cooperative or an attribute value of a product.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q, QuerySet

from catalogue.selectors import product_card_queryset

from .vocabulary import query_terms

SEARCH_FIELDS = (
    "title_en",
    "title_fr",
    "title_ar",
    "description_en",
    "description_fr",
    "categories__name_en",
    "categories__name_fr",
    "product_class__name_en",
    "product_class__name_fr",
    "stockrecords__partner__cooperative__name",
    "stockrecords__partner__cooperative__city",
    "attribute_values__value_option__option",
    "attribute_values__value_text",
)


def product_search_db(*, query: str) -> QuerySet:
    """Browsable products matching every term of `query`; in-stock pieces first, then newest."""
    terms = query_terms(query)
    products = product_card_queryset()
    if not terms:
        return products.none()
    conditions = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in SEARCH_FIELDS for word in synonyms))
        for synonyms in terms
    ]
    matching = products.model.objects.filter(reduce(and_, conditions)).values("pk")
    return products.filter(pk__in=matching).order_by("-date_created", "-pk")
