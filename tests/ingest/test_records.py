def test_a_json_object_that_is_not_a_record_is_passed_over_inside_a_folder(tmp_path):
    from storylens.ingest import IngestOptions, read_inputs

    (tmp_path / "page.txt").write_text(
        "The harbour board voted on Monday to close the old ferry pier for repairs.\n",
        encoding="utf-8",
    )
    (tmp_path / "answer-key.json").write_text('{"format": 1, "articles": {}}', encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], IngestOptions()))
    assert [getattr(i, "id", None) for i in items] == ["page"]
    named = list(read_inputs([str(tmp_path / "answer-key.json")], IngestOptions()))
    assert len(named) == 1 and named[0].severity == "error"
