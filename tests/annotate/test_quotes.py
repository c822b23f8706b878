from __future__ import annotations

from storylens.annotate.quotes import find_quotations
from storylens.model import QuoteMention


def _direct(annotate, text: str) -> list[QuoteMention]:
    return [q for q in annotate(text).quotes if q.kind == "direct"]


def test_quote_with_named_speaker_after_it(annotate) -> None:
    text = "“We will rebuild the harbour before winter,” Mayor Ines Dollar told reporters."
    (quote,) = _direct(annotate, text)
    assert quote.text == "We will rebuild the harbour before winter"
    assert quote.speaker == "Ines Dollar"
    assert text[quote.speaker_start : quote.speaker_end] == "Ines Dollar"
    assert quote.cue == "tell"


def test_pronoun_speaker_resolves_to_the_full_name(annotate) -> None:
    text = (
        "Harbour master Tomas Berent inspected the pier on Monday. "
        "Berent praised the crews. “Nobody has worked harder than these people,” he said."
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Tomas Berent"
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_quote_running_over_a_line_break(annotate) -> None:
    text = (
        "In a post, Councillor Ada Brandt wrote, “The bridge will reopen in May.\n"
        "Until then, the ferry is free for everyone.”\n"
        "The council did not comment."
    )
    (quote,) = _direct(annotate, text)
    assert quote.text.startswith("The bridge will reopen")
    assert quote.text.endswith("free for everyone.")
    assert quote.speaker == "Ada Brandt"


def test_continuing_quote_keeps_the_previous_speaker(annotate) -> None:
    text = (
        "“We did everything we could to keep the school open,” Principal Lena Ortiz said. "
        "“The children deserve better than this decision.”"
    )
    quotes = _direct(annotate, text)
    assert [q.speaker for q in quotes] == ["Lena Ortiz", "Lena Ortiz"]


def test_colon_introduced_quote(annotate) -> None:
    text = 'Coach Pim Aarts was blunt: "We played badly and we deserved to lose the match."'
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Pim Aarts"


def test_scare_quotes_are_dropped(annotate) -> None:
    text = "The so-called “harbour plan” was never published by the town of Marrowby."
    assert _direct(annotate, text) == []


def test_leader_description_resolves_to_the_titled_person(annotate) -> None:
    text = (
        "Estonian President Kaja Remmel met the envoys in Marrowby. "
        "“This is a good day for all of us,” the Estonian leader said."
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Kaja Remmel"
    assert text[quote.speaker_start : quote.speaker_end] == "the Estonian leader"


def test_indirect_quote_said_that(annotate) -> None:
    text = "Finance Minister Ravi Noor said that the budget would be balanced by next year."
    quotes = [q for q in annotate(text).quotes if q.kind == "indirect"]
    assert len(quotes) == 1
    assert quotes[0].text == "the budget would be balanced by next year"
    assert quotes[0].speaker == "Ravi Noor"


def test_indirect_quote_according_to(annotate) -> None:
    text = "According to Ravi Noor, the budget will be balanced by next year."
    quotes = [q for q in annotate(text).quotes if q.kind == "indirect"]
    assert quotes and quotes[0].speaker == "Ravi Noor"
    assert quotes[0].text == "the budget will be balanced by next year"


def test_open_questions_are_not_indirect_quotes(annotate) -> None:
    text = "The club has yet to confirm whether Ravi Noor will attend the final."
    assert [q for q in annotate(text).quotes if q.kind == "indirect"] == []


def test_straight_and_typographic_marks_pair() -> None:
    text = 'He said "one two three four" and then «cinq six sept huit».'
    found = [(q.start, q.end) for q in find_quotations(text)]
    assert [text[s:e] for s, e in found] == ["one two three four", "cinq six sept huit"]


def test_indirect_quote_keeps_a_partial_quotation_whole(annotate) -> None:
    text = "Minister Ravi Noor said the port would reopen “very soon,” but gave no date."
    quotes = [q for q in annotate(text).quotes if q.kind == "indirect"]
    assert quotes and quotes[0].text.endswith("“very soon,”")
    assert quotes[0].speaker == "Ravi Noor"


def test_participle_after_a_comma_speaks_for_the_main_subject(annotate) -> None:
    text = (
        "Commissioner Vera Holt backed the plan but doubted that Ravi Noor would agree, "
        "stating that he might be too cautious to sign it."
    )
    quotes = [q for q in annotate(text).quotes if q.kind == "indirect"]
    stated = next(q for q in quotes if q.cue == "state")
    assert stated.speaker == "Vera Holt"


def test_a_speaker_the_parser_left_untagged_is_still_the_speaker(annotate) -> None:
    text = (
        "Chief executive: Claire Rouvel, who has run Lumen since 2027. Head office: Ghent, "
        "which neither company calls home today.\nWHAT THEY SAID\n"
        '"We kept every promise we made to the regulator, and we will keep them," Rouvel said.'
    )
    [quote] = annotate(text).quotes
    assert quote.speaker == "Rouvel"
    assert text[quote.speaker_start : quote.speaker_end] == "Rouvel"


def test_an_office_or_a_country_is_not_an_untagged_speaker(annotate) -> None:
    text = '"We will not sign this agreement under any pressure at all," the President said.'
    [quote] = annotate(text).quotes
    assert quote.speaker != "President"


def test_colon_after_a_person_in_apposition_gives_the_speaker(annotate) -> None:
    text = (
        "Her spokesman, Anton Velde, gave the line that everyone remembered: "
        '"We will rebuild every school before the winter comes."'
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Anton Velde"


def test_colon_line_under_a_heading_still_finds_its_speaker(annotate) -> None:
    text = (
        "The council met for six hours.\nThe line of the night\n"
        "Her spokesman, Anton Velde, offered the summary that will be quoted for years: "
        '"We will rebuild every school before the winter comes."'
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Anton Velde"
    assert text[quote.speaker_start : quote.speaker_end] == "Anton Velde"


def test_colon_after_a_thing_gives_no_speaker(annotate) -> None:
    text = (
        'The banner above the stage read: "We will rebuild every school before the winter comes."'
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker is None


def test_colon_after_a_group_gives_no_speaker(annotate) -> None:
    text = 'Analysts noted one thing: "The harbour will not reopen before the spring floods."'
    (quote,) = _direct(annotate, text)
    assert quote.speaker is None


def test_colon_after_an_organisation_gives_no_person_speaker(annotate) -> None:
    text = (
        "The Marrowby Rovers board was brief: "
        '"We thank him for four great seasons and wish him well."'
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker is None


def test_colon_quote_inside_a_longer_clause_gets_no_colon_speaker(annotate) -> None:
    text = (
        'Anton Velde had one sentence for the crowd: "rebuild every school before winter" '
        "and then he left the stage."
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker is None


def test_the_description_given_to_one_person_names_the_speaker(annotate) -> None:
    text = (
        "Marrowby Rovers signed Chilean forward Pablo Ferro on Monday. "
        "“I have waited for this chance all my life,” the forward said."
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Pablo Ferro"
    assert text[quote.speaker_start : quote.speaker_end] == "the forward"


def test_a_description_shared_by_two_people_names_nobody(annotate) -> None:
    text = (
        "Marrowby Rovers signed defender Pablo Ferro and defender Ivo Maric on Monday. "
        "“We are ready for the new season already,” the defender said."
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker is None


def test_colon_quote_with_its_full_stop_outside_the_marks_ends_the_sentence(annotate) -> None:
    text = (
        'Anton Velde was blunt: "We lost the match and we deserved to lose it". '
        "The team flew home on Sunday."
    )
    (quote,) = _direct(annotate, text)
    assert quote.speaker == "Anton Velde"


def test_a_quote_its_own_clause_introduces_does_not_continue_the_previous_one(annotate) -> None:
    text = (
        "Councillor Ada Brandt voted against it, and her reason was plain: the plan, she said, "
        "“would leave the old town without a bus for a year”.\n"
        "The mayor's own line at the meeting will be remembered for a while: "
        "“A town that stops moving is a town that stops living.”"
    )
    quotes = _direct(annotate, text)
    assert [q.speaker for q in quotes] == ["Ada Brandt", None]


def test_a_bare_quote_in_the_next_sentence_still_continues(annotate) -> None:
    text = (
        "“The bridge will reopen in May,” Councillor Ada Brandt said.\n"
        "“Until then, the ferry is free for everyone.”"
    )
    quotes = _direct(annotate, text)
    assert [q.speaker for q in quotes] == ["Ada Brandt", "Ada Brandt"]


def test_a_title_of_a_body_before_the_name_still_finds_the_speaker(annotate) -> None:
    text = (
        "Auditor Nadia Korr said she would examine the contract. Leader of the Official "
        "Opposition Derek Halvard, speaking in Ferrin, said the resignation did not end the "
        'matter. "This was not a mistake," he said.'
    )
    quotes = annotate(text).quotes
    assert {q.speaker for q in quotes if "resignation" in q.text or "mistake" in q.text} == {
        "Derek Halvard"
    }
