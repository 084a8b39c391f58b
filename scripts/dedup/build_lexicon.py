"""`python -m scripts.dedup.build_lexicon`: cache WordNet's concept index now (make install runs it), or say what
to install. Its own module, because the package imports lexicon.py before `-m` could run it."""

from __future__ import annotations

import sys

from .lexicon import LexiconMissing, cache_dir, load_lexicon


def main() -> int:
    try:
        lexicon = load_lexicon()
    except LexiconMissing as error:
        print(f"dedup: {error}", file=sys.stderr)
        return 3
    count = sum(len(table) for table in lexicon.senses.values())
    print(f"WordNet concepts of {count} words cached in {cache_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
