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


@dataclass(frozen=True)
class PageLinks:
    edit: str
    report: str


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

    def page_links(self, source_path: str, title: str, page_url: str) -> PageLinks:
        """Links for one page; `source_path` is the file an editor changes (a generated page's data file)."""
        repository = f"{self.server_url}/{self.name}"
        query = urlencode(
            {"template": ISSUE_TEMPLATE, "title": f"Problem on the page: {title}", ISSUE_PAGE_FIELD: page_url}
        )
        return PageLinks(
            edit=f"{repository}/edit/{quote(self.branch)}/{quote(source_path)}",
            report=f"{repository}/issues/new?{query}",
        )
