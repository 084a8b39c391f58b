"""Gate: no sentence of the clinic source articles is copied into the project.

The project may use the clinic articles' facts but never their sentences. Two checks:
- a run of ten words in a row shared with a source is copied: shorter runs turn up by chance in plain writing;
- a sentence that follows a source sentence closely is too: at least half of the content words of each, in the
  same order (word endings and small words such as "the" ignored), and at least PARAPHRASE_MIN_WORDS of them.
  Swapping a few words ("makes" for "releases") keeps the source's sentence; saying the fact another way does not.

The articles themselves stay out of the project (../shared/seeds). What the project keeps is their fingerprint
(SOURCE_FINGERPRINT): a hash of every run of ten words, which can tell a copied run but cannot give back the text.
So the first check runs on any clone, in pre-commit and on GitHub; the second needs the articles' words, so it
runs where they are at hand (`--sources`, and the test suite beside ../shared/seeds).

    python -m scripts.checks.copied_text FILE...                   check files against the fingerprint
    python -m scripts.checks.copied_text --sources DIR FILE...     check files against the articles themselves
    python -m scripts.checks.copied_text --fingerprint DIR         rewrite the fingerprint from the articles
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem

RUN_LENGTH = 10
WORD = re.compile(r"[a-z0-9']+")
SOURCE_FINGERPRINT = Path(__file__).with_name("source_fingerprint.json")
FINGERPRINT_COMMAND = "python -m scripts.checks.copied_text --fingerprint ../shared/seeds"
# A hash, not the words: 8 bytes keep the chance of two different runs sharing one negligible.
HASH_BYTES = 8
HASH_PERSON = b"copied-text"
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


def reworded_sentences(name: str, text: str, sources: list[tuple[str, _Sentence]]) -> list[ContentProblem]:
    """Sentences of `text` that follow a source sentence closely (see the module's docstring)."""
    found: list[ContentProblem] = []
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
                words = " ".join(sentence.text.split())
                found.append(
                    ContentProblem(
                        name,
                        sentence.line,
                        f'"{words}" follows a sentence of {source} closely, with a few words swapped; say the fact in'
                        " your own way, not the source's sentence",
                    )
                )
                break
    return found


def _words_with_lines(text: str) -> list[tuple[str, int]]:
    return [
        (match.group(), number)
        for number, line in enumerate(text.lower().split("\n"), start=1)
        for match in WORD.finditer(line)
    ]


def _run_hash(words: list[str] | tuple[str, ...]) -> str:
    return hashlib.blake2b(" ".join(words).encode(), digest_size=HASH_BYTES, person=HASH_PERSON).hexdigest()


def source_runs(sources: dict[str, str]) -> dict[str, str]:
    """The hash of every run of RUN_LENGTH words in the sources, with the source it first appears in."""
    runs: dict[str, str] = {}
    for name, text in sorted(sources.items()):
        words = [word for word, _ in _words_with_lines(text)]
        for start in range(len(words) - RUN_LENGTH + 1):
            runs.setdefault(_run_hash(words[start : start + RUN_LENGTH]), name)
    return runs


def read_sources(sources_dir: Path) -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(sources_dir.iterdir())
        if path.is_file()
    }


def fingerprint(runs: dict[str, str]) -> str:
    """The runs as committed: per source, its hashes sorted, so the file holds no order of words either."""
    by_source: dict[str, list[str]] = {}
    for run, name in runs.items():
        by_source.setdefault(name, []).append(run)
    document = {
        "run_length": RUN_LENGTH,
        "hash": f"blake2b, {HASH_BYTES} bytes, person {HASH_PERSON.decode()}, of the run's lower-case words",
        "regenerate": FINGERPRINT_COMMAND,
        "sources": {name: sorted(hashes) for name, hashes in sorted(by_source.items())},
    }
    return json.dumps(document, indent=1) + "\n"


def load_fingerprint(path: Path = SOURCE_FINGERPRINT) -> dict[str, str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document["run_length"] != RUN_LENGTH:
            raise ValueError(f"it was made for runs of {document['run_length']} words, not {RUN_LENGTH}")
        return {run: name for name, hashes in document["sources"].items() for run in hashes}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ContentError(
            [
                ContentProblem(
                    str(path), None, f"the source fingerprint cannot be read ({error}); run {FINGERPRINT_COMMAND}"
                )
            ]
        ) from error


def copied_runs(name: str, text: str, runs: dict[str, str]) -> list[ContentProblem]:
    """The copied runs in one file, one report per line where a copied run starts."""
    words = _words_with_lines(text)
    found: dict[int, ContentProblem] = {}
    for start in range(len(words) - RUN_LENGTH + 1):
        run = [word for word, _ in words[start : start + RUN_LENGTH]]
        line = words[start][1]
        source = runs.get(_run_hash(run))
        if source and line not in found:
            found[line] = ContentProblem(
                name, line, f'"{" ".join(run)}" is copied from {source}; write it in your own words'
            )
    return list(found.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--sources", type=Path, help="check against the articles in this folder")
    parser.add_argument("--fingerprint", type=Path, metavar="DIR", help=f"rewrite {SOURCE_FINGERPRINT.name} from DIR")
    arguments = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if arguments.fingerprint:
        SOURCE_FINGERPRINT.write_text(fingerprint(source_runs(read_sources(arguments.fingerprint))), encoding="utf-8")
        print(f"wrote {SOURCE_FINGERPRINT}")
        return 0
    try:
        articles = read_sources(arguments.sources) if arguments.sources else {}
        runs = source_runs(articles) if arguments.sources else load_fingerprint()
    except ContentError as error:
        print(error)
        return 1
    sentences = source_sentences(articles)
    copies = []
    for path in arguments.files:
        text = path.read_text(encoding="utf-8", errors="replace")
        copies += copied_runs(path.as_posix(), text, runs) + reworded_sentences(path.as_posix(), text, sentences)
    for copy in copies:
        print(copy)
    return 1 if copies else 0


if __name__ == "__main__":
    sys.exit(main())
