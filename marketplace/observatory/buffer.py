"""Product views served from the page cache, counted in Redis and written to the database in batches.

A product page served from the page cache (marketplace/pagecache.py) costs about a
millisecond; writing its view event and Oscar's view counter at once would cost more than the
page. When `SOUK_VIEW_BUFFER` is on (production, the benchmark) and the cache is Redis, such
a view is one `RPUSH` of a short line; `views_flush()` moves the lines into `Event` rows and
adds them to Oscar's `ProductRecord.num_views` (the search popularity) in a few statements.

It runs every `VIEWS_PER_FLUSH` views (a task) and before every roll-up, so reports never miss
a buffered view; what sits in the buffer is at most minutes old. If Redis is unreachable the
view is written at once, as without the buffer. A Redis flush loses the buffered views of the
moment: these are statistics, never money or stock.

Each web process can also hold up to `SOUK_VIEW_BUFFER_BATCH` views and send them in one
`RPUSH`, at the latest `SOUK_VIEW_BUFFER_HOLD_SECONDS` after the first (a thread of the process
looks twice a second), and when the process exits: a round trip to Redis costs a stored page
about a fifth of its CPU. A worker killed outright (SIGKILL, out of memory) loses the views it
held, at most that many seconds'.
"""

import atexit
import logging
import os
import threading
import time
from collections import Counter
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import F
from oscar.core.loading import get_model

from .models import Event
from .services import Visitor

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
ProductRecord = get_model("analytics", "ProductRecord")

BUFFER_KEY = "observatory:views"
VIEWS_PER_FLUSH = 500
FLUSH_BATCH = 5000


def buffer_client():
    """The Redis client behind the cache when the buffer is on, else None."""
    if not getattr(settings, "SOUK_VIEW_BUFFER", False):
        return None
    redis_client = getattr(cache, "redis_client", None)
    return redis_client() if redis_client is not None else None


def view_push(*, visitor: Visitor, product_id: int, cooperative_id: int | None) -> bool:
    """Buffer one product view; False if there is no buffer (the caller writes it at once)."""
    client = buffer_client()
    if client is None:
        return False
    line = _line(visitor=visitor, product_id=product_id, cooperative_id=cooperative_id)
    if settings.SOUK_VIEW_BUFFER_BATCH <= 1:
        return _send(client, [line])
    global _held_since
    with _held_lock:
        if not _held:
            _held_since = time.monotonic()
        _held.append(line)
        full = len(_held) >= settings.SOUK_VIEW_BUFFER_BATCH
    if full:
        views_send_held()
    else:
        _sender_start()
    return True


def views_send_held() -> int:
    """Send the views this process holds to Redis now (or, if it is unreachable, write them to
    the database); returns how many there were."""
    with _held_lock:
        lines = _held[:]
        _held.clear()
    if not lines:
        return 0
    client = buffer_client()
    if client is None or not _send(client, lines):
        try:
            _views_write(lines)
        except Exception:
            logger.exception("observatory: %d views could be neither buffered nor written", len(lines))
    return len(lines)


_held: list[str] = []
_held_since = 0.0
_held_lock = threading.Lock()
_sender_pid: int | None = None


def _sender_start() -> None:
    """One thread per process (a forked worker starts its own) sends views held too long."""
    global _sender_pid
    with _held_lock:
        if _sender_pid == os.getpid():
            return
        _sender_pid = os.getpid()
    threading.Thread(target=_send_when_due, name="souk-view-buffer", daemon=True).start()


def _send_when_due() -> None:
    while True:
        time.sleep(0.5)
        if _held and time.monotonic() - _held_since >= settings.SOUK_VIEW_BUFFER_HOLD_SECONDS:
            try:
                views_send_held()
            except Exception:
                logger.exception("observatory: could not send the held views")
            finally:
                connections.close_all()  # this thread's own, if queueing the flush or writing opened one


atexit.register(views_send_held)


def _line(*, visitor: Visitor, product_id: int, cooperative_id: int | None) -> str:
    return "|".join(
        (
            f"{datetime.now(tz=UTC).timestamp():.3f}",
            visitor.country,
            visitor.device,
            visitor.language,
            str(product_id),
            str(cooperative_id or ""),
        )
    )


def _send(client, lines: list[str]) -> bool:
    """One RPUSH; False if Redis is unreachable (the caller writes the views at once)."""
    try:
        length = client.rpush(_key(), *lines)
    except Exception:
        logger.warning("observatory: view buffer unreachable, writing the views at once", exc_info=True)
        return False
    if length // VIEWS_PER_FLUSH != (length - len(lines)) // VIEWS_PER_FLUSH:
        _flush_soon()
    return True


def _key() -> str:
    return cache.make_key(BUFFER_KEY)


def _flush_soon() -> None:
    from .tasks import observatory_views_flush

    try:
        observatory_views_flush.enqueue()
    except Exception:
        logger.exception("observatory: could not queue a view flush; the next roll-up does it")


def views_flush() -> int:
    """Move every buffered view into the database; returns how many."""
    client = buffer_client()
    if client is None:
        return 0
    views_send_held()
    moved = 0
    while True:
        lines = client.lpop(_key(), FLUSH_BATCH) or []
        if not lines:
            return moved
        moved += _views_write([line.decode() if isinstance(line, bytes) else line for line in lines])


def _views_write(lines: list[str]) -> int:
    events, views = [], Counter()
    for line in lines:
        try:
            at, country, device, language, product_id, cooperative_id = line.split("|")
            event = Event(
                kind=Event.Kind.VIEW,
                occurred_at=datetime.fromtimestamp(float(at), tz=UTC),
                country=country,
                device=device,
                language=language,
                product_id=int(product_id),
                cooperative_id=int(cooperative_id) if cooperative_id else None,
            )
        except ValueError:
            logger.warning("observatory: unreadable buffered view %r dropped", line)
            continue
        events.append(event)
        views[event.product_id] += 1
    with transaction.atomic():
        Event.objects.bulk_create(events, batch_size=1000)
        _product_views_add(views)
    return len(events)


def _product_views_add(views: Counter) -> None:
    """Add to Oscar's per-product view counters, creating the records that do not exist yet."""
    existing = set(ProductRecord.objects.filter(product_id__in=views).values_list("product_id", flat=True))
    for pk in existing:
        ProductRecord.objects.filter(product_id=pk).update(num_views=F("num_views") + views[pk])
    # Products deleted since their view was buffered have no record to keep.
    new = Product.objects.filter(pk__in=set(views) - existing).values_list("pk", flat=True)
    ProductRecord.objects.bulk_create(
        [ProductRecord(product_id=pk, num_views=views[pk]) for pk in new], ignore_conflicts=True
    )
