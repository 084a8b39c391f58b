"""Find sections repeated across source articles (including spun rewrites) and group them.

Use `group_documents([(name, text), ...])` from code, or `python -m scripts.dedup SOURCES_DIR` from the shell.
"""

from .grouping import DEFAULT_CONFIG, GroupingConfig
from .models import DedupResult, Group, GroupedSection, Section
from .pipeline import group_documents, group_sections, split_documents

__all__ = [
    "DEFAULT_CONFIG",
    "DedupResult",
    "Group",
    "GroupedSection",
    "GroupingConfig",
    "Section",
    "group_documents",
    "group_sections",
    "split_documents",
]
