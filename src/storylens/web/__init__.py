"""Web: a local app over the store to explore stories as they grow.

    create_app(db_path, allow_private_urls=False) -> FastAPI     # `storylens serve` runs it

Pages: / (stories), /stories/{id}, /articles/{id}, /search?q=, /add (URLs or files, analysed
in a background job), /jobs/{id}; each has a JSON twin under /api/, described at /docs and
/openapi.json.
"""
