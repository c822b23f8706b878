"""Adding pages: the upload is analysed in a background job whose page shows progress, then
the result."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from storylens.web.app import create_app

PAGE = """Velmora library reopens after flood repairs

The public library of the fictional town of Velmora reopened on Monday after eight months of
repairs, head librarian Anselm Brook said. "The reading room is dry again," Brook said.

Water from the river Quen reached the ground floor in March and ruined about 4,000 books, most
of them in the children's section. The town council paid for new floors, new shelves and a
pump room under the stairs, and volunteers spent the summer drying and sorting what could be
saved. Brook said the library would open until eight in the evening on weekdays from next
month, and that a reading club for older residents would meet on Thursday mornings.
"""


def wait_for(client: TestClient, job_id: str, seconds: float = 300) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        job = client.get(f"/api/jobs/{job_id}").json()
        if not job["active"] or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def test_an_uploaded_page_is_analysed_in_a_job(tmp_path):
    with TestClient(create_app(tmp_path / "store.db")) as client:
        files = [("files", ("library.txt", PAGE.encode(), "text/plain"))]
        response = client.post("/api/add", files=files)
        assert response.status_code == 202
        job = response.json()
        assert job["inputs"] == ["file: library.txt"] and job["url"] == f"/jobs/{job['id']}"
        page = client.get(job["url"]).text
        if 'http-equiv="refresh"' not in page:  # the job may already be over
            assert "done" in page
        finished = wait_for(client, job["id"])
        assert finished["status"] == "done", finished
        assert finished["added"] == ["library"]
        article = client.get("/api/articles/library").json()
        assert "reading room is dry" in article["text"]
        assert "<code>upload: library.txt</code>" in client.get("/articles/library").text
        done_page = client.get(job["url"]).text
        assert 'http-equiv="refresh"' not in done_page and 'href="/articles/library"' in done_page
        again = client.post("/api/add", files=files).json()
        assert wait_for(client, again["id"])["skipped"] == 1  # the same page is not added twice


def test_the_form_redirects_to_the_job_page(tmp_path):
    with TestClient(create_app(tmp_path / "store.db")) as client:
        files = [("files", ("../../etc/evil name.txt", PAGE.encode(), "text/plain"))]
        response = client.post("/add", files=files, follow_redirects=False)
        assert response.status_code == 303
        location = response.headers["location"]
        assert location.startswith("/jobs/")
        finished = wait_for(client, location.rsplit("/", 1)[1])
        assert finished["added"] == ["evil-name"]  # no path, no odd characters


def test_a_failed_job_says_why_on_its_page(tmp_path, monkeypatch):
    from storylens.store import update

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is\nfull")

    monkeypatch.setattr(update, "ingest", broken)
    with TestClient(create_app(tmp_path / "store.db")) as client:
        files = [("files", ("library.txt", PAGE.encode(), "text/plain"))]
        job = client.post("/api/add", files=files).json()
        finished = wait_for(client, job["id"])
        assert finished["status"] == "failed" and finished["failure"] == "the disk is full"
        page = client.get(f"/jobs/{job['id']}").text
        assert "The job failed:" in page and "the disk is full" in page
