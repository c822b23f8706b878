"""Annotate: Article -> AnnotatedArticle (sentences, entities, titles, dates, numbers, quotes, events).

Contract used by the pipeline:
    annotate_article(article: Article) -> AnnotatedArticle
"""
