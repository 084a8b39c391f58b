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
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborNode

from scripts.common.html_reader import element_text, parse_html
from scripts.i18n.languages import DEFAULT_LANGUAGE, TRANSLATIONS

CARD_LEVELS = ("emergency", "urgent", "soon")
CARD_TYPES = (*CARD_LEVELS, "get-help")  # a day view's "get help if" box holds signs of several levels


@dataclass(frozen=True)
class SignSeen:
    page: str
    sign_id: str
    level: str
    threshold: str  # "" when the sign counts as soon as it appears
    card_level: str | None  # the kind of care card it is in (a level, or get-help), if any


def _card_level(node: LexborNode) -> str | None:
    """The kind of care card `node` sits in: its nearest admonition's card type, if any."""
    parent = node.parent
    while parent is not None:
        classes = (parent.attributes.get("class") or "").split()
        if "admonition" in classes:
            return next((kind for kind in CARD_TYPES if kind in classes), None)
        parent = parent.parent
    return None


def _page_signs(page: str, html: str) -> tuple[list[SignSeen], list[str]]:
    """The signs on one page, and the page once per care-card item that holds no sign."""
    tree = parse_html(html)
    signs = []
    for node in tree.css(".care-sign"):
        classes = (node.attributes.get("class") or "").split()
        signs.append(
            SignSeen(
                page,
                next((name[5:] for name in classes if name.startswith("sign-")), ""),
                next((name[6:] for name in classes if name.startswith("level-")), ""),
                " ".join(" ".join(element_text(when) for when in node.css(".care-sign__when")).split()),
                _card_level(node),
            )
        )
    loose = [
        page
        for item in tree.css("li")
        if _card_level(item) and not any(sign.text(deep=True) for sign in item.css(".care-sign"))
    ]
    return signs, loose


def read_site(site_dir: Path) -> tuple[list[SignSeen], list[str]]:
    """Every sign shown in the site, and the pages with a care-card item that is not a sign from the data."""
    signs: list[SignSeen] = []
    loose_items: list[str] = []
    for html_file in sorted(site_dir.rglob("*.html")):
        page_signs, page_loose = _page_signs(
            html_file.relative_to(site_dir).as_posix(), html_file.read_text(encoding="utf-8")
        )
        signs += page_signs
        loose_items += page_loose
    return signs, loose_items


def _page_language(page: str) -> str:
    """A built page's language, from its folder: es/aftercare/index.html is Spanish."""
    first = page.split("/", 1)[0]
    return first if first in TRANSLATIONS else DEFAULT_LANGUAGE


def sign_problems(site_dir: Path) -> list[str]:
    signs, loose_items = read_site(site_dir)
    problems = []
    by_id: dict[str, list[SignSeen]] = defaultdict(list)
    for seen in signs:
        by_id[seen.sign_id].append(seen)
        if seen.card_level in CARD_LEVELS and seen.card_level != seen.level:
            problems.append(f"{seen.page}: sign {seen.sign_id} ({seen.level}) sits in a {seen.card_level} care card")
    for sign_id, seen_list in sorted(by_id.items()):
        # A level is the same in every language; a threshold's words are the same within each language.
        groups = [("level", "levels", seen_list)] + [
            ("threshold", "thresholds", [seen for seen in seen_list if _page_language(seen.page) == language])
            for language in sorted({_page_language(seen.page) for seen in seen_list})
        ]
        for attribute, what, group in groups:
            values = defaultdict(set)
            for seen in group:
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
