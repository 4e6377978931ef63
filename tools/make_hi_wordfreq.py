#!/usr/bin/env python3
"""Generate glossaries/hi_wordfreq.tsv: the Devanagari words of wordfreq's Hindi list with their
Zipf frequencies, which qa/hindi_lexicon.py reads (QA204). Needs wordfreq installed.

    python3 tools/make_hi_wordfreq.py [OUTPUT]      # default: glossaries/hi_wordfreq.tsv
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.hindi_lexicon import DEVANAGARI_RUN, FREQ_FILE, MARKS, ZW, nfc  # noqa: E402

HEADER = """\
# Hindi word frequencies: the Devanagari words of wordfreq's Hindi list ({version}), Zipf scale
# (log10 of occurrences per billion words; the list stops at 3.0), in code-point order. Used by
# QA204 (glued words) through qa/hindi_lexicon.py.
# Source: wordfreq by Robyn Speer et al., https://github.com/rspeer/wordfreq ; its data is
# licensed CC BY-SA 4.0 (it draws on Wikipedia, OPUS subtitles, news, web text and Twitter); this
# derived list is under the same licence. Regenerate with: python3 tools/make_hi_wordfreq.py
word\tzipf
"""


def build(path: Path | str | None = None) -> int:
    """Write the frequency list from the installed wordfreq; return the number of words."""
    import wordfreq

    rows: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("hi").items():
        word = nfc(word)
        if DEVANAGARI_RUN.fullmatch(word) and word[0] not in MARKS and word[0] not in ZW and word not in rows:
            rows[word] = round(math.log10(freq) + 9, 1)
    target = path or ROOT / "glossaries" / FREQ_FILE
    version = getattr(wordfreq, "__version__", None)
    if version is None:
        from importlib.metadata import version as pkg_version

        version = pkg_version("wordfreq")
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(version=f"wordfreq {version}"))
        for word in sorted(rows):
            f.write(f"{word}\t{rows[word]:.1f}\n")
    return len(rows)


if __name__ == "__main__":
    n = build(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"wrote {n} words", file=sys.stderr)
