"""Line numbers of YAML nodes, so messages can point an editor at the right line."""

from __future__ import annotations

import yaml


def item_lines(text: str) -> list[int]:
    """1-based first line of each item of a top-level YAML list; empty if the text is not a list."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in root.value]


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each key of a top-level YAML mapping; empty if the text is not a mapping."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
