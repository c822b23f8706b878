"""Numbers: one quantity, different values; rounding, units and other contexts agree."""

from __future__ import annotations

import math

from storylens.compare import compare_story
from storylens.compare.numbers import same_within_rounding, value_range

from .builders import Doc, linked


def _deaths(doc_id: str, words: str, value: float) -> Doc:
    doc = Doc(
        doc_id, f"The flood in Dunmere killed {words} villagers on the river bank, officials said."
    )
    doc.number(words, value, None, "villager")
    return doc


def test_the_same_toll_with_different_values_is_a_number_conflict() -> None:
    findings = compare_story(linked(_deaths("a", "12", 12), _deaths("b", "15", 15)))
    [conflict] = findings.conflicts
    assert conflict.kind == "number"
    assert {v.evidence[0].text for v in conflict.values} == {"12", "15"}


def test_rounded_values_agree() -> None:
    assert same_within_rounding(1000, 1012)
    assert same_within_rounding(30, 30.0)
    assert not same_within_rounding(12, 15)
    findings = compare_story(linked(_deaths("a", "1,000", 1000), _deaths("b", "1,012", 1012)))
    assert findings.conflicts == ()


def test_one_length_in_two_spellings_agrees() -> None:
    a = Doc("a", "They called for a 30-day ceasefire across the front.")
    a.number("30-day", 30, "day", "ceasefire")
    b = Doc("b", "They called for a ceasefire of 30 days across the front.")
    b.number("30 days", 30, "day", "ceasefire")
    findings = compare_story(linked(a, b))
    assert findings.conflicts == ()
    [claim] = [c for c in findings.claims if c.kind == "number"]
    assert claim.families == 2 and claim.status == "corroborated"


def test_same_ordinal_with_different_nouns_is_not_compared() -> None:
    a = Doc("a", "The union is drafting its 17th package of sanctions.")
    a.number("17th", 17, None, "package", ordinal=True)
    b = Doc("b", "The union is drafting its 18th round of sanctions.")
    b.number("18th", 18, None, "round", ordinal=True)
    assert compare_story(linked(a, b)).conflicts == ()


def test_counts_in_different_contexts_are_not_a_conflict() -> None:
    a = Doc("a", "Rescuers found 12 people dead after the storm hit the coast.")
    a.number("12 people", 12, None, "people")
    b = Doc("b", "The mayor said 40 people had volunteered at the shelter downtown.")
    b.number("40 people", 40, None, "people")
    assert compare_story(linked(a, b)).conflicts == ()


def test_aligned_sentences_make_numbers_comparable() -> None:
    a = Doc("a", "Officials counted 200 boats.")
    a.number("200 boats", 200, None, "boat")
    b = Doc("b", "A tally showed 350 boats.")
    b.number("350 boats", 350, None, "boat")
    assert compare_story(linked(a, b)).conflicts == ()
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert conflict.kind == "number"


HARBOUR = "The Harbour Party won 31 seats in the new city council."


def _seats(doc_id: str, text: str, number: str, party: str | None = None) -> Doc:
    doc = Doc(doc_id, text)
    if party:
        doc.entity(party, "ORG")
    doc.number(number, float(number), counted="seat")
    return doc


def test_two_parties_tallies_are_two_quantities() -> None:
    a = _seats(
        "a", "The Harbour Party won 31 seats in the new city council.", "31", "Harbour Party"
    )
    b = _seats(
        "b", "The Lantern Group won 12 seats in the new city council.", "12", "Lantern Group"
    )
    assert compare_story(linked(a, b)).conflicts == ()


def test_one_partys_tally_given_two_ways_conflicts() -> None:
    a = _seats(
        "a", "The Harbour Party won 31 seats in the new city council.", "31", "Harbour Party"
    )
    b = _seats(
        "b", "The Harbour Party won 33 seats in the new city council.", "33", "Harbour Party"
    )
    [conflict] = compare_story(linked(a, b)).conflicts
    assert conflict.kind == "number"


def test_a_party_the_parser_missed_is_found_by_its_name_elsewhere() -> None:
    a = _seats(
        "a", "The Harbour Party won 31 seats in the new city council.", "31", "Harbour Party"
    )
    b = _seats("b", "Lantern Group won 12 seats in the new city council.", "12", "Lantern Group")
    c = _seats("c", "Lantern Group won 12 seats in the new city council.", "12")  # no entity
    assert compare_story(linked(a, b, c)).conflicts == ()


def test_seats_needed_for_a_majority_are_not_seats_won() -> None:
    a = _seats(
        "a", "The Harbour Party won 31 seats in the new city council.", "31", "Harbour Party"
    )
    b = _seats("b", "A majority in the new city council requires 29 seats.", "29")
    assert compare_story(linked(a, b)).conflicts == ()


def _cuts(doc_id: str, number: str, noun: str) -> Doc:
    doc = Doc(doc_id, f"Brenmoor Mills will cut {number} {noun}s over two years at its mills.")
    doc.number(number, float(number.replace(",", "")), counted=noun)
    return doc


def test_synonyms_of_what_is_counted_count_one_quantity() -> None:
    findings = compare_story(linked(_cuts("a", "1,300", "job"), _cuts("b", "3,100", "position")))
    [conflict] = findings.conflicts
    assert conflict.kind == "number"
    assert {v.evidence[0].text for v in conflict.values} == {"1,300", "3,100"}


def test_nouns_that_are_not_synonyms_stay_apart() -> None:
    findings = compare_story(linked(_cuts("a", "1,300", "job"), _cuts("b", "3,100", "machine")))
    assert findings.conflicts == ()


def _hours(doc_id: str, amount: str, value: float) -> Doc:
    doc = Doc(doc_id, f"The envoys met for {amount} hours at the old mill in Farrowgate.")
    doc.number(f"{amount} hours", value, "hour", None)
    return doc


def test_a_bound_agrees_with_a_value_inside_it() -> None:
    findings = compare_story(
        linked(_hours("a", "more than six", 6), _hours("b", "six and a half", 6.5))
    )
    assert findings.conflicts == ()
    findings = compare_story(linked(_hours("a", "up to nine", 9), _hours("b", "eight", 8)))
    assert findings.conflicts == ()


def test_a_value_outside_a_bound_conflicts() -> None:
    [conflict] = compare_story(
        linked(_hours("a", "at least nine", 9), _hours("b", "six", 6))
    ).conflicts
    assert conflict.kind == "number"
    [conflict] = compare_story(
        linked(_hours("a", "fewer than five", 5), _hours("b", "eight", 8))
    ).conflicts
    assert conflict.kind == "number"


def test_hedge_ranges() -> None:
    assert value_range(7, "more than") == (7, math.inf)
    assert value_range(40, "up to") == (-math.inf, 40)
    assert value_range(50, "nearly") == (45, 50)
    assert value_range(150, "about") == (135, 165)
    assert value_range(12, None) == (12, 12)


def test_an_open_bound_in_one_article_does_not_state_another_value() -> None:
    a = Doc("a", "Talks ran over three days and the envoys will have 30 days to finish a treaty.")
    a.number("three days", 3, "day", None)
    a.number("30 days", 30, "day", None)
    b = Doc("b", "Talks ran over three days and the envoys will have 45 days to finish a treaty.")
    b.number("three days", 3, "day", None)
    b.number("45 days", 45, "day", None)
    [conflict] = compare_story(linked(a, b)).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"30 days", "45 days"}


def _toll(doc_id: str, town: str, words: str, counted: str = "death") -> Doc:
    doc = Doc(doc_id, f"A fever outbreak in the port of {town} has killed {words} people.")
    doc.entity(town, "GPE")
    doc.number(words, float(words), "people", counted)
    return doc


def test_a_rewrite_that_swaps_the_holder_still_states_the_same_toll() -> None:
    a = _toll("a", "Velmora", "14")
    b = _toll("b", "Castrel", "41")
    assert compare_story(linked(a, b)).conflicts == ()  # two towns, two tolls
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"14", "41"}


def test_aligned_tallies_of_holders_both_articles_name_stay_apart() -> None:
    text = "The Harbour Party won 31 seats. The Lantern Group won 12 seats."
    a = _seats("a", text, "31", "Harbour Party")
    a.entity("Lantern Group", "ORG")
    b = _seats("b", text.replace("31", "30"), "12", "Lantern Group")
    b.entity("Harbour Party", "ORG")
    assert compare_story(linked(a, b, alignments=[("a", 0, "b", 1)])).conflicts == ()


def test_deaths_counted_by_noun_and_by_verb_are_one_toll() -> None:
    a = Doc("a", "Officials in Velmora said 23 deaths had been recorded by Tuesday night.")
    a.number("23", 23, None, "death")
    b = Doc("b", "Officials in Velmora said the fever had killed 32 people by Tuesday night.")
    b.number("32", 32, "people", "death")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"23", "32"}


def test_a_plant_and_a_facility_are_one_investment() -> None:
    a = Doc("a", "Norvik Foods will build a $1.2 billion bottling plant near the coast.")
    a.number("$1.2 billion", 1.2e9, "usd", "plant")
    b = Doc("b", "Norvik Foods will build a $2.1 billion bottling facility near the coast.")
    b.number("$2.1 billion", 2.1e9, "usd", "facility")
    [conflict] = compare_story(linked(a, b)).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"$1.2 billion", "$2.1 billion"}


def test_a_figure_near_both_disputed_values_takes_no_side() -> None:
    docs = []
    for doc_id, words, value in (("a", "1,184", 1184), ("b", "1,148", 1148)):
        doc = Doc(doc_id, f"The fever has sickened {words} people in Velmora since late April.")
        doc.number(words, value, "people", "case")
        docs.append(doc)
    c = Doc("c", "By then nearly 1,200 people had been sickened in Velmora since late April.")
    c.number("nearly 1,200", 1200, "people", "case")
    [conflict] = compare_story(linked(*docs, c, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.normalized for v in conflict.values} == {"1184", "1148"}


def test_the_other_sides_demand_does_not_state_the_offer() -> None:
    a = Doc("a", "The nurses' union is demanding a 7% pay rise; the council has offered 3.5%.")
    a.number("7%", 7, "percent", "demand")
    a.number("3.5%", 3.5, "percent", "offer")
    b = Doc("b", "The council has offered nurses a 7% pay rise, but the union wants more.")
    b.number("7%", 7, "percent", "offer")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"3.5%", "7%"}
    assert {v.article_ids for v in conflict.values} == {("a",), ("b",)}


def test_a_demand_and_an_offer_are_two_quantities() -> None:
    a = Doc("a", "The nurses' union is demanding a 7% pay rise from the council.")
    a.number("7%", 7, "percent", "demand")
    b = Doc("b", "The council has offered the nurses' union a 3.5% pay rise.")
    b.number("3.5%", 3.5, "percent", "offer")
    assert compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts == ()


def test_a_name_in_a_relative_clause_does_not_hold_the_number() -> None:
    a = Doc("a", "Dunmore Council has offered 3.5%. Its finance chief is Petra Holm.")
    a.entity("Dunmore Council", "ORG")
    a.entity("Petra Holm", "PERSON")
    a.number("3.5%", 3.5, "percent", "offer")
    b = Doc("b", "Dunmore Council, whose finance chief is Petra Holm, has offered nurses 7%.")
    b.entity("Dunmore Council", "ORG")
    b.entity("Petra Holm", "PERSON")
    b.number("7%", 7, "percent", "offer")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"3.5%", "7%"}


def test_the_new_value_of_a_reported_change_takes_no_side() -> None:
    a = Doc("a", "The council raised its offer from 3.5% to 4.1% on Tuesday.")
    a.number("3.5%", 3.5, "percent", "offer")
    a.number("4.1%", 4.1, "percent", "offer")
    b = Doc("b", "The council has offered the nurses a 7% pay rise.")
    b.number("7%", 7, "percent", "offer")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"3.5%", "7%"}
    c = Doc("c", "The force has 2,100 sailors, up from 1,800 in May.")
    c.number("2,100", 2100, None, "sailor")
    c.number("1,800", 1800, None, "sailor")
    d = Doc("d", "The force has 1,800 sailors in all.")
    d.number("1,800", 1800, None, "sailor")
    assert compare_story(linked(c, d, alignments=[("c", 0, "d", 0)])).conflicts == ()


def test_a_rewrite_that_keeps_one_value_of_a_reading_and_its_past_keeps_the_reading() -> None:
    a = Doc("a", "A poll put approval of the cabinet at 34%, down from 41% in January.")
    a.number("34%", 34, "percent", "approval")
    a.number("41%", 41, "percent", "approval")
    b = Doc("b", "A poll puts the cabinet's approval at just 31%.")
    b.number("31%", 31, "percent", "approval")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"34%", "31%"}


def test_a_figure_of_an_earlier_years_event_is_not_the_storys() -> None:
    first = "Thieves took works worth 62 million koruna, the largest theft since 2029."
    a = Doc("a", first, published="2032-11-08")
    a.number("62 million koruna", 62e6, "czk", None)
    then = "It is the largest theft since 2029, when silverware worth 30 million koruna went."
    b = Doc("b", then, published="2032-11-08")
    b.number("30 million koruna", 30e6, "czk", None)
    assert compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts == ()


def test_a_rounding_backs_the_value_it_rounds() -> None:
    a = Doc("a", "Ministers agreed a €2.35 billion aid package for the coast.")
    a.number("€2.35 billion", 2.35e9, "eur", "package")
    b = Doc("b", "Ministers agreed a €3.25 billion aid package for the coast.")
    b.number("€3.25 billion", 3.25e9, "eur", "package")
    c = Doc("c", "The package of almost €2.4 billion will pay for the coast.")
    c.number("almost €2.4 billion", 2.4e9, "eur", "package")
    story = linked(a, b, c, alignments=[("a", 0, "b", 0), ("c", 0, "b", 0)])
    [conflict] = compare_story(story).conflicts
    assert {v.normalized for v in conflict.values} == {"2350000000", "3250000000"}
    backed = next(v for v in conflict.values if v.normalized == "2350000000")
    assert backed.article_ids == ("a", "c")


def _delegations(doc_id: str, text: str, words: str, value: float) -> Doc:
    doc = Doc(doc_id, text)
    doc.number(words, value, None, "country")
    return doc


def test_a_rewrite_keeping_the_phrase_around_a_changed_number_states_one_quantity() -> None:
    a = _delegations("a", "Delegations from nine countries joined the talks.", "nine", 9)
    b = _delegations(
        "b", "Delegations from 11 countries attended the summit, hosted by the mayor.", "11", 11
    )
    assert compare_story(linked(a, b)).conflicts == ()  # independent pages: no evidence
    [conflict] = compare_story(linked(a, b, families=[["a", "b"]])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"nine", "11"}
    c = _delegations(
        "c", "Envoys from 11 countries attended the summit, hosted by the mayor.", "11", 11
    )
    assert compare_story(linked(a, c, families=[["a", "c"]])).conflicts == ()


def test_a_sum_given_in_another_currency_is_a_conflict() -> None:
    a = Doc("a", "Terminal operators are losing about R$ 240 million ($45 million) a day.")
    a.number("about R$ 240 million", 2.4e8, "brl")
    a.number("$45 million", 4.5e7, "usd")
    b = Doc("b", "Terminal operators are losing around $240 million a day.")
    b.number("around $240 million", 2.4e8, "usd")
    assert compare_story(linked(a, b)).conflicts == ()  # not shown to be one sentence
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.normalized for v in conflict.values} == {"240000000 brl", "240000000 usd"}


def test_a_bare_dollar_sign_may_be_the_other_pages_dollar() -> None:
    a = Doc("a", "Terminal operators are losing A$ 240 million a day.")
    a.number("A$ 240 million", 2.4e8, "aud")
    b = Doc("b", "Terminal operators are losing $240 million a day.")
    b.number("$240 million", 2.4e8, "usd")
    assert compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts == ()


def test_a_page_giving_one_sum_in_two_currencies_swaps_nothing() -> None:
    a = Doc("a", "The city gets a €5 million grant and a £5 million loan.")
    a.number("€5 million", 5e6, "eur")
    a.number("£5 million", 5e6, "gbp")
    b = Doc("b", "The city gets a £5 million grant and a loan.")
    b.number("£5 million", 5e6, "gbp")
    assert compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts == ()


def test_a_vote_split_told_two_ways_in_aligned_sentences_conflicts() -> None:
    a = Doc("a", "The board voted 5-2 to close the mill.")
    b = Doc("b", "The board voted 4-3 to close the mill.")
    assert compare_story(linked(a, b)).conflicts == ()  # not shown to be one vote
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.normalized for v in conflict.values} == {"5-2", "4-3"}


def test_a_score_reversed_between_the_same_sides_conflicts() -> None:
    a = Doc("a", "Castel led 2-0 at half-time before Rovena Town came back.")
    b = Doc("b", "Rovena were 2-0 up at the break, and Castel came back.")
    c = Doc("c", "HALF-TIME: Rovena 0-2 Castel.")
    story = linked(a, b, c, families=[["a", "b"]], alignments=[("a", 0, "c", 0)])
    [conflict] = compare_story(story).conflicts
    assert {v.normalized for v in conflict.values} == {"castel 2-0", "rovena 2-0"}
    agreeing = next(v for v in conflict.values if v.normalized == "castel 2-0")
    assert agreeing.article_ids == ("a", "c")  # 'Rovena 0-2 Castel' is 'Castel led 2-0'


def test_one_final_score_written_three_ways_agrees() -> None:
    a = Doc("a", "Rovena Town beat Castel Athletic 3-2 in the final.")
    b = Doc("b", "FULL TIME! Rovena Town 3-2 Castel Athletic.")
    c = Doc("c", "Castel lost 3-2 to Rovena Town in the final.")
    story = linked(a, b, c, alignments=[("a", 0, "b", 0), ("a", 0, "c", 0)])
    assert compare_story(story).conflicts == ()
    d = Doc("d", "Rovena Town beat Castel Athletic 3-1 in the final.")
    [conflict] = compare_story(linked(a, d, alignments=[("a", 0, "d", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"3-2", "3-1"}


def test_another_match_between_the_sides_is_not_compared() -> None:
    a = Doc("a", "Rovena Town beat Castel Athletic 3-2 in the final.")
    b = Doc("b", "Castel beat Rovena 2-0 in the league on Sunday.")
    assert compare_story(linked(a, b, families=[["a", "b"]])).conflicts == ()


def test_a_rewrite_swapping_the_ends_of_a_change_conflicts() -> None:
    a = Doc("a", "The bank raised its rate to 2.75% from 2.25% on Monday.")
    a.number("2.75%", 2.75, "percent")
    a.number("2.25%", 2.25, "percent")
    b = Doc("b", "The bank lifted its rate, taking it to 2.25% from 2.75% on Monday.")
    b.number("2.25%", 2.25, "percent")
    b.number("2.75%", 2.75, "percent")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"2.75%", "2.25%"}
    c = Doc("c", "The bank raised its rate from 2.25% to 2.75% on Monday.")
    c.number("2.25%", 2.25, "percent")
    c.number("2.75%", 2.75, "percent")
    assert compare_story(linked(a, c, alignments=[("a", 0, "c", 0)])).conflicts == ()


def test_one_part_of_a_breakdown_is_not_the_total() -> None:
    a = Doc("a", "Chile sent 62 rescuers, Colombia 38 and Mexico 43, the ministry said.")
    a.number("62", 62, None, "rescuer")
    a.number("38", 38, None, None)
    b = Doc("b", "Some 143 rescuers from Chile, Colombia and Mexico joined the search teams.")
    b.number("143", 143, None, "rescuer")
    assert compare_story(linked(a, b)).conflicts == ()


def test_a_place_named_in_an_apposition_holds_no_number() -> None:
    a = Doc(
        "a", "Banco Orla, one of Varnia's largest lenders, said hackers took 8.3 million files."
    )
    a.entity("Banco Orla", "ORG")
    a.entity("Varnia", "GPE")
    a.number("8.3 million", 8.3e6, None, "file")
    b = Doc("b", "Banco Orla said hackers took 3.8 million files from its servers.")
    b.entity("Banco Orla", "ORG")
    b.number("3.8 million", 3.8e6, None, "file")
    [conflict] = compare_story(linked(a, b, alignments=[("a", 0, "b", 0)])).conflicts
    assert {v.evidence[0].text for v in conflict.values} == {"8.3 million", "3.8 million"}
