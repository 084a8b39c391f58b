""" "Edit this page" and "Report a problem with this page" links, from the hosting platform's own variables.

GitHub Actions sets GITHUB_SERVER_URL (like https://github.com) and GITHUB_REPOSITORY (owner/name) in every job.
Edit links open a page's source on the default branch: SITE_EDIT_BRANCH when set (the publish workflow sets it
from the repository's settings), otherwise "main". GITHUB_REF_NAME is not used: it names the branch being built,
which in a pull request is a temporary merge ref. Without the two variables (a local build) there are no links,
rather than links to a made-up address.

SITE_URL, when set, is the address the site is published at (the publish workflow takes it from GitHub Pages), so
page addresses in reports, canonical links and the sitemap are the real ones rather than mkdocs.yml's site_url.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from scripts.common.content_errors import ContentError, ContentProblem

DEFAULT_BRANCH = "main"
# .github/ISSUE_TEMPLATE/report-a-problem.yml; its field with id "page" takes the page's address.
ISSUE_TEMPLATE = "report-a-problem.yml"
ISSUE_PAGE_FIELD = "page"
SERVER_URL = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?")
REPOSITORY_NAME = re.compile(r"[\w.-]+/[\w.-]+")
BRANCH_NAME = re.compile(r"[^\s~^:?*\[\\]+")


def published_site_url(environment: Mapping[str, str]) -> str | None:
    """The site's published address from SITE_URL, ending in '/'; None when it is not set."""
    url = environment.get("SITE_URL", "").strip()
    if not url:
        return None
    if not SERVER_URL.fullmatch(url):
        shape = "a web address like https://OWNER.github.io/REPOSITORY/"
        raise ContentError([ContentProblem("SITE_URL (environment variable)", None, f"{url!r} is not {shape}")])
    return url.rstrip("/") + "/"


# What each kind of file holds, for the link that edits it; a page's own Markdown is "this page".
EDIT_LINK_TEXTS = {
    "data/side-effects.yml": "Edit the care cards and side effects",
    "data/glossary.yml": "Edit the glossary terms",
    "data/references.yml": "Edit the reference list",
}
SNIPPET_LINK_TEXT = "Edit the shared text"
INTRODUCTION_LINK_TEXT = "Edit the page's introduction"


@dataclass(frozen=True)
class EditLink:
    text: str
    url: str
    path: str


@dataclass(frozen=True)
class PageLinks:
    edits: tuple[EditLink, ...]
    report: str

    @property
    def edit(self) -> str:
        return self.edits[0].url


@dataclass(frozen=True)
class Repository:
    server_url: str
    name: str
    branch: str

    @classmethod
    def from_environment(cls, environment: Mapping[str, str]) -> Repository | None:
        """The repository the site is built from, or None when the platform's variables are not set."""
        server_url = environment.get("GITHUB_SERVER_URL", "").strip().rstrip("/")
        name = environment.get("GITHUB_REPOSITORY", "").strip()
        branch = environment.get("SITE_EDIT_BRANCH", "").strip() or DEFAULT_BRANCH
        if not server_url or not name:
            return None
        checks = (
            ("GITHUB_SERVER_URL", server_url, SERVER_URL, "a web address like https://github.com"),
            ("GITHUB_REPOSITORY", name, REPOSITORY_NAME, "owner/name, like editors/microneedling-guide"),
            ("SITE_EDIT_BRANCH", branch, BRANCH_NAME, f"a branch name like {DEFAULT_BRANCH}"),
        )
        problems = [
            ContentProblem(
                f"{variable} (environment variable)", None, f"{value!r} is not {shape}; set it so or unset it"
            )
            for variable, value, pattern, shape in checks
            if not pattern.fullmatch(value)
        ]
        if problems:
            raise ContentError(problems)
        return cls(server_url=server_url, name=name, branch=branch)

    def page_links(self, source_paths: str | list[str], title: str, page_url: str) -> PageLinks:
        """Links for one page; `source_paths` are the files that hold its text, the one it is mostly built from
        first ("Edit this page"), each further one with a link saying what it holds."""
        paths = [source_paths] if isinstance(source_paths, str) else source_paths
        repository = f"{self.server_url}/{self.name}"
        query = urlencode(
            {"template": ISSUE_TEMPLATE, "title": f"Problem on the page: {title}", ISSUE_PAGE_FIELD: page_url}
        )
        edits = tuple(
            EditLink(
                "Edit this page" if index == 0 else _edit_link_text(path),
                f"{repository}/edit/{quote(self.branch)}/{quote(path)}",
                path,
            )
            for index, path in enumerate(paths)
        )
        return PageLinks(edits=edits, report=f"{repository}/issues/new?{query}")


def _edit_link_text(path: str) -> str:
    if path in EDIT_LINK_TEXTS:
        return EDIT_LINK_TEXTS[path]
    return SNIPPET_LINK_TEXT if "/snippets/" in path else INTRODUCTION_LINK_TEXT
