"""The one way editors' YAML is read, for front matter and every data file.

PyYAML composes the text into nodes that know their lines; this module turns the nodes into plain Python
values and keeps the line of every key and list item, so any later problem can say where to look. Whatever a
parser would otherwise drop or crash on becomes a problem with file, line and fix: a key written twice, a
syntax error, a date that does not exist, a byte that is not UTF-8, an empty file.

PyYAML's libyaml parser rather than ruamel.yaml: both give node positions, but ruamel.yaml is pure Python here and
took 50 to 200 ms per data file against under 1 ms, on every build; and MkDocs reads front matter with PyYAML, so
the checks see the values the site will show.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml import MappingNode, MarkedYAMLError, Node, ScalarToken, SequenceNode, YAMLError
from yaml.constructor import SafeConstructor

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.input_limits import oversized

EXAMPLE_DATE = "2027-11-01"
# libyaml's C parser where PyYAML was built with it; the pure-Python one gives the same nodes, only slower.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YamlPath = tuple[str | int, ...]
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# Far above any real file (the largest data file is about 15 KB): a larger one is a mistake or an attack, and is
# refused before parsing. Lines are bounded too, as they are for pages (scripts/common/input_limits.py).
MAX_YAML_CHARACTERS = 200_000
SYNTAX_HINT = (
    "check the indentation matches the lines around it, and put text that contains a colon or starts with a quote"
    " inside double quotes"
)


@dataclass(frozen=True)
class YamlDocument:
    """Plain Python data from one YAML text, with the file line of every key and list item."""

    display_path: str
    data: Any
    lines: Mapping[YamlPath, int]
    # Where each text value's own first line is: for a block ('>' or '|') that is the line below its key.
    text_lines: Mapping[YamlPath, int]

    def texts(self) -> Iterator[tuple[YamlPath, int, str]]:
        """(path, first line, text) of every text value, keys left out."""
        for path, line in self.text_lines.items():
            yield path, line, self._value_at(path)

    def _value_at(self, path: YamlPath) -> Any:
        value = self.data
        for part in path:
            value = value[part]
        return value

    def line_of(self, path: Sequence[Any]) -> int | None:
        """1-based line of the value at `path`; for a key that is missing, the line of the entry it belongs in.

        Parts of `path` that are not in the YAML (a validator's own name, say) are passed over.
        """
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def decode_utf8(raw: bytes, display_path: str) -> str:
    """The text of a file; a byte that is not UTF-8 is reported with its line instead of a traceback."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start : error.start + 1].hex().upper()
        raise ContentError(
            [
                ContentProblem(
                    display_path,
                    line,
                    f"this line holds a character that is not UTF-8 (byte 0x{byte}), often a curly quote or accent"
                    " pasted from a word processor; retype it, or save the file again as UTF-8",
                )
            ]
        ) from None


def read_text(path: Path, display_path: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(
            [
                ContentProblem(
                    display_path, None, f"this data file is missing; restore it with: git checkout -- {display_path}"
                )
            ]
        ) from None
    return decode_utf8(raw, display_path)


def load_yaml_file(path: Path, display_path: str) -> YamlDocument:
    """A data file: it must exist, be UTF-8, be valid YAML and hold something."""
    document = parse_yaml(read_text(path, display_path), display_path)
    if document.data is None:
        raise ContentError(
            [
                ContentProblem(
                    display_path,
                    1,
                    "this data file is empty, so the site would lose everything it holds; restore it with:"
                    f" git checkout -- {display_path}",
                )
            ]
        )
    return document


def parse_yaml(text: str, display_path: str, first_line: int = 1) -> YamlDocument:
    """Parse `text`, which starts on line `first_line` of its file; raise ContentError listing every problem.

    Anchors, aliases and tags are refused from the parser's events, before any node or value is built: an alias
    repeats a whole subtree (a few hundred bytes can stand for gigabytes), and a tag asks for a type.
    """
    too_big = oversized(display_path, text, MAX_YAML_CHARACTERS, first_line)
    if too_big:
        raise ContentError(too_big)
    try:
        unused_features = _unused_features(text, display_path, first_line)
        if unused_features:
            raise ContentError(unused_features)
        root = yaml.compose(text, Loader=_LOADER)
    except MarkedYAMLError as error:
        raise ContentError([_syntax_problem(text, error, display_path, first_line)]) from None
    except YAMLError as error:
        raise ContentError(
            [ContentProblem(display_path, None, f"this is not valid YAML ({error}); {SYNTAX_HINT}")]
        ) from None
    converter = _Converter(display_path, first_line)
    data = converter.value(root, ()) if root is not None else None
    if converter.problems:
        raise ContentError(converter.problems)
    return YamlDocument(display_path, data, converter.lines, converter.text_lines)


def _unused_features(text: str, display_path: str, first_line: int) -> list[ContentProblem]:
    """Anchors (&name), aliases (*name) and tags (!name, !!type): YAML features no file here needs."""
    problems: list[ContentProblem] = []
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + first_line
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                ContentProblem(
                    display_path,
                    line,
                    f"'*{event.anchor}' repeats text from elsewhere in the file; write the text out here instead",
                )
            )
            continue
        if getattr(event, "anchor", None):
            problems.append(
                ContentProblem(
                    display_path,
                    line,
                    f"'&{event.anchor}' marks text to repeat elsewhere; remove the '&{event.anchor}'",
                )
            )
        if getattr(event, "tag", None):
            problems.append(
                ContentProblem(
                    display_path,
                    line,
                    f"the tag '{event.tag}' is not used here; remove it, and put text that starts with '!' inside"
                    " double quotes",
                )
            )
    return problems


class _Converter:
    """Walks the node tree once: plain values out, lines recorded, every problem collected."""

    def __init__(self, display_path: str, first_line: int) -> None:
        self._constructor = SafeConstructor()
        self._display_path = display_path
        self._first_line = first_line
        self.lines: dict[YamlPath, int] = {}
        self.text_lines: dict[YamlPath, int] = {}
        self.problems: list[ContentProblem] = []

    def _line(self, node: Node) -> int:
        return node.start_mark.line + self._first_line

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(ContentProblem(self._display_path, line, message))

    def value(self, node: Node, path: YamlPath) -> Any:
        self.lines.setdefault(path, self._line(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = self._line(item)
                items.append(self.value(item, (*path, index)))
            return items
        value = self._scalar(node)
        if isinstance(value, str):
            self.text_lines[path] = self._line(node) + (1 if node.style in ("|", ">") else 0)
        return value

    def _mapping(self, node: MappingNode, path: YamlPath) -> dict:
        mapping: dict = {}
        first_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = self._line(key_node)
            if key_node.tag == _MERGE_TAG or isinstance(key_node, MappingNode | SequenceNode):
                self._problem(
                    line,
                    "write each key out in full as 'name: value'; merges ('<<') and lists as keys are not used here",
                )
                continue
            key = self._scalar(key_node)
            if key in first_lines:
                self._problem(
                    line,
                    f"the key '{key}' is written twice, on lines {first_lines[key]} and {line}; keep one of them,"
                    " because only one value would count",
                )
                continue
            first_lines[key] = line
            self.lines[(*path, key)] = line
            mapping[key] = self.value(value_node, (*path, key))
        return mapping

    def _scalar(self, node: Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except ValueError:
            if node.tag != _TIMESTAMP_TAG:
                raise
            self._problem(
                self._line(node),
                f"{node.value} is not a real date; write year-month-day with a day that exists, like {EXAMPLE_DATE}",
            )
            return None
        except MarkedYAMLError as error:
            self._problem(self._line(node), f"this is not valid YAML ({error.problem}); {SYNTAX_HINT}")
            return None


def _syntax_problem(text: str, error: MarkedYAMLError, display_path: str, first_line: int) -> ContentProblem:
    # Text with no colon (often a line wrapped from the one above) is where the scanner began the key it expected.
    simple_key = error.context == "while scanning a simple key" and error.context_mark is not None
    mark = error.context_mark if simple_key else error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else None
    reason = error.problem or error.context or "the layout is not valid"
    quote_line = _runaway_quote_line(text, error)
    if quote_line is not None:
        return ContentProblem(
            display_path,
            quote_line + first_line,
            f"a quote opens on this line and is not closed before line {line}; close it on the same line"
            " (for a quote inside the text, put the other kind of quote around it)",
        )
    return ContentProblem(display_path, line, f"this is not valid YAML ({reason}); {SYNTAX_HINT}")


def _runaway_quote_line(text: str, error: MarkedYAMLError) -> int | None:
    """0-based line where quoted text that ran on over several lines into the error opened, if that went wrong.

    An unclosed quote swallows the lines after it, up to the next quote in the file; the parser then stumbles
    there, far from the real mistake. The last text before the error spanning lines in quotes points back to it.
    """
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return error.context_mark.line
    if error.problem_mark is None:
        return None
    last: ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            if token.start_mark.index >= error.problem_mark.index:
                break
            if isinstance(token, ScalarToken):
                last = token
    except YAMLError:
        pass
    if last is not None and last.style in ('"', "'") and last.end_mark.line > last.start_mark.line:
        return last.start_mark.line
    return None
