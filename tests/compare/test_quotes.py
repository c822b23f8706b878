"""Quote groups (verbatim, variant, single-source) and quote and attribution conflicts."""

from __future__ import annotations

from storylens.compare import compare_story
from storylens.compare.quotes import pronoun_named_nearby, same_statement
from storylens.model import QuoteMention

from .builders import Doc, linked

STATEMENT = "We will stand by the harbour workers until the strike ends"


def _said(doc_id: str, words: str, speaker: str, extra: str = "") -> Doc:
    doc = Doc(doc_id, f"Mayor Ilse Koren spoke at the docks. “{words},” Koren said.{extra}")
    doc.title("Mayor", "Ilse Koren", "mayor")
    doc.quote(words, speaker)
    return doc


def test_verbatim_and_truncated_copies_form_one_group() -> None:
    a = _said("a", STATEMENT, "Koren")
    b = _said("b", STATEMENT.lower(), "Ilse Koren")
    c = _said("c", "We will stand by the harbour workers", "Koren")
    findings = compare_story(linked(a, b, c))
    [group] = findings.quotes
    assert group.status == "verbatim"
    assert group.article_ids == ("a", "b", "c")
    assert group.families == 3
    assert group.text == STATEMENT
    assert findings.conflicts == ()


def test_a_quote_only_one_family_carries_is_single_source() -> None:
    a = _said("a", STATEMENT, "Koren")
    b = _said("b", STATEMENT, "Koren")
    findings = compare_story(linked(a, b, families=[["a", "b"]]))
    [group] = findings.quotes
    assert group.status == "single-source" and group.families == 1


def test_the_same_words_given_to_two_people_is_an_attribution_conflict() -> None:
    a = _said("a", STATEMENT, "Koren")
    b = Doc("b", f"Union chief Tam Orlov spoke. “{STATEMENT},” Orlov said.")
    b.entity("Tam Orlov")
    b.quote(STATEMENT, "Tam Orlov")
    findings = compare_story(linked(a, b))
    [conflict] = findings.conflicts
    assert conflict.kind == "attribution"
    assert {v.value for v in conflict.values} == {"Ilse Koren", "Tam Orlov"}


def test_reworded_quote_of_the_same_moment_is_a_quote_conflict() -> None:
    a = _said("a", "If the talks can work, I will go there myself", "Koren")
    b = _said("b", "if I see a chance of progress", "Koren")
    findings = compare_story(linked(a, b, alignments=[("a", 1, "b", 1)]))
    [conflict] = findings.conflicts
    assert conflict.kind == "quote"
    assert {v.evidence[0].text for v in conflict.values} == {
        "If the talks can work, I will go there myself",
        "if I see a chance of progress",
    }
    assert {g.status for g in findings.quotes} == {"variant"}


def test_different_statements_by_one_speaker_are_not_variants() -> None:
    a = _said("a", STATEMENT, "Koren", " The weather was cold and grey over the bay.")
    b = _said("b", "The city budget will be published in the autumn", "Koren")
    findings = compare_story(linked(a, b))
    assert findings.conflicts == ()
    assert {g.status for g in findings.quotes} == {"single-source"}


def test_scare_quotes_are_not_grouped() -> None:
    a = Doc("a", "She called it “useless” again.")
    a.quote("useless", "Ilse Koren")
    assert compare_story(linked(a)).quotes == ()


def test_shared_words_with_a_different_meaning_are_not_variants() -> None:
    a = _said("a", "I love this city and its people", "Koren")
    b = _said("b", "The people of this city deserve lower taxes and cleaner streets", "Koren")
    findings = compare_story(linked(a, b))
    assert findings.conflicts == ()
    assert {g.status for g in findings.quotes} == {"single-source"}


def test_a_paraphrase_close_in_meaning_is_one_statement() -> None:
    assert same_statement(overlap=0.2, similarity=0.9)


def test_half_the_words_shared_needs_meanings_that_do_not_disagree() -> None:
    assert same_statement(overlap=0.6, similarity=0.7)
    assert not same_statement(overlap=0.6, similarity=0.5)


def test_without_the_model_the_shared_words_decide() -> None:
    assert same_statement(overlap=0.5, similarity=None)
    assert not same_statement(overlap=0.4, similarity=None)


def _pronoun_quote(text: str, words: str, speaker: str, pronoun: str) -> QuoteMention:
    start = text.index(words)
    at = text.index(f" {pronoun} said") + 1
    return QuoteMention(start, start + len(words), words, "direct", speaker, at, at + len(pronoun))


def test_a_pronoun_speaker_counts_when_named_in_its_paragraph() -> None:
    text = "Tam Orlov left early.\nOrlov looked tired. “We will be back on Monday,” he said."
    quote = _pronoun_quote(text, "We will be back on Monday", "Tam Orlov", "he")
    assert pronoun_named_nearby(text, quote)


def test_a_pronoun_speaker_named_only_paragraphs_back_is_not_trusted() -> None:
    text = "Tam Orlov left early.\nBrannick looked tired. “We will be back on Monday,” he said."
    quote = _pronoun_quote(text, "We will be back on Monday", "Tam Orlov", "he")
    assert not pronoun_named_nearby(text, quote)
    named = QuoteMention(quote.start, quote.end, quote.text, "direct", "Tam Orlov", 0, 9)
    assert pronoun_named_nearby(text, named)  # a name, not a pronoun: always counts


def test_a_far_pronoun_speaker_makes_no_attribution_conflict() -> None:
    a = _said("a", STATEMENT, "Koren")
    text = f"Tam Orlov arrived.\nBrannick spoke next. “{STATEMENT},” he said."
    b = Doc("b", text)
    b.entity("Tam Orlov")
    b.quotes.append(_pronoun_quote(text, STATEMENT, "Tam Orlov", "he"))
    assert [c for c in compare_story(linked(a, b)).conflicts if c.kind == "attribution"] == []


def test_a_fragment_two_remarks_share_does_not_join_them() -> None:
    a = _said("a", "We came here to bring the harbour workers home", "Koren")
    b = Doc(
        "b",
        "Union chief Tam Orlov spoke. “Our task is to bring the harbour workers home,” Orlov said.",
    )
    b.entity("Tam Orlov")
    b.quote("Our task is to bring the harbour workers home", "Tam Orlov")
    c = _said("c", "to bring the harbour workers home", "Koren")
    findings = compare_story(linked(a, b, c))
    assert [c for c in findings.conflicts if c.kind == "attribution"] == []


FILLER = " ".join(f"Berth {i} stood empty." for i in range(24))


def _said_by_the_chief(doc_id: str, words: str) -> Doc:
    """Koren, called by her post before each quote, with enough other sentences that the
    post's words are rare in the story."""
    doc = Doc(
        doc_id,
        f"Harbour Trust chief executive Ilse Koren spoke. “{words},” Koren said. {FILLER}",
    )
    doc.title("Harbour Trust chief executive", "Ilse Koren", "chief executive", "Harbour Trust")
    doc.quote(words, "Koren")
    return doc


def test_the_speakers_title_around_two_remarks_does_not_make_them_one_moment() -> None:
    a = _said_by_the_chief("a", STATEMENT)
    b = _said_by_the_chief("b", "The city budget will be published in the autumn")
    findings = compare_story(linked(a, b))
    assert [c for c in findings.conflicts if c.kind == "quote"] == []


def test_a_page_giving_the_words_to_another_speaker_is_no_evidence_of_the_wording() -> None:
    a = _said("a", "If the talks can work, I will go there myself", "Koren")
    b = _said("b", "if I see a chance of progress", "Koren")
    c = Doc("c", "Union chief Tam Orlov spoke. “If the talks can work, I will go there myself.”")
    c.entity("Tam Orlov")
    c.quote("If the talks can work, I will go there myself", "Tam Orlov")
    findings = compare_story(linked(a, b, c, alignments=[("a", 1, "b", 1)]))
    [quote] = [c for c in findings.conflicts if c.kind == "quote"]
    assert {e.article for v in quote.values for e in v.evidence} == {"a", "b"}
    assert [c.kind for c in findings.conflicts if c.kind == "attribution"] == ["attribution"]


def _koren_pages() -> tuple[Doc, Doc, Doc]:
    """Ilse Koren says the words; a second page gives them to a bare 'Koren'; a third names
    another Koren, so the bare surname resolves to no one person."""
    a = Doc("a", f"Mayor Ilse Koren spoke at the docks. “{STATEMENT},” Ilse Koren said.")
    a.title("Mayor", "Ilse Koren", "mayor")
    a.entity("Ilse Koren", nth=1)
    a.quote(STATEMENT, "Ilse Koren")
    b = Doc("b", f"The mayor spoke at the docks. “{STATEMENT},” Koren said.")
    b.entity("Koren")
    b.quote(STATEMENT, "Koren")
    c = Doc("c", "Her brother Pim Koren runs the ferry. Pim Koren was not there.")
    c.entity("Pim Koren")
    return a, b, c


def test_a_bare_surname_and_the_full_name_it_ends_make_no_attribution_conflict() -> None:
    findings = compare_story(linked(*_koren_pages()))
    assert [c for c in findings.conflicts if c.kind == "attribution"] == []


def test_another_full_name_with_the_same_surname_is_still_another_speaker() -> None:
    a, _b, c = _koren_pages()
    d = Doc("d", f"Pim Koren spoke at the docks. “{STATEMENT},” Pim Koren said.")
    d.entity("Pim Koren")
    d.entity("Pim Koren", nth=1)
    d.quote(STATEMENT, "Pim Koren")
    findings = compare_story(linked(a, c, d))
    [conflict] = [c for c in findings.conflicts if c.kind == "attribution"]
    assert {v.value for v in conflict.values} == {"Ilse Koren", "Pim Koren"}
