"""Every one-change attack in tests/gates/attacks.py is refused by the real build with file, line and fix.

The builds run once per session (the attack_outcomes fixture), two at a time, in worker processes.
"""

from __future__ import annotations

import pytest

from tests.gates.attacks import ATTACKS

pytestmark = pytest.mark.slow


def test_the_corpus_covers_every_class_in_every_place():
    kinds = {attack.kind for attack in ATTACKS.values()}
    assert kinds == {"parser", "id", "url", "attributes", "copied", "yaml", "size", "config", "loss"}
    assert len(ATTACKS) >= 60
    places = {attack.file for attack in ATTACKS.values()}
    assert {"docs/aftercare.md", "docs/snippets/evidence-ratings.md", "data/glossary.yml", "mkdocs.yml"} <= places
    assert {"data/references.yml", "data/side-effects.yml"} <= places


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_refused_with_file_line_and_fix(attack_outcomes, name):
    attack, outcome = ATTACKS[name], attack_outcomes[name]

    assert outcome.refused, f"the build published {name}:\n{outcome.output}"
    assert not outcome.traceback, outcome.output
    where = f"{attack.file}:{outcome.line}: " if outcome.line else f"{attack.file}: "
    said = [line for line in outcome.output.split("\n") if line.startswith(where)]
    assert any(attack.message in line for line in said), f"expected {where}...{attack.message}...\n{outcome.output}"
    # Every message says what to do: a fix follows the problem after a semicolon.
    assert all(";" in line for line in said), outcome.output
    assert not outcome.site_dir.exists() or not any(outcome.site_dir.iterdir()), "a refused build must publish nothing"
