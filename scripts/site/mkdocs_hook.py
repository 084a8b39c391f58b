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
from mkdocs.structure.files import File, Files

from scripts.common.content_errors import ContentError, ContentProblem, problems_summary
from scripts.common.templates import render_template
from scripts.common.yaml_loader import decode_utf8
from scripts.site.citations import link_citation_marks
from scripts.site.copied_files import check_copied_file, unsafe_paths
from scripts.site.html_allowlist import check_rendered_page
from scripts.site.page_links import Repository, published_site_url
from scripts.site.site_config import site_config_problems
from scripts.site.site_content import (
    DATA_DIR,
    GENERATED_PAGE_SOURCES,
    GENERATED_PAGE_SUFFIX,
    TIMELINE_PAGE,
    SiteContent,
)
from scripts.site.structured_data import medical_web_page

_site: SiteContent | None = None
_metadata: dict = {}
_repository: Repository | None = None
_serving = False
# Problems found by the last preview build; while there are any, every page shows them.
_preview_problems: list[ContentProblem] = []
# Each page's Markdown, to point problems in its rendered HTML at a line; and those problems, for on_env.
_sources: dict[str, str] = {}
_unsafe_html: list[ContentProblem] = []
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    # The preview keeps its own local address; a build for publishing takes the real one when it is known.
    if not _serving:
        try:
            config.site_url = published_site_url(os.environ) or config.site_url
        except ContentError as error:
            _stop_or_show(error.problems)
    return config


def _site_config_problems(config) -> list[ContentProblem]:
    """The settings of mkdocs.yml that reach every page (scripts/site/site_config.py)."""
    config_file = Path(config.config_file_path)
    settings = {
        "extra": dict(config.extra),
        "extra_css": [str(item) for item in config.extra_css],
        "extra_javascript": [str(getattr(item, "path", item)) for item in config.extra_javascript],
        **{key: config[key] for key in ("site_name", "site_description", "copyright")},
        **{f"theme.{key}": config.theme.get(key) for key in ("font", "logo", "favicon")},
    }
    return site_config_problems(config_file.name, config_file.read_text(encoding="utf-8"), settings)


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
    return f"{path}{GENERATED_PAGE_SUFFIX}" if file.generated_by else path


def _stop_or_show(problems: list[ContentProblem]) -> None:
    """A build stops with the problems; a preview logs them and every page shows them instead of its content."""
    global _preview_problems
    message = f"{problems_summary(len(problems))}:\n{ContentError(problems)}"
    if not _serving:
        raise PluginError(message)
    log.error(message)
    _preview_problems = problems


def _problems_html() -> str:
    return render_template(
        "content-problems.html.j2", headline=problems_summary(len(_preview_problems)), problems=_preview_problems
    )


def on_files(files: Files, config) -> Files:
    """Load shared data, add generated pages and check every page and copied file before anything is written."""
    global _site, _metadata, _repository, _preview_problems, _sources
    root = _project_root(config)
    _metadata, _preview_problems, _sources = {}, [], {}
    _unsafe_html.clear()
    try:
        # Before any file is read: a symbolic link would make the build read, and publish, a file from elsewhere.
        linked = unsafe_paths(root, (Path(config.docs_dir).resolve().relative_to(root).as_posix(), DATA_DIR))
        # Here rather than in on_config, so that the preview shows them on every page like any other problem.
        unsafe_settings = _site_config_problems(config)
        if unsafe_settings and _serving:
            # The preview's pages carry these settings too; without them it loads nothing the problems name.
            config.extra, config.extra_css, config.extra_javascript, config.copyright = {}, [], [], None
        if linked or unsafe_settings:
            raise ContentError(unsafe_settings + linked)
        _repository = Repository.from_environment(os.environ)
        _site = SiteContent.load(root)
        files.append(File.generated(config, TIMELINE_PAGE, content=_site.timeline_page()))
        # Excluded files are included here so snippets get their own check.
        # Excluded files that are not pages are included files (snippets of any kind), checked as snippets.
        _sources = {
            _display_path(config, file): decode_utf8(file.content_bytes, _display_path(config, file))
            for file in files
            if file.is_documentation_page() or file.inclusion.is_excluded()
        }
        checked = _site.check_pages(_sources, config.mdx_configs.get("pymdownx.snippets"))
        _check_copied_files(files, config)
    except ContentError as error:
        _stop_or_show(error.problems)
        if TIMELINE_PAGE not in files.src_uris:
            # Its address keeps working in the preview, showing the problems like every other page.
            files.append(File.generated(config, TIMELINE_PAGE, content=""))
        return files
    _metadata = {file.src_uri: checked[_display_path(config, file)] for file in files.documentation_pages()}
    return files


def _check_copied_files(files: Files, config) -> None:
    """Files from docs/ that are not pages are copied into the site byte for byte."""
    docs = Path(config.docs_dir).resolve()
    problems = [
        problem
        for file in files
        if not file.is_documentation_page()
        and not file.inclusion.is_excluded()
        and file.abs_src_path
        and Path(file.abs_src_path).is_relative_to(docs)
        for problem in check_copied_file(_display_path(config, file), file.src_uri, file.content_bytes)
    ]
    if problems:
        raise ContentError(problems)


def on_page_markdown(markdown: str, page, config, files) -> str:
    if _preview_problems:
        return ""
    return _site.page_markdown(markdown, _metadata[page.file.src_uri], page.file.src_uri)


def on_page_content(html: str, page, config, files) -> str:
    """The HTML readers will get, checked whole; problems are gathered so one message lists them all."""
    if _preview_problems:
        return _problems_html()
    html = link_citation_marks(html)
    display = _display_path(config, page.file)
    # A generated page's own lines mean nothing to an editor; its data file's texts were checked with theirs.
    source = "" if page.file.generated_by else _sources.get(display, "")
    _unsafe_html.extend(check_rendered_page(display, html, source, generated=bool(page.file.generated_by)))
    return html


def on_env(env, config, files):
    # Every page is rendered by now and nothing is written yet: the last moment to stop the build cleanly.
    if _unsafe_html:
        _stop_or_show(list(_unsafe_html))
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.content = _problems_html()
    return env


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
