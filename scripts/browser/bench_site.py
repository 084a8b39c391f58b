"""Site benchmark: build time against plain MkDocs, first-visit page weight, mobile LCP, dedup throughput.

`python -m scripts.browser.bench_site` prints the figures; `--write` also records them in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.browser.lighthouse_runner import run_lighthouse_on_each
from scripts.browser.static_server import serving
from scripts.i18n.languages import DEFAULT_LANGUAGE, TRANSLATIONS, language_of
from scripts.site.mkdocs_hook import mkdocs_settings, site_address

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS_FILE = PROJECT_ROOT / "BENCHMARKS.md"
SECTION_START = "<!-- bench_site:start -->"
SECTION_END = "<!-- bench_site:end -->"
BUILD_RUNS = 7
BUILD_RATIO_TARGET = 1.25
# The generated site repeats every article this many times (about 15 pages each), for the per-page cost.
GENERATED_COPIES = 15
ARTICLE_WEIGHT_TARGET_KB = 90
BUILD_PROFILE_NOTE = "nested areas overlap; the hook's Markdown and search costs show in their own rows"
DEDUP_BENCH = [sys.executable, "-m", "tests.dedup_eval.bench", "--sizes", "20000,100000"]


def machine_description() -> list[str]:
    cpu_model = "unknown"
    memory = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return [
        f"Date: {datetime.date.today().isoformat()}",
        f"Machine: {os.cpu_count()} CPUs (nproc), {cpu_model}, {memory} memory",
        f"Python {platform.python_version()}, {chromium}",
    ]


@dataclass(frozen=True)
class BuildTime:
    wall: float
    # User and system CPU time of the build process: less moved by other processes on a shared machine.
    cpu: float


def build_seconds(config_file: Path, site_dir: Path, strict: bool) -> BuildTime:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--quiet",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    if strict:
        command.append("--strict")
    cpu_before = _children_cpu_seconds()
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=PROJECT_ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"mkdocs build with {config_file.name} failed:\n{completed.stderr[-2000:]}")
    return BuildTime(seconds, _children_cpu_seconds() - cpu_before)


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def project_config() -> dict:
    return mkdocs_settings(PROJECT_ROOT / "mkdocs.yml")


def write_plain_mkdocs_config(project: Path, directory: Path) -> Path:
    """The project's config without our hook, pointing at the same docs/ and theme overrides."""
    config = mkdocs_settings(project / "mkdocs.yml")
    config.pop("hooks", None)
    config["docs_dir"] = str(project / "docs")
    config["theme"]["custom_dir"] = str(project / config["theme"].get("custom_dir", "overrides"))
    path = directory / "mkdocs-without-hook.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def write_generated_project(directory: Path, copies: int) -> Path:
    """A copy of the project whose articles are each repeated `copies` times, all in the nav: a site of 200+ pages.

    Copies sit beside the originals, so their links and snippet includes still resolve under --strict.
    """
    directory.mkdir(parents=True, exist_ok=True)
    for part in ("mkdocs.yml", "docs", "overrides", "data"):
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, directory / part)
        else:
            shutil.copy2(source, directory / part)
    config = mkdocs_settings(directory / "mkdocs.yml")
    # The hook is named relative to the project; point it at this checkout's copy.
    config["hooks"] = [str(PROJECT_ROOT / hook) for hook in config.get("hooks", [])]
    # English articles; each copy takes its translations along (aftercare-copy-1.es.md), as every page must.
    articles = sorted(path for path in (directory / "docs").glob("*.md") if language_of(path.name) == DEFAULT_LANGUAGE)
    copied_nav = []
    for number in range(1, copies + 1):
        for article in articles:
            copy_name = f"{article.stem}-copy-{number}.md"
            shutil.copy2(article, article.with_name(copy_name))
            for language in TRANSLATIONS:
                translated = article.with_name(f"{article.stem}.{language}.md")
                if translated.is_file():
                    shutil.copy2(translated, article.with_name(f"{article.stem}-copy-{number}.{language}.md"))
            copied_nav.append({f"{article.stem} {number}": copy_name})
    config["nav"].append({"Copies": copied_nav})
    (directory / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return directory


def build_ratio(project: Path, scratch: Path) -> tuple[list[BuildTime], list[BuildTime], int]:
    """Wall times of our strict build and of plain MkDocs on the same docs/, interleaved so load affects both."""
    plain_config = write_plain_mkdocs_config(project, scratch)
    ours, plain = [], []
    for _ in range(BUILD_RUNS):
        ours.append(build_seconds(project / "mkdocs.yml", scratch / "site", strict=True))
        # The timeline page comes from the hook, so the plain build warns about its nav entry: not strict.
        plain.append(build_seconds(plain_config, scratch / "plain-site", strict=False))
    pages = len(page_paths(scratch / "site"))
    return ours, plain, pages


def describe_build_ratio(label: str, ours: list[BuildTime], plain: list[BuildTime], pages: int) -> list[str]:
    ours_wall, plain_wall = statistics.median(t.wall for t in ours), statistics.median(t.wall for t in plain)
    ours_cpu, plain_cpu = statistics.median(t.cpu for t in ours), statistics.median(t.cpu for t in plain)
    ratio = ours_wall / plain_wall
    extra_ms_per_page = (ours_wall - plain_wall) / pages * 1000
    return [
        f"#### {label}: {pages} pages",
        "",
        f"- with our hook (strict): {ours_wall:.2f} s (runs: {', '.join(f'{t.wall:.2f}' for t in ours)})",
        f"- plain MkDocs, same docs/, hook off: {plain_wall:.2f} s (runs: {', '.join(f'{t.wall:.2f}' for t in plain)})",
        f"- ratio: {ratio:.2f} (target <= {BUILD_RATIO_TARGET})"
        f" {'OK' if ratio <= BUILD_RATIO_TARGET else 'OVER TARGET'}; {extra_ms_per_page:.1f} ms more per page",
        f"- CPU time (user + system, median): {ours_cpu:.2f} s against {plain_cpu:.2f} s,"
        f" ratio {ours_cpu / plain_cpu:.2f}",
        "",
    ]


# Where a build's time goes: (label, function as "file fragment:function name"), by cumulative time under cProfile.
PROFILE_AREAS = [
    ("whole build", "mkdocs/commands/build.py:build"),
    ("Markdown to HTML (Python-Markdown, with its extensions)", "mkdocs/structure/pages.py:render"),
    ("templates (Jinja: the theme, and the hook's includes)", "jinja2/environment.py:render"),
    ("search index (Material's search plugin)", "material/plugins/search/plugin.py:on_page_context"),
    ("hook: load and check data (on_config)", "mkdocs_hook.py:on_config"),
    ("hook: check every source file (on_files)", "mkdocs_hook.py:on_files"),
    ("hook: page Markdown (includes, citations, lists)", "mkdocs_hook.py:on_page_markdown"),
    ("hook: rendered-HTML allowlist check", "html_allowlist.py:check_rendered_page"),
    ("hook: link citation marks", "citations.py:link_citation_marks"),
    ("hook: review dates, references, JSON-LD", "mkdocs_hook.py:on_page_context"),
    ("hover definitions (abbr extension)", "markdown/extensions/abbr.py:run"),
    ("importing the hook and its core", "mkdocs_hook.py:<module>"),
]


def profiled_build(config_file: Path, site_dir: Path, strict: bool, profile_file: Path) -> dict[str, float]:
    """Cumulative seconds per PROFILE_AREAS entry for one build under cProfile (which slows it by about 1.7x)."""
    import pstats

    command = [sys.executable, "-m", "cProfile", "-o", str(profile_file), "-m", "mkdocs", "build", "--quiet"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir), *(["--strict"] if strict else [])]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True)
    seconds = dict.fromkeys((label for label, _ in PROFILE_AREAS), 0.0)
    for (file, _, function), (_, _, _, cumulative, _) in pstats.Stats(str(profile_file)).stats.items():
        for label, where in PROFILE_AREAS:
            fragment, name = where.rsplit(":", 1)
            if function == name and file.endswith(fragment):
                seconds[label] += cumulative
    return seconds


def describe_profile(project: Path, scratch: Path) -> list[str]:
    ours = profiled_build(project / "mkdocs.yml", scratch / "profiled", True, scratch / "ours.prof")
    plain_config = write_plain_mkdocs_config(project, scratch)
    plain = profiled_build(plain_config, scratch / "plain-profiled", False, scratch / "plain.prof")
    lines = [
        "| Where the time goes (cumulative, under cProfile) | with the hook | plain MkDocs |",
        "|---|---:|---:|",
    ]
    for label, _ in PROFILE_AREAS:
        if ours[label] or plain[label]:
            lines.append(f"| {label} | {ours[label]:.2f} s | {plain[label]:.2f} s |")
    return [*lines, ""]


def write_empty_material_project(directory: Path) -> Path:
    """A one-page project with an empty page and the site's theme settings: Material's own weight."""
    theme = {key: value for key, value in project_config()["theme"].items() if key != "custom_dir"}
    (directory / "docs").mkdir(parents=True)
    (directory / "docs" / "index.md").write_text("", encoding="utf-8")
    path = directory / "mkdocs.yml"
    path.write_text(
        yaml.safe_dump({"site_name": "Empty", "theme": theme, "plugins": ["search"]}, sort_keys=False), encoding="utf-8"
    )
    return path


def page_paths(site_dir: Path) -> list[str]:
    import xml.etree.ElementTree as ElementTree

    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    site_url = site_address(PROJECT_ROOT / "mkdocs.yml")
    return [location.text.removeprefix(site_url) for location in root.findall("sm:url/sm:loc", namespace)]


def first_visit_bytes(browser, url: str) -> tuple[int, int]:
    """Bytes on the wire (encoded body + headers, Playwright's request.sizes()) for a first visit,
    as (by the load event, in all once the network is idle, search index included)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(url, wait_until="load")
        at_load = len(finished)
        page.wait_for_load_state("networkidle")
        sizes = [request.sizes() for request in finished]
    finally:
        context.close()
    wire = [size["responseBodySize"] + size["responseHeadersSize"] for size in sizes]
    return sum(wire[:at_load]), sum(wire)


def measure_weights(site_dir: Path, paths: list[str]) -> dict[str, tuple[int, int]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serving(site_dir) as base_url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return {path: first_visit_bytes(browser, base_url + path) for path in paths}
        finally:
            browser.close()


def dedup_throughput() -> list[str]:
    try:
        completed = subprocess.run(DEDUP_BENCH, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        return ["tests.dedup_eval.bench did not finish within 15 minutes."]
    if completed.returncode != 0:
        last_error = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        return [f"tests.dedup_eval.bench is not ready (exit {completed.returncode}: {last_error})."]
    return completed.stdout.rstrip().splitlines()


def kilobytes(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def run_benchmark(builds_only: bool = False) -> list[str]:
    lines = ["## Site benchmark (scripts/browser/bench_site.py)", "", *machine_description(), ""]
    with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
        scratch = Path(scratch)
        (scratch / "today").mkdir()
        ours, plain, pages = build_ratio(PROJECT_ROOT, scratch / "today")
        site_dir = scratch / "today" / "site"
        generated = write_generated_project(scratch / "generated", GENERATED_COPIES)
        lines += [
            f"### Build time (median of {BUILD_RUNS} `mkdocs build` runs each, interleaved, wall time)",
            "",
            *describe_build_ratio("Today's site", ours, plain, pages),
            *describe_build_ratio(
                f"Generated site (every article {GENERATED_COPIES} more times)",
                *build_ratio(generated, scratch / "generated"),
            ),
            f"#### Profile of one build of the generated site (`python -m cProfile`, {BUILD_PROFILE_NOTE})",
            "",
            *describe_profile(generated, scratch / "generated"),
        ]
        if builds_only:
            return lines

        empty_dir = scratch / "empty-material"
        empty_config = write_empty_material_project(empty_dir)
        build_seconds(empty_config, empty_dir / "site", strict=True)
        paths = page_paths(site_dir)
        weights = measure_weights(site_dir, paths)
        empty_weight = measure_weights(empty_dir / "site", [""])[""]
        with serving(site_dir) as base_url:
            lighthouse = dict(
                zip(paths, run_lighthouse_on_each([base_url + path for path in paths], parallel=2), strict=False)
            )

    lines += [
        "### First visit, per page (phone viewport, gzip server, fresh browser context)",
        "",
        "Bytes on the wire: encoded body + headers of every response, from Playwright's `request.sizes()`.",
        f'"By load" counts what arrived by the load event; "all" adds what follows until the network is idle '
        f"(the search worker and its index). Target: <= {ARTICLE_WEIGHT_TARGET_KB} KB by load for an article.",
        "LCP and scores: Lighthouse 12.8.2 mobile defaults (simulated slow 4G, 4x CPU),"
        " one run per page, two at a time.",
        "",
        "| Page | By load | All | LCP (mobile) | Perf | A11y | Best pr. | SEO |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        f"| empty Material page (baseline) | {kilobytes(empty_weight[0])} | {kilobytes(empty_weight[1])} | | | | | |",
    ]
    for path in paths:
        by_load, everything = weights[path]
        result = lighthouse[path]
        scores = " | ".join(
            f"{result.scores[category]:.2f}" for category in ("performance", "accessibility", "best-practices", "seo")
        )
        over = " (over)" if by_load > ARTICLE_WEIGHT_TARGET_KB * 1024 else ""
        lines.append(
            f"| /{path} | {kilobytes(by_load)}{over} | {kilobytes(everything)} | "
            f"{result.largest_contentful_paint_ms / 1000:.2f} s | {scores} |"
        )
    lines += [
        "",
        "### Source tool throughput (`python -m tests.dedup_eval.bench --sizes 20000,100000`, both corpus shapes)",
        "",
        "```",
        *dedup_throughput(),
        "```",
    ]
    return lines


def write_section(lines: list[str]) -> None:
    section = "\n".join([SECTION_START, *lines, SECTION_END])
    if BENCHMARKS_FILE.is_file():
        existing = BENCHMARKS_FILE.read_text(encoding="utf-8")
    else:
        existing = "# Benchmarks\n\nFigures recorded by the project's benchmark scripts (`make bench`).\n"
    pattern = re.compile(re.escape(SECTION_START) + ".*?" + re.escape(SECTION_END), re.S)
    if pattern.search(existing):
        updated = pattern.sub(lambda _: section, existing)
    else:
        updated = existing.rstrip("\n") + "\n\n" + section
    BENCHMARKS_FILE.write_text(updated + ("" if updated.endswith("\n") else "\n"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"record the figures in {BENCHMARKS_FILE.name}")
    parser.add_argument("--builds-only", action="store_true", help="measure only the build times (no browser)")
    arguments = parser.parse_args(argv)
    lines = run_benchmark(arguments.builds_only)
    print("\n".join(lines))
    if arguments.write:
        write_section(lines)
        print(f"\nRecorded in {BENCHMARKS_FILE.relative_to(PROJECT_ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
