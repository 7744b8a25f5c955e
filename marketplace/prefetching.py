"""Telling Django that a to-many relation holds nothing, when a query already said so."""


def relation_known_empty(instance, name: str, model) -> None:
    """Record that `instance`'s to-many relation `name` (of `model` rows) holds nothing, as a
    prefetch of it would: reading it asks no query. Django drops this, as any prefetch, when the
    relation is changed through its manager (add, remove, create...)."""
    empty = model.objects.none()
    list(empty)  # read (no query): the relation's manager hands this queryset out as it is
    cache = getattr(instance, "_prefetched_objects_cache", None)
    if cache is None:
        cache = instance._prefetched_objects_cache = {}
    cache[name] = empty
