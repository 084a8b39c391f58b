"""MkDocs hook: a thin adapter from MkDocs events to the plain-Python content code in scripts/.

A content problem stops `mkdocs build` with file, line and fix. While `mkdocs serve` runs, the same problems are
logged and every page of the preview shows them instead, so the browser never waits on a failed build and reloads
to the normal page once the files are fixed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from scripts.common.content_errors import ContentError, ContentProblem, problems_summary
from scripts.common.templates import render_template
from scripts.common.yaml_loader import decode_utf8
from scripts.site.page_links import Repository
from scripts.site.site_content import GENERATED_PAGE_SOURCES, TIMELINE_PAGE, SiteContent
from scripts.site.structured_data import medical_web_page

_site: SiteContent | None = None
_metadata: dict = {}
_repository: Repository | None = None
_serving = False
# Problems found by the last preview build; while there are any, every page shows them.
_preview_problems: list[ContentProblem] = []
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _source_path(config, file: File) -> str:
    """The file an editor changes for this page: its Markdown, or the data file a generated page is built from."""
    if file.generated_by:
        return GENERATED_PAGE_SOURCES[file.src_uri]
    docs = Path(config.docs_dir).resolve().relative_to(_project_root(config))
    return f"{docs.as_posix()}/{file.src_uri}"


def _display_path(config, file: File) -> str:
    path = _source_path(config, file)
    return f"{path} (generated page)" if file.generated_by else path


def on_files(files: Files, config) -> Files:
    """Load shared data, add generated pages and check every page before anything is written."""
    global _site, _metadata, _repository, _preview_problems
    root = _project_root(config)
    _metadata, _preview_problems = {}, []
    try:
        _repository = Repository.from_environment(os.environ)
        _site = SiteContent.load(root)
        files.append(File.generated(config, TIMELINE_PAGE, content=_site.timeline_page(root)))
        # Excluded files are included here so snippets get their own check.
        sources = {
            _display_path(config, file): decode_utf8(file.content_bytes, _display_path(config, file))
            for file in files.documentation_pages(inclusion=InclusionLevel.all)
        }
        checked = _site.check_pages(sources, config.mdx_configs.get("pymdownx.snippets"))
    except ContentError as error:
        message = f"{problems_summary(len(error.problems))}:\n{error}"
        if not _serving:
            raise PluginError(message) from None
        log.error(message)
        _preview_problems = error.problems
        if TIMELINE_PAGE not in files.src_uris:
            # Its address keeps working in the preview, showing the problems like every other page.
            files.append(File.generated(config, TIMELINE_PAGE, content=""))
        return files
    _metadata = {file.src_uri: checked[_display_path(config, file)] for file in files.documentation_pages()}
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if _preview_problems:
        return ""
    return _site.page_markdown(markdown, _metadata[page.file.src_uri])


def on_page_content(html: str, page, config, files) -> str:
    if _preview_problems:
        return render_template(
            "content-problems.html.j2", headline=problems_summary(len(_preview_problems)), problems=_preview_problems
        )
    return html


def on_page_context(context, page, config, nav):
    metadata = _metadata.get(page.file.src_uri)
    if metadata:
        cited = _site.cited_references(metadata)
        page.meta["review_dates"] = {"last_reviewed": metadata.last_reviewed, "next_review": metadata.next_review}
        page.meta["reference_list"] = cited
        page.meta["structured_data"] = medical_web_page(metadata, cited, page.canonical_url, config.site_name)
    if _repository:
        page_url = page.canonical_url or page.abs_url
        page.meta["page_links"] = _repository.page_links(_source_path(config, page.file), page.title, page_url)
    return context


def on_serve(server, config, builder):
    # Data files feed generated pages and every page's references, so edits there rebuild the site.
    server.watch(str(_project_root(config) / "data"))
    return server
