"""Is this page in English? A stop-word vote, no model.

storylens analyses English. The most frequent function words of a language make up a third or
more of its running text, so counting them over the first few hundred words separates languages
written in Latin script; other scripts are told apart by their Unicode block.
"""

from __future__ import annotations

import re
import unicodedata

SAMPLE_WORDS = 400
MIN_WORDS = 25  # below this the vote is noise: give no verdict

STOP_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the of and to in is that for it was on with as he be by at are this from have "
        "has had not but his they an which were their will been would who its said after "
        "over about more than also into she her there when",
        "fr": "le la les des et est une un du en que qui dans pour pas sur au aux il elle "
        "ne se ce sont avec par plus ont été cette mais nous vous leur ses",
        "de": "der die das und ist nicht ein eine zu den mit sich des auf für im dem von "
        "auch es an als wie wird bei nach aus sind hat noch oder einer werden",
        "es": "el la los las de que y en un una es por con para del se al lo como más pero "
        "sus le ya fue este ha sido son entre también muy sobre",
        "pt": "o a os as de que e do da em um uma para com não dos das no na por mais se "
        "foi ao ele ela são como mas também seu sua pelo pela",
        "it": "il la di che e è un una per non con del della le gli si da sono al nel alla "
        "ha anche più come ma dei delle questo questa",
        "nl": "de het een en van is dat op te in zijn voor met niet die er aan ook als bij "
        "door werd maar om naar wordt deze hij",
        "sv": "och att det som en på är av för med till den har inte om ett var men jag de "
        "sig från vi så kan",
        "pl": "i w na z się nie do że to jest o jak po ale czy za od przez przy tak jego",
        "tr": "ve bir bu da de için ile olarak çok daha olan gibi ama en değil kadar sonra",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena "
        "ada oleh adalah",
    }.items()
}
NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "sv": "Swedish",
    "pl": "Polish",
    "tr": "Turkish",
    "id": "Indonesian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "el": "Greek",
    "he": "Hebrew",
    "hi": "Hindi",
    "th": "Thai",
}
SCRIPTS = {
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "GREEK": "el",
    "HEBREW": "he",
    "DEVANAGARI": "hi",
    "THAI": "th",
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Each stop word with the languages it belongs to: one look-up a word of text.
LANGUAGES_OF_WORD: dict[str, tuple[str, ...]] = {
    word: tuple(code for code, stop in STOP_WORDS.items() if word in stop)
    for word in frozenset().union(*STOP_WORDS.values())
}


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the text is too short to tell."""
    sample = text[:6000]
    script = dominant_script(sample)
    if script:
        return script
    words = [w.casefold() for w in WORD.findall(sample)[:SAMPLE_WORDS]]
    if len(words) < MIN_WORDS:
        return None
    counts = dict.fromkeys(STOP_WORDS, 0)
    for word in words:
        for code in LANGUAGES_OF_WORD.get(word, ()):
            counts[code] += 1
    shares = {code: count / len(words) for code, count in counts.items()}
    best = max(sorted(shares), key=lambda code: shares[code])
    if shares["en"] >= 0.12:
        return "en"
    return best if shares[best] >= 0.08 else None


def language_name(code: str) -> str:
    return NAMES.get(code, code)


NON_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]")


def dominant_script(text: str) -> str | None:
    """The language of a non-Latin script that writes most of the letters, if any."""
    if len(NON_LATIN.findall(text[:3000])) < 0.2 * min(len(text), 3000):
        return None
    counts: dict[str, int] = {}
    letters = 0
    for char in text[:3000]:
        if not char.isalpha():
            continue
        letters += 1
        if char.isascii():
            continue
        name = unicodedata.name(char, "").split(" ", 1)[0]
        if name in SCRIPTS:
            counts[name] = counts.get(name, 0) + 1
    if not letters or not counts:
        return None
    script = max(sorted(counts), key=lambda key: counts[key])
    if counts[script] / letters < 0.5:
        return None
    if script == "CYRILLIC" and any(c in text for c in "іїєґІЇЄҐ"):
        return "uk"
    return SCRIPTS[script]


IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def ideographs(text: str) -> int:
    """Characters of scripts written without spaces (Chinese, Japanese, Korean)."""
    return len(IDEOGRAPHIC.findall(text))
