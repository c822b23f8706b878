"""Extract: Document -> Article (main text, metadata, removed boilerplate).

Contract used by the pipeline:
    extract_articles(documents: Sequence[Document]) -> list[Article | InputError]
"""
