"""The index follows the database after each commit, survives the engine going away, and is
rebuilt behind an alias without readers noticing."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from search.indexing import index_rebuild
from search.models import PendingIndexUpdate
from search.selectors import product_search
from vendors.models import Cooperative

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [product.title for product in results.products]


def test_a_renamed_product_is_found_by_its_new_name_once_the_change_commits(
    indexed_shop, search_engine, django_capture_on_commit_callbacks
):
    tagine = indexed_shop["products"]["tagine"]

    with django_capture_on_commit_callbacks(execute=True):
        tagine.title = tagine.title_en = "Safi tagine, turquoise"
        tagine.save()
    search_engine.refresh()

    assert titles(product_search(query="turquoise")) == ["Safi tagine, turquoise"]


def test_a_price_change_reaches_the_index_through_the_stock_record(
    indexed_shop, search_engine, django_capture_on_commit_callbacks
):
    record = indexed_shop["products"]["tagine"].stockrecords.get()

    with django_capture_on_commit_callbacks(execute=True):
        record.price = 9999
        record.save()
    search_engine.refresh()

    assert titles(product_search(query="tagine", filters={"price_min": 9000})) == ["Safi tagine, cobalt"]


def test_selling_the_last_piece_marks_it_out_of_stock(
    indexed_shop, search_engine, django_capture_on_commit_callbacks
):
    record = indexed_shop["products"]["kilim_red"].stockrecords.get()

    with django_capture_on_commit_callbacks(execute=True):
        record.num_in_stock = 0
        record.save()
    search_engine.refresh()

    assert product_search(query="kilim", filters={"in_stock": True}).total == 0


def test_suspending_a_cooperative_removes_its_pieces_and_reinstating_brings_them_back(
    indexed_shop, search_engine, django_capture_on_commit_callbacks
):
    anzar = indexed_shop["cooperatives"]["anzar"]

    with django_capture_on_commit_callbacks(execute=True):
        anzar.status = Cooperative.Status.SUSPENDED
        anzar.save()
    search_engine.refresh()
    suspended = product_search(query="kilim")
    with django_capture_on_commit_callbacks(execute=True):
        anzar.status = Cooperative.Status.VERIFIED
        anzar.save()
    search_engine.refresh()

    assert suspended.total == 0
    assert product_search(query="kilim").total == 2


def test_changes_in_a_rolled_back_transaction_send_nothing(
    indexed_shop, search_engine, django_capture_on_commit_callbacks
):
    from django.db import transaction

    tagine = indexed_shop["products"]["tagine"]
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            tagine.title = tagine.title_en = "Never saved"
            tagine.save()
            raise RuntimeError

    assert callbacks == []


def test_one_transaction_sends_one_batched_update(
    indexed_shop, search_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        for product in indexed_shop["products"].values():
            product.save()

    assert len(callbacks) == 1


def test_when_the_engine_is_stopped_search_answers_from_the_database(shop, osmem_process):
    osmem_process.engine.rebuild()
    assert not product_search(query="tapis").used_fallback

    osmem_process.kill()
    results = product_search(query="tapis")

    assert results.used_fallback
    assert "Beni Ourain rug, ivory" in titles(results)
    assert "Hidden Beni Ourain rug" not in titles(results)


def test_updates_made_while_the_engine_is_down_are_kept_and_replayed_when_it_returns(
    shop, osmem_process, django_capture_on_commit_callbacks
):
    osmem_process.engine.rebuild()
    tagine = shop["products"]["tagine"]
    osmem_process.pause()

    with django_capture_on_commit_callbacks(execute=True):
        tagine.title = tagine.title_en = "Safi tagine, turquoise"
        tagine.save()
    kept = list(PendingIndexUpdate.objects.values_list("kind", "object_id"))
    osmem_process.resume()
    first = product_search(query="turquoise")  # the engine answers: the replay is sent
    osmem_process.engine.refresh()

    assert kept == [("products", tagine.pk)]
    assert not first.used_fallback
    assert not PendingIndexUpdate.objects.exists()
    assert titles(product_search(query="turquoise")) == ["Safi tagine, turquoise"]


def test_a_rebuild_swaps_the_alias_at_once_and_deletes_the_old_index(indexed_shop, search_engine):
    client = search_engine.client
    alias = search_engine.alias("products")
    old = set(client.indices.get_alias(name=alias))
    seen_during_build = {}

    def during_build(done, total):
        # Readers still use the old index, complete, while the new one fills up.
        seen_during_build["alias"] = set(client.indices.get_alias(name=alias))
        seen_during_build["tapis"] = product_search(query="tapis").total
        # An update made during the build reaches the new index too.
        tagine = indexed_shop["products"]["tagine"]
        tagine.title = tagine.title_en = "Safi tagine, saffron glaze"
        tagine.save()
        from search.indexing import index_update

        index_update(kind="products", ids=[tagine.pk])

    new = index_rebuild(kind="products", progress=during_build)
    search_engine.refresh()

    assert seen_during_build == {"alias": old, "tapis": 4}
    assert set(client.indices.get_alias(name=alias)) == {new}
    assert not any(client.indices.exists(index=index) for index in old)
    assert titles(product_search(query="saffron glaze")) == ["Safi tagine, saffron glaze"]


def test_check_reports_drift_and_rebuild_fixes_it(indexed_shop, search_engine, capsys):
    tagine = indexed_shop["products"]["tagine"]
    search_engine.client.delete(index=search_engine.alias("products"), id=tagine.pk, refresh=True)

    with pytest.raises(SystemExit):
        call_command("search_index", "--check")
    drift = capsys.readouterr().out
    call_command("search_index", "--rebuild", "--quiet-progress")
    call_command("search_index", "--check")
    clean = capsys.readouterr().out

    assert f"missing: 1 ({tagine.pk})" in drift
    assert "souk-test" in clean and "in step with the database" in clean


def test_replay_command_sends_stored_updates(indexed_shop, search_engine, capsys):
    tagine = indexed_shop["products"]["tagine"]
    search_engine.client.delete(index=search_engine.alias("products"), id=tagine.pk, refresh=True)
    PendingIndexUpdate.objects.create(kind="products", object_id=tagine.pk)

    call_command("search_index", "--replay")

    assert "Replayed 1 pending update(s)." in capsys.readouterr().out
    assert tagine.pk in search_engine.ids()


@override_settings(ELASTICSEARCH_URL="")
def test_without_a_configured_engine_nothing_is_queued(shop, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        shop["products"]["tagine"].save()

    assert callbacks == []
    assert not PendingIndexUpdate.objects.exists()
