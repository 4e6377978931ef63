"""Baselines: accept reviewed false alarms so that only new findings fail a run.

A baseline file (JSON) records each accepted finding as its rule, a fingerprint of its paragraph
and the flagged text. The paragraph fingerprint hashes the paragraph with its whitespace
collapsed, so an entry still matches after the paragraph moves, or after whitespace elsewhere in
it is fixed, and stops matching once the paragraph's words change. Matching counts: an entry
hides one finding; an entry that hides nothing is *stale* and is listed so it can be removed.

The recorded ``path`` is informative (and limits stale reports to the files of a run); matching
ignores it, so a boilerplate paragraph accepted in one press release is accepted in the next.

Pure functions: no printing, no exiting.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from . import scoring
from .errors import QAError
from .model import Document, DocumentResult, Finding, ParagraphResult

VERSION = 1


def paragraph_fingerprint(text: str) -> str:
    """16 hex digits identifying a paragraph's words (whitespace runs count as one space)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def finding_fingerprints(doc: Document, result: DocumentResult) -> list[tuple[Finding, str, str]]:
    """(finding, paragraph fingerprint, finding fingerprint) for every finding, in order.

    The finding fingerprint hashes rule, paragraph fingerprint, flagged text and the finding's
    rank among the paragraph's findings with that rule and text: stable while the paragraph's
    words stay the same, whatever moves around it."""
    out = []
    for pres in result.paragraphs:
        pfp = paragraph_fingerprint(doc.paragraphs[pres.index].text)
        seen: Counter = Counter()
        for f in pres.findings:
            seen[(f.rule, f.text)] += 1
            raw = "\x1f".join((f.rule, pfp, f.text, str(seen[(f.rule, f.text)])))
            out.append((f, pfp, hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]))
    return out


@dataclass(frozen=True)
class Entry:
    rule: str
    paragraph: str
    text: str
    path: str = ""
    name: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.paragraph, self.text)


@dataclass(frozen=True)
class Outcome:
    """What applying a baseline did: findings hidden, and entries that matched nothing."""

    path: str
    suppressed: int
    stale: tuple[Entry, ...]

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "suppressed": self.suppressed,
            "stale": [
                {"rule": e.rule, "paragraph": e.paragraph, "text": e.text, "path": e.path} for e in self.stale
            ],
        }


def entries_for(pairs: Iterable[tuple[Document, DocumentResult]]) -> list[Entry]:
    out = []
    for doc, result in pairs:
        for f, pfp, _ in finding_fingerprints(doc, result):
            out.append(Entry(rule=f.rule, paragraph=pfp, text=f.text, path=doc.path, name=f.name))
    return sorted(out, key=lambda e: (e.path, e.rule, e.paragraph, e.text))


def dumps(entries: Sequence[Entry]) -> str:
    """The baseline file's text: JSON, one entry per line, invisible characters escaped."""
    lines = [
        json.dumps({"rule": e.rule, "name": e.name, "paragraph": e.paragraph, "text": e.text, "path": e.path},
                   ensure_ascii=False)
        for e in entries
    ]
    body = ",\n  ".join(_escape_invisible(line) for line in lines)
    return (
        '{"qa-baseline": %d,\n "entries": [\n  %s\n ]}\n' % (VERSION, body)
        if lines
        else '{"qa-baseline": %d,\n "entries": []}\n' % VERSION
    )


def show_text(text: str) -> str:
    """``text`` quoted as a JSON string, with invisible characters (no-break spaces…) escaped."""
    return _escape_invisible(json.dumps(text, ensure_ascii=False))


def _escape_invisible(line: str) -> str:
    # for JSON text only: json.dumps has already escaped control characters in strings
    return "".join(
        f"\\u{ord(ch):04x}" if ch != " " and unicodedata.category(ch) in ("Zs", "Zl", "Zp", "Cf", "Cc") else ch
        for ch in line
    )


def loads(text: str, name: str) -> list[Entry]:
    """Entries of a baseline file; anything malformed is a QAError naming the file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise QAError(f"{name}: not a qa baseline (invalid JSON: {exc.msg} at line {exc.lineno})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting 10^5 deep
        raise QAError(f"{name}: not a qa baseline ({_json_limit(exc)})") from None
    if not isinstance(data, dict) or data.get("qa-baseline") != VERSION or not isinstance(data.get("entries"), list):
        raise QAError(f"{name}: not a qa baseline (write one with --write-baseline)")
    out = []
    for n, item in enumerate(data["entries"], 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("rule", "paragraph", "text")):
            raise QAError(f"{name}: entry {n} needs string fields rule, paragraph and text")
        entry = Entry(item["rule"], item["paragraph"], item["text"], str(item.get("path", "")), str(item.get("name", "")))
        if not all(map(is_unicode, (entry.rule, entry.paragraph, entry.text, entry.path, entry.name))):
            raise QAError(f"{name}: entry {n} holds a lone surrogate (\\ud800-\\udfff), not a character")
        out.append(entry)
    return out


def is_unicode(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (JSON's ``\\ud800`` escapes can make one that
    cannot: a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_limit(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "JSON nested too deep"
    return f"invalid JSON: {str(exc).split(';')[0]}"


def read(path: str) -> list[Entry]:
    if os.path.exists(path):  # a FIFO or device would hang or never end
        from .document import regular_file

        regular_file(path)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise QAError(f"{path}: no such baseline file (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QAError(f"{path}: cannot read the baseline ({exc})") from None
    return loads(text, path)


def apply(
    pairs: Sequence[tuple[Document, DocumentResult]], entries: Sequence[Entry], name: str = ""
) -> tuple[list[DocumentResult], Outcome]:
    """Results without the findings the baseline accepts, rescored; and what was done."""
    budget = Counter(e.key for e in entries)
    suppressed = 0
    results = []
    for doc, result in pairs:
        hidden: set[int] = set()
        for f, pfp, _ in finding_fingerprints(doc, result):
            key = (f.rule, pfp, f.text)
            if budget[key] > 0:
                budget[key] -= 1
                hidden.add(id(f))
        suppressed += len(hidden)
        results.append(rescore(result, [f for f in result.findings if id(f) not in hidden]) if hidden else result)
    linted = {doc.path for doc, _ in pairs}
    stale = []
    for e in entries:  # the last entries of a key are the ones left unmatched
        if budget[e.key] > 0 and e.path in linted:
            stale.append(e)
            budget[e.key] -= 1
    return results, Outcome(path=name, suppressed=suppressed, stale=tuple(stale))


def rescore(result: DocumentResult, keep: Sequence[Finding]) -> DocumentResult:
    """``result`` with only the findings in ``keep``, penalties and scores recomputed."""
    kept = set(map(id, keep))
    paragraphs: list[ParagraphResult] = []
    for p in result.paragraphs:
        found = tuple(f for f in p.findings if id(f) in kept)
        pen = scoring.penalty(f.severity for f in found)
        paragraphs.append(replace(p, findings=found, penalty=pen, score=scoring.rounded(pen, p.words)))
    total = sum(p.penalty for p in paragraphs)
    doc_score = scoring.rounded(total, result.words)
    return replace(
        result,
        paragraphs=tuple(paragraphs),
        penalty=total,
        score=doc_score,
        passed=scoring.passes(doc_score, keep, result.threshold, result.empty),
    )
