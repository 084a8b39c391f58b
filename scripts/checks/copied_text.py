"""Find sentences copied from the source articles, word for word or closely reworded.

The project may use the clinic articles' facts but never their sentences. Two checks:
- a run of ten words in a row shared with a source is copied: shorter runs turn up by chance in plain writing;
- a sentence that follows a source sentence closely is too: at least half of the content words of each, in the
  same order (word endings and small words such as "the" ignored), and at least PARAPHRASE_MIN_WORDS of them.
  Swapping a few words ("makes" for "releases") keeps the source's sentence; saying the fact another way does not.
`python -m scripts.checks.copied_text SOURCES_DIR FILE...` prints each copy and exits 1 if there is one.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

RUN_LENGTH = 10
WORD = re.compile(r"[a-z0-9']+")
PARAPHRASE_SHARE = 0.5
PARAPHRASE_MIN_WORDS = 5
STEM_LENGTH = 5  # "releases" and "release", "following" and "follows" compare as the same word
SMALL_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "more",
        "most",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    )
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class CopiedRun:
    file: str
    line: int
    words: str
    source: str
    reworded: bool = False

    def __str__(self) -> str:
        if self.reworded:
            return (
                f'{self.file}:{self.line}: "{self.words}" follows a sentence of {self.source} closely, with a few '
                "words swapped; say the fact in your own way, not the source's sentence"
            )
        return f'{self.file}:{self.line}: "{self.words}" is copied from {self.source}; write it in your own words'


@dataclass(frozen=True)
class _Sentence:
    line: int
    text: str
    stems: tuple[str, ...]


def _sentences(text: str) -> list[_Sentence]:
    """Sentences of each paragraph (lines up to a blank line), with the line each starts on."""
    found: list[_Sentence] = []
    paragraph: list[tuple[int, str]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            paragraph.append((number, line))
            continue
        joined = " ".join(part for _, part in paragraph)
        starts = [0]  # where each line of the paragraph starts in `joined`
        for _, part in paragraph[:-1]:
            starts.append(starts[-1] + len(part) + 1)
        position = 0
        for sentence in SENTENCE_END.split(joined) if paragraph else []:
            start = joined.find(sentence, position)
            position = start + len(sentence)
            line_of = paragraph[max(index for index, begins in enumerate(starts) if begins <= start)][0]
            stems = tuple(word[:STEM_LENGTH] for word in WORD.findall(sentence.lower()) if word not in SMALL_WORDS)
            found.append(_Sentence(line_of, sentence, stems))
        paragraph = []
    return found


def source_sentences(sources: dict[str, str]) -> list[tuple[str, _Sentence]]:
    return [
        (name, sentence)
        for name, text in sorted(sources.items())
        for sentence in _sentences(text)
        if len(sentence.stems) >= PARAPHRASE_MIN_WORDS
    ]


def reworded_sentences(name: str, text: str, sources: list[tuple[str, _Sentence]]) -> list[CopiedRun]:
    """Sentences of `text` that follow a source sentence closely (see the module's docstring)."""
    found: list[CopiedRun] = []
    for sentence in _sentences(text):
        if len(sentence.stems) < PARAPHRASE_MIN_WORDS:
            continue
        own = set(sentence.stems)
        for source, original in sources:
            if len(own & set(original.stems)) < PARAPHRASE_SHARE * len(own):
                continue  # too few shared words to be a rewording; skip the slower comparison
            matcher = difflib.SequenceMatcher(None, sentence.stems, original.stems, autojunk=False)
            in_order = sum(block.size for block in matcher.get_matching_blocks())
            shorter_share = in_order / max(len(sentence.stems), len(original.stems))
            if in_order >= PARAPHRASE_MIN_WORDS and shorter_share >= PARAPHRASE_SHARE:
                found.append(CopiedRun(name, sentence.line, " ".join(sentence.text.split()), source, reworded=True))
                break
    return found


def _words_with_lines(text: str) -> list[tuple[str, int]]:
    return [
        (match.group(), number)
        for number, line in enumerate(text.lower().split("\n"), start=1)
        for match in WORD.finditer(line)
    ]


def source_runs(sources: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Every run of RUN_LENGTH words in the sources, with the source it first appears in."""
    runs: dict[tuple[str, ...], str] = {}
    for name, text in sorted(sources.items()):
        words = [word for word, _ in _words_with_lines(text)]
        for start in range(len(words) - RUN_LENGTH + 1):
            runs.setdefault(tuple(words[start : start + RUN_LENGTH]), name)
    return runs


def copied_runs(name: str, text: str, runs: dict[tuple[str, ...], str]) -> list[CopiedRun]:
    """The copied runs in one file, one report per line where a copied run starts."""
    words = _words_with_lines(text)
    found: dict[int, CopiedRun] = {}
    for start in range(len(words) - RUN_LENGTH + 1):
        run = tuple(word for word, _ in words[start : start + RUN_LENGTH])
        line = words[start][1]
        if run in runs and line not in found:
            found[line] = CopiedRun(name, line, " ".join(run), runs[run])
    return list(found.values())


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m scripts.checks.copied_text SOURCES_DIR FILE...", file=sys.stderr)
        return 2
    sources_dir = Path(argv[0])
    runs = source_runs(
        {
            path.name: path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(sources_dir.iterdir())
            if path.is_file()
        }
    )
    sentences = source_sentences(
        {
            path.name: path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(sources_dir.iterdir())
            if path.is_file()
        }
    )
    copies = []
    for name in argv[1:]:
        text = Path(name).read_text(encoding="utf-8", errors="replace")
        copies += copied_runs(name, text, runs) + reworded_sentences(name, text, sentences)
    for copy in copies:
        print(copy)
    return 1 if copies else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
