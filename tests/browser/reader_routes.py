"""Follow a reader's three routes into the site in a real phone-sized Chromium, and say which verdict they meet first.

The routes: the day view for their day (from the "What day is it?" links), the matching "I have..." line on the
home page and the section it links to, and the first search result for their own words. On each route the page's
text is read in order and cut into statements, each with the verdict it gives (emergency, get help today, see your
practitioner soon, normal). The first statement that is about the reader's situation (holds their words, names
none of the features they do not have, and counts on their day) is the verdict they meet first.

Verdicts are read from the site's own level words and the level classes of warning signs, so this works on any
version of the site. `python -m tests.browser.reader_routes SITE_DIR` prints the route table and the day views'
heights, for before-and-after figures.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.browser.reader_scenarios import LEVELS, SCENARIOS, Scenario
from tests.browser.reader_scenarios_es import SCENARIOS as SCENARIOS_ES

TIMELINE = "side-effects-timeline/"
SCREEN_HEIGHT = 844
# The site's level words, in the order a statement gives them. "not normal" without a level gives no verdict.
VERDICT_WORDS = (
    ("none", r"\b(?:not|never) normal\b"),
    ("emergency", r"\bemergenc(?:y|ies)\b|\bcall (?:999|911|112)\b"),
    ("urgent", r"\bget (?:medical )?help today\b|\burgent\b|\bsame day\b"),
    (
        "soon",
        r"\bsee (?:your|a) (?:practitioner|doctor)\b|\bpractitioner soon\b|\bbook a check\b|\bshould be checked\b",
    ),
    ("normal", r"\bnormal\b|\bfine until\b"),
)
VERDICT = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in VERDICT_WORDS), re.IGNORECASE)
NEGATED = re.compile(r"\b(?:not|no|never|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
WEEK_WORDS = {"a": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3, "six": 6, "6": 6}


@dataclass(frozen=True)
class ReaderLanguage:
    """How the site says levels and times in one language, to read its statements as a reader of it does."""

    folder: str  # the language's pages, from the site root: "" or "es/"
    verdict: re.Pattern
    negated: re.Pattern
    week_words: dict[str, int]
    # Times that rule a reader's day out, each with the number of days or a week word as group 1.
    after_day: str
    after_weeks: str
    until_day: str
    until_weeks: str
    from_day: str


ENGLISH = ReaderLanguage(
    "",
    VERDICT,
    NEGATED,
    WEEK_WORDS,
    r"after day (\d+)",
    r"after (a|one|two|three|six|\d+) weeks?",
    r"(?:until|till) day (\d+)",
    r"(?:until|till) (a|one|two|three|six|\d+) weeks?",
    r"from (?:about )?day (\d+)",
)
SPANISH_VERDICT_WORDS = (
    ("none", r"\b(?:no es|nunca es) normal\b"),
    ("emergency", r"\bemergencias?\b|\bllame (?:ya )?al (?:999|911|112)\b"),
    ("urgent", r"\bpida (?:ayuda )?(?:médica )?(?:ayuda )?hoy\b|\burgente\b|\bel mismo día\b"),
    ("soon", r"\bvaya pronto\b|\bpida una revisión\b|\bconsulte (?:a|con) su (?:profesional|médico)\b"),
    ("normal", r"\bnormal\b|\bbien hasta\b"),
)
SPANISH = ReaderLanguage(
    "es/",
    re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in SPANISH_VERDICT_WORDS), re.IGNORECASE),
    re.compile(r"\b(?:no|nunca|sin|ni)\s+(?:\w+\s+){0,2}$", re.IGNORECASE),
    {"una": 1, "1": 1, "dos": 2, "2": 2, "tres": 3, "3": 3, "seis": 6, "6": 6},
    r"después del día (\d+)",
    r"después de (una|dos|tres|seis|\d+) semanas?",
    r"hasta el día (\d+)",
    r"hasta (una|dos|tres|seis|\d+) semanas?",
    r"desde (?:alrededor )?del día (\d+)",
)

# Read in the page: every block of text in reading order, with the level class of a warning sign inside it
# and whether it is a heading (a new context) or a box title.
UNITS_JS = """(root) => {
  const blocks = "p, li, summary, .admonition-title, h1, h2, h3, h4, td, th, dt, dd";
  const units = [];
  for (const element of root.querySelectorAll(blocks)) {
    if (element.matches("li, td, dd") && element.querySelector("p, li")) continue;
    if (element.closest(".tl-chart, .md-search-result__terms, .md-search-result__more")) continue;
    const signs = element.matches("li") ? element.querySelectorAll(".care-sign:not(.care-sign .care-sign)") : [];
    const sign = signs.length === 1 ? signs[0] : null;
    const level = sign ? ([...sign.classList].find(name => name.startsWith("level-")) || "").slice(6) : "";
    const text = element.textContent.replace(/\\s+/g, " ").trim();
    units.push({text, level, heading: element.matches("h1, h2, h3, h4, summary"),
                lead: element.matches(".admonition-title") || text.endsWith(":")});
  }
  return units;
}"""


@dataclass(frozen=True)
class Statement:
    verdict: str  # a level from LEVELS, or "none" ("it is not normal if...", with nothing to do)
    text: str
    context: str  # the heading or line name it sits under


def statements(units: list[dict], context: str = "", language: ReaderLanguage = ENGLISH) -> list[Statement]:
    """Cut the blocks into statements: each runs from one level word to the next; a block without one (a sign
    under "Get help today:") takes the last verdict given, unless its warning sign carries its own level."""
    found: list[Statement] = []
    lead = ""  # the verdict of a title or a line ending in ":" that the blocks after it fall under
    for unit in units:
        text = unit["text"]
        if not text:
            continue
        if unit["heading"]:
            context, lead = text, ""
            if text.endswith("?"):
                continue  # a question ("Is this peeling normal?") gives no verdict
        marks = []
        for match in language.verdict.finditer(text):
            # "Emergency: call 999" is one verdict; so is a word that only repeats the one before it.
            repeats = marks and marks[-1].lastgroup == match.lastgroup and match.start() - marks[-1].end() <= 3
            if not language.negated.search(text[: match.start()][-30:]) and not repeats:
                marks.append(match)
        if unit["level"] and not marks:
            found.append(Statement(unit["level"], text, context))
            continue
        if not marks:
            if lead:
                found.append(Statement(lead, text, context))
            continue
        for index, mark in enumerate(marks):
            start = 0 if index == 0 else mark.start()
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            found.append(Statement(mark.lastgroup, text[start:end], context))
        lead = marks[-1].lastgroup if unit["lead"] else ""
    return found


def _weeks(word: str, language: ReaderLanguage) -> int:
    return language.week_words.get(word.lower(), 0) * 7


def counts_on(text: str, day: int, language: ReaderLanguage = ENGLISH) -> bool:
    """False when the statement's own time rules the reader's day out ("after day 7" on day 5)."""
    lowered = text.lower()
    for match in re.finditer(language.after_day, lowered):
        if day <= int(match.group(1)):
            return False
    for match in re.finditer(language.after_weeks, lowered):
        if day <= _weeks(match.group(1), language):
            return False
    for match in re.finditer(language.until_day, lowered):
        if day > int(match.group(1)):
            return False
    for match in re.finditer(language.until_weeks, lowered):
        if day > _weeks(match.group(1), language):
            return False
    return all(day >= int(match.group(1)) for match in re.finditer(language.from_day, lowered))


def _mentions(text: str, word: str, language: ReaderLanguage) -> bool:
    """The word (a stem) is in the text and not negated just before it ("does not spread" is not spreading)."""
    lowered = text.lower()
    return any(
        not language.negated.search(lowered[: found.start()][-30:]) for found in re.finditer(re.escape(word), lowered)
    )


def about(statement: Statement, scenario: Scenario, language: ReaderLanguage = ENGLISH) -> bool:
    # A warning names its sign; a reassurance ("Normal if it fades...") is about the heading or line it sits under.
    words = (f"{statement.context} " if statement.verdict == "normal" else "") + statement.text.lower()
    words = words.lower()
    holds_terms = all(any(term in words for term in group) for group in scenario.terms)
    return (
        holds_terms
        and not any(_mentions(statement.text, word, language) for word in scenario.not_like)
        and counts_on(statement.text, scenario.day, language)
    )


def judge(found: list[Statement], scenario: Scenario, language: ReaderLanguage = ENGLISH) -> tuple[str, str]:
    """("right" | "too mild" | "mixed" | "too urgent", what the reader met first)."""
    relevant = [statement for statement in found if about(statement, scenario, language)]
    if not relevant or relevant[0].verdict == "none":
        met = relevant[0].text if relevant else "nothing about it"
        return "too mild", met
    first = relevant[0]
    rank = {level: index for index, level in enumerate(LEVELS)}
    if first.verdict == scenario.expected:
        return "right", first.text
    if rank[first.verdict] > rank[scenario.expected]:
        return "too urgent", f"{first.verdict}: {first.text}"
    later = any(statement.verdict == scenario.expected for statement in relevant[1:])
    return ("mixed" if later else "too mild"), f"{first.verdict}: {first.text}"


@dataclass
class SiteReading:
    """Everything the routes need, read once from the site."""

    day_views: list[dict]  # {anchor, first_day, last_day, units, height}
    symptom_rows: list[dict]  # {name, href, units}
    sections: dict[str, list[dict]]  # anchor on the timeline page -> units of that section
    timeline_height: float


DAY_VIEWS_JS = """(args) => {
  const [unitsSource] = args;
  const readUnits = eval(unitsSource);
  const links = [...document.querySelectorAll("a.day-link")];
  return links.map(link => {
    const anchor = link.getAttribute("href").split("#")[1];
    const classes = [...link.classList];
    const day = prefix => {
      const name = classes.find(c => c.startsWith(prefix));
      return name ? +name.slice(prefix.length) : null;
    };
    const heading = document.getElementById(anchor);
    const box = document.createElement("div");
    let node = heading.nextElementSibling;
    const top = heading.getBoundingClientRect().top;
    let bottom = heading.getBoundingClientRect().bottom;
    while (node && !node.matches("h1, h2, h3")) {
      bottom = Math.max(bottom, node.getBoundingClientRect().bottom);
      box.appendChild(node.cloneNode(true));
      node = node.nextElementSibling;
    }
    document.body.appendChild(box);
    const units = readUnits(box);
    const boxes = [...box.querySelectorAll(".admonition")].map(admonition => ({
      kinds: [...admonition.classList],
      levels: [...admonition.querySelectorAll(".care-sign")].map(sign =>
        ([...sign.classList].find(name => name.startsWith("level-")) || "").slice(6)),
      last: (admonition.querySelector(":scope > p:last-child") || {textContent: ""}).textContent
        .replace(/\\s+/g, " ").trim(),
    }));
    box.remove();
    return {anchor, first_day: day("day-from-"), last_day: day("day-to-"), units, boxes, height: bottom - top};
  });
}"""

SECTIONS_JS = """(args) => {
  const [unitsSource] = args;
  const readUnits = eval(unitsSource);
  const sections = {};
  for (const element of document.querySelectorAll("details[id], h2[id], h3[id]")) {
    let units;
    const fold = element.matches("details") ? element : element.closest("details");
    if (fold) {
      fold.open = true;
      units = readUnits(fold);
    } else {
      const box = document.createElement("div");
      box.appendChild(element.cloneNode(true));
      let node = element.nextElementSibling;
      while (node && !node.matches("h1, h2, h3")) {
        box.appendChild(node.cloneNode(true));
        node = node.nextElementSibling;
      }
      document.body.appendChild(box);
      units = readUnits(box);
      box.remove();
    }
    sections[element.id] = units;
  }
  return sections;
}"""

SYMPTOMS_JS = """(args) => {
  const [unitsSource] = args;
  const readUnits = eval(unitsSource);
  const heading = document.getElementById("i-have");
  let node = heading.nextElementSibling;
  // The list of symptoms: the first list after the heading whose lines link to their details.
  while (node && !(node.matches("ul") && node.querySelector(":scope > li > a"))) node = node.nextElementSibling;
  if (!node) return [];
  return [...node.children].map(item => {
    const link = item.querySelector("a");
    const box = document.createElement("div");
    box.appendChild(item.cloneNode(true));
    document.body.appendChild(box);
    const units = readUnits(box);
    box.remove();
    return {name: link.innerText.trim(), href: link.href, units};
  });
}"""


def read_site(page, site_url: str) -> SiteReading:
    page.goto(site_url + TIMELINE, wait_until="load")
    day_views = page.evaluate(DAY_VIEWS_JS, [UNITS_JS])
    timeline_height = page.evaluate("document.documentElement.scrollHeight") / SCREEN_HEIGHT
    sections = page.evaluate(SECTIONS_JS, [UNITS_JS])
    page.goto(site_url, wait_until="load")
    rows = page.evaluate(SYMPTOMS_JS, [UNITS_JS])
    for row in rows:
        path, _, anchor = row["href"].partition("#")
        row["section"] = anchor if path.rstrip("/").endswith(TIMELINE.rstrip("/")) else ""
    return SiteReading(day_views, rows, sections, timeline_height)


def day_view_for(reading: SiteReading, day: int) -> dict:
    return next(
        view
        for view in reading.day_views
        if view["first_day"] <= day and (view["last_day"] is None or day <= view["last_day"])
    )


def symptom_row_for(reading: SiteReading, scenario: Scenario, language: ReaderLanguage = ENGLISH) -> dict | None:
    """The line a reader picks: its name holds one of their first words and nothing they do not have; else the
    first line about them."""
    named = [row for row in reading.symptom_rows if any(term in row["name"].lower() for term in scenario.terms[0])]
    for row in named:
        if not any(word in row["name"].lower() for word in scenario.not_like):
            return row
    if named:
        return named[0]
    return next(
        (
            row
            for row in reading.symptom_rows
            if any(about(s, scenario, language) for s in statements(row["units"], language=language))
        ),
        None,
    )


SEARCH_BUTTON = "label.md-header__button[for='__search']"
SEARCH_FIELD = "input.md-search__input"
FIRST_RESULT = ".md-search-result__item"
# Material's search runs in a web worker: the page posts each query ({type: 2, data: query}) and gets one result
# message ({type: 3}) back for it. Counting both tells when the results on screen are those of the whole query, not
# of a half-typed one, without waiting a guessed time.
COUNT_SEARCHES = """(() => {
  const Native = window.Worker;
  window.__searches = {sent: 0, answered: 0, last: null};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) window.__searches.answered += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {
        window.__searches.sent += 1;
        window.__searches.last = message.data;
      }
      super.postMessage(message, ...rest);
    }
  };
})();"""
SEARCH_DONE = """query => window.__searches.last === query && window.__searches.answered === window.__searches.sent"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def first_search_results(page, site_url: str, queries: list[str]) -> dict[str, list[dict]]:
    """Each query typed as a reader types it (key by key) into one search box; the first result's blocks."""
    page.add_init_script(COUNT_SEARCHES)
    page.goto(site_url, wait_until="load")
    page.locator(SEARCH_BUTTON).click()
    field = page.locator(SEARCH_FIELD)
    results: dict[str, list[dict]] = {}
    for query in queries:
        field.fill("")
        field.press_sequentially(query, delay=5)
        page.wait_for_function(SEARCH_DONE, arg=query, timeout=10_000)
        page.evaluate(NEXT_FRAME)
        # What the reader meets: the first result's page and best section, not the folded "more on this page".
        first = page.locator(FIRST_RESULT).first
        results[query] = first.evaluate(f"element => ({UNITS_JS})(element)") if first.count() else []
    return results


@dataclass(frozen=True)
class RouteResult:
    scenario: Scenario
    route: str
    outcome: str
    met: str


def follow_routes(
    reading: SiteReading,
    search: dict[str, list[dict]],
    scenarios: tuple[Scenario, ...] = SCENARIOS,
    language: ReaderLanguage = ENGLISH,
) -> list[RouteResult]:
    results = []

    def verdict(units: list[dict], scenario: Scenario, context: str = "") -> tuple[str, str]:
        return judge(statements(units, context, language), scenario, language)

    for scenario in scenarios:
        view = day_view_for(reading, scenario.day)
        outcome, met = verdict(view["units"], scenario)
        results.append(RouteResult(scenario, f"day view #{view['anchor']}", outcome, met))
        row = symptom_row_for(reading, scenario, language)
        if row is None:
            results.append(RouteResult(scenario, "I have...", "too mild", "no line for it"))
        else:
            outcome, met = verdict(row["units"], scenario, row["name"])
            results.append(RouteResult(scenario, f"I have... {row['name']}", outcome, met))
            section = reading.sections.get(row["section"], [])
            outcome, met = verdict(section, scenario)
            results.append(RouteResult(scenario, f"linked section #{row['section']}", outcome, met))
        outcome, met = verdict(search.get(scenario.query, []), scenario)
        results.append(RouteResult(scenario, f"search {scenario.query!r}", outcome, met))
    return results


def route_kind(route: str) -> str:
    return route.split(" #")[0].split(" '")[0].split(" ...")[0] if not route.startswith("I have") else "I have..."


def table(results: list[RouteResult]) -> str:
    kinds = ("day view", "I have...", "linked section", "search")
    outcomes = ("right", "too mild", "mixed", "too urgent")
    lines = ["| Route | " + " | ".join(outcomes) + " |", "|---|" + "---|" * len(outcomes)]
    for kind in kinds:
        counted = Counter(result.outcome for result in results if result.route.startswith(kind))
        lines.append(f"| {kind} | " + " | ".join(str(counted[outcome]) for outcome in outcomes) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS
    from scripts.browser.static_server import serving

    with serving(Path(argv[0])) as site_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": SCREEN_HEIGHT})
        page = context.new_page()
        # --es: the Spanish pages, with the scenarios in Spanish words.
        language, scenarios = (SPANISH, SCENARIOS_ES) if "--es" in argv else (ENGLISH, SCENARIOS)
        reading = read_site(page, site_url + language.folder)
        search = first_search_results(page, site_url + language.folder, list(dict.fromkeys(s.query for s in scenarios)))
        browser.close()
    results = follow_routes(reading, search, scenarios, language)
    print(table(results))
    print(f"\ntimeline page: {reading.timeline_height:.1f} phone screens")
    for view in reading.day_views:
        print(f"  #{view['anchor']}: {view['height'] / SCREEN_HEIGHT:.2f} screens")
    if "-v" in argv:
        for result in results:
            if result.outcome != "right":
                print(f"{result.outcome:10} {result.scenario.name} | {result.route} | {result.met[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
