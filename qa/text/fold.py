"""One policy for the spellings of a Devanagari word that are the same word.

Hindi writes some words in more than one accepted way; the checker treats these as one word
everywhere (glossary matching, the word list, the spelling-variant rule):

* **Nukta of Perso-Arabic sounds is optional** on क ख ग ज फ: ज़्यादा = ज्यादा, फ़ैसला = फैसला.
  It is **not** optional on ड़ and ढ़, which are letters of their own (the flapped ṛ, ṛh of native
  words): बड़ा and बडा are a word and its misspelling, not two spellings. Other nukta letters
  (ऩ ऱ ऴ य़, for sounds of other languages) are letters of their own too.
* **Chandrabindu may be written as anusvara**: पहुँच = पहुंच.
* **A class nasal with virama may be written as anusvara** before a stop of its class:
  सन्दर्भ = संदर्भ, सम्बन्ध = संबंध (not before a nasal or semivowel: सम्मेलन, न्याय).

Which of these a caller applies is its own choice (the word list tries the nukta and
chandrabindu spellings; the variant rule folds all three and ये/यी endings); what counts as
optional is decided here.
"""

from __future__ import annotations

import unicodedata

from .lazy import lazy_re

NUKTA = "\u093c"
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"
#: Consonants whose nukta (Perso-Arabic sounds) standard spelling may leave out.
OPTIONAL_NUKTA_BASES = "कखगजफ"
_OPTIONAL_NUKTA = lazy_re(f"(?<=[{OPTIONAL_NUKTA_BASES}]){NUKTA}")
#: A nasal consonant + virama before a stop of its own class (written as the anusvara too).
CLASS_NASAL = lazy_re("ङ्(?=[कखगघ])|ञ्(?=[चछजझ])|ण्(?=[टठडढ])|न्(?=[तथदध])|म्(?=[पफबभ])")


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def drop_optional_nukta(text: str) -> str:
    """``text`` (NFC: where क़ is क + nukta) without the nukta that spelling may leave out."""
    return _OPTIONAL_NUKTA.sub("", text) if NUKTA in text else text


def only_spelling(word: str) -> bool:
    """True when :func:`same_word_spellings` of ``word`` is surely ``[word]`` alone (NFC, no nukta,
    no chandrabindu), decided without building the list (a word-list lookup asks it of every
    miss); False means the list must be built (it may still be ``[word]``: ड़ keeps its nukta)."""
    return NUKTA not in word and CHANDRABINDU not in word and unicodedata.is_normalized("NFC", word)


def same_word_spellings(word: str) -> list[str]:
    """``word`` (NFC) and its spellings without an optional nukta (ज़ = ज, never ड़ = ड) and with
    anusvara for chandrabindu (हूँ = हूं), in that order."""
    w = nfc(word)
    out = [w]
    bare = drop_optional_nukta(w)
    if bare != w:
        out.append(bare)
    if CHANDRABINDU in w:
        out.extend(v.replace(CHANDRABINDU, ANUSVARA) for v in list(out))
    return out
