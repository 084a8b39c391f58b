"""Size limits on every text editors write, so that no input can make the build slow or huge.

The parsers the build relies on (Python-Markdown and its extensions, PyYAML) have patterns whose cost grows faster
than the text on some inputs: one 100 KB line could take the build half a minute. With every line at most
MAX_LINE_CHARACTERS and every file within its limit, the work per line is bounded by a constant, so the work per
file grows at most linearly with its size, and refusing a text costs one pass over it.
"""

from __future__ import annotations

from scripts.common.content_errors import ContentProblem

# The longest line of any page or data file today is under 300 characters; a paragraph may be one long line.
MAX_LINE_CHARACTERS = 5_000
# A page or snippet: the longest today is about 16 KB.
MAX_PAGE_CHARACTERS = 300_000
# A page's front matter: a handful of short fields.
MAX_FRONT_MATTER_CHARACTERS = 10_000


def oversized(display_path: str, text: str, max_characters: int, first_line: int = 1) -> list[ContentProblem]:
    """The text's size over `max_characters`, or its first line over MAX_LINE_CHARACTERS; [] when within both."""
    if len(text) > max_characters:
        return [
            ContentProblem(
                display_path,
                first_line,
                f"this text is {len(text):,} characters long, over the limit of {max_characters:,}; split it into"
                " smaller files",
            )
        ]
    lines = text.split("\n")
    if max(map(len, lines)) <= MAX_LINE_CHARACTERS:
        return []
    number, line = next((number, line) for number, line in enumerate(lines) if len(line) > MAX_LINE_CHARACTERS)
    return [
        ContentProblem(
            display_path,
            first_line + number,
            f"this line is {len(line):,} characters long, over the limit of {MAX_LINE_CHARACTERS:,};"
            " break it into shorter lines or paragraphs",
        )
    ]
