"""WordNet 3.0 concepts of English words, from Debian's wordnet-base and wordnet-sense-index packages.

The source tool compares sections by concept as well as by word, so that a spun rewrite ("wound" for "injury",
"rinse" for "wash") still meets its original. The method is Hotho, Staab and Stumme's concept features
("Ontologies improve text document clustering", ICDM 2003): each word adds the WordNet synsets it can stand for
("add" strategy, no hypernyms), and the concepts are weighted by TF-IDF like the words.
A word stands for a synset when SemCor, the sense-tagged corpus counted in index.sense, saw it used in that
sense, or when that sense is its first (most frequent) one; senses nobody used ("pot" as cannabis) would tie
unrelated words together.

Reading index.sense takes about a second, so a compact index (word -> synset numbers) is written once to a
cache file beside the WordNet files' fingerprint and read from there afterwards.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

WORDNET_DIR_VARIABLE = "DEDUP_WORDNET_DIR"
CACHE_DIR_VARIABLE = "DEDUP_CACHE_DIR"
DEFAULT_WORDNET_DIR = Path("/usr/share/wordnet")
INSTALL_HINT = (
    "install it with `sudo apt-get install wordnet-base wordnet-sense-index` (Debian/Ubuntu; `make install` does "
    f"this), or set {WORDNET_DIR_VARIABLE} to a folder holding WordNet 3.0's index.sense and *.exc files"
)
SENSE_INDEX = "index.sense"
EXCEPTION_FILES = {"n": "noun.exc", "v": "verb.exc", "a": "adj.exc", "r": "adv.exc"}
# index.sense's ss_type digit; satellite adjectives (5) are adjectives for lemmatising.
PART_OF_SPEECH = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
# WordNet's own detachment rules (morph.c), tried in order after the exception lists.
SUFFIX_RULES = {
    "n": [
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}
INDEX_FORMAT = 1


class LexiconMissing(RuntimeError):
    """WordNet is not installed where the tool looks; the message says what to install."""


def wordnet_dir() -> Path:
    return Path(os.environ.get(WORDNET_DIR_VARIABLE) or DEFAULT_WORDNET_DIR)


def source_files(folder: Path) -> list[Path]:
    files = [folder / SENSE_INDEX, *(folder / name for name in EXCEPTION_FILES.values())]
    missing = [path.name for path in files if not path.is_file()]
    if missing:
        raise LexiconMissing(f"WordNet 3.0 not found: {', '.join(missing)} missing in {folder}; {INSTALL_HINT}")
    return files


def fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(f"format {INDEX_FORMAT}".encode())
    for path in files:
        status = path.stat()
        digest.update(f"{path.resolve()} {status.st_size} {status.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "microneedling-guide"


def read_sense_index(path: Path) -> dict[str, dict[str, list[int]]]:
    """{part of speech: {lemma: [synset number, ...]}} for one-word lemmas, attested or first senses only."""
    synset_numbers: dict[str, int] = {}
    senses: dict[str, dict[str, list[int]]] = {pos: {} for pos in EXCEPTION_FILES}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            key, offset, sense_number, tag_count = line.split()
            lemma, _, lexical = key.partition("%")
            if "_" in lemma or "-" in lemma:
                continue
            pos = PART_OF_SPEECH[lexical[0]]
            if tag_count == "0" and sense_number != "1":
                continue
            synset = synset_numbers.setdefault(f"{pos}{offset}", len(synset_numbers))
            senses[pos].setdefault(lemma, []).append(synset)
    return senses


def read_exceptions(folder: Path) -> dict[str, dict[str, list[str]]]:
    """{part of speech: {irregular form: [lemma, ...]}} ("teeth" -> "tooth", "wrote" -> "write")."""
    exceptions: dict[str, dict[str, list[str]]] = {}
    for pos, name in EXCEPTION_FILES.items():
        table: dict[str, list[str]] = {}
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            form, *lemmas = line.split()
            if lemmas and "_" not in form:
                table[form] = lemmas
        exceptions[pos] = table
    return exceptions


def build_index(folder: Path) -> dict:
    return {
        "format": INDEX_FORMAT,
        "senses": read_sense_index(folder / SENSE_INDEX),
        "exceptions": read_exceptions(folder),
    }


def write_cache(path: Path, index: dict) -> None:
    """Written beside the target and renamed, so a parallel run never reads half a cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(index, stream, separators=(",", ":"), sort_keys=True)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached_index() -> dict:
    """The compact index, read from the cache or built from the WordNet files and cached (best effort)."""
    folder = wordnet_dir()
    files = source_files(folder)
    path = cache_dir() / f"wordnet-concepts-{fingerprint(files)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    index = build_index(folder)
    # A read-only home still gets correct results, just without the speed-up next time.
    with contextlib.suppress(OSError):
        write_cache(path, index)
    return index


class Lexicon:
    """Word -> WordNet synset numbers, lemmatised with WordNet's own rules (morphy)."""

    def __init__(self, index: dict) -> None:
        self.senses: dict[str, dict[str, list[int]]] = index["senses"]
        self.exceptions: dict[str, dict[str, list[str]]] = index["exceptions"]
        self.concepts = lru_cache(maxsize=200_000)(self._concepts)

    def lemmas(self, word: str, pos: str) -> list[str]:
        known = self.senses[pos]
        found = [lemma for lemma in self.exceptions[pos].get(word, []) if lemma in known]
        if word in known:
            found.append(word)
        for suffix, replacement in SUFFIX_RULES[pos]:
            if word.endswith(suffix) and len(word) > len(suffix):
                lemma = word[: len(word) - len(suffix)] + replacement
                if lemma in known and lemma not in found:
                    found.append(lemma)
        return found

    def _concepts(self, word: str) -> tuple[int, ...]:
        """Every synset any lemma of the word stands for, over all parts of speech, without repeats."""
        found: dict[int, None] = {}
        for pos in EXCEPTION_FILES:
            for lemma in self.lemmas(word, pos):
                found.update(dict.fromkeys(self.senses[pos][lemma]))
        return tuple(found)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon(cached_index())


def main() -> int:
    """`python -m scripts.dedup.lexicon`: build the cache now (make install runs it) and say where it is."""
    import sys

    try:
        lexicon = load_lexicon()
    except LexiconMissing as error:
        print(f"dedup: {error}", file=sys.stderr)
        return 2
    count = sum(len(table) for table in lexicon.senses.values())
    print(f"WordNet concepts of {count} words cached in {cache_dir()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
