"""Records to JSON and back, so the store keeps annotations without re-running spaCy.

JSON rather than pickle: a store file may be shared between colleagues, and loading it must never
run code. Decoding follows the dataclass type hints, so it needs no per-record code.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(record: object) -> str:
    return json.dumps(dataclasses.asdict(record), ensure_ascii=False, sort_keys=True)  # type: ignore[arg-type]


def from_json(cls: type[T], text: str) -> T:
    return _decode(cls, json.loads(text))


@cache
def _hints(cls: type) -> dict[str, Any]:
    import storylens.model as model

    return typing.get_type_hints(cls, vars(model))


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0] if args else Any
        return tuple(_decode(item, element) for element in value)
    if origin is dict:
        return dict(value)
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        fields = {f.name for f in dataclasses.fields(hint) if f.init}
        return hint(**{k: _decode(hints[k], v) for k, v in value.items() if k in fields})
    return value
