"""The JSON API and the HTML pages over a store built from the sample story."""

from __future__ import annotations

from urllib.parse import quote

pytest_plugins = ["web_fixtures"]  # the store and client fixtures
HOSTILE_ID = "hostile-page"  # written by web_fixtures.sample_store_path


def test_story_list_counts_articles_families_and_conflicts(client, story_id):
    body = client.get("/api/stories").json()
    story = next(s for s in body["stories"] if s["id"] == story_id)
    assert story["article_count"] >= 4
    assert 1 <= story["family_count"] <= story["article_count"]
    assert story["conflict_count"] >= 1
    assert body["counts"]["articles"] >= story["article_count"] + 1  # the hostile page too


def test_story_list_filters_by_title_and_conflicts(client, story_id):
    title = client.get("/api/stories").json()["stories"][0]["title"]
    word = max(title.split(), key=len)
    assert [s["id"] for s in client.get("/api/stories", params={"q": word}).json()["stories"]]
    assert client.get("/api/stories", params={"q": "no such title xyz"}).json()["stories"] == []
    assert client.get("/api/stories", params={"q": "%"}).json()["stories"] == []  # not a wildcard
    many = client.get("/api/stories", params={"min_conflicts": 10_000}).json()
    assert many["stories"] == []


def test_story_list_sort_must_be_known(client):
    response = client.get("/api/stories", params={"sort": "bogus"})
    assert response.status_code == 400
    assert response.json()["error"]["problems"][0].startswith("sort:")
    for sort in ("updated", "articles", "conflicts", "published", "title"):
        assert client.get("/api/stories", params={"sort": sort}).status_code == 200


def test_story_api_gives_the_report_with_exact_evidence(client, story_id):
    body = client.get(f"/api/stories/{story_id}").json()
    assert body["story"]["id"] == story_id
    report = body["report"]
    texts = {a["id"]: a["text"] for a in report["articles"]}
    conflicts = report["stories"][0]["conflicts"]
    assert conflicts
    for conflict in conflicts:
        assert len(conflict["values"]) >= 2
        for value in conflict["values"]:
            for span in value["evidence"]:
                assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


def test_article_api_has_spans_family_and_parent(client, story_id):
    report = client.get(f"/api/stories/{story_id}").json()["report"]
    derivation = report["stories"][0]["derivations"][0]
    body = client.get(f"/api/articles/{quote(derivation['child'], safe='')}").json()
    assert body["story_id"] == story_id
    assert derivation["parent"] in [d["parent"] for d in body["parents"]]
    assert derivation["child"] in body["family"]["article_ids"]
    entities = body["annotations"]["entities"]
    assert entities
    for entity in entities:
        assert body["text"][entity["start"] : entity["end"]] == entity["text"]


def test_search_api_marks_the_words_found(client):
    body = client.get("/api/search", params={"q": "cable"}).json()
    assert body["results"]
    for hit in body["results"]:
        assert hit["highlights"]
        for start, end in hit["highlights"]:
            assert hit["snippet"][start:end].casefold().startswith("cable")


def test_search_treats_fts_syntax_as_words(client):
    for query in ('"', "cable OR", "NEAR(", "*", "cable AND -x"):
        assert client.get("/api/search", params={"q": query}).status_code == 200
    assert client.get("/api/search").status_code == 400


def test_unknown_things_are_404_in_json_and_html(client):
    for path in ("/api/stories/nope", "/api/articles/nope", "/api/jobs/nope", "/api/nothing"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["error"]["status"] == 404
    for path in ("/stories/nope", "/articles/nope", "/jobs/nope", "/nothing"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "404" in response.text and "Back to the stories" in response.text


def test_openapi_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/search", "/api/add"):
        assert path in paths
    assert any(p.startswith("/api/articles/") for p in paths)
    assert any(p.startswith("/api/jobs/") for p in paths)
    assert not any(p in paths for p in ("/", "/add", "/search"))  # pages stay out of the API
    for operations in paths.values():
        for operation in operations.values():
            assert "422" not in operation["responses"]  # invalid input answers 400
    assert set(paths["/api/add"]["post"]["responses"]) >= {"202", "400", "403", "413"}


def test_docs_page_lists_operations_without_loading_anything_from_elsewhere(client):
    html = client.get("/docs").text
    assert "/api/add" in html and "/openapi.json" in html
    assert "<script" not in html
    assert 'src="http' not in html and 'href="http' not in html


def test_front_page_lists_the_story_and_the_page_in_no_story(client, story_id):
    html = client.get("/").text
    assert f'href="/stories/{story_id}"' in html
    assert f'href="/articles/{HOSTILE_ID}"' in html
    assert "No story matches" in client.get("/", params={"q": "no such title xyz"}).text
    assert client.get("/", params={"min_conflicts": -1}).status_code == 400


def test_story_page_shows_conflicts_consensus_graph_and_timeline(client, story_id):
    html = client.get(f"/stories/{story_id}").text
    for section in ('id="conflicts"', 'id="consensus"', 'id="single"', 'id="graph"'):
        assert section in html
    assert html.count('class="conflict"') >= 1
    assert '<div class="values">' in html and "<mark>" in html
    assert 'class="edge ' in html and 'class="el"' in html  # edges with kind labels
    assert 'id="timeline"' in html and "<svg" in html
    assert client.get(f"/stories/{story_id}").text == html  # cached render, same page


def test_article_page_highlights_spans_and_shows_the_diff(client, story_id):
    report = client.get(f"/api/stories/{story_id}").json()["report"]
    derivation = report["stories"][0]["derivations"][0]
    html = client.get(f"/articles/{quote(derivation['child'], safe='')}").text
    assert 'class="k-entity' in html or 'class="k-date' in html
    assert 'class="cited"' in html or derivation["changes"] == []
    assert 'id="diff"' in html and '<table class="diff">' in html
    assert 'id="removed"' in html


def test_evidence_links_land_on_an_anchor_in_the_article(client, story_id):
    report = client.get(f"/api/stories/{story_id}").json()["report"]
    span = report["stories"][0]["conflicts"][0]["values"][0]["evidence"][0]
    html = client.get(f"/articles/{quote(span['article'], safe='')}").text
    assert f'id="at-{span["start"]}"' in html
    story_html = client.get(f"/stories/{story_id}").text
    assert f"/articles/{quote(span['article'], safe='')}#at-{span['start']}" in story_html


def test_search_page_highlights_hits(client):
    html = client.get("/search", params={"q": "summit"}).text
    assert "<mark>" in html.split('class="hits"', 1)[1]
    assert "No article contains" in client.get("/search", params={"q": "zzzqqq"}).text


def test_cached_pages_follow_the_story_as_it_changes(sample_store, tmp_path):
    import sqlite3

    from fastapi.testclient import TestClient

    from storylens.store import database as db
    from storylens.web.app import create_app

    path = tmp_path / "store.db"
    with sqlite3.connect(sample_store) as source, sqlite3.connect(path) as target:
        source.backup(target)
    writer = db.connect(path)
    row = max(db.story_rows(writer), key=lambda r: r.article_count)
    article = f"/articles/{quote(row.article_ids[0], safe='')}"
    with TestClient(create_app(path)) as client:
        assert row.title in client.get(f"/stories/{row.id}").text
        assert row.title in client.get(article).text
        report = db.story_report(writer, row.id)
        renamed = db.StoryRow(**{**row.__dict__, "title": "Renamed story", "updated_at": "9999"})
        db.save_story(writer, renamed, report)
        assert "Renamed story" in client.get(f"/stories/{row.id}").text
        assert "Renamed story" in client.get(article).text
    writer.close()
