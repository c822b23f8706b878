from __future__ import annotations

from storylens.annotate.numbers import parse_value, possible_currencies, word_to_number
from storylens.model import NumberMention


def _numbers(annotate, text: str) -> dict[str, NumberMention]:
    return {n.text: n for n in annotate(text, "2031-03-11").numbers}


def test_word_numbers() -> None:
    assert word_to_number("five") == 5
    assert word_to_number("twenty-one") == 21
    assert word_to_number("three hundred thousand") == 300_000
    assert word_to_number("third", ordinal=True) == 3
    assert parse_value("1,200") == 1200
    assert parse_value("$3.5 billion") == 3.5e9
    assert parse_value("17th", ordinal=True) == 17


def test_duration_counts_the_noun_it_modifies(annotate) -> None:
    number = _numbers(annotate, "Both sides accepted a 30-day ceasefire.")["30-day"]
    assert (number.value, number.unit, number.counted) == (30.0, "day", "ceasefire")


def test_ordinals_with_counted_nouns(annotate) -> None:
    numbers = _numbers(
        annotate, "The bloc drafted its 17th package of sanctions and a 12th round of talks."
    )
    assert (numbers["17th"].value, numbers["17th"].counted, numbers["17th"].ordinal) == (
        17.0,
        "package",
        True,
    )
    assert numbers["12th"].counted == "round"


def test_cardinals_money_and_percent(annotate) -> None:
    numbers = _numbers(
        annotate, "Five ministers approved $2.5 billion in aid, a rise of 12% on last year."
    )
    five = next(n for n in numbers.values() if n.value == 5)
    assert five.counted == "minister"
    money = next(n for n in numbers.values() if n.unit == "usd")
    assert money.value == 2.5e9
    percent = next(n for n in numbers.values() if n.unit == "percent")
    assert percent.value == 12


def test_people_unit(annotate) -> None:
    numbers = _numbers(annotate, "About 1,200 people were evacuated from the valley.")
    number = next(iter(numbers.values()))
    assert (number.value, number.unit) == (1200.0, "people")


def test_numbers_inside_dates_are_skipped(annotate) -> None:
    numbers = _numbers(annotate, "The treaty was signed on June 1, 2019 by two envoys.")
    assert [n.value for n in numbers.values()] == [2.0]


def test_a_part_of_a_counted_whole_counts_the_same_thing(annotate) -> None:
    text = "The Harbour Party won 31 of the 57 seats, and Lantern won 12 of the chamber's 57 seats."
    numbers = {n.text: n for n in annotate(text).numbers}
    assert numbers["31"].counted == "seat"
    assert numbers["12"].counted == "seat"


def test_a_part_of_nothing_counted_stays_uncounted(annotate) -> None:
    text = "The firm sold 40 of its shops and closed 12 of them in May."
    numbers = {n.text: n for n in annotate(text).numbers}
    assert numbers["12"].counted is None


def _told(annotate, text: str) -> list[tuple[float, str | None, str | None]]:
    return [(n.value, n.unit, n.counted) for n in annotate(text, "2031-03-11").numbers]


def test_the_verb_says_what_a_count_of_people_counts(annotate) -> None:
    told = _told(
        annotate, "The ferry sank on Sunday, killing 9 people and injuring 25, police said."
    )
    assert (9.0, "people", "death") in told and (25.0, "people", "injured") in told
    told = _told(annotate, "At least 6 people lost their lives and 14 were hurt in the blaze.")
    assert (6.0, "people", "death") in told and (14.0, "people", "injured") in told
    told = _told(annotate, "Four people died and 20 others were wounded in the storm.")
    assert (20.0, "people", "injured") in told


def test_a_number_word_opening_a_sentence_is_kept_when_a_verb_counts_it(annotate) -> None:
    told = _told(annotate, "Nine people were killed when the bridge at Oskeby collapsed.")
    assert (9.0, "people", "death") in told


def test_the_subject_of_an_active_kill_is_not_the_dead(annotate) -> None:
    told = _told(annotate, "Three gunmen killed two guards at the depot.")
    assert all(counted not in {"death", "injured"} for _v, _u, counted in told)


def test_a_part_of_the_injured_is_not_the_count_of_injured(annotate) -> None:
    told = _told(annotate, "Five of the injured were flown to the regional hospital.")
    assert all(counted != "injured" for _v, _u, counted in told)


def test_a_label_line_says_what_its_number_counts(annotate) -> None:
    text = "Key figures\n- Injured: 27, four of them badly\n- Dead: 5\n- Passengers on board: 90"
    told = _told(annotate, text)
    assert (27.0, "people", "injured") in told and (5.0, "people", "death") in told
    assert all(counted is None for value, _u, counted in told if value == 90)


def test_and_a_half() -> None:
    assert parse_value("six and a half hours") == 6.5
    assert parse_value("2 and a half million") == 2_500_000
    assert parse_value("more than six hours") == 6


def test_a_bare_number_after_a_verb_of_harm_is_what_the_verb_counts(annotate) -> None:
    told = _told(
        annotate,
        "A fever outbreak in the river port has killed 14 people and sickened 930 since March.",
    )
    assert (14.0, "people", "death") in told and (930.0, "people", "case") in told
    told = _told(annotate, "The measles wave has infected 412 people since January.")
    assert (412.0, "people", "case") in told


def test_lives_claimed_are_deaths_and_lives_saved_are_not(annotate) -> None:
    assert (17.0, "people", "death") in _told(
        annotate, "The flood has claimed 17 lives in the valley, the mayor said."
    )
    told = _told(annotate, "Rescuers saved 17 lives in the valley on Sunday.")
    assert all(counted != "death" for _v, _u, counted in told)


def test_money_spent_on_a_thing_counts_the_thing(annotate) -> None:
    told = _told(annotate, "Norvik Foods will spend $1.2 billion on a new bottling facility.")
    assert (1.2e9, "usd", "facility") in told
    told = _told(
        annotate,
        "Norvik Foods will spend 900 billion won ($650 million) on a bottling plant by the sea.",
    )
    assert (9e11, "krw", "plant") in told and (6.5e8, "usd", "plant") in told


def test_money_invested_in_a_named_place_counts_no_place(annotate) -> None:
    told = _told(annotate, "Norvik Foods will invest $2 billion in Peru over five years.")
    assert (2e9, "usd", None) in told


def test_a_sum_of_a_noun_counts_the_noun(annotate) -> None:
    told = _told(annotate, "The fund of almost €2.4 billion will pay for three new bridges.")
    assert (2.4e9, "eur", "fund") in told
    told = _told(annotate, "The council spent a total of €5 million on the bridges.")
    assert all(counted != "total" for _v, unit, counted in told if unit == "eur")


def test_what_is_offered_and_what_is_demanded_are_two_quantities(annotate) -> None:
    told = _told(annotate, "The union is demanding a 7% pay rise; the council has offered 3.5%.")
    assert (7.0, "percent", "demand") in told and (3.5, "percent", "offer") in told
    told = _told(annotate, "The council has offered nurses a 7% pay rise.")
    assert (7.0, "percent", "offer") in told
    told = _told(annotate, "The council has put 3.5% on the table.")
    assert (3.5, "percent", "offer") in told
    told = _told(annotate, "The nurses are asking for 7%.")
    assert (7.0, "percent", "demand") in told
    told = _told(annotate, "The council raised its offer from 3.5% on Tuesday.")
    assert (3.5, "percent", "offer") in told
    told = _told(annotate, "On Tuesday the council raises its offer to 4.1%.")
    assert (4.1, "percent", "offer") in told


def test_things_offered_keep_their_own_noun(annotate) -> None:
    told = _told(annotate, "The navy is expected to offer four ships to the new force.")
    assert (4.0, None, "ship") in told


def test_a_currency_sign_says_which_currencies_it_can_mean() -> None:
    assert possible_currencies("about R$ 240 million", "brl") == {"brl"}
    assert {"usd", "aud"} <= possible_currencies("$240 million", "usd")
    assert possible_currencies("A$ 240 million", "aud") == {"aud"}
    assert possible_currencies("€5 million", "eur") == {"eur"}
    assert "php" in possible_currencies("5 million pesos", "mxn")


def _pairs(text: str) -> list[tuple[str, int, int, dict[str, int], str | None]]:
    from storylens.annotate.numbers import find_pairs

    return [(p.text, p.high, p.low, dict(p.sides), p.phase) for p in find_pairs(text)]


def test_a_score_gives_each_side_its_number() -> None:
    assert _pairs("Rovena Town beat Castel Athletic 4-1 in the final.") == [
        ("4-1", 4, 1, {"Rovena Town": 4, "Castel Athletic": 1}, "result")
    ]
    assert _pairs("Castel lost 4-1 to Rovena Town on Sunday.") == [
        ("4-1", 4, 1, {"Castel": 1, "Rovena Town": 4}, "result")
    ]
    assert _pairs("HALF-TIME: Rovena 0-1 Castel.") == [
        ("0-1", 1, 0, {"Rovena": 0, "Castel": 1}, "half-time")
    ]
    assert _pairs("Castel were 1-0 up at the break.") == [("1-0", 1, 0, {"Castel": 1}, "half-time")]


def test_a_running_score_has_no_phase_and_a_range_is_no_pair() -> None:
    assert _pairs("Rovena 1-1 Castel.")[0][4] is None
    assert _pairs("The forum meets on 3-4 March in Lindor.") == []
    assert _pairs("Prices rose 10-15% in a year.") == []


def test_a_vote_split_in_digits_or_words() -> None:
    assert _pairs("The board voted 5-2 to close the mill.")[0][1:] == (5, 2, {}, "vote")
    assert _pairs("The board backed the plan 5-2.")[0][4] == "vote"
    assert _pairs("It passed by nine votes to four.")[0][:3] == ("nine votes to four", 9, 4)


def test_the_size_of_a_crowd_counts_the_crowd(annotate) -> None:
    numbers = annotate("A crowd of 17,850 watched the final. The attendance was 17,900.").numbers
    assert [n.counted for n in numbers] == ["attendance", "attendance"]


def test_a_percentage_counts_what_it_is_the_level_of(annotate) -> None:
    text = (
        "The bank raised its base rate to 6.75% on Tuesday, taking it to its highest since 2029. "
        "Inflation of 7.4% worried the council.\n"
        "Base rate: 6.75%"
    )
    counted = [n.counted for n in annotate(text).numbers if n.unit == "percent"]
    assert counted == ["rate", "inflation", "rate"]


def test_a_scale_joined_by_a_hyphen_scales_the_number() -> None:
    assert parse_value("C$1.84-billion") == 1.84e9
    assert parse_value("a €2-million grant") == 2e6


def test_a_percentage_the_tagger_misses_is_read_with_what_it_measures(annotate) -> None:
    text = "A Brell Research poll puts the Varne government's approval at just 31 per cent."
    number = _numbers(annotate, text)["31 per cent"]
    assert (number.value, number.unit, number.counted) == (31.0, "percent", "approval")


def test_a_currency_word_the_tagger_left_out_makes_the_number_a_sum(annotate) -> None:
    numbers = _numbers(
        annotate,
        "Thieves took works worth about 62 million koruna. The insurer put up a "
        "100,000-koruna reward.",
    )
    assert numbers["about 62 million koruna"].unit == "czk"
    reward = numbers["100,000-koruna"]
    assert (reward.value, reward.unit, reward.counted) == (100_000, "czk", "reward")
