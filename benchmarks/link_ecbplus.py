"""Read ECB+ token XML (../shared/data/ecbplus-dev) into plain articles with topic/event labels.

Each document is a list of ``<token sentence=..>`` elements; the text is rebuilt by joining
tokens with the usual detokenisation rules, one sentence per line. The URL line that opens most
``ecbplus`` documents is dropped: a page's body does not contain its own address. Each topic
holds two events: its ``ecb`` and its ``ecbplus`` half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from storylens.model import AnnotatedArticle, Article, Source

REPO = Path(__file__).resolve().parent.parent
ECB_ROOT = REPO.parent / "shared" / "data" / "ecbplus-dev" / "ECB+"
_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_NO_SPACE_BEFORE = {
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'re",
    "'ll",
    "'ve",
    "'m",
    "'d",
    "”",
    "'",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "#"}
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


@dataclass(frozen=True)
class EcbDocument:
    id: str  # "1_10ecb"
    topic: str  # "1"
    event: str  # "1-ecb" or "1-ecbplus"
    text: str


def _unescape(token: str) -> str:
    for escaped, plain in _ENTITIES.items():
        token = token.replace(escaped, plain)
    return {"``": "“", "''": "”"}.get(token, token)


def detokenize(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        if out and token not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += token
    return out


def parse_document(path: Path) -> EcbDocument:
    sentences: dict[int, list[str]] = {}
    for sentence, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
        sentences.setdefault(int(sentence), []).append(_unescape(token))
    lines = [detokenize(tokens) for _, tokens in sorted(sentences.items())]
    lines = [line for line in lines if not line.startswith("http") and line.strip()]
    name = path.stem
    topic = name.split("_")[0]
    half = "ecbplus" if name.endswith("ecbplus") else "ecb"
    return EcbDocument(id=name, topic=topic, event=f"{topic}-{half}", text="\n".join(lines))


def load_documents(root: Path = ECB_ROOT) -> list[EcbDocument]:
    """Every document, sorted by topic number then name."""
    paths = sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.stem))
    return [parse_document(p) for p in paths]


def to_annotated(doc: EcbDocument, annotate: bool = False) -> AnnotatedArticle:
    """An AnnotatedArticle, through the real annotate stage when asked and available."""
    article = Article(id=doc.id, source=Source(path=doc.id), text=doc.text)
    if annotate:
        try:
            from storylens.annotate import annotate_article
        except ImportError:
            annotate = False
        else:
            return annotate_article(article)
    return AnnotatedArticle(article=article)
