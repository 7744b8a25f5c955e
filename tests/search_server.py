"""A search engine for the search tests: osmem started here, or the real Elasticsearch 8 in
ELASTICSEARCH_URL when it is set (the same tests run unchanged against both).

    def test_something(search_engine): ...   # settings point at the engine, empty indices exist

Each test gets its own index prefix, deleted afterwards. `osmem_process` gives a test its
own osmem process to stop and resume (the fallback and replay tests).
"""

import os
import signal
import socket
import uuid
from dataclasses import dataclass

import pytest
from django.conf import settings as django_settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def search_server_url():
    """The engine's URL for the whole session: ELASTICSEARCH_URL, else an osmem started now."""
    if django_settings.SEARCH_TEST_URL:
        yield django_settings.SEARCH_TEST_URL
        return
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False)
    yield server.url
    server.close()


@dataclass
class SearchEngine:
    url: str
    prefix: str

    @property
    def client(self):
        from search.client import search_client

        return search_client()

    def alias(self, kind: str = "products") -> str:
        return f"{self.prefix}-{kind}"

    def rebuild(self) -> None:
        from search.indexing import KINDS, index_rebuild

        for kind in KINDS:
            index_rebuild(kind=kind)

    def refresh(self) -> None:
        self.client.indices.refresh(index=f"{self.prefix}-*")

    def ids(self, kind: str = "products") -> set[int]:
        self.refresh()
        hits = self.client.search(index=self.alias(kind), query={"match_all": {}}, size=1000)["hits"]["hits"]
        return {int(hit["_id"]) for hit in hits}

    def drop(self) -> None:
        client = self.client
        for index in client.indices.get(
            index=f"{self.prefix}-*", ignore_unavailable=True, allow_no_indices=True
        ):
            client.indices.delete(index=index, ignore_unavailable=True)


def _point_settings_at(settings, url: str) -> SearchEngine:
    engine = SearchEngine(url=url, prefix=f"souk-test-{uuid.uuid4().hex[:10]}")
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = engine.prefix
    settings.SEARCH_RETRY_AFTER = 0  # every call tries the engine again: tests stop and resume it
    settings.ELASTICSEARCH_TIMEOUT = 2.0
    return engine


@pytest.fixture
def search_engine(search_server_url, settings, db):
    """Settings pointed at the engine with empty, aliased indices of this test's own."""
    engine = _point_settings_at(settings, search_server_url)
    engine.rebuild()
    yield engine
    try:
        engine.drop()
    except Exception:
        pass


@dataclass
class OsmemProcess:
    """An osmem process of one test's own, to stop (kill or pause) and bring back."""

    server: object
    engine: SearchEngine

    def pause(self) -> None:
        """SIGSTOP: the process keeps its data but answers nothing (a hung cluster)."""
        os.kill(self.server.pid, signal.SIGSTOP)

    def resume(self) -> None:
        if self.server.process.poll() is None:
            os.kill(self.server.pid, signal.SIGCONT)

    def kill(self) -> None:
        self.resume()
        self.server.close(grace=0.5)


@pytest.fixture
def osmem_process(settings, db):
    """A private osmem, settings pointed at it; skipped against an external Elasticsearch,
    whose process the tests cannot stop."""
    if django_settings.SEARCH_TEST_URL:
        pytest.skip("stopping the engine needs the osmem process the tests start themselves")
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False, addr=f"127.0.0.1:{_free_port()}")
    engine = _point_settings_at(settings, server.url)
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    process = OsmemProcess(server=server, engine=engine)
    engine.rebuild()
    yield process
    process.kill()
