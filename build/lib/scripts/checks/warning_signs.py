"""Every warning sign in the built site reads the same everywhere: one level and one threshold per sign.

Care cards are rendered from data/side-effects.yml, and a hand-written one stops the build, so this is
the proof on the finished site: it reads every page's HTML, finds each sign (class "care-sign sign-ID
level-LEVEL", its threshold in "care-sign__when") and each care card, and reports a sign shown at two
levels or with two thresholds, a sign inside a card of another level, and a card item that is not a sign.

Usage: python -m scripts.checks.warning_signs SITE_DIR
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

CARD_LEVELS = ("emergency", "urgent", "soon")
CARD_TYPES = (*CARD_LEVELS, "get-help")  # a day view's "get help if" box holds signs of several levels


@dataclass(frozen=True)
class SignSeen:
    page: str
    sign_id: str
    level: str
    threshold: str  # "" when the sign counts as soon as it appears
    card_level: str | None  # the kind of care card it is in (a level, or get-help), if any


@dataclass
class _Open:
    tag: str
    classes: list[str]
    sign: dict | None = None  # for a sign: its id, level and threshold text so far
    text: list[str] = field(default_factory=list)


class _PageReader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[_Open] = []
        self.signs: list[SignSeen] = []
        self.card_items_without_sign: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        element = _Open(tag, classes)
        if "care-sign" in classes:
            element.sign = {
                "id": next((name[5:] for name in classes if name.startswith("sign-")), ""),
                "level": next((name[6:] for name in classes if name.startswith("level-")), ""),
                "threshold": [],
            }
        if tag == "li" and self._card_level():
            element.sign = None
        self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            element = self.stack.pop()
            if element.sign is not None and "care-sign" in element.classes:
                self.signs.append(
                    SignSeen(
                        self.page,
                        element.sign["id"],
                        element.sign["level"],
                        " ".join("".join(element.sign["threshold"]).split()),
                        self._card_level(),
                    )
                )
            if element.tag == "li" and self._card_level() and not element.text:
                self.card_items_without_sign.append(self.page)
            if element.tag == tag:
                break

    def handle_data(self, data):
        inside_when = any("care-sign__when" in element.classes for element in self.stack)
        if inside_when:
            sign = next(element.sign for element in reversed(self.stack) if element.sign is not None)
            sign["threshold"].append(data)
        if any(element.sign is not None for element in self.stack):
            item = next((element for element in reversed(self.stack) if element.tag == "li"), None)
            if item is not None:
                item.text.append(data)

    def _card_level(self) -> str | None:
        for element in reversed(self.stack):
            if "admonition" in element.classes:
                return next((kind for kind in CARD_TYPES if kind in element.classes), None)
        return None


def read_site(site_dir: Path) -> tuple[list[SignSeen], list[str]]:
    """Every sign shown in the site, and the pages with a care-card item that is not a sign from the data."""
    signs: list[SignSeen] = []
    loose_items: list[str] = []
    for html_file in sorted(site_dir.rglob("*.html")):
        reader = _PageReader(html_file.relative_to(site_dir).as_posix())
        reader.feed(html_file.read_text(encoding="utf-8"))
        signs += reader.signs
        loose_items += reader.card_items_without_sign
    return signs, loose_items


def sign_problems(site_dir: Path) -> list[str]:
    signs, loose_items = read_site(site_dir)
    problems = []
    by_id: dict[str, list[SignSeen]] = defaultdict(list)
    for seen in signs:
        by_id[seen.sign_id].append(seen)
        if seen.card_level in CARD_LEVELS and seen.card_level != seen.level:
            problems.append(f"{seen.page}: sign {seen.sign_id} ({seen.level}) sits in a {seen.card_level} care card")
    for sign_id, seen_list in sorted(by_id.items()):
        for attribute, what in (("level", "levels"), ("threshold", "thresholds")):
            values = defaultdict(set)
            for seen in seen_list:
                values[getattr(seen, attribute)].add(seen.page)
            if len(values) > 1:
                shown = "; ".join(
                    f"{value or 'none'!r} on {', '.join(sorted(pages))}" for value, pages in values.items()
                )
                problems.append(f"sign {sign_id} is shown at two {what}: {shown}")
    for page in sorted(set(loose_items)):
        problems.append(
            f"{page}: a care card holds an item that is not a sign from data/side-effects.yml; "
            "write care cards with <!-- care-card: LEVEL --> only"
        )
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    problems = sign_problems(Path(args[0] if args else "site"))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
