import json

from scripts.dedup import group_documents
from scripts.dedup.reading import read_sources
from tests.dedup_eval.synthetic import generate_corpus

from .support import EVAL_CORPUS, assert_no_line_lost, run_cli, run_cli_process, seeds_or_skip

SECTION_KEYS = {
    "id": str,
    "source": str,
    "start_line": int,
    "end_line": int,
    "group": str,
    "boilerplate": bool,
    "text": str,
}
GROUP_KEYS = {"id": str, "canonical": str, "members": list, "label": str}


def documents_in(folder):
    documents, _ = read_sources(folder)
    return [(d.name, d.text) for d in documents]


def test_no_line_lost_on_eval_corpus():
    documents = documents_in(EVAL_CORPUS)
    assert_no_line_lost(group_documents(documents), documents)


def test_no_line_lost_on_seeds():
    documents = documents_in(seeds_or_skip())
    assert_no_line_lost(group_documents(documents), documents)


def test_no_line_lost_on_generated_corpus():
    corpus = generate_corpus(400, seed=3)
    assert_no_line_lost(group_documents(corpus.documents), corpus.documents)


def test_no_line_lost_on_awkward_inputs():
    documents = [
        ("markup.html", "<html>\n<body>\n<div></div>\n</body>\n</html>\n"),
        ("lonely.txt", "\n\n   just one line without a heading   \n\n"),
        ("matter.md", "---\nunterminated: front matter\n# Heading\ntext\n"),
    ]
    assert_no_line_lost(group_documents(documents), documents)


def test_json_contract(tmp_path):
    out = tmp_path / "sections.json"
    completed = run_cli_process(str(EVAL_CORPUS), "--json", str(out))
    assert completed.returncode == 0, completed.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"sections", "groups"}
    ids = set()
    for section in data["sections"]:
        assert set(section) == set(SECTION_KEYS) | {"heading"}
        for key, kind in SECTION_KEYS.items():
            assert isinstance(section[key], kind), key
        assert section["heading"] is None or isinstance(section["heading"], str)
        assert 1 <= section["start_line"] <= section["end_line"]
        assert (EVAL_CORPUS / section["source"]).is_file()
        ids.add(section["id"])
    membership = {}
    for group in data["groups"]:
        assert set(group) == set(GROUP_KEYS)
        assert group["canonical"] in group["members"]
        for member in group["members"]:
            assert member not in membership
            membership[member] = group["id"]
    assert set(membership) == ids
    assert all(membership[s["id"]] == s["group"] for s in data["sections"])


def test_output_is_byte_identical_between_runs(tmp_path):
    outputs = []
    for run in ("first", "second"):
        json_path, report_path = tmp_path / f"{run}.json", tmp_path / f"{run}.md"
        completed = run_cli(str(EVAL_CORPUS), "--json", str(json_path), "--report", str(report_path))
        assert completed.returncode == 0, completed.stderr
        outputs.append((json_path.read_bytes(), report_path.read_bytes()))
    assert outputs[0] == outputs[1]
