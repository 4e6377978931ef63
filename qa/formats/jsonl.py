"""JSON Lines: one record a line, ``{"id": ..., "target": "...", "source": "..."}``.

``id`` (string or number) and ``target`` (string) are required, ``source`` is optional (string or
null); other keys are ignored and blank lines skipped. Each record is one paragraph; a finding's
``line`` is the record's line and its ``column`` counts code points of the target text (the JSON
escaping is not counted).
"""

from __future__ import annotations

import json
from typing import Iterable

from ..baseline import is_unicode
from ..errors import InputError
from ..model import Document
from ._units import Unit, documents


def read(text: str, data: bytes, name: str) -> tuple[Document, Document | None]:
    target, source = parse_lines(name, text.split("\n"), 1)
    if not target.paragraphs:
        raise InputError(name, "holds no record; there is nothing to check")
    return target, source


def parse_lines(name: str, lines: Iterable[str], first_line: int) -> tuple[Document, Document | None]:
    """The documents of the records on ``lines``, the first of them being line ``first_line``."""
    return documents(name, (_unit(name, line, n) for n, line in enumerate(lines, first_line) if line.strip()))


def _unit(name: str, line: str, n: int) -> Unit:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"line {n}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(name, f"line {n}: not a record qa reads (JSON nested too deep)") from None
    except ValueError as exc:  # a number of thousands of digits
        raise InputError(name, f"line {n}: not a record qa reads ({str(exc).split(';')[0]})") from None
    if not isinstance(record, dict):
        raise InputError(name, f"line {n}: a record must be a JSON object with \"id\" and \"target\"")
    if "id" not in record or "target" not in record:
        missing = " and ".join(f'"{k}"' for k in ("id", "target") if k not in record)
        raise InputError(name, f"line {n}: the record has no {missing}")
    uid, target, source = record["id"], record["target"], record.get("source")
    if not isinstance(uid, (str, int)) or isinstance(uid, bool):
        raise InputError(name, f'line {n}: "id" must be a string or a number')
    if not isinstance(target, str):
        raise InputError(name, f'line {n}: "target" must be a string')
    if source is not None and not isinstance(source, str):
        raise InputError(name, f'line {n}: "source" must be a string or null')
    for key, value in (("id", uid), ("target", target), ("source", source)):
        if isinstance(value, str) and not is_unicode(value):
            raise InputError(name, f'line {n}: "{key}" holds a lone surrogate (\\ud800-\\udfff), not a character')
    origin = None
    if "\n" in target:  # keep every position on the record's line
        origin = tuple((n, c) for c in range(1, len(target) + 2))
    return Unit(id=str(uid), target=target, source=source, line=n, origin=origin)
