"""TBX (TermBase eXchange, ISO 30042) import and export of the glossaries.

Reading accepts TBX v3 (ISO 30042:2019, ``<tbx>``, ``<conceptEntry>``/``<langSec>``/``<termSec>``,
DCA or DCT style) and TBX v2 (ISO 30042:2008, ``<martif>``, ``<termEntry>``/``<langSet>``/
``<tig>``/``<ntig>``), which termbase tools still export. Writing produces TBX v3, dialect
TBX-Basic, DCA style. The mapping (see also glossaries/README.md):

* a concept with an acronym or abbreviation term in English or Italian, or with the subject
  field ``organisation``, is an organisation: English full forms → ``en``, English acronyms and
  short forms → ``short``, Italian full forms → ``it``, Italian acronyms → ``it_short``, Hindi
  full forms → ``hi``, Hindi acronyms/short forms → ``hi_short``; ``<admin type="source">`` →
  ``source``, ``<note>`` → ``note``, ``<descrip type="hiBasis">`` → ``hi_basis``;
* any other concept is a term: Italian terms → ``it``, Hindi terms with administrative status
  deprecated → ``wrong`` (or ``always_wrong`` when the term carries the note
  ``wrong in any context``), other Hindi terms → ``hi``, English terms → ``en``.

Only the standard library's ElementTree is used (no network access, no DTD loading).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import QAError
from .entries import ORG_COLUMNS, TERM_COLUMNS, Organisation, Term
from .text import SEP

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALWAYS = "wrong in any context"
SHORT_TYPES = {"acronym", "abbreviation", "shortform", "initialism", "clippedterm"}
DEPRECATED = {"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecatedterm", "forbidden", "obsolete"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: ET.Element, *names: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) in names]


def _text(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _lang(el: ET.Element) -> str:
    return (el.get(XML_LANG) or el.get("lang") or "").split("-")[0].split("_")[0].lower()


def _notes(el: ET.Element, kind: str, types: tuple[str, ...]) -> dict[str, str]:
    """{type: value} of the DCA notes (``<termNote type="termType">``) and DCT elements
    (``<basic:termType>``) directly inside ``el``."""
    out: dict[str, str] = {}
    for c in el:
        name = _local(c.tag)
        note_type = c.get("type")
        if name == kind and note_type is not None and note_type in types:
            out[note_type] = _text(c)
        elif name in types:
            out[name] = _text(c)
    return out


def _term_secs(lang_sec: ET.Element):
    """(term, termType, administrativeStatus, note) of each term of a language section."""
    for sec in _children(lang_sec, "termSec", "tig", "ntig"):
        holder = sec
        grp = _children(sec, "termGrp")
        if grp:  # ntig
            holder = grp[0]
        terms = _children(holder, "term")
        if not terms:
            continue
        notes = _notes(holder, "termNote", ("termType", "administrativeStatus"))
        notes.update(_notes(sec, "termNote", ("termType", "administrativeStatus")))
        note = " ".join(_text(n) for n in _children(sec, "note"))
        yield (
            _text(terms[0]),
            notes.get("termType", "").replace(" ", "").lower(),
            notes.get("administrativeStatus", "").replace(" ", "").lower(),
            note,
        )


def read_tbx(path: str | Path, dropped: list[str] | None = None) -> tuple[list[Organisation], list[Term]]:
    """Organisations and terms of a TBX file. Raises QAError (one line) when it is not TBX.
    Each entry that cannot be used is described in ``dropped`` (when given)."""
    p = Path(path)
    if p.exists():  # a FIFO or device would hang or never end
        from ..document import regular_file

        regular_file(p)
    try:
        root = ET.parse(p).getroot()
    except FileNotFoundError:
        raise QAError(f"{p}: no such file") from None
    except ET.ParseError as exc:
        line, _ = exc.position
        raise QAError(f"{p}:{line}: not a well-formed TBX file ({exc})") from None
    except OSError as exc:
        raise QAError(f"{p}: cannot read it ({exc.strerror})") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise QAError(f"{p}: not a TBX file (root element <{_local(root.tag)}>, expected <tbx> or <martif>)")
    orgs: list[Organisation] = []
    terms: list[Term] = []
    for n, entry in enumerate(root.iter(), 1):
        if _local(entry.tag) not in ("conceptEntry", "termEntry"):
            continue
        origin = f"{p}:entry {entry.get('id') or n}"
        made = _entry(entry, origin)
        if made is None and dropped is not None:
            dropped.append(f"{origin}: dropped: an entry needs a Hindi term and an Italian term (terms) or an English name (organisations)")
        if isinstance(made, Organisation):
            orgs.append(made)
        elif made is not None:
            terms.append(made)
    return orgs, terms


def _entry(entry: ET.Element, origin: str):
    by_lang: dict[str, list[tuple[str, str, str, str]]] = {}
    for sec in _children(entry, "langSec", "langSet"):
        by_lang.setdefault(_lang(sec), []).extend(_term_secs(sec))
    descrip = _notes(entry, "descrip", ("subjectField", "hiBasis"))
    admin = _notes(entry, "admin", ("source", "glossaryId"))
    note = " ".join(_text(n) for n in _children(entry, "note"))

    def forms(lang: str, short: bool | None = None, deprecated: bool | None = None) -> tuple[str, ...]:
        out = []
        for term, ttype, status, _ in by_lang.get(lang, []):
            if short is not None and (ttype in SHORT_TYPES) != short:
                continue
            if deprecated is not None and (status in DEPRECATED) != deprecated:
                continue
            if term and term not in out:
                out.append(term)
        return tuple(out)

    is_org = descrip.get("subjectField", "").lower() in ("organisation", "organization") or bool(
        forms("en", short=True) or forms("it", short=True)
    )
    if is_org:
        en = forms("en", short=False)
        short = forms("en", short=True)
        hi = forms("hi", short=False, deprecated=False)
        if not (en or short) or not hi:
            return None
        return Organisation(
            id=admin.get("glossaryId") or (short or en)[0],
            short=short,
            en=en or short,
            it=forms("it", short=False),
            it_short=tuple(s for s in forms("it", short=True) if s not in short),
            hi=hi,
            hi_short=forms("hi", short=True, deprecated=False),
            hi_basis=descrip.get("hiBasis", ""),
            source=admin.get("source", ""),
            note=note,
            origin=origin,
        )
    it = forms("it")
    hi_ok = forms("hi", deprecated=False)
    if not it or not hi_ok:
        return None
    always = tuple(t for t, _, s, n in by_lang.get("hi", []) if s in DEPRECATED and ALWAYS in n.lower())
    wrong = tuple(t for t in forms("hi", deprecated=True) if t not in always)
    return Term(it=it, hi=hi_ok, wrong=wrong, always_wrong=always, en=f" {SEP} ".join(forms("en")), source=admin.get("source", ""), note=note, origin=origin)


# -- writing -------------------------------------------------------------------------------------


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _term(lang_sec: ET.Element, text: str, ttype: str, status: str, note: str = "") -> None:
    sec = _sub(lang_sec, "termSec")
    _sub(sec, "term", text)
    _sub(sec, "termNote", ttype, type="termType")
    _sub(sec, "termNote", status, type="administrativeStatus")
    if note:
        _sub(sec, "note", note)


def _lang_sec(entry: ET.Element, lang: str) -> ET.Element:
    sec = ET.SubElement(entry, "langSec")
    sec.set(XML_LANG, lang)
    return sec


def to_tbx(organisations, terms, title: str = "qa glossaries") -> str:
    """A TBX v3 (TBX-Basic, DCA) document holding the organisations and terms."""
    root = ET.Element("tbx", {"xmlns": TBX_NS, "type": "TBX-Basic", "style": "dca"})
    root.set(XML_LANG, "en")
    header = _sub(root, "tbxHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "sourceDesc"), "p", "Exported by qa (qa glossary export-tbx)")
    body = _sub(_sub(root, "text"), "body")
    for n, org in enumerate(organisations, 1):
        entry = _sub(body, "conceptEntry", id=f"o{n}")
        _sub(entry, "descrip", "organisation", type="subjectField")
        _sub(entry, "admin", org.id, type="glossaryId")
        if org.hi_basis:
            _sub(entry, "descrip", org.hi_basis, type="hiBasis")
        if org.source:
            _sub(entry, "admin", org.source, type="source")
        if org.note:
            _sub(entry, "note", org.note)
        en = _lang_sec(entry, "en")
        for i, name in enumerate(org.en):
            _term(en, name, "fullForm", "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts")
        for s in org.short:
            _term(en, s, "acronym", "admittedTerm-admn-sts")
        if org.it or org.it_short:
            it = _lang_sec(entry, "it")
            for name in org.it:
                _term(it, name, "fullForm", "admittedTerm-admn-sts")
            for s in org.it_short:
                _term(it, s, "acronym", "admittedTerm-admn-sts")
        hi = _lang_sec(entry, "hi")
        for i, name in enumerate(org.hi):
            _term(hi, name, "fullForm", "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts")
        for s in org.hi_short:
            _term(hi, s, "acronym", "admittedTerm-admn-sts")
    for n, term in enumerate(terms, 1):
        entry = _sub(body, "conceptEntry", id=f"t{n}")
        if term.source:
            _sub(entry, "admin", term.source, type="source")
        if term.note:
            _sub(entry, "note", term.note)
        if term.en:
            en = _lang_sec(entry, "en")
            for gloss in term.en.split(SEP):
                if gloss.strip():
                    _term(en, gloss.strip(), "fullForm", "admittedTerm-admn-sts")
        it = _lang_sec(entry, "it")
        for i, form in enumerate(term.it):
            _term(it, form, "fullForm", "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts")
        hi = _lang_sec(entry, "hi")
        for i, form in enumerate(term.hi):
            _term(hi, form, "fullForm", "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts")
        for form in term.wrong:
            _term(hi, form, "fullForm", "deprecatedTerm-admn-sts")
        for form in term.always_wrong:
            _term(hi, form, "fullForm", "deprecatedTerm-admn-sts", ALWAYS)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_tsv(organisations, terms) -> tuple[str | None, str | None]:
    """The organisations and terms as TSV text in the glossary formats (None when empty)."""
    def cell(value) -> str:
        if isinstance(value, tuple):
            value = f" {SEP} ".join(value)
        return " ".join(str(value).replace("\t", " ").split())

    org_text = term_text = None
    if organisations:
        lines = ["\t".join(ORG_COLUMNS)]
        lines += ["\t".join(cell(getattr(o, c)) for c in ORG_COLUMNS) for o in organisations]
        org_text = "\n".join(lines) + "\n"
    if terms:
        lines = ["\t".join(TERM_COLUMNS)]
        lines += ["\t".join(cell(getattr(t, c)) for c in TERM_COLUMNS) for t in terms]
        term_text = "\n".join(lines) + "\n"
    return org_text, term_text
