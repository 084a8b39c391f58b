"""Finding and decoding source files, turning every failure into a message an editor can act on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.common.content_errors import ContentProblem

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class SourceDocument:
    name: str
    text: str


def normalise_newlines(text: str) -> str:
    """Only \\n ends a line afterwards, so line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def decode_source(name: str, data: bytes) -> SourceDocument | ContentProblem:
    if b"\x00" in data:
        return ContentProblem(
            name,
            line_of(data, data.index(b"\x00")),
            "looks like a binary file (it contains NUL bytes); "
            "replace it with a plain-text, Markdown or HTML export, or move it out of the folder",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return ContentProblem(
            name,
            line_of(data, error.start),
            f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "re-save it with UTF-8 encoding and run again",
        )
    if not text.strip():
        return ContentProblem(name, None, "is empty; add its text or remove the file")
    return SourceDocument(name, normalise_newlines(text))


def source_paths(directory: Path) -> list[Path]:
    return sorted(
        (path for path in directory.rglob("*") if path.suffix.lower() in SOURCE_SUFFIXES),
        key=lambda path: path.relative_to(directory).as_posix(),
    )


def skipped_files(directory: Path) -> list[ContentProblem]:
    """Files left out because of their type, so an editor sees why an exported article was not read."""
    kinds = ", ".join(SOURCE_SUFFIXES)
    return [
        ContentProblem(
            name,
            None,
            f"not a source type ({kinds}); export it as plain text, Markdown or HTML if it should be read",
        )
        for name in sorted(
            path.relative_to(directory).as_posix()
            for path in directory.rglob("*")
            if path.is_file() and path.suffix.lower() not in SOURCE_SUFFIXES
        )
    ]


def read_sources(directory: Path) -> tuple[list[SourceDocument], list[ContentProblem]]:
    """Read every source under directory; unreadable ones are reported, never fatal for the rest."""
    documents: list[SourceDocument] = []
    problems: list[ContentProblem] = []
    for path in source_paths(directory):
        name = path.relative_to(directory).as_posix()
        try:
            data = path.read_bytes()
        except OSError as error:
            reason = error.strerror or error.__class__.__name__
            problems.append(
                ContentProblem(
                    name,
                    None,
                    f"cannot be read ({reason}); make it a readable regular file or move it out of the folder",
                )
            )
            continue
        outcome = decode_source(name, data)
        if isinstance(outcome, ContentProblem):
            problems.append(outcome)
        else:
            documents.append(outcome)
    return documents, problems
