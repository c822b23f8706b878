from __future__ import annotations

from storylens.annotate.fastruler import build_matcher
from storylens.annotate.nlp import get_nlp

TEXT = (
    "I ain't gonna lie: y'all know it's late. Let's go, c'mon! There is a way, and there "
    "were two. You said it was 'em, did you? He had had enough; she'd gotten it. "
    "Which one gets it? That is what we got.\n\n  The mayor of Port Avel — who was out — "
    "won't say. “Nothin' doin',” said ol' Ned."
)


def test_vectorised_matcher_gives_the_rulers_own_matches() -> None:
    nlp = get_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    doc = nlp.make_doc(TEXT)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = component(doc)
    fast = build_matcher(ruler)
    assert fast is not None
    original = type(ruler).match(ruler, doc)  # the Matcher-based method of the class
    assert fast(doc) == original
