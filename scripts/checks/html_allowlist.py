"""The safe-HTML gate for pre-commit: the allowlist the build runs (scripts/site/html_allowlist.py) over files.

Pages and snippets, every text of every data file, and every file the build would copy from docs/ as it is.

Usage: python -m scripts.checks.html_allowlist PATH...   (files, or folders to scan)
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.yaml_loader import load_yaml_file, read_text
from scripts.site.copied_files import check_copied_file, unsafe_paths
from scripts.site.html_allowlist import check_page_source, check_yaml_texts

DOCS_DIR = "docs"


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(file for file in path.rglob("*") if file.is_file() and not file.is_symlink())
        elif path.is_file() and not path.is_symlink():
            files.append(path)
    return files


def _docs_path(file: Path) -> str:
    """The file's path under docs/, which decides where theme files may live; its own name outside docs/."""
    parts = file.parts
    return Path(*parts[len(parts) - parts[::-1].index(DOCS_DIR) :]).as_posix() if DOCS_DIR in parts else file.name


def _root_and_part(path: Path, root: Path) -> tuple[Path, str]:
    """`path` as a part of `root` when it lies inside (not following a link at its end), else of its own folder."""
    absolute = path.absolute()
    if absolute.is_relative_to(root):
        return root, absolute.relative_to(root).as_posix()
    return absolute.parent, absolute.name


def check_paths(paths: list[Path], root: Path | None = None) -> list[ContentProblem]:
    root = (root or Path.cwd()).resolve()
    # Each folder, and each file named on its own (as pre-commit names them), for links and disguised names.
    problems = [
        problem
        for path in paths
        for base, part in [_root_and_part(path, root)]
        for problem in unsafe_paths(base, (part,))
    ]
    for file in _files(paths):
        resolved = file.resolve()
        display = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else file.as_posix()
        suffix = file.suffix.lower()
        try:
            if suffix == ".md" or (suffix == ".txt" and "snippets" in file.parts):
                problems += check_page_source(display, read_text(file, display))
            elif suffix in {".yml", ".yaml"}:
                problems += check_yaml_texts(load_yaml_file(file, display))
            else:
                problems += check_copied_file(display, _docs_path(file), file.read_bytes())
        except ContentError as error:
            problems += error.problems
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m scripts.checks.html_allowlist PATH...", file=sys.stderr)
        return 2
    problems = check_paths([Path(arg) for arg in args])
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
