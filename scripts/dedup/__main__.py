"""Command line: python -m scripts.dedup SOURCES_DIR [--json OUT.json] [--report OUT.md] [--since OLD.json]."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import tempfile
from pathlib import Path

from .lexicon import LexiconMissing, load_lexicon
from .pipeline import group_documents
from .reading import read_sources, skipped_files, source_paths
from .report import PreviousRunError, load_previous_run, render_report

EXIT_UNREADABLE_SOURCE = 1
EXIT_USAGE = 2
EXIT_MISSING_LEXICON = 3
# Files are created as 0666 minus the umask, like any editor's tool would; mkstemp alone gives 0600.
NEW_FILE_MODE = 0o666


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename over it, so readers never see a half-written file.

    An existing output keeps its permissions; a new one gets the usual mode for new files.
    """
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE & ~current_umask()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def output_problem(option: str, output: Path, sources: Path, source_files: set[Path]) -> str | None:
    """Why writing to output would harm the inputs or fail, or None when it is safe."""
    resolved = output.resolve()
    if output.is_dir():
        return f"{option} {output} is a folder; give a file name such as {output / 'sources.json'}"
    if not output.parent.is_dir():
        return f"{option} {output}: output folder does not exist: {output.parent} (create it first)"
    if resolved in source_files:
        return f"{option} {output} is one of the source articles; write the output outside {sources}"
    if resolved.is_relative_to(sources.resolve()):
        return (
            f"{option} {output} is inside the sources folder {sources}, where it would be read back as a source; "
            "write it somewhere else"
        )
    return None


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dedup",
        description="Group repeated (including re-worded) sections of the source articles.",
    )
    parser.add_argument("sources", type=Path, help="folder of .txt, .md and .html sources")
    parser.add_argument("--json", type=Path, dest="json_path", help="write the sections and groups as JSON here")
    parser.add_argument("--report", type=Path, dest="report_path", help="write the Markdown digest for editors here")
    parser.add_argument(
        "--since",
        type=Path,
        dest="since_path",
        help="an earlier run's --json output; the digest then opens with what new or changed sources repeat and add",
    )
    arguments = parser.parse_args(argv)
    if not arguments.sources.is_dir():
        parser.error(f"sources folder not found: {arguments.sources} (give the folder holding the source articles)")
    source_files = {path.resolve() for path in source_paths(arguments.sources)}
    outputs = [("--json", arguments.json_path), ("--report", arguments.report_path)]
    for option, output in outputs:
        if output is not None:
            problem = output_problem(option, output, arguments.sources, source_files)
            if problem:
                parser.error(problem)
    json_path, report_path = arguments.json_path, arguments.report_path
    if json_path and report_path and json_path.resolve() == report_path.resolve():
        parser.error("--json and --report name the same file; give each its own file name")
    if arguments.since_path is not None:
        if report_path is None:
            parser.error("--since shows its findings in the digest; add --report DIGEST.md")
        try:
            arguments.previous = load_previous_run(arguments.since_path)
        except PreviousRunError as error:
            parser.error(f"--since {error}")
    else:
        arguments.previous = None
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        load_lexicon()
    except LexiconMissing as error:
        print(f"dedup: {error}", file=sys.stderr)
        return EXIT_MISSING_LEXICON
    documents, problems = read_sources(arguments.sources)
    for skipped in skipped_files(arguments.sources):
        print(f"dedup: skipped {skipped}", file=sys.stderr)
    for problem in problems:
        print(f"dedup: skipped {problem}", file=sys.stderr)
    if not documents:
        print(
            f"dedup: no readable source in {arguments.sources}; add .txt, .md or .html articles and run again",
            file=sys.stderr,
        )
        return EXIT_USAGE
    result = group_documents([(document.name, document.text) for document in documents])
    if arguments.json_path is not None:
        write_atomically(arguments.json_path, json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if arguments.report_path is not None:
        write_atomically(arguments.report_path, render_report(result, arguments.previous))
    repeated = sum(1 for group in result.groups if len(group.members) > 1)
    print(f"{len(documents)} files, {len(result.sections)} sections, {len(result.groups)} groups ({repeated} repeated)")
    if problems:
        print(f"dedup: {len(problems)} file(s) could not be read; fix them and run again", file=sys.stderr)
        return EXIT_UNREADABLE_SOURCE
    return 0


if __name__ == "__main__":
    sys.exit(main())
