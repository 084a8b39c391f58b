"""MkDocs hook: a thin adapter from MkDocs events to the plain-Python content code in scripts/.

A content problem stops `mkdocs build` with file, line and fix. While `mkdocs serve` runs, the same problems are
logged and every page of the preview shows them instead, so the browser never waits on a failed build and reloads
to the normal page once the files are fixed.

Everything a build learns is held in one `_Build`, made fresh by on_config: MkDocs runs the events again on the
same loaded hook for every rebuild of `mkdocs serve`, and plugins such as mkdocs-static-i18n run them once per
language on one config, so nothing may carry over from one build to the next.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.yaml import yaml_load

from scripts.common.content_errors import ContentError, ContentProblem, problems_summary
from scripts.common.templates import in_language, long_date, render_template, strings
from scripts.common.yaml_loader import decode_utf8
from scripts.i18n.languages import DEFAULT_LANGUAGE, english_path, language_of, translation_path
from scripts.i18n.pages import out_of_date, structure_problems
from scripts.i18n.search import language_search_index
from scripts.site.citations import link_citation_marks
from scripts.site.copied_files import check_copied_file, unsafe_paths
from scripts.site.html_allowlist import check_rendered_page
from scripts.site.navigation import pages_missing_from_nav
from scripts.site.page_links import Repository, published_site_url
from scripts.site.page_metadata import PageMetadata
from scripts.site.site_config import site_config_problems
from scripts.site.site_content import (
    DATA_DIR,
    GENERATED_PAGE_SOURCES,
    GENERATED_PAGE_SUFFIX,
    SNIPPETS_DIR,
    TIMELINE_PAGE,
    SiteContent,
)
from scripts.site.snippets import untranslated_snippets, with_translated_snippets
from scripts.site.structured_data import medical_web_page

# The Markdown extension that turns glossary terms into hover definitions.
HOVER_EXTENSION = "abbr"
# mkdocs-static-i18n's name in mkdocs.yml: it runs the whole build once per language on one config.
I18N_PLUGIN = "i18n"
NOT_FOUND_PAGE = "404.html"
SEARCH_INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


@dataclass
class _Build:
    """What one build knows, from on_config to the last page."""

    serving: bool
    language: str = DEFAULT_LANGUAGE
    site: SiteContent | None = None
    repository: Repository | None = None
    # docs/ as a path from the project root, for messages.
    docs_path: str = ""
    # Each page's checked front matter, by its path under docs/.
    metadata: dict[str, PageMetadata] = field(default_factory=dict)
    # Each page's Markdown, to point problems in its rendered HTML at a line.
    sources: dict[str, str] = field(default_factory=dict)
    # Problems found by a preview build; while there are any, every page shows them.
    preview_problems: list[ContentProblem] = field(default_factory=list)
    # Problems in pages' rendered HTML, gathered so that on_env lists them all in one message.
    unsafe_html: list[ContentProblem] = field(default_factory=list)
    # Translations whose English changed since, or that are missing: reported, not fatal.
    translations_to_update: list[ContentProblem] = field(default_factory=list)


_build = _Build(serving=False)


def on_startup(command: str, dirty: bool) -> None:
    global _build
    _build = _Build(serving=command == "serve")


def build_language(config) -> str:
    """The language this build is for: mkdocs-static-i18n builds each in turn; without it, English.

    A build that is not one of the plugin's own language runs (a rebuild of `mkdocs serve`, a second build in one
    process) starts the plugin afresh from the default language: the plugin itself would start from the language
    it built last, and add every language's pages and search entries to those of the build before.
    """
    plugin = config.plugins.get(I18N_PLUGIN)
    if not plugin:
        return DEFAULT_LANGUAGE
    if not plugin.building:
        plugin.current_language = plugin.default_language
        plugin.i18n_files_per_language = {}
        plugin.search_entries = []
    return plugin.current_language


def on_config(config):
    global _build
    _build = _Build(serving=_build.serving, language=build_language(config))
    root = _project_root(config)
    try:
        # The preview keeps its own local address; a build for publishing takes the real one when it is known.
        if not _build.serving:
            config.site_url = published_site_url(os.environ) or config.site_url
        # Before any file is read: a symbolic link would make the build read, and publish, a file from elsewhere.
        linked = unsafe_paths(root, (Path(config.docs_dir).resolve().relative_to(root).as_posix(), DATA_DIR))
        if linked:
            raise ContentError(linked)
        _build.repository = Repository.from_environment(os.environ)
        _build.site = SiteContent.load(root, _build.language)
    except ContentError as error:
        _stop_or_show(error.problems)
        return config
    if HOVER_EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(HOVER_EXTENSION)
    # One glossary for every page, matched by the extension itself, rather than definitions added to each page.
    config.mdx_configs[HOVER_EXTENSION] = {
        **config.mdx_configs.get(HOVER_EXTENSION, {}),
        "glossary": _build.site.hover_definitions(),
    }
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
        return translation_path(GENERATED_PAGE_SOURCES[file.src_uri], _build.language)
    if not _build.docs_path:
        _build.docs_path = Path(config.docs_dir).resolve().relative_to(_project_root(config)).as_posix()
    return f"{_build.docs_path}/{file.src_uri}"


def _display_path(config, file: File) -> str:
    path = _source_path(config, file)
    return f"{path}{GENERATED_PAGE_SUFFIX}" if file.generated_by else path


def _stop_or_show(problems: list[ContentProblem]) -> None:
    """A build stops with the problems; a preview logs them and every page shows them instead of its content."""
    message = f"{problems_summary(len(problems))}:\n{ContentError(problems)}"
    if not _build.serving:
        raise PluginError(message)
    # Logged below warning level: `mkdocs serve --strict` would otherwise abort the preview that shows them.
    log.info(f"ERROR: {message}")
    _build.preview_problems = problems


def _problems_html() -> str:
    problems = _build.preview_problems
    with in_language(_build.language):
        return render_template("content-problems.html.j2", headline=problems_summary(len(problems)), problems=problems)


def _generated_page(config, src_uri: str, content: str, language: str) -> File:
    """A page built from data, at its address in `language` (/es/NAME/ for Spanish), known to mkdocs-static-i18n
    like any page, so it gets the language switcher, hreflang links and its place in the sitemap."""
    file = File.generated(config, src_uri, content=content)
    if language != DEFAULT_LANGUAGE:
        file.dest_uri = f"{language}/{file.dest_uri}"
        file.url = file._get_url()
    file.locale = file.locale_alternate_of = language
    file.localization = None if language == DEFAULT_LANGUAGE else language
    file.norm_src_uri = src_uri
    file.alternates = {language: file}
    return file


def _add_generated_page(files: Files, config, content: str) -> None:
    language = _build.language
    file = _generated_page(config, TIMELINE_PAGE, content, language)
    plugin = config.plugins.get(I18N_PLUGIN)
    if plugin:
        for other in plugin.build_languages:
            if other != language:
                # Only its address is needed: the page itself is generated by that language's build.
                file.alternates[other] = _generated_page(config, TIMELINE_PAGE, "", other)
        file.alternates = dict(sorted(file.alternates.items()))
        plugin.i18n_files_per_language.setdefault(language, []).append(file)
    files.append(file)


# After mkdocs-static-i18n (-100) has chosen this language's files.
@event_priority(-110)
def on_files(files: Files, config) -> Files:
    """Add generated pages and check every page and copied file before anything is written."""
    site = _build.site
    try:
        # Here rather than in on_config, so that the preview shows them on every page like any other problem.
        unsafe_settings = _site_config_problems(config)
        if unsafe_settings and _build.serving:
            # The preview's pages carry these settings too; without them it loads nothing the problems name.
            config.extra, config.extra_css, config.extra_javascript, config.copyright = {}, [], [], None
        if unsafe_settings:
            raise ContentError(unsafe_settings)
        if site is None:
            raise ContentError([])  # the data did not load: on_config has shown why
        _add_generated_page(files, config, site.timeline_page())
        # Excluded files that are not pages are included files (snippets of any kind), checked as snippets.
        sources = {
            path: decode_utf8(file.content_bytes, path)
            for file in files
            if file.is_documentation_page() or file.inclusion.is_excluded()
            for path in [_display_path(config, file)]
        }
        checked = site.check_pages(sources, config.mdx_configs.get("pymdownx.snippets"))
        _check_translations(sources, config)
        _check_copied_files(files, config)
        _check_nav(files, config, checked)
    except ContentError as error:
        if error.problems:
            _stop_or_show(error.problems)
        if TIMELINE_PAGE not in files.src_uris:
            # Its address keeps working in the preview, showing the problems like every other page.
            files.append(_generated_page(config, TIMELINE_PAGE, "", _build.language))
        return files
    _build.sources = sources
    _build.metadata = {file.src_uri: checked[_display_path(config, file)] for file in files.documentation_pages()}
    return files


def _check_translations(sources: dict[str, str], config) -> None:
    """Every page has its translation, which keeps its English page's care cards, snippets, citations, review dates
    and sources (else the build stops); one whose English changed since it was translated is reported on every
    build, with the file and line to update."""
    if _build.language == DEFAULT_LANGUAGE:
        return
    root = _project_root(config)
    problems: list[ContentProblem] = []
    reports: list[ContentProblem] = list(_build.site.translations.out_of_date())
    for path, source in sources.items():
        if path.endswith(GENERATED_PAGE_SUFFIX):
            continue
        if f"/{SNIPPETS_DIR}/" in f"/{path}":
            continue  # a snippet's translation is required by the pages that include it
        if language_of(path) == DEFAULT_LANGUAGE:
            # Every page has its translation: a page added in English alone would give readers of the other
            # language a page in English under their language's address, with their menu and search.
            problems.append(
                ContentProblem(
                    path,
                    1,
                    f"this page has no {_build.language} translation; add {translation_path(path, _build.language)}"
                    ' as CONTRIBUTING.md, section "Translating", says (the same front matter and structure, the'
                    " text translated)",
                )
            )
            continue
        english = english_path(path)
        english_file = root / english
        if not english_file.exists():
            problems.append(
                ContentProblem(path, 1, f"there is no English page {english}; rename this file or remove it")
            )
            continue
        english_source = decode_utf8(english_file.read_bytes(), english)
        problems += structure_problems(path, source, english, english_source)
        problems += untranslated_snippets(path, source, _build.language, _snippet_options(config), root)
        stale = out_of_date(path, source, english, english_source)
        if stale:
            reports.append(stale)
    if problems:
        raise ContentError(problems)
    for report in reports:
        # Reported, not fatal: an English fix must be able to go out before its translation is updated.
        log.info(f"Translation to update: {report}")
    _build.translations_to_update = reports


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


def _check_nav(files: Files, config, checked: dict) -> None:
    # A translated page stands in the menu under its English page's name (mkdocs-static-i18n's norm_src_uri).
    pages = {
        getattr(file, "norm_src_uri", file.src_uri): (
            _display_path(config, file),
            checked[_display_path(config, file)].title,
        )
        for file in files.documentation_pages()
        if file.inclusion == InclusionLevel.INCLUDED
    }
    config_text = Path(config.config_file_path).read_text(encoding="utf-8")
    problems = pages_missing_from_nav(config.nav, pages, config_text)
    if problems:
        raise ContentError(problems)


def on_page_markdown(markdown: str, page, config, files) -> str:
    if _build.preview_problems:
        return ""
    metadata = _build.metadata[page.file.src_uri]
    if metadata.search_boost is not None:
        # Material's search reads the boost from here; front matter names it search_boost, checked like any key.
        page.meta["search"] = {"boost": metadata.search_boost}
    if _build.language != DEFAULT_LANGUAGE:
        markdown = with_translated_snippets(markdown, _build.language, _snippet_options(config), _project_root(config))
    return _build.site.page_markdown(markdown, metadata, page.file.src_uri)


def _snippet_options(config) -> dict:
    return config.mdx_configs.get("pymdownx.snippets", {})


def on_page_content(html: str, page, config, files) -> str:
    """The HTML readers will get, checked whole; problems are gathered so one message lists them all."""
    if _build.preview_problems:
        return _problems_html()
    html = link_citation_marks(html)
    display = _display_path(config, page.file)
    # A generated page's own lines mean nothing to an editor; its data file's texts were checked with theirs.
    source = "" if page.file.generated_by else _build.sources.get(display, "")
    _build.unsafe_html.extend(check_rendered_page(display, html, source, generated=bool(page.file.generated_by)))
    return html


def on_env(env, config, files):
    # The theme's templates (overrides/) print their fixed words in this build's language, as ours do.
    env.globals["t"] = strings(_build.language)
    env.globals["long_date"] = lambda day: long_date(day, _build.language)
    # Where this language's pages start, from the site root ("es/"), for templates that are not pages (404).
    env.globals["language_path"] = "" if _build.language == DEFAULT_LANGUAGE else f"{_build.language}/"
    # Every page is rendered by now and nothing is written yet: the last moment to stop the build cleanly.
    if _build.unsafe_html:
        _stop_or_show(list(_build.unsafe_html))
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.content = _problems_html()
    return env


def on_page_context(context, page, config, nav):
    metadata = _build.metadata.get(page.file.src_uri)
    if metadata:
        cited = _build.site.cited_references(metadata)
        page.meta["review_dates"] = {"last_reviewed": metadata.last_reviewed, "next_review": metadata.next_review}
        page.meta["reference_list"] = cited
        page.meta["structured_data"] = medical_web_page(
            metadata, cited, page.canonical_url, config.site_name, _build.language
        )
    page.meta["language"] = _build.language
    page.meta["alternates"] = _alternates(page, config)
    if _build.repository:
        page_url = page.canonical_url or page.abs_url
        docs = Path(config.docs_dir).resolve().relative_to(_project_root(config)).as_posix()
        source_files = _build.site.source_files(
            _source_path(config, page.file),
            _build.sources.get(_display_path(config, page.file), ""),
            metadata,
            f"{docs}/{SNIPPETS_DIR}",
        )
        page.meta["page_links"] = _build.repository.page_links(source_files, page.title, page_url)
    return context


def _alternates(page, config) -> list[dict]:
    """The page in every language (mkdocs-static-i18n's alternates): for the switch, hreflang links and sitemap."""
    site_url = config.site_url or "/"
    return [
        {"language": language, "url": site_url + ("" if file.url == "./" else file.url), "path": file.url}
        for language, file in sorted(getattr(page.file, "alternates", {}).items())
    ]


def site_address(config_file: Path) -> str:
    """The address a build of this config publishes to (SITE_URL, else site_url), read as MkDocs reads mkdocs.yml.

    For tools outside the build (the link checks, tests), so that they and the build agree.
    """
    return published_site_url(os.environ) or load_config(str(config_file)).site_url or "/"


def mkdocs_settings(config_file: Path) -> dict:
    """mkdocs.yml's settings as written, read by MkDocs' own YAML loader (it knows MkDocs' tags and INHERIT), for
    tools that write a variant of the config."""
    with open(config_file, "rb") as source:
        return yaml_load(source)


def on_post_template(output: str, template_name: str, config) -> str:
    """Each language's 404 page in its own folder (/es/404.html); the theme writes every language's to the root."""
    if template_name == NOT_FOUND_PAGE and _build.language != DEFAULT_LANGUAGE:
        target = Path(config.site_dir) / _build.language / NOT_FOUND_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""  # MkDocs writes nothing for an empty template, so the English 404 stays at the root
    return output


# After mkdocs-static-i18n (-100), which writes one search index of every language's pages at the end of the first
# build: each language gets its own index, with its own stemming, so a Spanish reader's results are Spanish pages.
@event_priority(-110)
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    index = site / SEARCH_INDEX
    plugin = config.plugins.get(I18N_PLUGIN)
    if not index.is_file():
        return
    # The plugin builds the other languages inside the first build's on_post_build ("building"); this event of the
    # first build comes last of all, after the plugin has written the merged index.
    if plugin and plugin.building:
        # This build's own index, before the plugin writes the merged one over it.
        own = site / _build.language / SEARCH_INDEX
        own.parent.mkdir(parents=True, exist_ok=True)
        own.write_text(language_search_index(index.read_text(encoding="utf-8"), _build.language), encoding="utf-8")
        # Material's instant loading reads the sitemap beside the search folder; the sitemap lists every language.
        shutil.copyfile(site / SITEMAP, site / _build.language / SITEMAP)
        return
    index.write_text(language_search_index(index.read_text(encoding="utf-8"), DEFAULT_LANGUAGE), encoding="utf-8")


def on_serve(server, config, builder):
    # Data files feed generated pages and every page's references, so edits there rebuild the site.
    server.watch(str(_project_root(config) / "data"))
    return server
