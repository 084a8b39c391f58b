"""Benchmark: python -m tests.dedup_eval.bench [--sizes 20000,100000] [--shapes glued,scattered].

Two corpus shapes (tests/dedup_eval/synthetic.py): "glued", a few large files of rewrites glued together, and
"scattered", many small files of about ten sections with each rewrite in another file and format.
Each run in a fresh child process, so peak memory (getrusage ru_maxrss, the process's peak
resident set size, which includes the generated corpus held in memory) is not inflated by earlier sizes.
Timing covers group_documents only (splitting, boilerplate, WordNet concepts, grouping, canonical choice), not
generation; it includes loading the WordNet concept index from its cache (make install builds the cache), and
peak memory includes the loaded index.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from scripts.dedup.pipeline import group_documents
from tests.dedup_eval.evaluation import score_result
from tests.dedup_eval.synthetic import generate_corpus

DEFAULT_SIZES = (20_000, 100_000)
SHAPES = ("glued", "scattered")


def measure(size: int, shape: str) -> dict:
    corpus = generate_corpus(size, shape=shape)
    started, cpu_started = time.perf_counter(), time.process_time()
    result = group_documents(corpus.documents)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    scores = score_result(result, corpus.labels, content_only=True)
    return {
        "shape": shape,
        "files": len(corpus.documents),
        "target": size,
        "sections": len(result.sections),
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "sections_per_second": round(len(result.sections) / elapsed),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


def run_in_child(size: int, shape: str) -> dict:
    completed = subprocess.run(
        [sys.executable, "-m", "tests.dedup_eval.bench", "--single", str(size), "--shapes", shape],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.dedup_eval.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated section counts")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated corpus shapes")
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    shapes = [part.strip() for part in arguments.shapes.split(",") if part.strip()]
    unknown = sorted(set(shapes) - set(SHAPES))
    if unknown:
        parser.error(f"unknown shape {', '.join(unknown)}; use {' or '.join(SHAPES)}")
    if arguments.single:
        print(json.dumps(measure(arguments.single, shapes[0])))
        return 0
    sizes = [int(part) for part in arguments.sizes.split(",") if part.strip()]
    print(
        f"{'shape':>9} {'files':>6} {'sections':>9} {'seconds':>8} {'CPU s':>6} {'sections/s':>11} {'peak RSS MiB':>13}"
        f" {'precision':>9} {'recall':>7} {'F1':>6}"
    )
    for size in sizes:
        for shape in shapes:
            row = run_in_child(size, shape)
            print(
                f"{row['shape']:>9} {row['files']:>6} {row['sections']:>9} {row['seconds']:>8} {row['cpu_seconds']:>6}"
                f" {row['sections_per_second']:>11} {row['peak_rss_mib']:>13}"
                f" {row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>6.3f}"
            )
    print(
        "seconds: wall clock of group_documents; CPU s: its process time (the machine may be shared); "
        "peak RSS: getrusage ru_maxrss of a fresh child process per run (includes the corpus in memory); "
        "F1: pairwise, content sections only"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
