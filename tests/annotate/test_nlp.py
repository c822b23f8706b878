from __future__ import annotations

from storylens.annotate.nlp import get_nlp, split_sentences


def _sentences(text: str) -> list[str]:
    doc = get_nlp()(text)
    return [text[s.start : s.end] for s in split_sentences(doc)]


def test_sentences_never_cross_a_newline() -> None:
    text = "The mayor of Port Avel spoke\nCouncillors listened carefully. Then they voted."
    sentences = _sentences(text)
    assert all("\n" not in s for s in sentences)
    assert sentences[0] == "The mayor of Port Avel spoke"


def test_opening_curly_quote_starts_the_next_sentence() -> None:
    text = "Ada Brandt left early. “We will be back next year,” she told reporters."
    sentences = _sentences(text)
    assert any(s.startswith("“We will") for s in sentences)
    assert not any(s.endswith("“") for s in sentences)


def test_sentences_are_trimmed_and_in_order() -> None:
    text = "  First line here.  \nSecond line, which goes on. Third one.  "
    doc = get_nlp()(text)
    sentences = split_sentences(doc)
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert all(not text[s.start].isspace() and not text[s.end - 1].isspace() for s in sentences)


def test_a_heading_without_a_full_stop_is_not_parsed_into_the_line_under_it() -> None:
    doc = get_nlp()("Latest news from the valley\nFloods closed the road to Estmere on Monday.")
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "Latest news from the valley",
        "Floods closed the road to Estmere on Monday.",
    ]
    closed = next(token for token in doc if token.text == "closed")
    assert [child.text for child in closed.children if child.dep_ == "nsubj"] == ["Floods"]
