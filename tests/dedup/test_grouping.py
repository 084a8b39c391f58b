from pathlib import Path

from scripts.dedup import group_documents
from scripts.dedup.features import quantities, quantities_conflict
from scripts.dedup.grouping import ConstrainedUnionFind
from scripts.dedup.reading import read_sources

from .support import EVAL_CORPUS, section_by_start, seeds_or_skip


def corpus_result(folder: Path):
    documents, problems = read_sources(folder)
    assert not problems
    return group_documents([(d.name, d.text) for d in documents])


def same_group(result, first: tuple[str, int], second: tuple[str, int]) -> bool:
    return section_by_start(result, *first).group == section_by_start(result, *second).group


def test_conclusions_of_different_articles_stay_apart():
    result = corpus_result(EVAL_CORPUS)
    compost, tomato, beds = ("composting.txt", 19), ("tomatoes.md", 26), ("raised_beds.html", 17)
    assert not same_group(result, compost, tomato)
    assert not same_group(result, compost, beds)
    assert not same_group(result, tomato, beds)


def test_same_heading_with_different_content_stays_apart():
    result = corpus_result(EVAL_CORPUS)
    assert section_by_start(result, "roses.txt", 28).heading == section_by_start(result, "pests.md", 5).heading
    assert not same_group(result, ("roses.txt", 28), ("pests.md", 5))


def test_same_topic_with_a_different_point_stays_apart():
    result = corpus_result(EVAL_CORPUS)
    assert not same_group(result, ("tomatoes.md", 46), ("tomatoes.md", 38))
    assert not same_group(result, ("composting.txt", 7), ("tomatoes.md", 18))


def test_spun_rewrites_with_little_shared_wording_are_grouped():
    result = corpus_result(EVAL_CORPUS)
    assert same_group(result, ("composting.txt", 11), ("composting.txt", 36))
    assert same_group(result, ("roses.txt", 4), ("roses.txt", 15))
    assert same_group(result, ("raised_beds.html", 12), ("raised_beds.html", 23))


def test_seed_traps_peeling_and_bruising_and_two_conclusions_stay_apart():
    result = corpus_result(seeds_or_skip())
    side_effects, peeling = "001_32e361c002d888d0.txt", "002_333ec32ff1365a02.txt"
    assert not same_group(result, (side_effects, 12), (side_effects, 14))
    assert not same_group(result, (side_effects, 18), (peeling, 14))
    assert same_group(result, (peeling, 14), (peeling, 24))


def test_verbatim_paragraph_repeated_across_pages_is_grouped():
    shared = "Always wear gloves when handling manure, and wash your hands before eating anything afterwards."
    pages = [
        ("compost.md", f"# Compost\n\nCompost feeds the soil.\n\n## Safety\n\n{shared}\n"),
        ("manure.md", f"# Manure\n\nRotted manure improves clay soil over time.\n\n## Handling\n\n{shared}\n"),
    ]
    result = group_documents(pages)
    assert same_group(result, ("compost.md", 5), ("manure.md", 5))
    assert not same_group(result, ("compost.md", 1), ("manure.md", 1))


def test_every_section_is_in_exactly_one_group_and_canonical_is_a_member():
    result = corpus_result(EVAL_CORPUS)
    by_group = {group.id: group for group in result.groups}
    for section in result.sections:
        assert section.id in by_group[section.group].members
    for group in result.groups:
        assert group.canonical in group.members


def test_paragraph_copied_into_many_files_is_one_group():
    shared = "Keep the treated skin clean and dry for a whole day, and wash your hands before you touch it at all."
    pages = [
        (
            f"page{n:03d}.md",
            f"# Page {n}\n\nTopic number {n} is covered here in words of its own.\n\n## Skin\n\n{shared}\n",
        )
        for n in range(300)
    ]
    result = group_documents(pages)
    groups = {section_by_start(result, name, 5).group for name, _ in pages}
    assert len(groups) == 1


def test_one_article_keeps_distinct_sections_apart_but_split_neighbours_may_join():
    places = [{0: {0}}, {0: {2}}, {1: {0}}, {0: {1}}]
    union_find = ConstrainedUnionFind(places, splits={(0, 0)})
    assert union_find.union(0, 2) is not None
    assert union_find.union(1, 2) is None
    assert union_find.union(3, 2) is not None


def test_neighbours_of_one_article_never_group_on_adjacency_alone():
    union_find = ConstrainedUnionFind([{0: {0}}, {1: {0}}, {0: {1}}], splits=set())
    assert union_find.union(0, 1) is not None
    assert union_find.union(2, 1) is None


def test_a_section_split_in_two_joins_the_version_that_holds_it_whole():
    whole = (
        "Rinse the area with cool water twice a day and pat it dry with a clean towel. "
        "Avoid makeup, perfume and strong soap for three days, because they irritate the healing skin."
    )
    first, second = whole.split(". ", 1)
    intro = "Looking after the area well in the first days helps it heal quickly and comfortably."
    sleep = "Sleep with your head raised on two pillows for the first night to limit swelling around the area."
    gym = "Skip the gym, saunas and swimming pools until the redness has settled, as sweat and chlorine sting."
    pages = [
        ("whole.md", f"# Care\n\n{intro}\n\n## Washing\n\n{whole}\n\n## Sleep\n\n{sleep}\n\n## Gym\n\n{gym}\n"),
        ("split.txt", f"{intro}\n\n{first}.\n\n{second}\n\n{sleep}\n\n{gym}\n"),
    ]
    result = group_documents(pages)
    assert same_group(result, ("split.txt", 3), ("split.txt", 5))
    assert same_group(result, ("split.txt", 3), ("whole.md", 5))
    assert not same_group(result, ("split.txt", 7), ("split.txt", 9))


SUN = "Keep the healing area out of strong sunshine for {} and cover it with loose clothing when you go outside."


def test_near_copies_stating_different_durations_stay_apart_and_equal_ones_group():
    pages = [
        ("a.md", f"# Sun\n\n{SUN.format('four weeks')}\n"),
        ("b.md", f"# Sun\n\n{SUN.format('10 days')}\n"),
        ("c.md", f"# Sun\n\n{SUN.format('28 days')}\n"),
    ]
    result = group_documents(pages)
    assert not same_group(result, ("a.md", 1), ("b.md", 1))
    assert same_group(result, ("a.md", 1), ("c.md", 1))


def test_durations_are_compared_in_days_and_ranges_keep_both_ends():
    assert not quantities_conflict(quantities("wait 48 hours"), quantities("wait two days"))
    assert quantities_conflict(quantities("every 4 weeks"), quantities("every 10 days"))
    assert not quantities_conflict(quantities("every three to four weeks"), quantities("every 21 days"))
    assert not quantities_conflict(quantities("use 0.5 mm needles"), quantities("for 3 days"))
