"""The timeline page's Markdown, front matter included, from the validated data."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.common.templates import render_template
from scripts.timeline import layout, periods, wording
from scripts.timeline.loading import load_side_effects
from scripts.timeline.models import SideEffectsFile

PAGE_TEMPLATE = "side-effects-timeline.md.j2"


def build_timeline_page(
    data_file: Path, known_reference_ids: set[str], display_path: str = "data/side-effects.yml"
) -> str:
    """Markdown for side-effects-timeline.md; raises ContentError naming display_path and the line to fix."""
    return render_page(load_side_effects(data_file, known_reference_ids, display_path))


def render_page(data: SideEffectsFile) -> str:
    effects = list(data.effects)
    body = render_template(
        PAGE_TEMPLATE,
        page=data.page,
        data=data,
        effects=effects,
        rows=[(effect, layout.bar_for(effect), wording.text_equivalent(effect, data)) for effect in effects],
        ticks=layout.ticks(),
        periods=periods.day_periods(data),
        day_by_day=periods.day_by_day(data),
        wording=wording,
    )
    return f"---\n{front_matter(data)}---\n\n{body}"


def front_matter(data: SideEffectsFile) -> str:
    """The same keys every article carries; sources in order of first citation so numbering reads 1, 2, 3."""
    sources = list(dict.fromkeys(reference_id for effect in data.effects for reference_id in effect.sources))
    fields = {
        "title": data.page.title,
        "description": data.page.description,
        "last_reviewed": data.page.last_reviewed,
        "next_review": data.page.next_review,
        "sources": sources,
    }
    return yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
