"""MkDocs hook: a thin adapter from MkDocs events to the plain-Python content code in scripts/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from scripts.common.content_errors import ContentError, problems_summary
from scripts.common.yaml_loader import decode_utf8
from scripts.site.site_content import TIMELINE_PAGE, SiteContent
from scripts.site.structured_data import medical_web_page

_site: SiteContent | None = None
_metadata: dict = {}


def _project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _display_path(config, file: File) -> str:
    if file.generated_by:
        return "data/side-effects.yml (generated page)"
    docs = Path(config.docs_dir).resolve().relative_to(_project_root(config))
    return f"{docs.as_posix()}/{file.src_uri}"


def on_files(files: Files, config) -> Files:
    """Load shared data, add generated pages and check every page before anything is written."""
    global _site, _metadata
    root = _project_root(config)
    try:
        _site = SiteContent.load(root)
        files.append(File.generated(config, TIMELINE_PAGE, content=_site.timeline_page(root)))
        # Excluded files are included here so snippets get their own check.
        sources = {
            _display_path(config, file): decode_utf8(file.content_bytes, _display_path(config, file))
            for file in files.documentation_pages(inclusion=InclusionLevel.all)
        }
        checked = _site.check_pages(sources, config.mdx_configs.get("pymdownx.snippets"))
    except ContentError as error:
        raise PluginError(f"{problems_summary(len(error.problems))}:\n{error}") from None
    _metadata = {file.src_uri: checked[_display_path(config, file)] for file in files.documentation_pages()}
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return _site.page_markdown(markdown, _metadata[page.file.src_uri])


def on_page_context(context, page, config, nav):
    metadata = _metadata.get(page.file.src_uri)
    if metadata:
        cited = _site.cited_references(metadata)
        page.meta["review_dates"] = {"last_reviewed": metadata.last_reviewed, "next_review": metadata.next_review}
        page.meta["reference_list"] = cited
        page.meta["structured_data"] = medical_web_page(metadata, cited, page.canonical_url, config.site_name)
    return context


def on_serve(server, config, builder):
    # Data files feed generated pages and every page's references, so edits there rebuild the site.
    server.watch(str(_project_root(config) / "data"))
    return server
