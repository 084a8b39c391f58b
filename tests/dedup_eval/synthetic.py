"""Synthetic corpora with planted groups of re-worded sections, for benchmarking and sanity checks.

Each template article is written out several times: key words are swapped for synonyms, filler words
change, sentences are reordered, dropped or added, and sections are sometimes dropped or inserted,
so planted duplicates overlap about as little as the seed articles' spun rewrites do.

Two corpus shapes: "glued" puts rewrites into one large file with a slogan between them (some stray into
other files); "scattered" writes every rewrite into another small file of about ten sections, in another
format (plain text, Markdown, HTML, one `Heading: text` line per section) and sometimes with diary
("Day 3") or question headings, so only the content tells which sections belong together.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from tests.dedup_eval.evaluation import LabelRange

SYLLABLES = tuple(
    [
        "ba",
        "be",
        "bi",
        "bo",
        "bu",
        "da",
        "de",
        "di",
        "do",
        "du",
        "fa",
        "fe",
        "fi",
        "fo",
        "ka",
        "ke",
        "ki",
        "ko",
        "ku",
        "la",
        "le",
        "li",
        "lo",
        "lu",
        "ma",
        "me",
        "mi",
        "mo",
        "mu",
        "na",
        "ne",
        "ni",
        "no",
        "nu",
        "pa",
        "pe",
        "pi",
        "po",
        "pu",
        "ra",
        "re",
        "ri",
        "ro",
        "ru",
        "sa",
        "se",
        "si",
        "so",
        "su",
        "ta",
        "te",
        "ti",
        "to",
        "tu",
        "va",
        "ve",
        "vi",
        "vo",
        "za",
        "ze",
        "zi",
        "zo",
    ]
)
FILLER = tuple(
    [
        "the",
        "a",
        "this",
        "that",
        "these",
        "those",
        "it",
        "they",
        "you",
        "your",
        "our",
        "is",
        "are",
        "was",
        "be",
        "can",
        "may",
        "will",
        "often",
        "usually",
        "many",
        "most",
        "some",
        "with",
        "for",
        "from",
        "into",
        "after",
        "before",
        "during",
        "while",
        "and",
        "but",
        "also",
        "very",
        "quite",
        "rather",
        "more",
        "less",
        "then",
        "when",
    ]
)
FILLER_SWAPS = {
    "often": "frequently",
    "usually": "normally",
    "many": "numerous",
    "very": "really",
    "quite": "fairly",
    "after": "following",
    "during": "throughout",
    "also": "additionally",
    "most": "the majority of",
}
SLOGANS = (
    "Subscribe to our newsletter for weekly tips",
    "Get updated with our resources, tips and news",
    "Follow us for more inspiration and exclusive offers",
)
# Topic words shared by articles on one subject, so unrelated rewrites still overlap a little.
TOPIC_POOL_SIZE = 3000
CLOSING_HEADING = "Conclusion"
# The content-word pool grows with the corpus, so large corpora are not all about the same words.
WORDS_PER_SECTION_IN_POOL = 1.0


def pseudo_word(number: int) -> str:
    """A pronounceable made-up word, unique per number."""
    letters = []
    number += len(SYLLABLES) ** 2
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
    return "".join(letters)


@dataclass
class TemplateSection:
    label: str
    heading_words: list[str]
    key_words: list[str]
    synonyms: dict[str, str]
    sentences: list[list[str]]


@dataclass
class SyntheticCorpus:
    documents: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, list[LabelRange]] = field(default_factory=dict)
    section_count: int = 0


class CorpusWriter:
    """Draws content words from a pool small enough that unrelated sections share some of them."""

    def __init__(self, seed: int, pool_size: int) -> None:
        self.random = random.Random(seed)
        self.pool_size = pool_size

    def fresh_word(self) -> str:
        return pseudo_word(TOPIC_POOL_SIZE + self.random.randrange(self.pool_size))

    def sentence(self, key_words: list[str], topic_words: list[str]) -> list[str]:
        words = [self.random.choice(FILLER) for _ in range(self.random.randint(6, 10))]
        for word in self.random.sample(key_words, k=min(3, len(key_words))) + self.random.sample(topic_words, k=1):
            words.insert(self.random.randrange(len(words) + 1), word)
        return words

    def template(self, number: int, topic_words: list[str]) -> list[TemplateSection]:
        sections = []
        count = self.random.randint(4, 7)
        for index in range(count):
            key_words = [self.fresh_word() for _ in range(10)]
            synonyms = {word: self.fresh_word() for word in key_words}
            closing = index == count - 1
            heading = (
                [CLOSING_HEADING.lower()] if closing else [*key_words[: self.random.randint(1, 2)], self.fresh_word()]
            )
            sentences = [self.sentence(key_words, topic_words) for _ in range(self.random.randint(3, 5))]
            sections.append(TemplateSection(f"t{number}s{index}", heading, key_words, synonyms, sentences))
        return sections

    def respin(self, words: list[str], synonyms: dict[str, str], rotate: bool = True) -> list[str]:
        spun = []
        for word in words:
            if word in synonyms and self.random.random() < 0.7:
                spun.append(synonyms[word])
            elif word in FILLER_SWAPS and self.random.random() < 0.5:
                spun.append(FILLER_SWAPS[word])
            else:
                spun.append(word)
        if rotate and len(spun) > 1 and self.random.random() < 0.4:
            cut = self.random.randrange(1, len(spun))
            spun = spun[cut:] + spun[:cut]
        return spun

    def rewrite(self, section: TemplateSection, topic_words: list[str]) -> tuple[str, list[str]]:
        sentences = [self.respin(sentence, section.synonyms) for sentence in section.sentences]
        self.random.shuffle(sentences)
        if len(sentences) > 3 and self.random.random() < 0.5:
            sentences.pop()
        if self.random.random() < 0.4:
            sentences.append(self.sentence([self.fresh_word() for _ in range(3)], topic_words))
        heading = " ".join(
            word.capitalize() for word in self.respin(section.heading_words, section.synonyms, rotate=False)
        )
        body = [" ".join(sentence).capitalize() + "." for sentence in sentences]
        return heading, body


def render_article(
    writer: CorpusWriter, template: list[TemplateSection], topic_words: list[str], number: int
) -> list[tuple[str, list[str]]]:
    """(label, lines) per section of one rewrite, with an occasional dropped or inserted section."""
    rendered = []
    for position, section in enumerate(template):
        if 0 < position < len(template) - 1 and writer.random.random() < 0.15:
            continue
        heading, body = writer.rewrite(section, topic_words)
        rendered.append((section.label, [heading, "", " ".join(body), ""]))
        if 0 < position < len(template) - 1 and writer.random.random() < 0.1:
            extra = TemplateSection(
                f"extra{number}_{position}",
                [writer.fresh_word(), writer.fresh_word()],
                [writer.fresh_word() for _ in range(8)],
                {},
                [],
            )
            extra.sentences = [writer.sentence(extra.key_words, topic_words) for _ in range(3)]
            heading, body = writer.rewrite(extra, topic_words)
            rendered.append((extra.label, [heading, "", " ".join(body), ""]))
    return rendered


def article_rewrites(writer: CorpusWriter, target_sections: int) -> Iterator[tuple[int, list[tuple[str, list[str]]]]]:
    """(rewrite number within its template, rendered article) until about target_sections sections are out."""
    topic_pool = [pseudo_word(number) for number in range(TOPIC_POOL_SIZE)]
    sections = 0
    template_number = 0
    article_number = 0
    while sections < target_sections:
        topic_words = writer.random.sample(topic_pool, k=6)
        template = writer.template(template_number, topic_words)
        for rewrite in range(writer.random.randint(2, 4)):
            article = render_article(writer, template, topic_words, article_number)
            article_number += 1
            sections += len(article)
            yield rewrite, article
        template_number += 1


def generate_corpus(
    target_sections: int, seed: int = 7, articles_per_file: int = 12, shape: str = "glued"
) -> SyntheticCorpus:
    """About target_sections content sections (plus slogans), with their planted group labels."""
    if shape == "scattered":
        return generate_scattered_corpus(target_sections, seed)
    writer = CorpusWriter(seed, pool_size=max(2000, int(target_sections * WORDS_PER_SECTION_IN_POOL)))
    files: list[list[tuple[str, list[str]]]] = [[]]
    sections = 0
    for article_count, (rewrite, article) in enumerate(article_rewrites(writer, target_sections)):
        sections += len(article)
        stray = rewrite > 0 and writer.random.random() < 0.2 and len(files) > 1
        target = files[writer.random.randrange(len(files) - 1)] if stray else files[-1]
        target.extend(article)
        slogan = writer.random.choice(SLOGANS)
        target.append((f"slogan:{slogan}", [slogan]))
        if article_count + 1 >= articles_per_file * len(files):
            files.append([])
    corpus = SyntheticCorpus(section_count=sections)
    for file_number, entries in enumerate(file for file in files if file):
        name = f"synthetic_{file_number:05d}.txt"
        lines: list[str] = []
        ranges: list[LabelRange] = []
        for label, section_lines in entries:
            start = len(lines) + 1
            lines.extend(section_lines)
            ranges.append(LabelRange(start, len(lines), label))
        corpus.documents.append((name, "\n".join(lines) + "\n"))
        corpus.labels[name] = ranges
    return corpus


SCATTERED_FORMATS = ("txt", "md", "html", "inline", "paragraphs")
# Small files hold about ten content sections: two articles of four to seven sections.
ARTICLES_PER_SMALL_FILE = 2
# Share of rewrites whose headings are replaced by diary days or questions, which carry no shared words.
RESTYLED_HEADINGS = 0.3
# Share of rewrites that tell their middle sections in another order (as a Q&A page might).
REORDERED = 0.2
# In the heading-less "paragraphs" format, share of sections split into two paragraphs.
SPLIT_PARAGRAPHS = 0.3


def restyled_heading(writer: CorpusWriter, heading: str, position: int) -> str:
    if writer.random.random() < 0.5:
        return f"Day {position + 1}"
    return f"What About {heading}?"


def split_in_two(rng: random.Random, body: str) -> list[str]:
    sentences = body.split(". ")
    if len(sentences) < 2 or rng.random() >= SPLIT_PARAGRAPHS:
        return [body]
    cut = rng.randrange(1, len(sentences))
    return [". ".join(sentences[:cut]) + ".", ". ".join(sentences[cut:])]


def format_file(
    rng: random.Random, format_name: str, sections: list[tuple[str, str, list[str]]]
) -> tuple[list[str], list[LabelRange]]:
    """Lines of one file and the label range of each (label, heading, body sentences) section in it."""
    lines: list[str] = ["<html><body>"] if format_name == "html" else []
    ranges: list[LabelRange] = []
    for label, heading, body in sections:
        start = len(lines) + 1
        text = " ".join(body)
        if format_name == "md":
            lines += [f"## {heading}", "", text, ""]
        elif format_name == "html":
            lines += [f"<h2>{heading}</h2>", f"<p>{text}</p>"]
        elif format_name == "inline":
            lines.append(f"{heading}: {text}")
        elif format_name == "paragraphs":
            for paragraph in split_in_two(rng, text):
                lines += [paragraph, ""]
        else:
            lines += [heading, "", text, ""]
        ranges.append(LabelRange(start, len(lines), label))
    if format_name == "html":
        lines.append("</body></html>")
    return lines, ranges


def generate_scattered_corpus(target_sections: int, seed: int = 7) -> SyntheticCorpus:
    """Many small files; every rewrite of an article lands in a different file and format."""
    writer = CorpusWriter(seed, pool_size=max(2000, int(target_sections * WORDS_PER_SECTION_IN_POOL)))
    articles: list[list[tuple[str, str, list[str]]]] = []
    sections = 0
    for _, rendered in article_rewrites(writer, target_sections):
        restyle = writer.random.random() < RESTYLED_HEADINGS
        article = []
        for position, (label, lines) in enumerate(rendered):
            heading, body = lines[0], lines[2]
            if restyle:
                heading = restyled_heading(writer, heading, position)
            article.append((label, heading, [body]))
        if len(article) > 3 and writer.random.random() < REORDERED:
            middle = article[1:-1]
            writer.random.shuffle(middle)
            article = [article[0], *middle, article[-1]]
        articles.append(article)
        sections += len(article)
    # Shuffling spreads an article's rewrites over different files.
    writer.random.shuffle(articles)
    corpus = SyntheticCorpus(section_count=sections)
    for number in range(0, len(articles), ARTICLES_PER_SMALL_FILE):
        format_name = writer.random.choice(SCATTERED_FORMATS)
        entries = [entry for article in articles[number : number + ARTICLES_PER_SMALL_FILE] for entry in article]
        lines, ranges = format_file(writer.random, format_name, entries)
        suffix = "txt" if format_name in ("inline", "paragraphs") else format_name
        name = f"scattered_{number // ARTICLES_PER_SMALL_FILE:05d}.{suffix}"
        corpus.documents.append((name, "\n".join(lines) + "\n"))
        corpus.labels[name] = ranges
    return corpus
