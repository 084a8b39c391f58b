"""Line numbers of values in a YAML file, so a problem can say where to look."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import yaml

# libyaml's C parser, where PyYAML was built with it, is many times faster than the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    """Parse YAML safely; raises yaml.MarkedYAMLError with the line of a syntax error."""
    return yaml.load(text, Loader=SAFE_LOADER)


def compose(text: str) -> yaml.Node | None:
    """The file's node tree; raises yaml.MarkedYAMLError with the line of a syntax error."""
    return yaml.compose(text, Loader=SAFE_LOADER)


def line_of(root: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """1-based line of the value at `path`; for a key that is missing, the line of the entry it belongs in.

    For a mapping key the key's own line is used, because a list value starts on the line below it.
    """
    if root is None:
        return None
    node = root
    line = node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((pair for pair in node.value if pair[0].value == part), None)
            if match is None:
                break
            key_node, node = match
            line = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def duplicate_keys(node: yaml.Node | None) -> Iterator[tuple[str, int, int]]:
    """(key, line of first use, line of repeat) for each key written twice in one mapping.

    PyYAML keeps the last value without a word, so a repeated key would hide an editor's text.
    """
    if isinstance(node, yaml.MappingNode):
        first_line_of_key: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.value in first_line_of_key:
                yield key_node.value, first_line_of_key[key_node.value], line
            else:
                first_line_of_key[key_node.value] = line
            yield from duplicate_keys(value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from duplicate_keys(item)


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each key of a top-level YAML mapping; empty if the text is not a mapping."""
    try:
        root = compose(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
