"""Find sentences copied word for word from the source articles.

The project may use the clinic articles' facts but never their sentences. A run of ten words in a row
shared with a source is treated as copied: shorter runs turn up by chance in plain writing.

The articles themselves stay out of the project (../shared/seeds). What the project keeps is their fingerprint
(SOURCE_FINGERPRINT): a hash of every run of ten words, which can tell a copied run but cannot give back the text.
So the check runs on any clone, in pre-commit and on GitHub.

    python -m scripts.checks.copied_text FILE...                   check files against the fingerprint
    python -m scripts.checks.copied_text --sources DIR FILE...     check files against the articles themselves
    python -m scripts.checks.copied_text --fingerprint DIR         rewrite the fingerprint from the articles
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem

RUN_LENGTH = 10
WORD = re.compile(r"[a-z0-9']+")
SOURCE_FINGERPRINT = Path(__file__).with_name("source_fingerprint.json")
FINGERPRINT_COMMAND = "python -m scripts.checks.copied_text --fingerprint ../shared/seeds"
# A hash, not the words: 8 bytes keep the chance of two different runs sharing one negligible.
HASH_BYTES = 8
HASH_PERSON = b"copied-text"


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
        runs = source_runs(read_sources(arguments.sources)) if arguments.sources else load_fingerprint()
    except ContentError as error:
        print(error)
        return 1
    copies = [
        copy
        for path in arguments.files
        for copy in copied_runs(path.as_posix(), path.read_text(encoding="utf-8", errors="replace"), runs)
    ]
    for copy in copies:
        print(copy)
    return 1 if copies else 0


if __name__ == "__main__":
    sys.exit(main())
