"""The site's shared content (references, glossary, generated pages) and the per-page Markdown pipeline.

Plain Python: the MkDocs hook calls this, and so can tests and other tools.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common.content_errors import ContentError, ContentProblem
from scripts.common.input_limits import MAX_FRONT_MATTER_CHARACTERS, MAX_PAGE_CHARACTERS, oversized
from scripts.common.markdown_source import split_front_matter
from scripts.common.templates import in_language, render_template
from scripts.common.yaml_loader import load_yaml_file
from scripts.i18n.languages import DEFAULT_LANGUAGE, translation_path
from scripts.i18n.translated_data import (
    Translations,
    translated_glossary,
    translated_references,
    translated_side_effects,
)
from scripts.site.citations import mark_citations
from scripts.site.glossary import (
    GlossaryEntry,
    hover_definitions,
    hover_definitions_removed,
    load_glossary,
    render_glossary_list,
)
from scripts.site.html_allowlist import check_front_matter, check_page_source, check_yaml_texts
from scripts.site.page_metadata import PageMetadata, check_page, check_snippet
from scripts.site.references import Reference, load_references
from scripts.site.snippets import included_snippets, missing_snippets
from scripts.timeline.advice import check_advice
from scripts.timeline.includes import TIMELINE_PAGE, check_includes, expand_includes, has_includes
from scripts.timeline.loading import load_side_effects
from scripts.timeline.models import SideEffectsFile
from scripts.timeline.rendering import render_page

REFERENCES_FILE = "data/references.yml"
GLOSSARY_FILE = "data/glossary.yml"
SIDE_EFFECTS_FILE = "data/side-effects.yml"
# The data file each generated page is built from: the file an editor changes to change that page.
GENERATED_PAGE_SOURCES = {TIMELINE_PAGE: SIDE_EFFECTS_FILE}
# Messages name a generated page by its data file and this; its texts are checked in the data file, with lines.
GENERATED_PAGE_SUFFIX = " (generated page)"
GENERATED_PAGE = f"{SIDE_EFFECTS_FILE}{GENERATED_PAGE_SUFFIX}"
DATA_DIR = "data"
# Folder under docs/ of shared text included into pages; its files are parts of pages, not pages.
SNIPPETS_DIR = "snippets"


@dataclass
class SiteContent:
    references: dict[str, Reference]
    glossary: list[GlossaryEntry]
    side_effects: SideEffectsFile
    # What each care-card include rendered to in this build; the data does not change within one.
    rendered_includes: dict[tuple, str] = field(default_factory=dict, repr=False)
    language: str = DEFAULT_LANGUAGE
    # The translated data entries this build laid over the English, to report those whose English changed.
    translations: Translations = field(default_factory=Translations, repr=False)

    @classmethod
    def load(cls, project_root: Path, language: str = DEFAULT_LANGUAGE) -> SiteContent:
        """The data in `language`: the English files, with data/NAME.LANG.yml's texts laid over them."""
        problems: list[ContentProblem] = []

        def load(loader, name: str, empty):
            try:
                return loader(project_root / name, name)
            except ContentError as error:
                problems.extend(error.problems)
            return empty

        references = load(load_references, REFERENCES_FILE, {})
        glossary = load(load_glossary, GLOSSARY_FILE, [])
        problems += unsafe_html_in_data(project_root)
        if problems:
            raise ContentError(problems)
        side_effects = load(lambda path, name: load_side_effects(path, set(references), name), SIDE_EFFECTS_FILE, None)
        if problems:
            raise ContentError(problems)
        translations = Translations()
        if language != DEFAULT_LANGUAGE:

            def translate(translator, name: str, english):
                return load(
                    lambda path, name: translator(english, project_root, name, language, translations), name, english
                )

            references = translate(translated_references, REFERENCES_FILE, references)
            glossary = translate(translated_glossary, GLOSSARY_FILE, glossary)
            side_effects = translate(translated_side_effects, SIDE_EFFECTS_FILE, side_effects)
            if problems:
                raise ContentError(problems)
        return cls(
            references=references,
            glossary=glossary,
            side_effects=side_effects,
            language=language,
            translations=translations,
        )

    def timeline_page(self) -> str:
        with in_language(self.language):
            return render_page(self.side_effects)

    def check_pages(self, sources: dict[str, str], snippet_options: dict | None = None) -> dict[str, PageMetadata]:
        """Check every page (and snippet); raise one ContentError listing all problems across the site.

        With `snippet_options` (pymdownx.snippets' settings) every included snippet must exist too.
        """
        checked: dict[str, PageMetadata] = {}
        problems = [problem for path in sorted(sources) for problem in oversized_page(path, sources[path])]
        if problems:
            raise ContentError(problems)  # before any check whose cost grows faster than the text
        for path in sorted(sources):
            in_snippet = f"/{SNIPPETS_DIR}/" in f"/{path}"
            if not path.endswith(GENERATED_PAGE_SUFFIX):
                problems += check_includes(path, sources[path], in_snippet)
                problems += check_advice(path, sources[path], self.side_effects)
            if in_snippet:
                # Snippets show only inside other pages, so their HTML is checked here, with lines.
                problems += check_page_source(path, sources[path]) + check_snippet(path, sources[path])
                continue
            if not path.endswith(GENERATED_PAGE_SUFFIX):
                # A page's body is checked once rendered (scripts/site/html_allowlist.py); its front matter
                # is shown by the theme, so it is checked here.
                problems += check_front_matter(path, sources[path])
            result = check_page(path, sources[path], set(self.references))
            problems += result.problems
            if snippet_options is not None:
                problems += missing_snippets(path, sources[path], snippet_options)
            if result.metadata:
                checked[path] = result.metadata
        if problems:
            raise ContentError(problems)
        return checked

    def page_markdown(self, markdown: str, metadata: PageMetadata, page_path: str) -> str:
        """The Markdown MkDocs renders: care cards included, citations marked (the hook links them once
        rendered, see citations.py) and generated lists added; hover definitions come from the abbr extension's
        glossary setting (hover_definitions). page_path is the page's path under docs/, for links to the timeline."""
        with in_language(self.language):
            return self._page_markdown(markdown, metadata, page_path)

    def _page_markdown(self, markdown: str, metadata: PageMetadata, page_path: str) -> str:
        markdown = expand_includes(markdown, self.side_effects, page_path, self.rendered_includes)
        markdown = mark_citations(markdown, metadata.sources)
        if metadata.generated_list == "glossary":
            # The page lists every definition already; hover text on each term there would only repeat it.
            markdown += (
                "\n" + render_glossary_list(self.glossary) + "\n\n" + hover_definitions_removed(self.glossary) + "\n"
            )
        elif metadata.generated_list == "references":
            ordered = sorted(self.references.values(), key=lambda reference: reference.id.lower())
            markdown += "\n" + render_template("reference-list.md.j2", references=ordered)
        return markdown

    def source_files(
        self, page_file: str, markdown: str, metadata: PageMetadata | None, snippets_dir: str
    ) -> list[str]:
        """Every file that holds text shown in the page's body, the one it is mostly built from first.

        A generated list's data file comes before the page's own introduction; snippets and the side-effects data
        (for care cards and other includes) follow. `snippets_dir` is the snippets folder in the project.
        """
        listed = (
            {"glossary": GLOSSARY_FILE, "references": REFERENCES_FILE}.get(metadata.generated_list or "")
            if (metadata)
            else None
        )
        files = [listed, page_file] if listed else [page_file]
        files += [f"{snippets_dir}/{name}" for name in included_snippets(markdown)]
        if has_includes(markdown):
            files.append(SIDE_EFFECTS_FILE)
        # A translated page's words are in the translations of its data files and snippets.
        files = [file if file == page_file else translation_path(file, self.language) for file in files]
        return list(dict.fromkeys(files))

    def hover_definitions(self) -> dict[str, str]:
        """The glossary as the abbr extension's `glossary` setting: every page's terms get hover text in one pass."""
        return hover_definitions(self.glossary)

    def cited_references(self, metadata: PageMetadata) -> list[Reference]:
        return [self.references[source_id] for source_id in metadata.sources]


def oversized_page(path: str, source: str) -> list[ContentProblem]:
    """A page or snippet, or its front matter, over its size limit, or a line over the line limit."""
    front_matter = split_front_matter(source).front_matter or ""
    return oversized(path, source, MAX_PAGE_CHARACTERS) or oversized(path, front_matter, MAX_FRONT_MATTER_CHARACTERS, 2)


def unsafe_html_in_data(project_root: Path) -> list[ContentProblem]:
    """HTML or links off the allowlist in any text of any data file; files that do not load are reported elsewhere."""
    problems: list[ContentProblem] = []
    for path in sorted((project_root / DATA_DIR).glob("*.y*ml")):
        with contextlib.suppress(ContentError):
            problems += check_yaml_texts(load_yaml_file(path, path.relative_to(project_root).as_posix()))
    return problems
