"""Readers in the days after treatment: the day, what they see in their own words, and the level of help the
project's facts file (../shared/facts.md, section 3 and its "When to get help" list) supports.

Written from the facts file, never from data/side-effects.yml, so the routes test can disagree with the data.
Each scenario also says what the reader does NOT have (`not_like`): a statement that names one of those
features ("spreads", "yellow", "fever") describes someone else, so the reader reads past it.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("normal", "soon", "urgent", "emergency")  # mildest first

# What a reader with an ordinary, settling side effect does not have: the danger features facts.md names
# (spreading or worsening redness, pus, fever, streaks, hives, sudden or breathing-related swelling, blisters,
# late marks and lumps, reused needles, lasting past a week).
ORDINARY = (
    "spread",
    "worse",
    "streak",
    "pus",
    "yellow",
    "fever",
    "hives",
    "welt",
    "breath",
    "swallow",
    "sudden",
    "blister",
    "raw",
    "weep",
    "still there",
    "keeps growing",
    "very swollen",
    "darker",
    "tram",
    "new itchy",
    "new spots",
    "needle",
    "rash",
)


@dataclass(frozen=True)
class Scenario:
    day: int  # day 0 is treatment day
    sees: str  # what the reader sees or feels
    query: str  # what they type into the search box
    terms: tuple[tuple[str, ...], ...]  # a statement is about this when it holds one word of each group
    expected: str  # one of LEVELS
    fact: str  # where facts.md supports the level
    not_like: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"day {self.day}: {self.sees}"


def _ordinary(*extra: str) -> tuple[str, ...]:
    return ORDINARY + extra


SCENARIOS = (
    # Emergency: allergy with hives, swelling beyond the treated skin, or breathing trouble (facts 3, "When to get
    # help").
    Scenario(
        0,
        "my lips are swelling up an hour after treatment",
        "swollen lips",
        (("lip",), ("swell", "swollen")),
        "emergency",
        "3 When to get help: swelling of lips",
        ("tingl", "blister"),
    ),
    Scenario(0, "hives are spreading up my arms", "hives", (("hives",),), "emergency", "3 When to get help: hives"),
    Scenario(1, "raised itchy welts all over my body", "welts", (("welt",),), "emergency", "3 When to get help: hives"),
    Scenario(
        0,
        "I can't breathe properly",
        "can't breathe",
        (("breath",),),
        "emergency",
        "3 When to get help: breathing difficulty",
    ),
    Scenario(
        1,
        "my throat feels tight and it is hard to swallow",
        "swallow",
        (("swallow",),),
        "emergency",
        "3 When to get help: breathing difficulty",
    ),
    Scenario(
        2,
        "my tongue is swelling",
        "swollen tongue",
        (("tongue",),),
        "emergency",
        "3 When to get help: swelling (allergy)",
    ),
    # Urgent: infection signs after day 2-3, pus, fever, streaks; a cold sore (facts 3, "Urgent / same day").
    Scenario(
        4,
        "the redness is spreading and getting hotter",
        "redness spreading",
        (("red",),),
        "urgent",
        "3 Urgent: spreading or increasing redness after day 2-3",
        ("fade", "streak", "dark"),
    ),
    Scenario(3, "yellow crust on my cheek", "yellow crust", (("yellow",),), "urgent", "3 Urgent: pus (infection)"),
    Scenario(4, "pus is coming out of a spot", "pus", (("pus",),), "urgent", "3 Urgent: pus"),
    Scenario(5, "I have a fever and chills", "fever", (("fever",),), "urgent", "3 Urgent: fever"),
    Scenario(
        4,
        "red streaks going down from the treated skin",
        "red streaks",
        (("streak",),),
        "urgent",
        "3 Urgent: red streaks",
    ),
    Scenario(
        3,
        "the skin under the flakes is raw and weeping",
        "weeping",
        (("weep",),),
        "urgent",
        "3 Not covered: route weeping getting redder after day 2-3 to urgent",
    ),
    Scenario(
        4,
        "a patch of raw skin that hurts more",
        "raw skin",
        (("raw",),),
        "urgent",
        "3 Not covered: route raw skin to urgent",
    ),
    Scenario(
        2,
        "tingling at my lip, then small painful blisters",
        "cold sore",
        (("blister", "cold sore"),),
        "urgent",
        "3 Urgent: clustered blisters at the lip",
    ),
    Scenario(
        3,
        "lumps in my neck and I have a fever",
        "swollen glands fever",
        (("gland", "neck"),),
        "urgent",
        "3 Lymph nodes; Urgent: fever",
        ("fade",),
    ),
    Scenario(
        6,
        "the swelling is getting worse and feels hot",
        "swelling getting worse",
        (("swell",),),
        "urgent",
        "3 Urgent: increasing swelling after day 2-3",
        ("fade", "sudden", "hives"),
    ),
    Scenario(
        10,
        "the redness is spreading and getting worse",
        "redness getting worse",
        (("red",),),
        "urgent",
        "3 Urgent: spreading or increasing redness",
        ("fade", "streak", "dark"),
    ),
    # See the practitioner soon: lasting past about a week, late lumps, dark patches, lines, spots, reused needles.
    Scenario(
        8,
        "my face is still red",
        "still red after a week",
        (("red",),),
        "soon",
        "3 Soon: redness lasting beyond about 1 week",
        ("spread", "worse", "streak", "raw", "weep", "darker"),
    ),
    Scenario(
        10,
        "my skin is still peeling",
        "still peeling",
        (("peel", "flak"),),
        "soon",
        "3 Soon: lasting beyond about 1 week",
        ("raw", "weep"),
    ),
    Scenario(
        9,
        "the swelling is still there",
        "still swollen",
        (("swell", "swollen"),),
        "soon",
        "3 Soon: swelling lasting beyond about 1 week",
        ("spread", "worse", "sudden", "fever", "hives"),
    ),
    Scenario(
        12,
        "still swollen under the eyes",
        "swelling under eyes",
        (("swell", "swollen"),),
        "soon",
        "3 Soon: swelling lasting beyond about 1 week",
        ("spread", "worse", "sudden", "fever", "hives"),
    ),
    Scenario(
        14,
        "still flaking on day 14",
        "flaking",
        (("peel", "flak"),),
        "soon",
        "3 Soon: lasting beyond about 1 week",
        ("raw", "weep"),
    ),
    Scenario(
        8,
        "it still stings",
        "stinging",
        (("sting",),),
        "soon",
        "3 Soon: lasting beyond about 1 week",
        ("hives", "lump", "rash"),
    ),
    Scenario(
        3,
        "a bruise that keeps getting bigger",
        "bruise getting bigger",
        (("bruis",),),
        "soon",
        "3 Bruises: very swollen or painful should be seen [SJA]",
        ("fade",),
    ),
    Scenario(
        5,
        "new itchy red bumps on my cheeks",
        "itchy bumps",
        (("lump", "bump"),),
        "soon",
        "3 Soon: new itchy lumps days to weeks later",
        ("spread", "hives", "welt", "neck", "gland"),
    ),
    Scenario(
        30,
        "itchy lumps came up weeks later",
        "itchy lumps",
        (("lump", "bump"),),
        "soon",
        "3 Soon: new itchy lumps weeks later; granuloma",
        ("neck", "gland", "fever"),
    ),
    Scenario(
        60,
        "the lumps are still there after two months",
        "lumps",
        (("lump", "bump"),),
        "soon",
        "3 Granuloma lasting months",
        ("neck", "gland", "fever"),
    ),
    Scenario(
        21,
        "darker patches where I was treated",
        "dark patches",
        (("dark",),),
        "soon",
        "3 Soon: dark patches after healing (PIH)",
    ),
    Scenario(
        90,
        "brown patches still there after three months",
        "darker skin patches",
        (("dark",),),
        "soon",
        "3 Soon: dark patches (PIH)",
    ),
    Scenario(
        4,
        "I have a breakout of new spots",
        "breakout",
        (("spot", "breakout"),),
        "soon",
        "3 Breakouts are adverse events [Har]",
        ("pus", "yellow"),
    ),
    Scenario(6, "tiny hard white bumps", "white bumps", (("white",),), "soon", "3 Milia are adverse events [Har]"),
    Scenario(
        30,
        "lines of small marks in rows like tracks",
        "tram track lines",
        (("track", "lines"),),
        "soon",
        "3 Soon: lines or marks that do not fade; tram-track scarring",
    ),
    Scenario(
        20,
        "I think the salon reused the needles",
        "reused needles",
        (("needle",),),
        "soon",
        "3 Test for blood-borne viruses if needles may have been reused",
    ),
    Scenario(
        100,
        "months later I learned the needles were reused",
        "reused needle",
        (("needle",),),
        "soon",
        "3 Test for blood-borne viruses",
    ),
    Scenario(
        2,
        "the needles were not opened in front of me",
        "needles reused",
        (("needle",),),
        "soon",
        "3 Test for blood-borne viruses",
    ),
    # Normal, if it is settling: expected effects within about a week (facts 3, first rows).
    Scenario(
        0,
        "my face is red like sunburn",
        "redness",
        (("red",),),
        "normal",
        "3 Redness expected, within about 7 days",
        _ordinary(),
    ),
    Scenario(
        1,
        "my face and eyes look puffy",
        "puffy eyes",
        (("puff", "swell", "swollen"),),
        "normal",
        "3 Swelling expected; issue: ordinary puffiness is normal",
        _ordinary("lips", "tongue", "throat"),
    ),
    Scenario(
        2,
        "swelling around my eyes",
        "swelling around eyes",
        (("swell", "swollen"),),
        "normal",
        "3 Swelling expected in the first days",
        _ordinary("lips", "tongue", "throat"),
    ),
    Scenario(
        2,
        "my skin feels tight and dry",
        "tight skin",
        (("tight", "dry"),),
        "normal",
        "3 Dryness, tightness expected",
        _ordinary(),
    ),
    Scenario(
        3,
        "my skin is peeling",
        "peeling",
        (("peel", "flak"),),
        "normal",
        "3 Peeling within the first week",
        _ordinary(),
    ),
    Scenario(
        0,
        "tiny dots of blood on my skin",
        "bleeding dots",
        (("bleed", "blood"),),
        "normal",
        "3 Pinpoint bleeding expected",
        _ordinary("test"),
    ),
    Scenario(
        1,
        "it stings and burns a bit",
        "burning",
        (("sting", "burn"),),
        "normal",
        "3 Stinging, burning expected",
        _ordinary("sunburn"),
    ),
    Scenario(2, "my skin is itchy", "itchy skin", (("itch",),), "normal", "3 Itch expected", _ordinary("lump", "bump")),
    Scenario(5, "tiny dark scabs", "scabs", (("scab", "crust"),), "normal", "3 Crusting expected", _ordinary()),
    Scenario(
        7,
        "still a bit pink but fading",
        "redness day 7",
        (("red",),),
        "normal",
        "3 Redness resolves within about 7 days",
        _ordinary(),
    ),
    Scenario(
        2,
        "a small bruise near my eye",
        "bruise",
        (("bruis",),),
        "normal",
        "3 Bruising transient",
        _ordinary("bigger", "very painful"),
    ),
    Scenario(
        1,
        "small tender lumps in my neck, no fever",
        "swollen glands",
        (("gland",),),
        "normal",
        "3 Swollen lymph nodes: reported, transient",
        _ordinary(),
    ),
    Scenario(
        3,
        "my face is still pink on day 3",
        "pink skin",
        (("red", "pink"),),
        "normal",
        "3 Redness expected",
        _ordinary(),
    ),
    Scenario(
        6,
        "a little flaking left",
        "flaky skin",
        (("peel", "flak"),),
        "normal",
        "3 Flaking within the first week",
        _ordinary(),
    ),
)
