"""Find sentences copied word for word from the source articles.

The project may use the clinic articles' facts but never their sentences. A run of ten words in a row
shared with a source is treated as copied: shorter runs turn up by chance in plain writing.
`python -m scripts.checks.copied_text SOURCES_DIR FILE...` prints each copied run and exits 1 if there is one.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

RUN_LENGTH = 10
WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class CopiedRun:
    file: str
    line: int
    words: str
    source: str

    def __str__(self) -> str:
        return f'{self.file}:{self.line}: "{self.words}" is copied from {self.source}; write it in your own words'


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
    copies = [
        copy
        for name in argv[1:]
        for copy in copied_runs(name, Path(name).read_text(encoding="utf-8", errors="replace"), runs)
    ]
    for copy in copies:
        print(copy)
    return 1 if copies else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
