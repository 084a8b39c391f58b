"""Line numbers of YAML nodes, so messages can point an editor at the right line."""

from __future__ import annotations

import yaml


def item_line(text: str, index: int) -> int | None:
    """1-based line of the index-th item of a top-level YAML list, or None if it cannot be found."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return None
    if isinstance(root, yaml.SequenceNode) and index < len(root.value):
        return root.value[index].start_mark.line + 1
    return None


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each key of a top-level YAML mapping; empty if the text is not a mapping."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
