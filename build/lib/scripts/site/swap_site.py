"""Put a freshly built site in place of the old one in a single rename, so site/ is never half-deleted.

`make build` builds into a scratch folder first (a failed build leaves the old site untouched), then runs
`python -m scripts.site.swap_site NEW SITE`. Where Linux allows, the two folders are exchanged in one
renameat2(RENAME_EXCHANGE) call, so site/ always exists and is always a whole build; elsewhere the old site is
renamed aside and the new one renamed in, two quick renames with nothing deleted in between.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the C library or the file system cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0


def swap_in(new_site: Path, site: Path) -> None:
    """Make new_site's content appear at site; the old content is removed only once it is out of the way."""
    if not new_site.is_dir():
        raise FileNotFoundError(f"{new_site} is not a built site")
    previous = site.with_name(f".{site.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site.is_dir() and _exchange(new_site, site):
        os.rename(new_site, previous)
    else:
        if site.exists():
            os.rename(site, previous)
        os.rename(new_site, site)
    shutil.rmtree(previous, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m scripts.site.swap_site NEW_SITE_DIR SITE_DIR", file=sys.stderr)
        return 2
    swap_in(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
