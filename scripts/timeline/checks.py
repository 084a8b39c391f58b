"""Rules that compare fields with each other or with the reference list.

Each rule yields the path of the value to fix (as in the YAML: keys and list positions) and a
message that says how to fix it; loading.py turns the path into a line number.
"""

from __future__ import annotations

from collections.abc import Iterator

from scripts.common.content_errors import did_you_mean
from scripts.common.review_dates import next_review_problem
from scripts.timeline.models import CARE_LEVELS, SideEffect, SideEffectsFile

Path = tuple[str | int, ...]
Issue = tuple[Path, str]


def find_issues(data: SideEffectsFile, known_reference_ids: set[str]) -> Iterator[Issue]:
    if review_problem := next_review_problem(data.page.last_reviewed, data.page.next_review):
        yield (("page", "next_review"), f"page: {review_problem}")
    first_index_of_id: dict[str, int] = {}
    for index, effect in enumerate(data.effects):
        path: Path = ("effects", index)
        if effect.id in first_index_of_id:
            yield (
                (*path, "id"),
                f'effect "{effect.id}": the id "{effect.id}" is already used by effect number '
                f"{first_index_of_id[effect.id] + 1}; give each effect its own id, or merge the two entries",
            )
        else:
            first_index_of_id[effect.id] = index
        yield from _timing_issues(effect, path)
        yield from _source_issues(effect, path, known_reference_ids)
    yield from _sign_issues(data)
    yield from _symptom_issues(data)


def _known(kind: str, value: str, known: list[str], fix: str) -> str:
    return f'{kind} "{value}" is not in this file{did_you_mean(value, known)}; {fix}'


def _normalised(text: str) -> str:
    return " ".join(text.lower().rstrip(".").split())


def _sign_issues(data: SideEffectsFile) -> Iterator[Issue]:
    """Each sign once, tied to known effects, and counting from when its normal effect stops being normal."""
    effects = {effect.id: effect for effect in data.effects}
    first_index_of_id: dict[str, int] = {}
    first_index_of_text: dict[str, int] = {}
    for index, sign in enumerate(data.warning_signs):
        path: Path = ("warning_signs", index)
        where = f'warning sign "{sign.id}"'
        if sign.id in first_index_of_id:
            yield (
                (*path, "id"),
                f"{where}: the id is already used by warning sign number {first_index_of_id[sign.id] + 1}; "
                "give each sign its own id",
            )
        first_index_of_id.setdefault(sign.id, index)
        text = _normalised(sign.sign)
        if text in first_index_of_text:
            other = data.warning_signs[first_index_of_text[text]]
            yield (
                (*path, "sign"),
                f'{where}: the same sign is already written as "{other.id}" (level {other.level}); a sign may '
                "appear once, at one level, so delete this one or merge the two",
            )
        first_index_of_text.setdefault(text, index)
        for position, effect_id in enumerate(sign.effects):
            effect = effects.get(effect_id)
            if effect is None:
                yield (
                    (*path, "effects", position),
                    f"{where}: "
                    + _known("effect", effect_id, sorted(effects), "use the id of an effect listed under effects"),
                )
            elif effect.normal and sign.when is not None and sign.when.hours != effect.see_help_after.hours:
                yield (
                    (*path, "when"),
                    f'{where}: effect "{effect_id}" is normal until see_help_after {effect.see_help_after}, so a sign '
                    f"that it lasts too long counts from then; write when: after {effect.see_help_after}, or change "
                    "see_help_after (a sign about a change, such as spreading, has no when)",
                )
    for index, effect in enumerate(data.effects):
        signs = data.signs_of(effect)
        if not signs:
            yield (
                ("effects", index, "id"),
                f'effect "{effect.id}" has no warning sign, so readers would not know when to get help; add one '
                f"under warning_signs with effects: [{effect.id}]",
            )
        elif effect.normal and not any(sign.when is not None for sign in signs):
            yield (
                ("effects", index, "see_help_after"),
                f'effect "{effect.id}" is normal until see_help_after {effect.see_help_after}, but no warning sign '
                "says what to do if it lasts longer; add it to a sign with "
                f"when: after {effect.see_help_after} (like the one for redness)",
            )
    levels = {sign.level for sign in data.warning_signs}
    for level in CARE_LEVELS:
        if level not in levels:
            yield (
                ("warning_signs",),
                f"no warning sign has level {level}, so its care card would be empty; add a sign with level: {level}",
            )


def _symptom_issues(data: SideEffectsFile) -> Iterator[Issue]:
    effects = {effect.id: effect for effect in data.effects}
    sign_ids = [sign.id for sign in data.warning_signs]
    for index, symptom in enumerate(data.symptoms):
        path: Path = ("symptoms", index)
        where = f'symptom "{symptom.name}"'
        if symptom.normal is None and not symptom.signs:
            yield (
                path,
                f"{where}: say what it means: add normal: (a normal effect's id) or signs: (warning sign ids), or both",
            )
        if symptom.normal is not None:
            effect = effects.get(symptom.normal)
            if effect is None:
                yield (
                    (*path, "normal"),
                    f"{where}: "
                    + _known("effect", symptom.normal, sorted(effects), "use the id of an effect listed under effects"),
                )
            elif not effect.normal:
                yield (
                    (*path, "normal"),
                    f'{where}: effect "{effect.id}" is never normal, so it cannot be what this symptom normally is; '
                    "list its warning sign under signs instead",
                )
        for position, sign_id in enumerate(symptom.signs):
            if sign_id not in sign_ids:
                yield (
                    (*path, "signs", position),
                    f"{where}: "
                    + _known("warning sign", sign_id, sign_ids, "use the id of a sign listed under warning_signs"),
                )


def _timing_issues(effect: SideEffect, path: Path) -> Iterator[Issue]:
    where = f'effect "{effect.id}"'
    onset, end, help_after = effect.onset, effect.typical_end, effect.see_help_after
    if help_after.hours < onset.hours:
        yield (
            (*path, "see_help_after"),
            f'{where}: see_help_after "{help_after}" comes before onset "{onset}"; '
            "readers cannot need help for an effect before it starts, so make it the same as onset or later",
        )
    if effect.normal:
        if end is None:
            yield (
                (*path, "typical_end"),
                f"{where}: typical_end is empty but normal is true; write when it usually goes, like 3d, "
                "or set normal: false if the effect is never a normal part of healing",
            )
        else:
            if end.hours <= onset.hours:
                yield (
                    (*path, "typical_end"),
                    f'{where}: typical_end "{end}" is not after onset "{onset}"; the effect must start '
                    "before it usually goes, so make typical_end later or onset earlier",
                )
            if help_after.hours < end.hours:
                yield (
                    (*path, "see_help_after"),
                    f'{where}: see_help_after "{help_after}" comes before typical_end "{end}"; readers should '
                    "only be told to get help once it has lasted longer than usual, so make it typical_end or later",
                )
        if effect.watch_until is not None:
            yield (
                (*path, "watch_until"),
                f"{where}: watch_until is only for effects that are never normal (normal: false); "
                "remove it, or set normal: false",
            )
        return
    if end is not None:
        yield (
            (*path, "typical_end"),
            f'{where}: typical_end "{end}" must be empty (typical_end: null) because normal is false; '
            "an effect that is never normal has no usual end, so delete the value or set normal: true",
        )
    if help_after.hours > onset.hours:
        yield (
            (*path, "see_help_after"),
            f'{where}: see_help_after "{help_after}" must be the same as onset "{onset}" because normal is false; '
            "readers should get help as soon as an effect that is never normal starts",
        )
    if effect.watch_until is None:
        yield (
            path,
            f"{where}: watch_until is missing; an effect that is never normal needs the last time it tends "
            "to start, like 2w, so the timeline can show how long to watch for it",
        )
    elif effect.watch_until.hours <= onset.hours:
        yield (
            (*path, "watch_until"),
            f'{where}: watch_until "{effect.watch_until}" is not after onset "{onset}"; '
            "make it the last time the effect tends to start, later than onset",
        )


def _source_issues(effect: SideEffect, path: Path, known_reference_ids: set[str]) -> Iterator[Issue]:
    for position, reference_id in enumerate(effect.sources):
        if reference_id in known_reference_ids:
            continue
        yield (
            (*path, "sources", position),
            f'effect "{effect.id}": source "{reference_id}" is not in data/references.yml'
            f"{did_you_mean(reference_id, known_reference_ids)}; use an id from that file, or add the reference there"
            " first",
        )
