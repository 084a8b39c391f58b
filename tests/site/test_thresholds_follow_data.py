"""Change when a warning sign counts in a copy of data/side-effects.yml, rebuild, and no page still gives the old time.

Every day count about a warning sign comes from the data through an include, so after the change no sentence that
gives get-help advice or a "normal" verdict may hold the old value or an equivalent ("a week" for 7 days), and the
new value must show. Each distinct threshold is changed on its own, with the see_help_after of the normal effects it
belongs to, so the copy stays valid.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts.common.html_reader import parse_html
from scripts.timeline.advice import ADVICE
from scripts.timeline.durations import parse_when
from tests.conftest import PROJECT_ROOT, copy_project, run_mkdocs_build

pytestmark = pytest.mark.slow

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 10: "ten", 14: "fourteen"}
VERDICT = re.compile(r"\bnormal\b", re.IGNORECASE)
SHIFT = 3  # the change: every time in the threshold moves this many of its own units later


def _as_days(amount: int, unit: str) -> int | None:
    return {"d": amount, "w": amount * 7, "m": amount * 30}.get(unit)


def equivalents(text: str) -> list[re.Pattern]:
    """Ways prose could give the time a threshold such as "after 7d" or "after 2d or 3d" names."""
    when = parse_when(text)
    assert when is not None
    patterns = []
    for duration in (when.earliest, when.latest):
        if duration is None:
            continue
        days = _as_days(duration.amount, duration.unit)
        if days is None:
            continue
        word = NUMBER_WORDS.get(days, str(days))
        patterns += [rf"\bday {days}\b", rf"\b(?:{days}|{word})[ -]days?\b"]
        if days % 7 == 0:
            weeks = days // 7
            patterns.append(
                r"\b(?:a|one|1)\s+week\b" if weeks == 1 else rf"\b(?:{weeks}|{NUMBER_WORDS[weeks]})\s+weeks\b"
            )
    if when.latest is not None:
        patterns.append(rf"\b{when.earliest.amount}\s+or\s+{when.latest.amount}\b")
    return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]


def shifted(text: str) -> str:
    return re.sub(r"(\d+)([hdwm])", lambda found: f"{int(found.group(1)) + SHIFT}{found.group(2)}", text)


# Blocks a reader sees as one run of text; words the includes wrote (a sign's time, a verdict) come from the data.
BLOCKS = frozenset({"p", "li", "td", "th", "h1", "h2", "h3", "h4", "summary", "dd", "dt"})
FROM_DATA = "span.care-sign__when, span.care-verdict"


def _block_texts(html: str, prose_only: bool) -> list[str]:
    """The text of a page's article, one string per block (paragraph, list item, table cell, heading).

    With `prose_only`, the words an include wrote are left out: they come from the data.
    """
    tree = parse_html(html)
    article = tree.css_first("article")
    if article is None:
        return []
    if prose_only:
        for node in article.css(FROM_DATA):
            node.decompose()
    blocks: dict[int, list[str]] = {}
    for node in article.traverse(include_text=True):
        if node.tag != "-text":
            continue
        block = node.parent
        while block is not None and block.tag not in BLOCKS and block is not article:
            block = block.parent
        blocks.setdefault(block.mem_id if block is not None else 0, []).append(node.text_content or "")
    return ["".join(parts) for parts in blocks.values()]


def sentences(site: Path, prose_only: bool = True):
    for page in sorted(site.rglob("*.html")):
        for block in _block_texts(page.read_text(encoding="utf-8"), prose_only):
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(block.split())):
                yield page.relative_to(site).as_posix(), sentence


def thresholds() -> list[str]:
    data = yaml.safe_load((PROJECT_ROOT / "data" / "side-effects.yml").read_text(encoding="utf-8"))
    return sorted({sign["when"] for sign in data["warning_signs"] if sign.get("when")})


@pytest.mark.parametrize("threshold", thresholds())
def test_changing_a_threshold_leaves_no_page_giving_the_old_time(tmp_path, threshold):
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "side-effects.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    new = shifted(threshold)
    old_start = parse_when(threshold).earliest
    for sign in data["warning_signs"]:
        if sign.get("when") != threshold:
            continue
        sign["when"] = new
        for effect in data["effects"]:
            if effect["id"] in sign["effects"] and effect["normal"] and effect["see_help_after"] == str(old_start):
                effect["see_help_after"] = str(parse_when(new).earliest)
    data_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]

    old_times, new_times = equivalents(threshold), equivalents(new)
    stale = [
        f"{page}: {sentence}"
        for page, sentence in sentences(tmp_path / "site")
        if (ADVICE.search(sentence) or VERDICT.search(sentence)) and any(time.search(sentence) for time in old_times)
    ]
    assert not stale, f'after "when: {threshold}" became "{new}", pages still give the old time:\n' + "\n".join(stale)
    assert any(
        any(time.search(sentence) for time in new_times) for _, sentence in sentences(tmp_path / "site", False)
    ), f"no page gives the new time {new}"
