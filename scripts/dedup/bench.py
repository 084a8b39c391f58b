"""Benchmark: python -m scripts.dedup.bench [--sizes 1000,10000,100000].

Each size runs in a fresh child process, so peak memory (getrusage ru_maxrss, the process's peak
resident set size, which includes the generated corpus held in memory) is not inflated by earlier sizes.
Timing covers group_documents only (splitting, boilerplate, grouping, canonical choice), not generation.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from .evaluation import score_result
from .pipeline import group_documents
from .synthetic import generate_corpus

DEFAULT_SIZES = (1_000, 10_000, 100_000)


def measure(size: int) -> dict:
    corpus = generate_corpus(size)
    started = time.perf_counter()
    result = group_documents(corpus.documents)
    elapsed = time.perf_counter() - started
    scores = score_result(result, corpus.labels, content_only=True)
    return {
        "target": size,
        "sections": len(result.sections),
        "seconds": round(elapsed, 2),
        "sections_per_second": round(len(result.sections) / elapsed),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


def run_in_child(size: int) -> dict:
    completed = subprocess.run(
        [sys.executable, "-m", "scripts.dedup.bench", "--single", str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.dedup.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated section counts")
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.single:
        print(json.dumps(measure(arguments.single)))
        return 0
    sizes = [int(part) for part in arguments.sizes.split(",") if part.strip()]
    print(
        f"{'sections':>9} {'seconds':>8} {'sections/s':>11} {'peak RSS MiB':>13}"
        f" {'precision':>9} {'recall':>7} {'F1':>6}"
    )
    for size in sizes:
        row = run_in_child(size)
        print(
            f"{row['sections']:>9} {row['seconds']:>8} {row['sections_per_second']:>11} {row['peak_rss_mib']:>13} "
            f"{row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>6.3f}"
        )
    print(
        "peak RSS: getrusage ru_maxrss of a fresh child process per size (includes the corpus in memory); "
        "F1: pairwise, content sections only"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
