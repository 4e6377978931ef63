"""XLIFF 1.2 and 2.x, read with translate-toolkit's storage classes.

Each ``<trans-unit>`` (1.2) or ``<segment>`` (2.x) with a ``<target>`` is one paragraph; its
``<source>`` feeds the source-aware checks. The unit id is the ``trans-unit`` id (1.2) or the
unit id, with ``::segment`` for units of several segments (2.x). Whitespace follows the file's
``xml:space`` as the toolkit reads it; positions point into the XLIFF file.
"""

from __future__ import annotations

from ..model import Document
from ..text.lazy import lazy_re
from . import _xml
from ._units import Unit, documents

_VERSION_2 = lazy_re(r"""<xliff\b[^>]*?(\bversion\s*=\s*["']2\.|urn:oasis:names:tc:xliff:document:2\.)""")


def read(text: str, data: bytes, name: str, first: int = 1) -> tuple[Document, Document | None]:
    """``first``: the number of the file's first unit (a part of a large file read on its own)."""
    version2 = bool(_VERSION_2.search(text[:4096]))
    store_class: type
    if version2:
        from translate.storage.xliff2 import Xliff2File

        store_class = Xliff2File
    else:
        from translate.storage.xliff import xlifffile

        store_class = xlifffile
    from translate.misc.xml_helpers import getText
    store = _xml.parse(store_class, data, text, name, "xliff", "an XLIFF")
    targets = _xml.Targets(store, text, "target", name)
    sources = _xml.Targets(store, text, "source", name)
    units = []
    for n, unit in enumerate(store.units, first):
        segment = unit.xmlelement
        target_el = segment.find(unit.namespaced("target"))
        if target_el is None or unit.isheader():
            continue
        if version2:
            uid = unit.getid()
        else:
            uid = segment.get("id") or str(n)
        source_el = segment.find(unit.namespaced("source"))
        source = unit.source if source_el is not None else None
        target = unit.target
        if target is None:  # the toolkit gives no target for a unit without a source
            target = getText(target_el, getattr(unit, "_default_xml_space", "default"))
        units.append(
            targets.unit(
                uid,
                target or "",
                target_el,
                source if source_el is not None else None,
                sources.line(source_el),
            )
        )
    return documents(name, _xml.nonempty(units, name, "XLIFF"))


__all__ = ["Unit", "read"]
