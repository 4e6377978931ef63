"""What the XML readers (XLIFF, TMX) share: parsing with translate-toolkit into one-line errors,
and pairing each target element with its position map (``xmlmap``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import InputError
from ..text.lazy import lazy_re
from . import xmlmap
from ._units import Unit, align

_PROLOG = lazy_re(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>\s*)*\s*<([A-Za-z_][\w.:-]*)", re.S)


def parse(store_class, data: bytes, text: str, name: str, root: str, label: str):
    """``store_class.parsestring(data)``, or an InputError naming the file and line. ``label``
    names the format with its article ("an XLIFF")."""
    from lxml import etree

    head = text[:65536].lstrip("\ufeff")
    m = _PROLOG.match(head)
    local = m.group(1).rpartition(":")[2] if m else ""
    if m and local != root:
        line = head.count("\n", 0, m.start(1)) + 1
        raise InputError(name, f"line {line}: not {label} file (the root element is <{local}>, not <{root}>)")
    try:
        return store_class.parsestring(data)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        msg = (exc.msg or str(exc)).split(", line ")[0]
        if "XML_PARSE_HUGE" in msg or "Excessive depth" in msg:  # libxml2's advice is for programmers
            depth = re.search(r"depth in document: (\d+)", msg)
            what = f"elements nested too deep (more than {depth.group(1)} levels)" if depth else "a text or name too large"
            raise InputError(name, f"line {line}: {what} for an XML file qa reads") from None
        raise InputError(name, f"line {line}: not well-formed XML ({msg}, column {column})") from None
    except Exception as exc:  # the toolkit's own complaints (wrong version, bad structure)
        raise InputError(name, f"not a valid {label.split(' ', 1)[1]} file ({exc or type(exc).__name__})") from None


class Targets:
    """Positions of the elements named ``localname`` of a parsed store, in document order."""

    def __init__(self, store, text: str, localname: str, name: str):
        from lxml import etree

        root = store.document.getroot()
        self._elements = [
            el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == localname
        ]
        self._index = {el: i for i, el in enumerate(self._elements)}
        self._texts = xmlmap.element_texts(text, localname, name)

    def line(self, element) -> int | None:
        """The line where the text of ``element`` (one of the elements named) starts; lines end
        at CR too, as everywhere in qa (lxml's ``sourceline`` counts LF only)."""
        if element is None:
            return None
        i = self._index.get(element)
        if i is not None and i < len(self._texts):
            return self._texts[i][1][0][0]
        return element.sourceline

    def unit(self, uid: str, target: str, element, source: str | None, source_line: int | None) -> Unit:
        """A Unit for ``target`` read from ``element``, positioned in the file."""
        i = self._index.get(element)
        origin = None
        line = element.sourceline or 1
        if i is not None and i < len(self._texts):
            raw, raw_origin = self._texts[i]
            origin = align(target, raw, raw_origin)
            if origin is None:  # the library rendered the text differently: point at its start
                origin = (raw_origin[0],) * (len(target) + 1)
            line = origin[0][0]
        return Unit(id=uid, target=target, source=source, line=line, origin=origin, source_line=source_line)


def nonempty(units: Sequence[Unit], name: str, label: str) -> Sequence[Unit]:
    if not units:
        raise InputError(name, f"holds no translated unit (no {label} unit has a target); there is nothing to check")
    return units
