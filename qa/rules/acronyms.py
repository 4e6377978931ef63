"""Acronyms: expansions that are not the organisation's official name, Italian acronyms left in
the Hindi, and acronyms the glossaries do not know (the engine is :mod:`qa.acronyms`)."""

from __future__ import annotations

from ..acronyms import Expansion, Mention, expansions, judge, mentions
from ..model import Category, Paragraph, Severity
from .base import Hit, Rule


def _quote(text: str) -> str:
    return f"“{' '.join(text.split())}”"


class _ExpansionRule(Rule):
    """Shared: the expansions beside the acronyms of a paragraph (none without a bracket: most
    paragraphs are done with at once)."""

    def check(self, para: Paragraph):
        if "(" not in para.text:
            return ()
        return self._hits(para, expansions(para.text, self.ctx.glossary))

    def _hits(self, para: Paragraph, found: list[Expansion]):
        raise NotImplementedError


class WrongExpansion(_ExpansionRule):
    r"""An acronym is expanded with a name that is not its organisation's official name.

    An expansion beside a known acronym, in either order (``ACR (expansion)`` or ``expansion
    (ACR)``; Latin or Devanagari spelling of the acronym: ``UNODC``, ``यूएनओडीसी``), is compared
    with the organisation's approved names in ``glossaries/organisations.tsv`` (Hindi names for a
    Hindi expansion; English and Italian names for a Latin one) by chrF after normalisation
    (``qa/acronyms.py`` gives the thresholds and how they were chosen). Renderings with synonyms,
    another word order or small spelling variations pass. When the expansion is another
    organisation's name, the message says whose; otherwise it names the official name. Machine
    translation copies descriptive or outdated expansions from the source, and swaps similar
    names (UNICEF/UNESCO, WHO/WTO). A close rendering must also hold the words that tell the
    name apart from the others (a bare मंत्रालय is no ministry's name; विदेश मंत्रालय is the
    Foreign Ministry's). An acronym of several organisations (SCO) is right when it expands any
    of them, and reported for information otherwise. Phrases in brackets that do not read as a
    name (``UNODC (वियना)``) are left alone.

    Flags:
        UNICEF (संयुक्त राष्ट्र शैक्षिक, वैज्ञानिक और सांस्कृतिक संगठन) ने रिपोर्ट जारी की।
        विश्व व्यापार संगठन (डब्ल्यूएचओ) ने महामारी पर चेतावनी दी।
        बैठक में एफएटीएफ (वित्तीय खुफिया इकाई) के प्रतिनिधि थे।
        GCERF (Global Fund for Countering Extremism) took part.
        विदेश मंत्रालय (विमिनाले) ने कहा।
    Passes:
        SCO (केंद्रीय परिचालन सेवा) ने गिरोह को पकड़ा।
        यूएनओडीसी (मादक द्रव्य और अपराध पर संयुक्त राष्ट्र कार्यालय) ने रिपोर्ट जारी की।
        संयुक्त राष्ट्र अंतरक्षेत्रीय अपराध एवं न्याय शोध संस्थान (UNICRI) भी शामिल था।
        यूरोपियन संघ (ईयू) की बैठक हुई।
        UNODC (वियना स्थित) ने कहा।
        XYZ (कोई अज्ञात संस्था) की बैठक हुई।
    """

    code = "QA601"
    name = "wrong-acronym-expansion"
    category = Category.ACRONYM
    mqm = "Terminology/Wrong term"
    severity = Severity.MAJOR
    fix = "unsafe"  # a change of wording: the official name

    def _hits(self, para: Paragraph, found: list[Expansion]):
        g = self.ctx.glossary
        for exp in found:
            verdict = judge(exp, para.text, g)
            if verdict is None or verdict.ok:
                continue
            org = exp.mention.org
            if org is None:  # judge() gives no verdict for a mention of no organisation
                continue
            acr = org.label
            names = org.hi if exp.script == "deva" else org.en
            suggestion = names[0] if names and (exp.order == "after" or verdict.other) else None
            judged = para.text[verdict.start:verdict.end]
            if verdict.other is not None:
                message = f"{_quote(judged)} is {verdict.other.label}'s name, not {acr}'s: {acr} is the {org.describe()}"
            elif exp.order == "before":
                message = (
                    f"the name before ({exp.mention.text}) is not {acr}'s official name: {acr} is the "
                    f"{org.describe()}"
                )
            else:
                message = f"{_quote(judged)} is not the name of {acr}: {acr} is the {org.describe()}"
            ambiguous = g.candidates(exp.mention.acronym)
            if ambiguous:  # which organisation is meant is not known: for information
                meant = "; ".join(c.describe() for c in ambiguous)
                message = f"{_quote(judged)} names none of the organisations {acr} may stand for: {meant}"
                yield Hit(para.index, verdict.start, verdict.end, message, None, Severity.INFO)
                continue
            yield Hit(para.index, verdict.start, verdict.end, message, suggestion)


class ItalianAcronym(Rule):
    r"""An Italian acronym (OMS, FMI, ONU, OCSE, GAFI…) left in the Hindi.

    Italian writes many international organisations with its own acronyms; a Hindi reader knows
    them by the English acronym or the Hindi name. The suggestion is the approved Hindi name;
    the message also gives the international acronym. Only Italian acronyms listed in the
    ``it_short`` column of ``glossaries/organisations.tsv`` count, and only where they differ
    from every international one; spelled with Devanagari letter names (ओसीएसई for OCSE, यूई
    for UE) they count too. An Italian acronym of several organisations (CIG) is reported for
    information.

    Flags:
        OMS ने नई चेतावनी जारी की।
        बैठक में FMI और ONU के प्रतिनिधि थे।
        ओसीएसई की रिपोर्ट आई।
    Passes:
        WHO ने नई चेतावनी जारी की।
        विश्व स्वास्थ्य संगठन ने चेतावनी जारी की।
    """

    code = "QA602"
    name = "italian-acronym"
    category = Category.ACRONYM
    mqm = "Terminology/Wrong term"
    severity = Severity.MINOR
    fix = "unsafe"  # a change of wording: the Hindi name

    def check(self, para: Paragraph):
        italian = [m for m in mentions(para.text, self.ctx.glossary) if m.italian]
        return self._hits(para, italian) if italian else ()

    def _hits(self, para: Paragraph, italian: list[Mention]):
        g = self.ctx.glossary
        for m in italian:
            org = m.org
            if org is None:  # an Italian acronym is always one of an organisation
                continue
            ambiguous = g.candidates(m.acronym)
            if ambiguous:
                names = "; ".join(c.describe() for c in ambiguous)
                yield Hit(
                    para.index, m.start, m.end,
                    f"{m.text} is an ambiguous Italian acronym ({names}); in Hindi use the name meant",
                    None, Severity.INFO,
                )
                continue
            intl = f" ({'/'.join(org.short)})" if org.short else ""
            yield Hit(
                para.index,
                m.start,
                m.end,
                f"{m.text} is the Italian acronym of the {org.official}{intl}; in Hindi use its Hindi "
                f"name{' or the international acronym' if org.short else ''}",
                org.hi[0] if org.hi else None,
            )


class UnknownAcronym(_ExpansionRule):
    r"""An acronym the glossaries do not know, expanded in the text: check the expansion.

    Reported for information: the checker cannot tell whether the expansion is the official name.
    Add the organisation to a glossary (``--glossary``, format in ``glossaries/README.md``) and
    the wrong-expansion rule (QA601) will check it from then on.

    Flags:
        वेल्श के AM (विधानसभा सदस्य) चिंतित हैं।
        एबीसीडी (कोई अज्ञात परिषद) की बैठक हुई।
    Passes:
        UNICRI (संयुक्त राष्ट्र अंतरक्षेत्रीय अपराध और न्याय अनुसंधान संस्थान) भी था।
        AM की बैठक हुई।
    """

    code = "QA603"
    name = "unknown-acronym"
    category = Category.ACRONYM
    mqm = "Terminology/Inconsistent with termbase"
    severity = Severity.INFO

    def _hits(self, para: Paragraph, found: list[Expansion]):
        for exp in found:
            m = exp.mention
            if m.org is not None or m.acronym is None:
                continue
            shown = m.text if m.text == m.acronym else f"{m.text} ({m.acronym})"
            yield Hit(
                para.index,
                m.start,
                m.end,
                f"{shown} is not in the glossaries; check that {_quote(exp.text)} is its official name",
            )
