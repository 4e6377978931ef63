"""TMX (1.4), read with translate-toolkit's storage classes.

Each ``<tu>`` is one paragraph: its target is the ``<tuv>`` whose language is not the header's
``srclang`` (a Hindi one first), its source the ``<tuv>`` in ``srclang``. The unit id is the
``tuid`` (or the unit's position, 1-based). Positions point into the TMX file.
"""

from __future__ import annotations

from ..model import Document
from . import _xml
from ._units import Unit, documents


def _primary(lang: str | None) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


def read(text: str, data: bytes, name: str, first: int = 1) -> tuple[Document, Document | None]:
    """``first``: the number of the file's first unit (a part of a large file read on its own)."""
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage.tmx import tmxfile

    store = _xml.parse(tmxfile, data, text, name, "tmx", "a TMX")
    header = store.document.getroot().find("header")
    srclang = _primary(header.get("srclang") if header is not None else None)
    targets = _xml.Targets(store, text, "seg", name)
    units: list[Unit] = []
    for n, unit in enumerate(store.units, first):
        tuvs = unit.getlanguageNodes()
        unit_src = _primary(unit.xmlelement.get("srclang")) or srclang
        if unit_src in ("", "*all*"):
            unit_src = _primary(getXMLlang(tuvs[0])) if len(tuvs) > 1 else ""
        others = [t for t in tuvs if _primary(getXMLlang(t)) != unit_src]
        others.sort(key=lambda t: _primary(getXMLlang(t)) != "hi")
        if not others:
            continue
        target_tuv = others[0]
        source_tuv = next((t for t in tuvs if _primary(getXMLlang(t)) == unit_src), None)
        seg = target_tuv.find(unit.namespaced("seg"))
        if seg is None:
            continue
        source = unit.getNodeText(source_tuv) if source_tuv is not None else None
        source_seg = source_tuv.find(unit.namespaced("seg")) if source_tuv is not None else None
        units.append(
            targets.unit(
                unit.xmlelement.get("tuid") or str(n),
                unit.getNodeText(target_tuv) or "",
                seg,
                source,
                targets.line(source_seg),
            )
        )
    return documents(name, _xml.nonempty(units, name, "TMX"))
