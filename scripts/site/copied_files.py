"""Files MkDocs copies from docs/ into the site byte for byte: only passive ones, each checked as a browser reads it.

Published as they are, they pass no page check, so the list is short: pictures (their bytes must be what their
name says), SVG drawings after a parse that finds nothing active, and the theme's own CSS and JavaScript in its
two folders, which may load nothing from another host. Anything else stops the build. So does a symbolic link
anywhere under docs/ or data/ (it would publish whatever file it points at, such as /etc/passwd) and a file name
with characters that hide or reorder what the name shows.
"""

from __future__ import annotations

import os
import re
import xml.parsers.expat
from pathlib import Path, PurePosixPath

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.input_limits import MAX_PAGE_CHARACTERS, oversized
from scripts.common.yaml_loader import decode_utf8

# Each picture type and how its bytes start; a browser would sniff other bytes as something else.
PICTURE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".ico": (b"\x00\x00\x01\x00",),
}
# The theme's own folders (relative to docs/), and the one kind of file each may hold.
THEME_FOLDERS = {".css": "stylesheets", ".js": "javascripts"}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
# Drawing elements only: nothing that runs code, animates, holds another document or loads a style sheet.
SVG_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "metadata",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "marker",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComposite",
        "feFlood",
        "feGaussianBlur",
        "feMerge",
        "feMergeNode",
        "feOffset",
    ]
)
# A reference inside a drawing may only point within it (#id): an SVG opened on its own would load anything else.
SVG_REFERENCE_ATTRIBUTES = frozenset({"href", f"{XLINK_NAMESPACE} href"})
SVG_URL_IN_VALUE = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
# Letters, digits and - _ . only: no spaces, control characters or Unicode direction marks that disguise a name.
SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_.-]{0,99}")
# CSS @import and url(), and any address written with a scheme or as //host, in the theme's CSS and JavaScript.
OTHER_HOST_IN_CODE = re.compile(
    r"""(?:[a-z][a-z0-9+.-]*:)?//[^\s'"`)]+|@import|url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:|//)""", re.IGNORECASE
)
# JavaScript line comments start with // too; only // right after a quote or url( is an address.
ADDRESS_START = re.compile(r"""['"`(]\s*$|[a-z][a-z0-9+.-]*:$""", re.IGNORECASE)


def unsafe_paths(root: Path, folders: tuple[str, ...]) -> list[ContentProblem]:
    """Symbolic links and disguised names under each of `folders` (relative to `root`)."""
    problems: list[ContentProblem] = []
    for folder in folders:
        top = root / folder
        if top.is_symlink():
            problems.append(_link_problem(folder))
            continue
        if not top.is_dir():
            problems += _name_problems(top.name, folder)
            continue
        for directory, subfolders, files in os.walk(top):
            for name in sorted(subfolders + files):
                path = Path(directory) / name
                display = path.relative_to(root).as_posix()
                if path.is_symlink():
                    problems.append(_link_problem(display))
                else:
                    problems += _name_problems(name, display)
            subfolders[:] = [name for name in subfolders if not (Path(directory) / name).is_symlink()]
    return problems


def _name_problems(name: str, display: str) -> list[ContentProblem]:
    if SAFE_FILE_NAME.fullmatch(name):
        return []
    return [
        ContentProblem(
            ascii(display)[1:-1],
            None,
            "this file name holds characters other than letters, digits, '-', '_' and '.' (spaces, control"
            " characters or text-direction marks can disguise a name); rename it using only those",
        )
    ]


def _link_problem(display: str) -> ContentProblem:
    return ContentProblem(
        display,
        None,
        "this is a symbolic link, which would publish whatever file it points at; replace it with the file itself",
    )


def check_copied_file(display_path: str, docs_path: str, raw: bytes) -> list[ContentProblem]:
    """A file copied from docs/ as it is; `docs_path` is its path under docs/."""
    path = PurePosixPath(docs_path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return check_svg(display_path, raw)
    if suffix in PICTURE_SIGNATURES:
        if raw.startswith(PICTURE_SIGNATURES[suffix]):
            return []
        return [
            ContentProblem(
                display_path,
                None,
                f"this file is named {suffix} but does not hold a {suffix[1:].upper()} picture; save the picture again"
                " in that format, or name it for what it is",
            )
        ]
    if suffix in THEME_FOLDERS and path.parts[0] == THEME_FOLDERS[suffix]:
        return _check_theme_code(display_path, raw)
    allowed = ", ".join(sorted([*PICTURE_SIGNATURES, ".svg"]))
    return [
        ContentProblem(
            display_path,
            None,
            f"this file would be published unchecked; the site may publish pictures ({allowed}), pages written in"
            " Markdown (.md), and the theme's CSS in docs/stylesheets/ and JavaScript in docs/javascripts/;"
            " remove it, convert it, or ask a developer",
        )
    ]


def _check_theme_code(display_path: str, raw: bytes) -> list[ContentProblem]:
    text = decode_utf8(raw, display_path)
    too_big = oversized(display_path, text, MAX_PAGE_CHARACTERS)
    if too_big:
        return too_big
    for match in OTHER_HOST_IN_CODE.finditer(text):
        found = match.group(0)
        if found.startswith("//") and not ADDRESS_START.search(text[max(0, match.start() - 20) : match.start()]):
            continue  # a JavaScript comment
        line = text.count("\n", 0, match.start()) + 1
        return [
            ContentProblem(
                display_path,
                line,
                f"'{found[:40]}' loads from another site or imports a style sheet; the guide loads nothing from other"
                " sites: copy the file into docs/ and refer to it by its path",
            )
        ]
    return []


def check_svg(display_path: str, raw: bytes) -> list[ContentProblem]:
    """An SVG drawing read as the browser reads it (XML): drawing elements only, nothing active, UTF-8 only."""
    problems: list[tuple[int, str]] = []
    try:
        decode_utf8(raw, display_path)
    except ContentError as error:
        return error.problems
    parser = xml.parsers.expat.ParserCreate("UTF-8", namespace_separator=" ")

    def problem(message: str) -> None:
        problems.append((parser.CurrentLineNumber, message))

    def declaration(version: str | None, encoding: str | None, standalone: int) -> None:
        if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            problem(f'the drawing declares encoding {encoding!r}; save it as UTF-8 and declare encoding="UTF-8"')

    def doctype(*_: object) -> None:
        problem("a <!DOCTYPE> or entity declaration is not allowed in pictures; remove it")

    def instruction(target: str, data: str) -> None:
        problem(f"the instruction <?{target} ...?> is not allowed in pictures (it can load a style sheet); remove it")

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, tag = name.rpartition(" ")
        if namespace != SVG_NAMESPACE or tag not in SVG_ELEMENTS:
            problem(f"<{tag}> is not allowed in pictures: they may only draw; remove it, or export the drawing again")
            return
        for attribute, value in attributes.items():
            shown = attribute.rpartition(" ")[2]
            if shown.lower().startswith("on"):
                problem(f"<{tag}>: the {shown}= attribute is not allowed: pictures must not run code; remove it")
            elif attribute in SVG_REFERENCE_ATTRIBUTES and not value.strip().startswith("#"):
                problem(f"<{tag}> {shown}=: the reference '{value[:40]}' leaves the drawing; point inside it (#id)")
            elif SVG_URL_IN_VALUE.search(value):
                problem(f"<{tag}> {shown}=: '{value[:40]}' leaves the drawing; refer only inside it, like url(#id)")

    parser.XmlDeclHandler = declaration
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    try:
        parser.Parse(raw, True)
    except xml.parsers.expat.ExpatError as error:
        problems.append(
            (
                error.lineno,
                f"this drawing is not well-formed SVG ({xml.parsers.expat.errors.messages[error.code]});"
                " export it again from the drawing program",
            )
        )
    return [ContentProblem(display_path, line, message) for line, message in dict.fromkeys(problems)]
