"""Pydantic's validation errors, reworded for editors: which effect, which field, and how to fix it."""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails

from scripts.timeline.models import GetHelp, LevelAdvice, PageInfo, SideEffect, SideEffectsFile, Symptom, WarningSign

# One line per field, reused in "missing" messages so the fix names what to write.
FIELD_HELP = {
    "page": "the page's title, description, last_reviewed and next_review",
    "description": "one sentence for search results and link previews",
    "last_reviewed": "the date a person last checked the page, like 2026-11-21",
    "next_review": "the date the page is due to be checked again, like 2027-11-21",
    "id": 'a short name in lower case with hyphens, like "cold-sore"; it must never be reused',
    "name": 'the name readers see, like "Redness"',
    "summary": "one or two plain sentences on what it is and whether it is normal",
    "normal": "true if it is a normal part of healing, false if it never is",
    "onset": "when it usually starts, like 0h for treatment day or 3d",
    "typical_end": "when it usually goes, like 3d, or null for an effect that is never normal",
    "see_help_after": "when it stops being normal, like 7d; the same as onset if it is never normal",
    "watch_until": "for an effect that is never normal: until when to watch for it, like 2w or 3m",
    "how_common": "one of expected, common, uncommon, rare or not_known",
    "self_care": "a list of things that help, one short sentence each",
    "before_treatment": "a list of things that lower the risk, one short sentence each",
    "get_help": "for emergency, urgent and soon: title, verdict and contact; no_medical_staff; and normal_if",
    "emergency": "title, verdict and contact for the emergency level",
    "urgent": "title, verdict and contact for the urgent level",
    "soon": "title, verdict and contact for the soon level",
    "title": "the page or card title, as short text",
    "verdict": 'the short form of the level, like "Get help today"',
    "contact": "whom to contact at this level, in one or two sentences",
    "no_medical_staff": "what to do if the treatment was at a spa or salon with no doctor or nurse",
    "normal_if": 'the condition every "normal" statement carries, like "it fades a little each day"',
    "warning_signs": "the list of warning signs, each with id, sign, level and effects",
    "sign": "what the reader sees or feels, in their words, without the time",
    "level": "one of emergency, urgent or soon",
    "when": 'from when it counts, like "after 2d or 3d" or "from about 3d"; leave it out for "as soon as it appears"',
    "effects": "the side effects; in a warning sign, the ids of the effects it belongs to, like [infection]",
    "symptoms": 'the "I have..." list, each with name, and normal and/or signs',
    "signs": "a list of warning sign ids, like [spreading-redness]",
    "sources": "a list of reference ids from data/references.yml, like [Chu, FDA]",
    "sources_disagree": "one or two sentences on how the sources differ",
}
ALLOWED_KEYS = {
    "top": list(SideEffectsFile.model_fields),
    "page": list(PageInfo.model_fields),
    "effects": list(SideEffect.model_fields),
    "get_help": list(GetHelp.model_fields),
    "emergency": list(LevelAdvice.model_fields),
    "urgent": list(LevelAdvice.model_fields),
    "soon": list(LevelAdvice.model_fields),
    "warning_signs": list(WarningSign.model_fields),
    "symptoms": list(Symptom.model_fields),
}

# Lists of entries: what one entry is called in messages, and the key that names it.
ENTRY_NOUNS = {"effects": ("effect", "id"), "warning_signs": ("warning sign", "id"), "symptoms": ("symptom", "name")}


def describe(error: ErrorDetails, data: Any) -> tuple[tuple[str | int, ...], str]:
    """The YAML path the error is about, and an editor's message for it."""
    path = tuple(part for part in error["loc"] if isinstance(part, int) or _is_field_or_input_key(part))
    where = _where(path, data)
    field = next((part for part in reversed(path) if isinstance(part, str)), "")
    return path, f"{where}: {_fix(error, field, path)}"


def _is_field_or_input_key(part: str) -> bool:
    # Pydantic adds names of its own validators to locations (e.g. "function-plain[...]"); they are not in the YAML.
    return "[" not in part


def _where(path: tuple[str | int, ...], data: Any) -> str:
    if path[:1] == ("page",):
        return "page"
    if len(path) >= 2 and isinstance(path[1], int) and path[0] in ENTRY_NOUNS:
        noun, name_key = ENTRY_NOUNS[path[0]]
        entry = _item(data, path[0], path[1])
        name = entry.get(name_key) if isinstance(entry, dict) else None
        return f'{noun} "{name}"' if isinstance(name, str) else f"{noun} number {path[1] + 1}"
    if path[:1] == ("get_help",):
        return "get_help"
    return "file"


def _item(data: Any, key: str, index: int) -> Any:
    items = data.get(key) if isinstance(data, dict) else None
    return items[index] if isinstance(items, list) and index < len(items) else None


def _fix(error: ErrorDetails, field: str, path: tuple[str | int, ...]) -> str:
    kind = error["type"]
    value = error.get("input")
    shown = f' "{value}"' if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    help_text = FIELD_HELP.get(field, "")
    if kind in ("duration", "when"):
        return error["msg"]
    if kind == "missing":
        return f'"{field}" is missing; add it: {help_text}'
    if kind == "extra_forbidden":
        allowed = ", ".join(ALLOWED_KEYS[_section(path)])
        return f'unknown key "{field}"; check its spelling or remove it (allowed keys: {allowed})'
    if kind == "literal_error":
        return f"{field}{shown} is not allowed; use {error.get('ctx', {}).get('expected', help_text)}"
    if kind in ("too_short", "string_too_short"):
        return f"{field} is empty; write {help_text}"
    if kind == "string_pattern_mismatch":
        return f"{field}{shown} is not a valid id; write {help_text}"
    if kind.startswith("date"):
        return f"{field}{shown} is not a date; write {help_text}, without quotes"
    if kind == "bool_type":
        return f"{field}{shown} must be true or false; write {help_text}"
    if kind == "list_type":
        return f'{field} must be a list, with each item on its own line starting with "- "; write {help_text}'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{field or 'the file'} must be a set of keys and values; write {help_text or 'page: and effects:'}"
    return f"{field}{shown}: {error['msg'].lower()}; write {help_text}"


def _section(path: tuple[str | int, ...]) -> str:
    """Which kind of mapping an unknown key sits in, to list the keys it may have."""
    keys = [part for part in path[:-1] if isinstance(part, str)]
    return keys[-1] if keys else "top"
