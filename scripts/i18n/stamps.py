"""Stamps: which version of the English a translation translates.

A stamp is a short hash of the English text. A translation records the stamp of the English it was made from
(`translation_of:` in a page's front matter, `translates:` in each data-text entry); when the English changes, its
stamp no longer matches and the translation is reported as out of date. Spacing and line breaks do not count, so
re-wrapping a paragraph does not flag its translations; any change of words does.
"""

from __future__ import annotations

import hashlib
import json
import re

STAMP_LENGTH = 12
STAMP_PATTERN = rf"^[0-9a-f]{{{STAMP_LENGTH}}}$"


def stamp_of(texts: object) -> str:
    """The stamp of a text, or of a structure of texts (a data entry's fields), spacing ignored."""
    canonical = json.dumps(_normalized(texts), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:STAMP_LENGTH]


def _normalized(value: object) -> object:
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    if isinstance(value, dict):
        return {key: _normalized(item) for key, item in value.items() if item not in (None, [], "")}
    if isinstance(value, list | tuple):
        return [_normalized(item) for item in value]
    return value
