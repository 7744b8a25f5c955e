"""Model changes that affect what buyers find, turned into index updates after commit.

Every change in one transaction is collected and sent as one task per kind when the
transaction commits (a demo load or an import is one bulk update, not thousands); nothing is
sent for a transaction that rolls back.
"""

import logging
import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from vendors.models import Certificate, Cooperative

from .client import search_configured
from .indexing import COOPERATIVES, PRODUCTS, STORIES, pending_store

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductCategory = get_model("catalogue", "ProductCategory")

_local = threading.local()


class _Batch:
    def __init__(self):
        self.ids: dict[str, set[int]] = {PRODUCTS: set(), COOPERATIVES: set(), STORIES: set()}

    def flush(self):
        if getattr(_local, "batch", None) is self:
            _local.batch = None
        from .tasks import search_index_update

        for kind, ids in self.ids.items():
            if not ids:
                continue
            try:
                search_index_update.enqueue(kind=kind, ids=sorted(ids))
            except Exception:  # the change is committed; a queue problem must not undo the request
                logger.exception("search: could not queue %d %s update(s); stored for replay", len(ids), kind)
                pending_store(kind=kind, ids=ids)


def index_schedule(*, kind: str, ids) -> None:
    """Update these documents once the current transaction commits (at once outside one)."""
    ids = {int(pk) for pk in ids if pk is not None}
    if not ids or not search_configured():
        return
    connection = transaction.get_connection()
    batch = getattr(_local, "batch", None)
    if batch is not None and connection.in_atomic_block:
        pending = any(item[1] == batch.flush for item in connection.run_on_commit)
        if pending:
            batch.ids[kind] |= ids
            return
    batch = _Batch()
    batch.ids[kind] |= ids
    if connection.in_atomic_block:
        _local.batch = batch
    transaction.on_commit(batch.flush)


def _product_family(product) -> set[int]:
    """A variant's change shows on its parent's document."""
    return {product.parent_id or product.pk}


def product_changed(sender, instance, **kwargs):
    index_schedule(kind=PRODUCTS, ids=_product_family(instance))


def stockrecord_changed(sender, instance, **kwargs):
    product = Product.objects.filter(pk=instance.product_id).only("pk", "parent_id").first()
    if product is not None:
        index_schedule(kind=PRODUCTS, ids=_product_family(product))
    elif kwargs.get("signal") is post_delete:
        index_schedule(kind=PRODUCTS, ids=[instance.product_id])


def attribute_value_changed(sender, instance, **kwargs):
    index_schedule(kind=PRODUCTS, ids=[instance.product_id])


def product_categories_changed(sender, instance, action, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Product):
        index_schedule(kind=PRODUCTS, ids=_product_family(instance))
    elif pk_set:
        index_schedule(kind=PRODUCTS, ids=pk_set)


def _cooperative_products(cooperative_id: int) -> list[int]:
    return list(
        Product.objects.filter(stockrecords__partner__cooperative=cooperative_id)
        .values_list("pk", flat=True)
        .distinct()
    )


def cooperative_changed(sender, instance, **kwargs):
    """Status (suspension), name, region, women-led, label: every product shows them; the
    cooperative's stories carry its name, city and region."""
    index_schedule(kind=COOPERATIVES, ids=[instance.pk])
    index_schedule(kind=PRODUCTS, ids=_cooperative_products(instance.pk))
    if search_configured():
        from marketplace.models import ArtisanStoryPage

        index_schedule(
            kind=STORIES,
            ids=ArtisanStoryPage.objects.filter(cooperative=instance.pk).values_list("pk", flat=True),
        )


def _story_page_ids(page, *, descendants: bool = False) -> list[int]:
    """`page` (and with `descendants`, the pages below it) when it is a story or a guide."""
    from wagtail.models import Page

    from marketplace.models import ArtisanStoryPage, GuidePage

    if not descendants:
        return [page.pk] if issubclass(page.specific_class or Page, (ArtisanStoryPage, GuidePage)) else []
    pages = Page.objects.descendant_of(page, inclusive=True).type(ArtisanStoryPage, GuidePage)
    return list(pages.values_list("pk", flat=True))


def story_page_changed(sender, instance, **kwargs):
    """Published, unpublished or deleted: the engine gets the page as it now is (or drops it)."""
    index_schedule(kind=STORIES, ids=_story_page_ids(instance))


def story_pages_moved(sender, instance, **kwargs):
    """A move changes the URL of the page and of every page below it."""
    if search_configured():
        index_schedule(kind=STORIES, ids=_story_page_ids(instance, descendants=True))


def view_restriction_changed(sender, instance, **kwargs):
    """A private page (and what is below it) leaves the index; a page made public again returns."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first() if search_configured() else None
    if page is not None:
        index_schedule(kind=STORIES, ids=_story_page_ids(page, descendants=True))


def certificate_changed(sender, instance, **kwargs):
    """A label certificate decides the 'Made in Morocco' badge of every product."""
    index_schedule(kind=PRODUCTS, ids=_cooperative_products(instance.cooperative_id))


def connect() -> None:
    for model, receiver in (
        (Product, product_changed),
        (StockRecord, stockrecord_changed),
        (ProductAttributeValue, attribute_value_changed),
        (Cooperative, cooperative_changed),
        (Certificate, certificate_changed),
    ):
        post_save.connect(receiver, sender=model, dispatch_uid=f"search-{model.__name__}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
    m2m_changed.connect(
        product_categories_changed, sender=Product.categories.through, dispatch_uid="search-categories"
    )
    _connect_story_pages()


def _connect_story_pages() -> None:
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from marketplace.models import ArtisanStoryPage, GuidePage

    # Wagtail sends these with the page's specific class as sender: any page, filtered above.
    page_published.connect(story_page_changed, dispatch_uid="search-stories-published")
    page_unpublished.connect(story_page_changed, dispatch_uid="search-stories-unpublished")
    post_page_move.connect(story_pages_moved, dispatch_uid="search-stories-moved")
    for model in (ArtisanStoryPage, GuidePage):
        post_delete.connect(story_page_changed, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
    post_save.connect(
        view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-save"
    )
    post_delete.connect(
        view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-delete"
    )
