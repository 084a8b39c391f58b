"""One-change attacks on a copy of the project, each built for real by MkDocs, in worker processes.

Each attack changes one thing an editor could change (a page, a snippet, a front-matter title, a data file, a file
in docs/, mkdocs.yml) to publish script, tracking, a file from the build machine, or to make the build slow or
lose text. Every one must be refused by `mkdocs build` itself with file, line and fix, and no traceback.
"""

from __future__ import annotations

import logging
import os
import shutil
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from scripts.common.markdown_source import split_front_matter
from scripts.common.yaml_loader import parse_yaml
from tests.conftest import PROJECT_ROOT

PAGE = "docs/aftercare.md"
SNIPPET = "docs/snippets/evidence-ratings.md"
GLOSSARY = "data/glossary.yml"
REFERENCES = "data/references.yml"
SIDE_EFFECTS = "data/side-effects.yml"
CONFIG = "mkdocs.yml"
ONERROR = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
HIDDEN_IMG = f"<!--> {ONERROR} -->"
# Every data file whose texts reach pages.
DATA_FILES = (GLOSSARY, REFERENCES, SIDE_EFFECTS)

Breakage = Callable[[Path], int | None]


def append(file: str, lines: str, breaking_line: int = 0) -> Breakage:
    """Append `lines` to a page or snippet after a blank line; `breaking_line` counts from 0 within `lines`."""

    def breakage(project: Path) -> int:
        path = project / file
        kept = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        path.write_text(kept + lines + "\n", encoding="utf-8")
        return kept.count("\n") + 1 + breaking_line

    return breakage


def in_title(value: str) -> Breakage:
    """The page's title line written as `value` (raw YAML after 'title: ')."""

    def breakage(project: Path) -> int:
        path = project / PAGE
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(index for index, line in enumerate(lines) if line.startswith("title:"))
        lines[number] = f"title: {value}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return number + 1

    return breakage


def _plain_text_lines(path: Path, file: str) -> list[int]:
    """Lines of one-line plain texts of a few words, found with the project's own YAML loader."""
    source = path.read_text(encoding="utf-8")
    document = parse_yaml(split_front_matter(source).front_matter, file, 2) if file.endswith(".md") else None
    document = document or parse_yaml(source, file)
    lines = source.split("\n")
    return [
        line
        for _, line, text in document.texts()
        if (" " in text or document.display_path.endswith(".md")) and lines[line - 1].rstrip().endswith(f": {text}")
    ]


def in_data_text(file: str, payload: str, *, prefix: str = "", which: int = 0, line_offset: int = 0) -> Breakage:
    """`payload` added after (or `prefix` before) one plain text of a data file; its line (+ `line_offset`)."""

    def breakage(project: Path) -> int:
        path = project / file
        number = _plain_text_lines(path, file)[which]
        lines = path.read_text(encoding="utf-8").split("\n")
        key, _, value = lines[number - 1].partition(": ")
        lines[number - 1] = f"{key}: {prefix}{value}{payload}"
        path.write_text("\n".join(lines), encoding="utf-8")
        return number + line_offset

    return breakage


def at_line(line: int, breakage: Breakage) -> Breakage:
    """`breakage`, with a problem of the whole file expected at `line`."""

    def breaking(project: Path) -> int:
        breakage(project)
        return line

    return breaking


def alias_in_data(file: str) -> Breakage:
    """One text marked with an anchor and a later one replaced by its alias; the alias line is expected."""

    def breakage(project: Path) -> int:
        path = project / file
        first, second = _plain_text_lines(path, file)[:2]
        lines = path.read_text(encoding="utf-8").split("\n")
        key, _, value = lines[first - 1].partition(": ")
        lines[first - 1] = f"{key}: &text {value}"
        key, _, _ = lines[second - 1].partition(": ")
        lines[second - 1] = f"{key}: *text"
        path.write_text("\n".join(lines), encoding="utf-8")
        return second

    return breakage


def write(file: str, content: str | bytes, line: int | None = None) -> Breakage:
    def breakage(project: Path) -> int | None:
        path = project / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return line

    return breakage


def append_to_file(file: str, text: str) -> Breakage:
    """Append `text` to a text file; the line of its first line is expected."""

    def breakage(project: Path) -> int:
        path = project / file
        kept = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
        path.write_text(kept + text + "\n", encoding="utf-8")
        return kept.count("\n") + 1

    return breakage


def symlink(file: str, target: str) -> Breakage:
    def breakage(project: Path) -> None:
        (project / file).symlink_to(target)

    return breakage


def edit_config(old: str, new: str, at: str = "") -> Breakage:
    """Replace `old` in mkdocs.yml; the line of `at` (by default the start of `new`) is expected."""

    def breakage(project: Path) -> int:
        path = project / CONFIG
        text = path.read_text(encoding="utf-8")
        assert old in text, f"mkdocs.yml no longer holds {old!r}"
        text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
        return text[: text.index(new) + new.find(at)].count("\n") + 1

    return breakage


def glossary_duplicate_in_capitals(project: Path) -> int:
    path = project / GLOSSARY
    document = parse_yaml(path.read_text(encoding="utf-8"), GLOSSARY)
    term = document.data[0]["term"]
    kept = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(kept + f"- term: {term.upper()}\n  definition: The same word in capitals.\n", encoding="utf-8")
    return kept.count("\n") + 1


def included_text_not_utf8(project: Path) -> int:
    (project / "docs/snippets/note.txt").write_bytes(b"A note.\nCaf\xe9 au lait.\n")
    append(PAGE, '--8<-- "note.txt"')(project)
    return 2


def not_utf8(file: str) -> Breakage:
    def breakage(project: Path) -> int:
        path = project / file
        raw = path.read_bytes().rstrip(b"\n") + b"\n"
        path.write_bytes(raw + b"Caf\xe9\n")
        return raw.count(b"\n") + 1

    return breakage


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
SVG_START = '<svg xmlns="http://www.w3.org/2000/svg">\n'
LONG_LINE = "{" + "=" * 100_000


@dataclass(frozen=True)
class Attack:
    kind: str
    breakage: Breakage
    file: str
    # What the message must say after "file:line: ".
    message: str


ATTACKS: dict[str, Attack] = {
    # The parser differential: html.parser read these as one comment; browsers end them at the first '>'.
    "hidden img in page": Attack("parser", append(PAGE, HIDDEN_IMG), PAGE, "<img> is not allowed"),
    "cdata img in page": Attack("parser", append(PAGE, f"<![CDATA[ > {ONERROR} ]]>"), PAGE, "<img> is not allowed"),
    "hidden img in snippet": Attack("parser", append(SNIPPET, HIDDEN_IMG), SNIPPET, "<img> is not allowed"),
    "hidden img in title": Attack("parser", in_title(f"'Aftercare {HIDDEN_IMG}'"), PAGE, "<img> is not allowed"),
    "noscript in page": Attack(
        "parser",
        append(PAGE, f'<noscript><p title="</noscript>{ONERROR}"></p></noscript>'),
        PAGE,
        "<noscript> is not allowed",
    ),
    "svg style in page": Attack(
        "parser", append(PAGE, f"<svg><style>{ONERROR}</style></svg>"), PAGE, "<svg> is not allowed"
    ),
    "body handler in page": Attack("parser", append(PAGE, "<body onload=alert(1)>"), PAGE, "<body> is not allowed"),
    **{
        f"hidden img in {file}": Attack("parser", in_data_text(file, f" {HIDDEN_IMG}"), file, "<img> is not allowed")
        for file in DATA_FILES
    },
    # The first cases the build refused, kept: plain tags, handlers and links that run code.
    "script in page": Attack("attributes", append(PAGE, SCRIPT), PAGE, "<script> is not allowed in pages"),
    "iframe in page": Attack(
        "attributes", append(PAGE, '<iframe src="https://video.example/clip"></iframe>'), PAGE, "<iframe> is not"
    ),
    "handler in page": Attack(
        "attributes", append(PAGE, 'Read <span onclick="steal()">this</span>.'), PAGE, "the onclick= attribute"
    ),
    "handler in attribute list": Attack(
        "attributes", append(PAGE, '## More help { onclick="steal()" }'), PAGE, "the onclick= attribute"
    ),
    "style element in page": Attack(
        "attributes", append(PAGE, "<style>body { display: none }</style>"), PAGE, "<style> is not allowed"
    ),
    "data link in page": Attack(
        "url", append(PAGE, '<a href="data:text/html;base64,PHNjcmlwdD4=">help</a>'), PAGE, "the link 'data:text"
    ),
    "javascript Markdown link in page": Attack(
        "url", append(PAGE, "[help](javascript:alert(1))"), PAGE, "the link 'javascript:alert(1)' is not allowed"
    ),
    "script after a stray backtick": Attack(
        "parser", append(PAGE, f"Press the ` key.\n\n{SCRIPT}", breaking_line=2), PAGE, "<script> is not allowed"
    ),
    # A code span inside a raw HTML block is no code span to Python-Markdown: only the rendered page shows it.
    "script only the rendered page shows": Attack(
        "parser",
        append(PAGE, f"<div>\n\n`{SCRIPT}`\n\n</div>", breaking_line=2),
        PAGE,
        "the page would publish this: <script> is not allowed in pages",
    ),
    # Ids the theme reads (its settings live in #__config).
    "config id in page": Attack(
        "id", append(PAGE, '<div id="__config" markdown>\n\nx\n\n</div>'), PAGE, "the id= attribute is not allowed"
    ),
    "config id in attribute list": Attack(
        "id", append(PAGE, "## Help { #__config }"), PAGE, "the id '__config' is not allowed"
    ),
    "theme id in attribute list": Attack(
        "id", append(PAGE, "## Help { #md-header }"), PAGE, "the id 'md-header' is not allowed"
    ),
    "plain id in page": Attack(
        "id", append(PAGE, 'See <span id="search">this</span>.'), PAGE, "the id= attribute is not allowed here"
    ),
    "config id in snippet": Attack(
        "id", append(SNIPPET, '<span id="__config">x</span>'), SNIPPET, "the id= attribute is not allowed"
    ),
    "config id in title": Attack(
        "id", in_title("'Aftercare <span id=__config>x</span>'"), PAGE, "the id= attribute is not allowed"
    ),
    **{
        f"config id in {file}": Attack(
            "id", in_data_text(file, " <span id=__config>x</span>"), file, "the id= attribute is not allowed"
        )
        for file in DATA_FILES
    },
    # Pictures and links to other hosts, and links that run code.
    "other-host image in page": Attack(
        "url", append(PAGE, "![](https://tracker.example/p.png)"), PAGE, "is not allowed for a picture"
    ),
    "scheme-relative image in page": Attack(
        "url", append(PAGE, "![](//tracker.example/p.png)"), PAGE, "is not allowed for a picture"
    ),
    "reference image in page": Attack(
        "url",
        append(PAGE, "![pixel][p]\n\n[p]: https://tracker.example/p.png"),
        PAGE,
        "is not allowed for a picture",
    ),
    "backslash host image in page": Attack(
        "url", append(PAGE, "![](/\\tracker.example/p.png)"), PAGE, "is not allowed for a picture"
    ),
    "javascript link in page": Attack(
        "url", append(PAGE, '<a href="javascript:alert(1)">x</a>'), PAGE, "the link 'javascript:alert(1)'"
    ),
    "javascript link with a tab": Attack(
        "url", append(PAGE, "[x](java&#x09;script:alert(1))"), PAGE, "is not allowed; link to a web address"
    ),
    "other-host image in snippet": Attack(
        "url", append(SNIPPET, "![](https://tracker.example/p.png)"), SNIPPET, "is not allowed for a picture"
    ),
    "other-host image in title": Attack(
        "url", in_title("'Aftercare <img src=https://tracker.example/p.png>'"), PAGE, "<img> is not allowed"
    ),
    **{
        f"other-host image in {file}": Attack(
            "url", in_data_text(file, " ![](https://tracker.example/p.png)"), file, "is not allowed for a picture"
        )
        for file in DATA_FILES
    },
    # Classes and styles that dress content as the theme's own dialogs.
    "theme class in page": Attack(
        "attributes",
        append(PAGE, '<span class="md-dialog md-dialog--active">Fake</span>'),
        PAGE,
        "the class 'md-dialog' is not one the guide uses",
    ),
    "style in page": Attack(
        "attributes", append(PAGE, '<span style="position:fixed">x</span>'), PAGE, "the style= attribute"
    ),
    "style in attribute list": Attack(
        "attributes", append(PAGE, '## Help { style="position:fixed" }'), PAGE, "the style= attribute"
    ),
    "theme class in snippet": Attack(
        "attributes", append(SNIPPET, '<span class="md-search">x</span>'), SNIPPET, "the class 'md-search'"
    ),
    "style in title": Attack(
        "attributes", in_title("'Aftercare <span style=position:fixed>x</span>'"), PAGE, "the style= attribute"
    ),
    **{
        f"theme class in {file}": Attack(
            "attributes", in_data_text(file, " <span class=md-dialog>x</span>"), file, "the class 'md-dialog'"
        )
        for file in DATA_FILES
    },
    # Files copied from docs/ as they are.
    "xhtml file": Attack(
        "copied",
        write("docs/help.xht", f"<html xmlns='http://www.w3.org/1999/xhtml'>{ONERROR}</html>"),
        "docs/help.xht",
        "this file would be published unchecked",
    ),
    "xml file": Attack(
        "copied",
        write("docs/feed.xml", "<x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>"),
        "docs/feed.xml",
        "this file would be published unchecked",
    ),
    "html file": Attack(
        "copied", write("docs/help.html", f"<p>Help</p>{ONERROR}"), "docs/help.html", "published unchecked"
    ),
    "css import from another host": Attack(
        "copied",
        append_to_file("docs/stylesheets/extra.css", '@import url("https://fonts.example/x.css");'),
        "docs/stylesheets/extra.css",
        "loads from another site",
    ),
    "css picture from another host": Attack(
        "copied",
        append_to_file("docs/stylesheets/extra.css", "body { background: url(//tracker.example/p.png) }"),
        "docs/stylesheets/extra.css",
        "loads from another site",
    ),
    "script fetching another host": Attack(
        "copied",
        append_to_file("docs/javascripts/menu-button.js", 'fetch("https://tracker.example/p");'),
        "docs/javascripts/menu-button.js",
        "loads from another site",
    ),
    "script outside the theme folder": Attack(
        "copied", write("docs/images/tool.js", "alert(1);\n"), "docs/images/tool.js", "published unchecked"
    ),
    "svg animate href": Attack(
        "copied",
        write(
            "docs/images/a.svg",
            f'{SVG_START}<a href="#x"><animate attributeName="href" values="javascript:alert(1)"/>x</a></svg>',
            2,
        ),
        "docs/images/a.svg",
        "<a> is not allowed in pictures",
    ),
    "svg set href": Attack(
        "copied",
        write(
            "docs/images/a.svg", f'{SVG_START}<g>\n<set attributeName="href" to="javascript:alert(1)"/></g></svg>', 3
        ),
        "docs/images/a.svg",
        "<set> is not allowed in pictures",
    ),
    "svg entities": Attack(
        "copied",
        write(
            "docs/images/a.svg",
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY e "&#60;script&#62;alert(1)&#60;/script&#62;">]>\n'
            f"{SVG_START}<text>&e;</text></svg>",
            2,
        ),
        "docs/images/a.svg",
        "<!DOCTYPE> or entity declaration is not allowed",
    ),
    "svg in utf-16": Attack(
        "copied",
        write("docs/images/a.svg", f"{SVG_START}<script>alert(1)</script></svg>".encode("utf-16"), 1),
        "docs/images/a.svg",
        "not UTF-8",
    ),
    "svg script": Attack(
        "copied",
        write("docs/images/a.svg", f"{SVG_START}<script>alert(1)</script></svg>", 2),
        "docs/images/a.svg",
        "<script> is not allowed in pictures",
    ),
    "svg handler": Attack(
        "copied",
        write("docs/images/a.svg", f'{SVG_START}<rect onclick="alert(1)"/></svg>', 2),
        "docs/images/a.svg",
        "the onclick= attribute is not allowed",
    ),
    "svg other-host picture": Attack(
        "copied",
        write("docs/images/a.svg", f'{SVG_START}<image href="https://tracker.example/p.png"/></svg>', 2),
        "docs/images/a.svg",
        "<image> is not allowed in pictures",
    ),
    "svg style sheet instruction": Attack(
        "copied",
        write("docs/images/a.svg", f'<?xml-stylesheet href="https://x.example/a.css"?>\n{SVG_START}</svg>', 1),
        "docs/images/a.svg",
        "the instruction <?xml-stylesheet",
    ),
    "html named as a picture": Attack(
        "copied",
        write("docs/images/photo.png", f"<html>{ONERROR}</html>"),
        "docs/images/photo.png",
        "does not hold a PNG picture",
    ),
    "symlink in docs": Attack(
        "copied", symlink("docs/passwd.txt", "/etc/passwd"), "docs/passwd.txt", "this is a symbolic link"
    ),
    "symlink in snippets": Attack(
        "copied", symlink("docs/snippets/passwd.md", "/etc/passwd"), "docs/snippets/passwd.md", "symbolic link"
    ),
    "symlink in data": Attack(
        "copied", symlink("data/hosts.yml", "/etc/hosts"), "data/hosts.yml", "this is a symbolic link"
    ),
    "snippet from outside its folder": Attack(
        "copied", append(PAGE, '--8<-- "../../mkdocs.yml"'), PAGE, "the included snippet '../../mkdocs.yml' does not"
    ),
    "snippet from the build machine": Attack(
        "copied", append(PAGE, '--8<-- "/etc/passwd"'), PAGE, "the included snippet '/etc/passwd' does not exist"
    ),
    "bidi file name": Attack(
        "copied",
        write("docs/images/photo\u202egpj.svg", f"{SVG_START}</svg>"),
        "docs/images/photo\\u202egpj.svg",
        "this file name holds characters",
    ),
    "control character file name": Attack(
        "copied",
        write("docs/notes\x07.md", "---\ntitle: N\n---\n"),
        "docs/notes\\x07.md",
        "this file name holds",
    ),
    # YAML features no file needs: tags, anchors, aliases, merges.
    "tag in front matter": Attack("yaml", in_title("!foo Aftercare"), PAGE, "the tag '!foo' is not used here"),
    "python tag in front matter": Attack(
        "yaml", in_title('!!python/object/apply:os.system ["id"]'), PAGE, "the tag 'tag:yaml.org,2002:python"
    ),
    **{
        f"python tag in {file}": Attack(
            "yaml", in_data_text(file, "", prefix="!!python/name:os.system "), file, "the tag 'tag:yaml.org,2002:python"
        )
        for file in DATA_FILES
    },
    **{f"alias in {file}": Attack("yaml", alias_in_data(file), file, "'*text' repeats text") for file in DATA_FILES},
    "alias in front matter": Attack("yaml", alias_in_data(PAGE), PAGE, "'*text' repeats text"),
    "billion laughs": Attack("yaml", write(REFERENCES, LAUGHS, 1), REFERENCES, "'&a' marks text to repeat"),
    "self-referencing alias": Attack(
        "yaml", write(SIDE_EFFECTS, "a: &a [*a]\n", 1), SIDE_EFFECTS, "'&a' marks text to repeat"
    ),
    "merge key": Attack(
        "yaml", in_data_text(GLOSSARY, "\n  <<: {also: [x]}", line_offset=1), GLOSSARY, "merges ('<<')"
    ),
    # Input sized to make a pattern's cost explode.
    "long line in page": Attack("size", append(PAGE, LONG_LINE), PAGE, "this line is 100,001 characters long"),
    "long line in snippet": Attack("size", append(SNIPPET, LONG_LINE), SNIPPET, "this line is 100,001 characters"),
    "long title": Attack("size", in_title("A" * 6_000), PAGE, "over the limit"),
    "huge page": Attack(
        "size", at_line(1, append(PAGE, "Words and more words.\n" * 20_000)), PAGE, "over the limit of 300,000"
    ),
    **{
        f"long line in {file}": Attack("size", in_data_text(file, " " + "=" * 10_000), file, "over the limit of 5,000")
        for file in DATA_FILES
    },
    # Site settings every page carries.
    "other-host script in settings": Attack(
        "config",
        edit_config("  - javascripts/day-finder.js", "  - https://tracker.example/t.js"),
        CONFIG,
        "extra_javascript[2]: 'https://tracker.example/t.js' is not a .js file in docs/javascripts/",
    ),
    "other-host style sheet in settings": Attack(
        "config",
        edit_config("  - stylesheets/focus.css", "  - //cdn.example/x.css"),
        CONFIG,
        "extra_css[2]: '//cdn.example/x.css' is not a .css file",
    ),
    "analytics in settings": Attack(
        "config",
        edit_config(
            "plugins:", "extra:\n  analytics:\n    provider: google\n    property: G-XXXXXXX\n\nplugins:", "analytics"
        ),
        CONFIG,
        "extra.analytics: the guide tracks no one",
    ),
    "javascript home link in settings": Attack(
        "config",
        edit_config("plugins:", "extra:\n  homepage: javascript:alert(1)\n\nplugins:", "homepage"),
        CONFIG,
        "extra.homepage: 'javascript:alert(1)' points at another site or runs a scheme",
    ),
    "tracking picture in the copyright line": Attack(
        "config",
        edit_config("copyright: ", "copyright: <img src=https://tracker.example/p.png> "),
        CONFIG,
        "copyright: <img> is not allowed",
    ),
    "hidden script in the site name": Attack(
        "config",
        edit_config("site_name: ", f"site_name: {HIDDEN_IMG} "),
        CONFIG,
        "site_name: <img> is not allowed",
    ),
    "theme fonts from Google": Attack(
        "config",
        edit_config("  font: false\n", "  font:\n    text: Roboto\n", "font:"),
        CONFIG,
        "theme.font: the theme would load its fonts from Google",
    ),
    # Quiet losses.
    "glossary term in other capitals": Attack("loss", glossary_duplicate_in_capitals, GLOSSARY, "is defined twice"),
    "included text not utf-8": Attack("loss", included_text_not_utf8, "docs/snippets/note.txt", "not UTF-8"),
    "page not utf-8": Attack("loss", not_utf8(PAGE), PAGE, "not UTF-8"),
    **{f"{file} not utf-8": Attack("loss", not_utf8(file), file, "not UTF-8") for file in DATA_FILES},
}


@dataclass(frozen=True)
class Outcome:
    line: int | None
    refused: bool
    # What the build said: its error and every warning or error it logged.
    output: str
    traceback: bool
    site_dir: Path


def copy_for_attack(destination: Path) -> Path:
    """The project's sources; the code is linked, not copied (attacks never change it, and links are quick)."""
    destination.mkdir(parents=True)
    shutil.copytree(PROJECT_ROOT / "docs", destination / "docs")
    shutil.copytree(PROJECT_ROOT / "data", destination / "data")
    shutil.copytree(PROJECT_ROOT / "overrides", destination / "overrides")
    shutil.copy2(PROJECT_ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    (destination / "scripts").symlink_to(PROJECT_ROOT / "scripts")
    return destination


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def run_attack(name: str, workspace: str) -> Outcome:
    """Break a fresh copy with one attack and build it as `mkdocs build --strict` does, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    root = Path(workspace)
    project = copy_for_attack(root / "project")
    site_dir = root / "site"
    line = ATTACKS[name].breakage(project)
    collected = _Collected()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collected)
    previous = os.getcwd()
    os.chdir(project)  # the snippets' base path is relative to where the build runs, as with the command
    try:
        build(load_config(str(project / CONFIG), strict=True, site_dir=str(site_dir)))
        return Outcome(line, False, "\n".join(collected.lines), False, site_dir)
    except MkDocsException as error:
        return Outcome(line, True, "\n".join([*collected.lines, str(error)]), False, site_dir)
    except Exception:  # any other exception is what the command would print as a traceback
        return Outcome(line, True, traceback.format_exc(), True, site_dir)
    finally:
        os.chdir(previous)
        logger.removeHandler(collected)


def run_attacks(workspace: Path, names: list[str]) -> dict[str, Outcome]:
    """Every attack in its own folder, two at a time (the machines running the suite have two cores)."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {
            name: pool.submit(run_attack, name, str(workspace / f"attack-{index}")) for index, name in enumerate(names)
        }
    return {name: future.result() for name, future in futures.items()}
