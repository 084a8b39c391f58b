"""Reading ease of a Spanish page's body text: Szigriszt-Pazos (INFLESZ scale) and Fernández-Huerta.

The Spanish counterpart of readability.py's US grade. Syllables come from pyphen's Spanish hyphenation patterns
(the LibreOffice dictionary it ships, so nothing is downloaded), with every break allowed down to one letter,
so each hyphenation point is a syllable boundary. A page passes with INFLESZ at least 65 ("bastante fácil") or
Fernández-Huerta at least 70 ("bastante fácil" on its own scale).
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pyphen

from scripts.checks.markdown_prose import prose_units

WORD_PATTERN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A sentence ends at . ! ? (or after a closing quote or bracket) before a capital, a digit or an opening ¿ ¡.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'»)\]]*\s+(?=[\"'«(\[¿¡]*[A-ZÁÉÍÓÚÑÜ0-9])")
VOWEL_GROUP = re.compile(r"[aeiouáéíóúü]+")
SILENT_U = re.compile(r"([qg])u(?=[eiéí])")
STRONG = set("aeoáéó")
STRESSED_WEAK = set("íú")
MINIMUM_INFLESZ = 65.0
MINIMUM_FERNANDEZ_HUERTA = 70.0


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="es", left=1, right=1)


def count_syllables(word: str) -> int:
    """Syllables in one Spanish word: the pieces pyphen's Spanish patterns split it into, and within each piece the
    breaks typesetting never makes but speech does: a lone vowel at the edge (a-gua) and a hiatus (dí-a, a-e-ro)."""
    lowered = word.lower()
    pieces = _hyphenator().inserted(lowered, hyphen="\n").split("\n")
    return sum(max(_vowel_nuclei(piece), 1) for piece in pieces)


def _vowel_nuclei(piece: str) -> int:
    # The u of que, qui, gue, gui is silent; ü is sounded.
    letters = SILENT_U.sub(r"\1", piece)
    nuclei = 0
    for group in VOWEL_GROUP.findall(letters):
        nuclei += 1
        for first, second in itertools.pairwise(group):
            # Two strong vowels, or a stressed i or u next to any vowel, are two syllables; else a diphthong.
            if (first in STRONG and second in STRONG) or first in STRESSED_WEAK or second in STRESSED_WEAK:
                nuclei += 1
    return nuclei


def split_sentences(unit: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(unit) if WORD_PATTERN.search(part)]


@dataclass(frozen=True)
class ReadingEase:
    sentences: int
    words: int
    syllables: int

    @property
    def inflesz(self) -> float:
        """Szigriszt-Pazos perspicuity, read on the INFLESZ scale (65 and over: fairly easy)."""
        if not self.words:
            return 100.0
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences

    @property
    def fernandez_huerta(self) -> float:
        if not self.words:
            return 100.0
        return 206.84 - 60 * self.syllables / self.words - 1.02 * self.words / self.sentences

    @property
    def easy_enough(self) -> bool:
        return self.inflesz >= MINIMUM_INFLESZ or self.fernandez_huerta >= MINIMUM_FERNANDEZ_HUERTA


def score_text(units: list[str]) -> ReadingEase:
    """Score prose given as units (paragraphs, list items, table cells); each holds whole sentences."""
    sentences = words = syllables = 0
    for unit in units:
        for sentence in split_sentences(unit):
            sentence_words = WORD_PATTERN.findall(sentence)
            sentences += 1
            words += len(sentence_words)
            syllables += sum(count_syllables(word) for word in sentence_words)
    return ReadingEase(sentences=sentences, words=words, syllables=syllables)


def score_markdown(markdown: str) -> ReadingEase:
    return score_text(prose_units(markdown))


def main(argv: list[str]) -> int:
    """Print both scores for each Spanish page named: `python -m scripts.checks.readability_es docs/*.es.md`."""
    for name in argv:
        score = score_markdown(Path(name).read_text(encoding="utf-8"))
        print(
            f"{name}: INFLESZ {score.inflesz:.1f}, Fernández-Huerta {score.fernandez_huerta:.1f},"
            f" {score.words} words, {score.sentences} sentences"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
