"""JSON Lines: one record a line, ``{"id": ..., "target": "...", "source": "..."}``.

``id`` (string or number) and ``target`` (string) are required, ``source`` is optional (string or
null); other keys are ignored and blank lines skipped. Each record is one paragraph; a finding's
``line`` is the record's line and its ``column`` the code point of the line where the character is
written (a character written as an escape, ``\\n`` or ``\\u0915``, points at its backslash).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.decoder import scanstring  # type: ignore[attr-defined]  # public since Python 2, absent from typeshed's stubs

from ..baseline import is_unicode
from ..errors import InputError
from ..model import Document
from ..text.lazy import lazy_re
from ._units import Runs, Unit, documents


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
    return Unit(id=str(uid), target=target, source=source, line=n, origin=_origin(line, target, n))


_KEY = lazy_re(r'"target"\s*:\s*"')
_PIECE = lazy_re(r'\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.|[^"\\]+')


def _origin(line: str, target: str, n: int) -> Runs | None:
    """Where each code point of ``target`` is written on ``line`` (an escape: at its backslash),
    as compact runs; None (positions counted in the target from column 1) if it cannot be found."""
    for key in _KEY.finditer(line):
        try:
            value, _ = scanstring(line, key.end())
        except ValueError:
            continue
        if value != target:
            continue
        runs, count = Runs(), 0
        for piece in _PIECE.finditer(line, key.end()):
            text = piece.group()
            if text[0] == "\\":
                runs.add(count, n, piece.start() + 1, 0)
                count += 1
            else:
                runs.add(count, n, piece.start() + 1, 1)
                count += len(text)
            if count >= len(target):
                break
        runs.end = (n, key.end() + _literal_length(line, key.end()) + 1)
        runs.close(len(target))
        return runs
    return None


def _literal_length(line: str, start: int) -> int:
    """Code points from ``start`` (just after the opening quote) to the closing quote."""
    j = start
    while j < len(line) and line[j] != '"':
        j += 2 if line[j] == "\\" else 1
    return j - start
