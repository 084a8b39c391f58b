from scripts.dedup import group_documents
from scripts.dedup.report import place, points_missing_from, render_report

from .support import EVAL_CORPUS


def eval_documents():
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(EVAL_CORPUS.iterdir())]


def test_each_repeated_group_appears_once_with_every_member_place():
    result = group_documents(eval_documents())
    report = render_report(result)
    by_id = {s.id: s for s in result.sections}
    for group in result.groups:
        if len(group.members) < 2 or by_id[group.canonical].boilerplate:
            continue
        assert report.count(f"### {group.label} ({group.id})\n\n{len(group.members)} versions") == 1
        for member in group.members:
            assert f"- {place(by_id[member])}" in report


def test_numbers_and_warnings_missing_from_canonical_are_listed():
    canonical = "Turn the heap often so it stays warm. Keep it damp."
    member = "Turn the heap every 10 days so it stays warm. Never add pet waste, it can spread disease. Keep it damp."
    missing = points_missing_from(canonical, member)
    assert missing == ["Turn the heap every 10 days so it stays warm.", "Never add pet waste, it can spread disease."]


def test_sentences_already_in_canonical_are_not_listed():
    canonical = "Water deeply twice a week. Avoid wetting the leaves."
    assert points_missing_from(canonical, "Avoid wetting the leaves. Water deeply twice a week.") == []
