"""The local web app: browse stories as they grow, add pages, and a JSON API for each page.

Pages are rendered on the server by Jinja2 (autoescape on) and carry no script; a job page
refreshes itself with a meta tag. Page requests open the store read-only, so they never
wait for an ingestion job (WAL); only the job thread writes. A story page is cached by
(story id, updated_at): a story that changes gets a new key, so the cache is never stale.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storylens.model import AnnotatedArticle
from storylens.report import views
from storylens.store import database, queries
from storylens.store.codec import from_json
from storylens.web import pages
from storylens.web.jobs import Job, JobRunner
from storylens.web.security import (
    ALLOWED_SUFFIXES,
    LOOPBACK_HOSTS,
    SECURITY_HEADERS,
    LimitExceeded,
    SecurityHeaders,
    UploadLimits,
    cross_site,
    file_problem,
    limited_receive,
    parse_urls,
    safe_filename,
    url_problem,
)

log = logging.getLogger("storylens.web")
UPLOAD_PREFIX = "storylens-upload-"
REPORT_CSS = Path(__file__).resolve().parent.parent / "report" / "templates" / "report.css"
Sort = Literal["updated", "articles", "conflicts", "published", "title"]
STATUS_TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    500: "Something went wrong",
}
STATUS_HINT = {
    "conflicting": "sources give incompatible values",
    "corroborated": "told by two or more independent sources",
    "single-source": "told by one source only, however many pages carry it",
    "variant": "the same quote, worded differently",
    "verbatim": "the same words in two or more independent sources",
}


class LRU:
    """A small thread-safe cache; rendered pages and parsed reports go here."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class Rejected(Exception):
    """A form or API submission refused before anything was queued."""

    def __init__(self, status: int, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.status = status
        self.problems = problems


@dataclasses.dataclass
class AppState:
    db_path: Path
    runner: JobRunner
    limits: UploadLimits
    allow_private_urls: bool
    pages: LRU = dataclasses.field(default_factory=lambda: LRU(64))
    reports: LRU = dataclasses.field(default_factory=lambda: LRU(8))

    @cached_property
    def templates(self) -> Any:
        return template_environment()


# --------------------------------------------------------------------------- the app


def create_app(
    db_path: Path | str,
    *,
    allow_private_urls: bool = False,
    limits: UploadLimits | None = None,
    allowed_hosts: list[str] | None = None,
    cache_pages: bool = True,
) -> FastAPI:
    """The web app over the store at ``db_path`` (created and migrated if missing).

    ``allowed_hosts`` are the Host headers accepted (loopback names by default): add the
    address when serving on another interface. ``cache_pages=False`` renders every story page
    afresh (the benchmark's baseline).
    """
    db_path = Path(db_path)
    prepare_store(db_path)
    state = AppState(
        db_path=db_path,
        runner=JobRunner(db_path, allow_private_urls=allow_private_urls),
        limits=limits or UploadLimits(),
        allow_private_urls=allow_private_urls,
        pages=LRU(128 if cache_pages else 0),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        state.runner.shutdown()

    app = FastAPI(
        title="storylens",
        summary="What sources agree on, where they contradict each other, and who copied whom.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.storylens = state
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or list(LOOPBACK_HOSTS))
    app.add_middleware(SecurityHeaders)

    @app.get("/report.css", include_in_schema=False)
    def report_stylesheet() -> Response:
        """The HTML report's stylesheet, the base the app's own app.css builds on."""
        return Response(REPORT_CSS.read_bytes(), media_type="text/css; charset=utf-8")

    app.mount("/static", StaticFiles(packages=[("storylens.web", "static")]), name="static")
    add_error_handlers(app)
    add_html_routes(app, state)
    add_api_routes(app, state)
    app.openapi = lambda: openapi_with_our_errors(app)  # type: ignore[method-assign]
    return app


def openapi_with_our_errors(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, saying what the app really answers: 400 (not 422) and 404."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(
        title=app.title, version=app.version, summary=app.summary, routes=app.routes
    )
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if responses.pop("422", None) is not None:
                responses["400"] = {"description": "Invalid parameters", **error}
            if "{" in path:
                responses["404"] = {"description": "Not found", **error}
            if path == "/api/add":
                responses["400"] = {"description": "Refused: see problems", **error}
                responses["403"] = {"description": "Posted from another site", **error}
                responses["413"] = {"description": "Upload too large", **error}
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    components["Error"] = {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "status": {"type": "integer"},
                    "title": {"type": "string"},
                    "message": {"type": "string"},
                    "problems": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["status", "title", "message"],
            }
        },
    }
    app.openapi_schema = schema
    return schema


def _version() -> str:
    from storylens import __version__

    return __version__


def prepare_store(db_path: Path) -> None:
    """Create and migrate the store once, so read-only page connections can open it."""
    try:
        database.connect(db_path).close()
    except sqlite3.Error as exc:
        log.warning("storylens: cannot prepare %s: %s", db_path, exc)


@contextmanager
def reader(state: AppState) -> Iterator[sqlite3.Connection]:
    connection = database.connect(state.db_path, readonly=True)
    try:
        yield connection
    finally:
        connection.close()


def template_environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from storylens.report.html_report import percent, plural, safe_url

    env = Environment(
        loader=PackageLoader("storylens.web", "templates"),
        autoescape=True,  # every template: article text is hostile input
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        pct=percent,
        plural=plural,
        safe_url=safe_url,
        clip=views.clip,
        anchor=views.anchor,
        readable=views.readable_normalized,
        short_time=short_time,
        source_label=source_label,
    )
    env.globals.update(
        article_url=article_url,
        story_url=story_url,
        evidence_url=evidence_url,
        conflict_anchor=pages.conflict_anchor,
        status_hint=STATUS_HINT,
        relation=views.RELATION,
        span_kinds=pages.SPAN_KINDS,
        max_evidence=pages.MAX_EVIDENCE,
        max_listed=pages.MAX_LISTED,
        change_types=(*views.TYPED_CHANGES, "other"),
    )
    return env


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def evidence_url(span: dict[str, Any]) -> str:
    return f"{article_url(span['article'])}#{pages.span_anchor(span['start'])}"


def source_label(source: str | None) -> str | None:
    """Where an article was read from; an upload's temporary folder is gone, so only its name."""
    if source and UPLOAD_PREFIX in source:
        return "upload: " + Path(source.split(" (", 1)[0]).name
    return source


def short_time(value: str | None) -> str:
    """ISO timestamps as a reader scans them: date and minutes, no seconds or offset."""
    if not value:
        return "unknown"
    return value.replace("T", " ")[:16]


def render(state: AppState, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = state.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


# --------------------------------------------------------------------------- errors


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def error_response(
    request: Request, status: int, message: str, problems: list[str] | None = None
) -> Response:
    title = STATUS_TITLES.get(status, "Error")
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "title": title, "message": message}
        if problems:
            body["problems"] = problems
        response: Response = JSONResponse({"error": body}, status_code=status)
    else:
        state: AppState = request.app.state.storylens
        response = render(
            state,
            "error.html.j2",
            status=status,
            code=status,
            title=title,
            message=message,
            problems=problems or [],
        )
    response.headers.update(SECURITY_HEADERS)  # a 500 bypasses the middleware
    return response


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else STATUS_TITLES.get(exc.status_code)
        if exc.status_code == 404 and message == "Not Found":
            message = f"There is nothing at {request.url.path}."
        return error_response(request, exc.status_code, message or "Error")

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [validation_line(error) for error in exc.errors()]
        return error_response(request, 400, "The request is not valid.", problems)

    @app.exception_handler(LimitExceeded)
    async def too_large(request: Request, exc: LimitExceeded) -> Response:
        state: AppState = request.app.state.storylens
        return error_response(request, 413, upload_limit_message(state.limits))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("storylens: %s %s failed", request.method, request.url.path)
        message = f"The page could not be produced ({type(exc).__name__}). The error is logged."
        return error_response(request, 500, message)


def validation_line(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path"))
    return f"{where or 'request'}: {error.get('msg', 'invalid value')}"


def upload_limit_message(limits: UploadLimits) -> str:
    return (
        f"The upload is too large: at most {limits.max_files} files of "
        f"{limits.max_file_bytes / (1024 * 1024):g} MB each."
    )


# --------------------------------------------------------------------------- shared loaders


def load_report(state: AppState, connection: sqlite3.Connection, story_id: str) -> Any:
    """(row, parsed report) of a story, the parse cached per story version; None if absent."""
    row = queries.story_row(connection, story_id)
    if row is None:
        return None
    key = (story_id, row.updated_at)
    report = state.reports.get(key)
    if report is None:
        report = queries.story_report_json(connection, story_id)
        if report is None:
            return None
        state.reports.put(key, report)
    return row, report


def story_context(row: database.StoryRow, report: dict[str, Any]) -> dict[str, Any]:
    story = report["stories"][0] if report["stories"] else None
    if story is None:
        return {"row": row, "story": None, "report": report}
    index = pages.story_index(report)
    drawn = pages.graph_derivations(story)
    graph = views.graph_view({**story, "derivations": drawn}, index)
    return {
        "row": row,
        "report": report,
        "story": story,
        "index": index,
        "family_class": pages.family_classes(story),
        "claims": pages.claims_by_status(story),
        "quotes": pages.quotes_by_status(story),
        "graph": graph,
        "edge_labels": pages.edge_labels(graph),
        "drawn_derivations": len(drawn),
        "listed_derivations": pages.by_strength(story["derivations"])[: pages.MAX_EDGE_LIST],
        "timeline": pages.timeline_view(story, index),
        "loose": [a for a in story["article_ids"] if a not in views.family_of(story)],
    }


def article_context(
    state: AppState, connection: sqlite3.Connection, article_id: str, parent: str | None = None
) -> Any:
    """Everything the article page shows; the diff is against ``parent`` or the closest one."""
    row = queries.article_row(connection, article_id)
    if row is None:
        return None
    annotated = from_json(AnnotatedArticle, row.annotated)
    loaded = load_report(state, connection, row.story_id) if row.story_id else None
    context: dict[str, Any] = {
        "row": row,
        "annotated": annotated,
        "article": annotated.article,
        "story_row": None,
        "story": None,
        "family": None,
        "parents": [],
        "children": [],
        "rewrites": [],
        "compared": None,
        "index": None,
    }
    marks = pages.annotation_highlights(annotated)
    if loaded:
        story_row, report = loaded
        story = report["stories"][0]
        index = pages.story_index(report)
        parents, children = pages.derivations_of(story, article_id)
        parents = pages.by_strength(parents)
        compared = next((d for d in parents if d["parent"] == parent), None) or (
            parents[0] if parents else None
        )
        rewrites = []
        if compared:
            pair = pages.pair_story(story, compared["parent"], article_id)
            rewrites = [views.rewrite_view(compared, pair, index)]
        context.update(
            story_row=story_row,
            story=story,
            index=index,
            family=pages.family_of_article(story, article_id),
            parents=parents,
            children=pages.by_strength(children),
            rewrites=rewrites,
            compared=compared,
        )
        marks += pages.cited_highlights(story, article_id, story_url(story["id"]))
    context["paragraphs"] = pages.highlighted_paragraphs(annotated.article.text, marks)
    context["counts"] = pages.span_counts(annotated)
    return context


def article_page_key(connection: sqlite3.Connection, article_id: str) -> tuple | None:
    """What an article page depends on: the article's version and its story's version."""
    version = queries.article_version(connection, article_id)
    return ("article", article_id, *version) if version else None


def job_or_404(state: AppState, job_id: str) -> Job:
    job = state.runner.get(job_id)
    if job is None:
        raise HTTPException(404, f"There is no job {job_id} (jobs are forgotten on restart).")
    return job


# --------------------------------------------------------------------------- adding pages


async def read_submission(request: Request, state: AppState) -> tuple[list[str], list[UploadFile]]:
    """The URLs and files of an add form, with the size limit enforced while reading."""
    host = request.headers.get("host")
    if cross_site(request.headers, host):
        raise HTTPException(403, "Pages can only be added from this app's own pages.")
    limits = state.limits
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_request_bytes:
        raise LimitExceeded(limits.max_request_bytes)
    limited = Request(request.scope, limited_receive(request.receive, limits.max_request_bytes))
    form = await limited.form(max_files=limits.max_files, max_fields=limits.max_files + 20)
    urls_field = form.get("urls")
    urls = parse_urls(urls_field if isinstance(urls_field, str) else "")
    files = [
        f
        for f in form.getlist("files")
        if isinstance(f, UploadFile) and (f.filename or (f.size or 0) > 0)
    ]
    return urls, files


def check_submission(urls: list[str], files: list[UploadFile], state: AppState) -> None:
    limits = state.limits
    problems: list[str] = []
    status = 400
    if not urls and not files:
        raise Rejected(400, ["Nothing to add: give at least one URL or choose a file."])
    if len(urls) > limits.max_urls:
        problems.append(f"{len(urls)} URLs given; at most {limits.max_urls} at a time.")
    for url in urls[: limits.max_urls]:
        problem = url_problem(url, limits, state.allow_private_urls)
        if problem:
            problems.append(problem)
    for upload in files:
        size = upload.size or 0
        problem = file_problem(upload.filename or "", size, limits)
        if problem:
            problems.append(problem)
            if size > limits.max_file_bytes:
                status = 413
    if problems:
        raise Rejected(status, problems)


def save_uploads(files: list[UploadFile]) -> tuple[Path | None, list[str]]:
    """Copy uploads into a fresh private folder that the job deletes when it ends."""
    if not files:
        return None, []
    workdir = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
    taken: set[str] = set()
    paths = []
    for upload in files:
        target = workdir / safe_filename(upload.filename or "upload.txt", taken)
        upload.file.seek(0)
        with target.open("wb") as out:
            while chunk := upload.file.read(1024 * 1024):
                out.write(chunk)
        paths.append(str(target))
    return workdir, paths


async def submit(request: Request, state: AppState) -> Job:
    urls, files = await read_submission(request, state)
    check_submission(urls, files, state)
    workdir, paths = await run_in_threadpool(save_uploads, files)
    shown = [*(f"file: {f.filename}" for f in files), *(f"URL: {u}" for u in urls)]
    return state.runner.submit([*paths, *urls], shown, workdir)


# --------------------------------------------------------------------------- HTML pages


def add_html_routes(app: FastAPI, state: AppState) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        sort: Sort = "updated",
        q: Annotated[str, Query(max_length=200)] = "",
        min_conflicts: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> HTMLResponse:
        with reader(state) as connection:
            stories = queries.list_stories(
                connection, sort=sort, text=q, min_conflicts=min_conflicts
            )
            counts = queries.store_counts(connection)
            unassigned = queries.unassigned_articles(connection, limit=50)
            errors = database.recent_errors(connection, limit=20)
        return render(
            state,
            "index.html.j2",
            stories=stories,
            counts=counts,
            unassigned=unassigned,
            errors=errors,
            sort=sort,
            filter_text=q,
            min_conflicts=min_conflicts,
            jobs=state.runner.recent(5),
        )

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        with reader(state) as connection:
            version = queries.story_version(connection, story_id)
            if version is None:
                raise HTTPException(404, f"There is no story {story_id} in this store.")
            cached = state.pages.get(("story", story_id, version))
            if cached is not None:
                return HTMLResponse(cached)
            loaded = load_report(state, connection, story_id)
        if loaded is None:
            raise HTTPException(404, f"There is no story {story_id} in this store.")
        html = state.templates.get_template("story.html.j2").render(**story_context(*loaded))
        state.pages.put(("story", story_id, version), html)
        return HTMLResponse(html)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(
        article_id: str,
        parent: Annotated[str | None, Query(max_length=500)] = None,
    ) -> HTMLResponse:
        with reader(state) as connection:
            key = article_page_key(connection, article_id)
            if key is None:
                raise HTTPException(404, f"There is no article {article_id} in this store.")
            key = (*key, parent)
            cached = state.pages.get(key)
            if cached is not None:
                return HTMLResponse(cached)
            context = article_context(state, connection, article_id, parent)
        if context is None:
            raise HTTPException(404, f"There is no article {article_id} in this store.")
        html = state.templates.get_template("article.html.j2").render(**context)
        state.pages.put(key, html)
        return HTMLResponse(html)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
        with reader(state) as connection:
            hits = queries.search(connection, q) if q.strip() else []
        return render(state, "search.html.j2", query=q, hits=hits)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page() -> HTMLResponse:
        return add_form(state)

    @app.post("/add", include_in_schema=False)
    async def add_submit(request: Request) -> Response:
        try:
            job = await submit(request, state)
        except Rejected as rejected:
            return add_form(state, rejected.status, rejected.problems)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(job_id: str) -> HTMLResponse:
        job = job_or_404(state, job_id)
        with reader(state) as connection:
            story_titles = queries.titles(connection, "stories", job.stories_updated)
            article_titles = queries.titles(connection, "articles", job.added)
        return render(
            state,
            "job.html.j2",
            job=job,
            story_titles=story_titles,
            article_titles=article_titles,
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return render(state, "docs.html.j2", operations=api_operations(app.openapi()))


def add_form(state: AppState, status: int = 200, problems: list[str] | None = None) -> Response:
    return render(
        state,
        "add.html.j2",
        status=status,
        problems=problems or [],
        limits=state.limits,
        accept=",".join(ALLOWED_SUFFIXES),
        jobs=state.runner.recent(10),
        allow_private=state.allow_private_urls,
    )


def api_operations(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """The API's operations as the docs page lists them, read from the OpenAPI document."""
    operations = []
    for path, methods in sorted(openapi.get("paths", {}).items()):
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {})
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": schema_type(p.get("schema", {})),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": sorted(body),
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return operations


def schema_type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " or ".join(schema_type(s) for s in schema["anyOf"])
    return str(schema.get("type", "any"))


# --------------------------------------------------------------------------- JSON API


def add_api_routes(app: FastAPI, state: AppState) -> None:
    @app.get("/api/stories", summary="List stories", tags=["stories"])
    def api_stories(
        sort: Annotated[Sort, Query(description="Order of the list.")] = "updated",
        q: Annotated[str, Query(max_length=200, description="Text the title must contain.")] = "",
        min_conflicts: Annotated[
            int, Query(ge=0, le=1_000_000, description="Fewest conflicts.")
        ] = 0,
    ) -> dict[str, Any]:
        """Stories in the store with their counts, filtered and sorted as the front page."""
        with reader(state) as connection:
            rows = queries.list_stories(connection, sort=sort, text=q, min_conflicts=min_conflicts)
            counts = queries.store_counts(connection)
        return {"stories": [dataclasses.asdict(r) for r in rows], "counts": counts}

    @app.get("/api/stories/{story_id:path}", summary="One story", tags=["stories"])
    def api_story(story_id: str) -> Response:
        """The story's row and its stored report (report.json with this one story)."""
        with reader(state) as connection:
            row = queries.story_row(connection, story_id)
            raw = connection.execute(
                "SELECT report FROM stories WHERE id = ?", (story_id,)
            ).fetchone()
        if row is None or raw is None:
            raise HTTPException(404, f"There is no story {story_id} in this store.")
        head = json.dumps({"story": dataclasses.asdict(row)}, ensure_ascii=False)[:-1]
        return Response(f'{head}, "report": {raw[0]}}}', media_type="application/json")

    @app.get("/api/articles/{article_id:path}", summary="One article", tags=["articles"])
    def api_article(article_id: str) -> dict[str, Any]:
        """Clean text, removed boilerplate, annotation spans, family and parents of an article."""
        with reader(state) as connection:
            context = article_context(state, connection, article_id)
        if context is None:
            raise HTTPException(404, f"There is no article {article_id} in this store.")
        return article_json(context)

    @app.get("/api/search", summary="Full-text search", tags=["articles"])
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
        limit: Annotated[int, Query(ge=1, le=200, description="Most hits returned.")] = 50,
    ) -> dict[str, Any]:
        """Articles containing every word; ``highlights`` are offsets into ``snippet``."""
        with reader(state) as connection:
            hits = queries.search(connection, q, limit=limit)
        return {"query": q, "results": [search_json(hit) for hit in hits]}

    @app.get("/api/jobs/{job_id}", summary="An ingestion job", tags=["jobs"])
    def api_job(job_id: str) -> dict[str, Any]:
        """Progress of an ingestion job, then its result: articles added, stories, errors."""
        return job_or_404(state, job_id).to_json()

    @app.post(
        "/api/add",
        summary="Add pages",
        tags=["jobs"],
        status_code=202,
        openapi_extra={
            "requestBody": {
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "urls": {"type": "string", "description": "One URL per line."},
                                "files": {
                                    "type": "array",
                                    "items": {"type": "string", "format": "binary"},
                                },
                            },
                        }
                    }
                },
                "required": True,
            }
        },
    )
    async def api_add(request: Request) -> Response:
        """Queue URLs (form field "urls", one per line) and files (field "files") for analysis.

        Files: .html .htm .txt .md .json .jsonl, 5 MB each and 20 at most by default.
        Answers 202 with the job; poll /api/jobs/{id} until "active" is false.
        """
        try:
            job = await submit(request, state)
        except Rejected as rejected:
            return error_response(
                request, rejected.status, "The submission was refused.", rejected.problems
            )
        body = job.to_json() | {"url": f"/jobs/{job.id}", "api_url": f"/api/jobs/{job.id}"}
        return JSONResponse(body, status_code=202)


def article_json(context: dict[str, Any]) -> dict[str, Any]:
    article = context["article"]
    annotated = context["annotated"]
    return {
        "id": article.id,
        "title": article.title,
        "site": article.site,
        "author": article.author,
        "language": article.language,
        "published": article.published,
        "published_from": article.published_from,
        "source": dataclasses.asdict(article.source),
        "text": article.text,
        "removed": [dataclasses.asdict(r) for r in article.removed],
        "warnings": list(article.warnings),
        "story_id": context["row"].story_id,
        "family": context["family"],
        "parents": context["parents"],
        "children": [{k: v for k, v in d.items() if k != "changes"} for d in context["children"]],
        "annotations": pages.annotations_json(annotated),
    }


def search_json(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit with its snippet as plain text and the matched words as offsets into it."""
    text, highlights = "", []
    for piece, matched in hit["snippet"]:
        if matched:
            highlights.append([len(text), len(text) + len(piece)])
        text += piece
    return {**hit, "snippet": text, "highlights": highlights}
