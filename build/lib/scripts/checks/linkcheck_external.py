"""Check that links from the built site to other websites still work. Needs the internet, so it runs only
on request (make linkcheck), never in CI: other sites go down for reasons no pull request can fix.

Usage: python -m scripts.checks.linkcheck_external SITE_DIR
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from scripts.checks.link_check import PROJECT_ROOT, parse_page, site_url_from_config

TIMEOUT_SECONDS = 10
MAX_PARALLEL_REQUESTS = 8
USER_AGENT = "Mozilla/5.0 (compatible; microneedling-guide-linkcheck)"
# Servers that refuse HEAD, or refuse robots outright, often serve the page to a GET.
RETRY_WITH_GET = {403, 405, 429, 501}


def external_urls(site_dir: Path, own_host: str) -> dict[str, list[str]]:
    """Each http(s) URL on another host, without its #part, mapped to the site pages that link to it."""
    found: dict[str, list[str]] = {}
    for page_file in sorted(site_dir.rglob("*.html")):
        page = page_file.relative_to(site_dir).as_posix()
        for link in parse_page(page_file.read_text(encoding="utf-8", errors="replace")).links:
            parts = urlsplit(link.url)
            if parts.scheme.lower() not in {"http", "https"} or parts.netloc.lower() == own_host.lower():
                continue
            pages = found.setdefault(urldefrag(link.url).url, [])
            if page not in pages:
                pages.append(page)
    return found


def _request(url: str, method: str) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def url_problem(url: str) -> str | None:
    """Why a URL does not work, or None if it answers with a success."""
    try:
        status = _request(url, "HEAD")
        if status in RETRY_WITH_GET:
            status = _request(url, "GET")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return f"no answer ({getattr(error, 'reason', error)})"
    return None if status < 400 else f"HTTP {status}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m scripts.checks.linkcheck_external SITE_DIR", file=sys.stderr)
        return 2
    own_host = urlsplit(site_url_from_config(PROJECT_ROOT / "mkdocs.yml")).netloc
    urls = external_urls(Path(args[0]), own_host)
    with ThreadPoolExecutor(max_workers=MAX_PARALLEL_REQUESTS) as pool:
        problems = dict(zip(urls, pool.map(url_problem, urls), strict=False))
    failures = {url: problem for url, problem in problems.items() if problem}
    for url, problem in failures.items():
        print(f"{url}: {problem}; linked from {', '.join(urls[url])}")
    print(f"{len(urls)} external links checked, {len(failures)} not working")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
