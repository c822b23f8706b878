"""Ingestion jobs started from the web app: one writer thread, progress a page can poll.

Jobs run one at a time in a single background thread: SQLite has one writer, and a queue
keeps a second upload from waiting on the write lock mid-analysis. The thread is a daemon, so
stopping the server does not wait for a long analysis: each page is committed on its own and
a re-run skips what was kept. Job state lives in memory (a restart forgets finished jobs;
their results are in the store). Job ids are random, so one user cannot guess another's job
page.
"""

from __future__ import annotations

import queue
import shutil
import threading
import uuid
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from storylens.store.database import now

MAX_KEPT_JOBS = 200


@dataclass
class Job:
    id: str
    created: str
    inputs: list[str]  # what the user gave, as shown back to them
    status: str = "queued"  # queued | running | done | failed
    stage: str = "waiting for earlier jobs"
    done: int = 0
    total: int = 0
    finished: str | None = None
    added: list[str] = field(default_factory=list)
    skipped: int = 0
    stories_updated: list[str] = field(default_factory=list)
    stories_removed: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    failure: str | None = None  # one line, when the job itself failed

    @property
    def finished_ok(self) -> bool:
        return self.status == "done"

    @property
    def active(self) -> bool:
        return self.status in ("queued", "running")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["active"] = self.active
        return data


class JobRunner:
    """Queue of ingestion jobs over one store."""

    def __init__(self, db_path: Path, allow_private_urls: bool = False) -> None:
        self.db_path = Path(db_path)
        self.allow_private_urls = allow_private_urls
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, list[str], Path | None] | None] = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="storylens-ingest", daemon=True)
        self._worker.start()

    def submit(self, inputs: list[str], shown: list[str], workdir: Path | None = None) -> Job:
        """Queue ``inputs`` (paths and URLs); ``workdir`` is deleted when the job ends."""
        job = Job(id=uuid.uuid4().hex, created=now(), inputs=shown)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_KEPT_JOBS:
                self._jobs.popitem(last=False)
        self._queue.put((job.id, list(inputs), workdir))
        return self.get(job.id)  # type: ignore[return-value]

    def get(self, job_id: str) -> Job | None:
        """A copy of the job's state, safe to render while the worker updates it."""
        with self._lock:
            job = self._jobs.get(job_id)
            return Job(**asdict(job)) if job else None

    def recent(self, limit: int = 10) -> list[Job]:
        with self._lock:
            jobs = list(self._jobs.values())[-limit:]
            return [Job(**asdict(j)) for j in reversed(jobs)]

    def shutdown(self) -> None:
        """Stop after the current job; queued jobs are dropped (their uploads deleted)."""
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                job_id, _, workdir = item
                self._update(job_id, status="failed", stage="failed", failure="server stopped")
                if workdir is not None:
                    shutil.rmtree(workdir, ignore_errors=True)
        self._queue.put(None)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            self._run(*item)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job:
                for key, value in changes.items():
                    setattr(job, key, value)

    def _progress(self, job_id: str, stage: str, done: int, total: int) -> None:
        if stage == "analyse" and done >= total:
            self._update(job_id, stage="grouping, linking and comparing stories", done=done)
        else:
            self._update(job_id, stage=f"{stage} pages", done=done, total=total)

    def _run(self, job_id: str, inputs: list[str], workdir: Path | None) -> None:
        from storylens.store.update import ingest

        self._update(job_id, status="running", stage="reading inputs")
        try:
            summary = ingest(
                inputs,
                self.db_path,
                allow_private_urls=self.allow_private_urls,
                progress=lambda stage, done, total: self._progress(job_id, stage, done, total),
            )
        except Exception as exc:  # a job's failure is shown on its page, never lost
            message = " ".join(str(exc).split()) or type(exc).__name__
            self._update(job_id, status="failed", stage="failed", failure=message, finished=now())
        else:
            self._update(
                job_id,
                status="done",
                stage="finished",
                finished=now(),
                added=list(summary.added),
                skipped=summary.skipped,
                stories_updated=list(summary.stories_updated),
                stories_removed=list(summary.stories_removed),
                errors=[
                    {"input": e.input, "error": e.error, "severity": e.severity}
                    for e in summary.errors
                ],
            )
        finally:
            if workdir is not None:
                shutil.rmtree(workdir, ignore_errors=True)
