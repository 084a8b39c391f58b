"""Command line: python -m scripts.dedup SOURCES_DIR [--json OUT.json] [--report OUT.md]."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from .pipeline import group_documents
from .reading import read_sources
from .report import render_report

EXIT_UNREADABLE_SOURCE = 1
EXIT_USAGE = 2


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename over it, so readers never see a half-written file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dedup",
        description="Group repeated (including re-worded) sections of the source articles.",
    )
    parser.add_argument("sources", type=Path, help="folder of .txt, .md and .html sources")
    parser.add_argument("--json", type=Path, dest="json_path", help="write the sections and groups as JSON here")
    parser.add_argument("--report", type=Path, dest="report_path", help="write the Markdown digest for editors here")
    arguments = parser.parse_args(argv)
    if not arguments.sources.is_dir():
        parser.error(f"sources folder not found: {arguments.sources} (give the folder holding the source articles)")
    for output in (arguments.json_path, arguments.report_path):
        if output is not None and not output.parent.is_dir():
            parser.error(f"output folder does not exist: {output.parent} (create it first)")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    documents, problems = read_sources(arguments.sources)
    for problem in problems:
        print(f"dedup: skipped {problem.message}", file=sys.stderr)
    result = group_documents([(document.name, document.text) for document in documents])
    if arguments.json_path is not None:
        write_atomically(arguments.json_path, json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if arguments.report_path is not None:
        write_atomically(arguments.report_path, render_report(result))
    repeated = sum(1 for group in result.groups if len(group.members) > 1)
    print(f"{len(documents)} files, {len(result.sections)} sections, {len(result.groups)} groups ({repeated} repeated)")
    if problems:
        print(f"dedup: {len(problems)} file(s) could not be read; fix them and run again", file=sys.stderr)
        return EXIT_UNREADABLE_SOURCE
    return 0


if __name__ == "__main__":
    sys.exit(main())
