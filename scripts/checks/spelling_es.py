"""Spanish spelling of what readers see on Spanish pages and in Spanish data texts, checked offline.

Words come from Hunspell's Spanish dictionaries (Debian's hunspell-es: Spain's and Mexico's, so words of either side
of the Atlantic pass), run as one `hunspell -l` per check. Names, abbreviations and medical terms the dictionary lacks
go in .spanish-words.txt, one per line (in lower case it also allows the word with a capital). Reference IDs in
citations ([[Chu]]) are not words and are left out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from scripts.checks.markdown_prose import prose_blocks
from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.yaml_loader import load_yaml_file, read_text
from scripts.i18n.data_texts import STAMP_KEY
from scripts.site.page_metadata import CITATION

DICTIONARIES = "es_ES,es_MX"
WORD_LIST = ".spanish-words.txt"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
INSTALL_HINT = "install Debian's hunspell and hunspell-es packages: make install"


def _project_words(root: Path) -> set[str]:
    path = root / WORD_LIST
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def unknown_words(words: set[str]) -> set[str]:
    """The words Hunspell's Spanish dictionaries do not know."""
    hunspell = shutil.which("hunspell")
    if hunspell is None:
        raise ContentError(
            [ContentProblem(WORD_LIST, None, f"the Spanish spelling check needs Hunspell; {INSTALL_HINT}")]
        )
    result = subprocess.run(
        [hunspell, "-d", DICTIONARIES, "-l"],
        input="\n".join(sorted(words)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise ContentError(
            [ContentProblem(WORD_LIST, None, f"Hunspell failed ({result.stderr.strip()}); {INSTALL_HINT}")]
        )
    return set(result.stdout.split())


def page_words(markdown: str) -> dict[str, int]:
    """Each word of a page's prose with the first line it is on."""
    found: dict[str, int] = {}
    for line, units in prose_blocks(markdown):
        for unit in units:
            for word in WORD.findall(CITATION.sub(" ", unit)):
                found.setdefault(word, line)
    return found


def data_words(path: Path, name: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for keys, line, text in load_yaml_file(path, name).texts():
        if keys and keys[-1] == STAMP_KEY:
            continue
        for word in WORD.findall(text):
            found.setdefault(word, line)
    return found


def spelling_problems(root: Path, files: list[str]) -> list[ContentProblem]:
    """Unknown words in the named Spanish pages (.md) and data files (.yml), each once per file at its first line."""
    words_by_file = {
        name: (page_words(read_text(root / name, name)) if name.endswith(".md") else data_words(root / name, name))
        for name in files
    }
    known = _project_words(root)
    unknown = unknown_words(
        {word for words in words_by_file.values() for word in words if word not in known and word.lower() not in known}
    )
    return [
        ContentProblem(
            name,
            line,
            f"'{word}' is not in the Spanish dictionary; fix its spelling, or if it is right (a name, a medical"
            f" term), add it on its own line to {WORD_LIST}",
        )
        for name, words in words_by_file.items()
        for word, line in words.items()
        if word in unknown
    ]
