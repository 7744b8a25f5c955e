"""Operate the search index: rebuild with no downtime, check drift, replay missed updates.

manage.py search_index --rebuild          # new index, bulk load, atomic alias swap, old one deleted
manage.py search_index --rebuild --chunk-size 200   # smaller bulk requests for a busy engine
manage.py search_index --check            # drift between the database and the index (exit 1 if any)
manage.py search_index --replay           # send the updates stored while the engine was down
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search.client import ENGINE_ERRORS, index_alias, search_client, search_configured
from search.indexing import KINDS, engine_mark_up, index_drift, index_rebuild, pending_replay
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Rebuild the search index (atomic alias swap), check drift, or replay pending updates."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Build new indices and swap the aliases.")
        action.add_argument("--check", action="store_true", help="Report drift between database and index.")
        action.add_argument(
            "--replay", action="store_true", help="Apply updates kept while the engine was down."
        )
        parser.add_argument("--kind", choices=KINDS, action="append", help="Only this index (repeatable).")
        parser.add_argument("--quiet-progress", action="store_true", help="No progress bar (for logs).")
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=None,
            help="Documents per bulk request when rebuilding (default 500; smaller for a busy engine).",
        )

    def handle(self, *args, **options):
        if not search_configured():
            raise CommandError("ELASTICSEARCH_URL is not set: there is no search index to operate on.")
        kinds = options["kind"] or list(KINDS)
        try:
            search_client().info()
        except ENGINE_ERRORS as exc:
            raise CommandError(f"The search engine does not answer: {exc}") from exc
        engine_mark_up()
        try:
            if options["rebuild"]:
                self.rebuild(
                    kinds, show_progress=not options["quiet_progress"], chunk_size=options["chunk_size"]
                )
            elif options["check"]:
                self.check_drift(kinds)
            else:
                self.replay()
        except ENGINE_ERRORS as exc:
            raise CommandError(f"The search engine failed: {exc}") from exc

    def rebuild(self, kinds, *, show_progress: bool, chunk_size: int | None = None):
        for kind in kinds:
            started = time.monotonic()
            self.stdout.write(f"Rebuilding {index_alias(kind)}")
            name = index_rebuild(
                kind=kind, progress=self._progress_bar(kind) if show_progress else None, chunk_size=chunk_size
            )
            if show_progress:
                self.stdout.write("")
            count = search_client().count(index=index_alias(kind))["count"]
            self.stdout.write(
                self.style.SUCCESS(
                    f"  {index_alias(kind)} -> {name}: {count} documents"
                    f" in {time.monotonic() - started:.1f} s"
                )
            )

    def _progress_bar(self, kind: str):
        started = time.monotonic()
        interactive = sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            width = 30
            filled = int(width * done / total) if total else width
            rate = done / max(time.monotonic() - started, 1e-6)
            line = f"  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {kind} ({rate:.0f}/s)"
            self.stdout.write(("\r" if interactive else "") + line, ending="" if interactive else "\n")
            self.stdout.flush()

        return progress

    def check_drift(self, kinds):
        drifted = False
        for kind in kinds:
            drift = index_drift(kind=kind)
            problems = {name: ids for name, ids in drift.items() if ids}
            if not problems:
                self.stdout.write(self.style.SUCCESS(f"{index_alias(kind)}: in step with the database"))
                continue
            drifted = True
            self.stdout.write(self.style.WARNING(f"{index_alias(kind)}: drift"))
            for name, ids in problems.items():
                shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
                self.stdout.write(f"  {name}: {len(ids)} ({shown})")
        pending = PendingIndexUpdate.objects.count()
        if pending:
            self.stdout.write(
                self.style.WARNING(f"{pending} update(s) waiting for replay (search_index --replay)")
            )
        if drifted:
            self.stdout.write("Fix with: manage.py search_index --rebuild")
            raise SystemExit(1)

    def replay(self):
        replayed = pending_replay()
        self.stdout.write(self.style.SUCCESS(f"Replayed {replayed} pending update(s)."))
