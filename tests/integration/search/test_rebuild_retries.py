"""A rebuild on a busy engine: bulk requests that time out are sent again, and the new index
ends up complete."""

import threading

import pytest

from search.indexing import index_rebuild

pytestmark = pytest.mark.django_db


def test_a_bulk_request_that_times_out_is_retried_until_the_engine_answers(
    shop, osmem_process, settings, caplog
):
    settings.SEARCH_BULK_TIMEOUT = 1.0
    settings.SEARCH_BULK_RETRIES = 4
    resumed = threading.Event()

    def stall_after_the_first_chunk(done, total):
        # The engine stops answering after the first bulk request and comes back 2.5 s later.
        if done == 2 and not resumed.is_set():
            osmem_process.pause()
            threading.Timer(2.5, lambda: (osmem_process.resume(), resumed.set())).start()

    index_rebuild(kind="products", progress=stall_after_the_first_chunk, chunk_size=2)
    osmem_process.engine.refresh()

    assert resumed.is_set()
    assert "retrying" in caplog.text
    assert len(osmem_process.engine.ids("products")) == 7  # every browsable piece of the shop
