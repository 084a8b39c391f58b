from scripts.dedup import group_documents
from scripts.dedup.report import place, points_missing_from, render_report

from .support import EVAL_CORPUS, run_cli


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


REDNESS = "Redness after the session is normal and fades within two days as the skin settles down again."
PEELING = "Light peeling starts around day three; let the flakes come away on their own and do not pick at them."


def test_since_shows_what_a_new_source_repeats_and_adds(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "clinic_a.md").write_text(f"# Aftercare\n\n## Redness\n\n{REDNESS}\n\n## Peeling\n\n{PEELING}\n")
    old = tmp_path / "old.json"
    assert run_cli(str(sources), "--json", str(old)).returncode == 0
    extra = "Use a mineral sunscreen of SPF 30 for 14 days."
    (sources / "clinic_b.md").write_text(
        f"# After your visit\n\n## Redness\n\n{REDNESS} {extra}\n\n"
        "## Exercise\n\nSkip the gym, swimming pools and saunas for 48 hours so sweat and chlorine stay off the skin.\n"
    )
    digest = tmp_path / "digest.md"
    completed = run_cli(str(sources), "--since", str(old), "--report", str(digest))
    assert completed.returncode == 0, completed.stderr
    new_part = digest.read_text(encoding="utf-8").split("## New since old.json", 1)[1].split("## Repeated", 1)[0]
    assert "`clinic_a.md`" not in new_part.split("repeats", 1)[0]
    assert "lines 3–5 “Redness”: repeats `clinic_a.md` lines 3–5." in new_part
    assert f"adds: {extra}" in new_part
    assert "“Exercise”: new, not in the earlier sources." in new_part


def test_since_with_a_file_that_is_not_an_earlier_run_is_refused(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Redness\nIt fades within two days.\n")
    not_json = tmp_path / "notes.json"
    not_json.write_text("these are notes")
    completed = run_cli(str(sources), "--since", str(not_json), "--report", str(tmp_path / "r.md"))
    assert completed.returncode == 2
    assert "notes.json:1: is not JSON" in completed.stderr and "--json" in completed.stderr
    assert not (tmp_path / "r.md").exists()


def test_since_names_sources_that_were_removed(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "kept.txt").write_text(f"Redness\n{REDNESS}\n")
    (sources / "gone.txt").write_text(f"Peeling\n{PEELING}\n")
    old = tmp_path / "old.json"
    assert run_cli(str(sources), "--json", str(old)).returncode == 0
    (sources / "gone.txt").unlink()
    digest = tmp_path / "digest.md"
    assert run_cli(str(sources), "--since", str(old), "--report", str(digest)).returncode == 0
    text = digest.read_text(encoding="utf-8")
    assert "No longer among the sources: `gone.txt`." in text
    assert "No source was added or changed." in text
