"""Monthly PDF benchmark: a 31-day report in Telugu against a 1 s budget, and pages to look at.

Run from the project root: `python bench/pdf_bench.py [--runs 10] [--png DIR]`.
Prints times and the ratio to the budget; it never asserts a timing. With --png, writes the
English, Hindi and Telugu PDFs and their pages as PNGs (`pdftoppm`, from poppler-utils) into
DIR, to check by eye that conjuncts and matras are formed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pdf.fonts import register_fonts
from pdf.render import render_month_pdf
from tests.support.month_sample import sample_report

BUDGET_SECONDS = 1.0
NAMES = {"en": "Aarav", "hi": "आरव", "te": "ఆరవ్"}


def time_renders(runs: int) -> list[float]:
    report = sample_report(NAMES["te"])
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render_month_pdf(report, "te")
        times.append(time.perf_counter() - started)
    return times


def write_pages(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for language, name in NAMES.items():
        path = folder / f"report-{language}.pdf"
        path.write_bytes(render_month_pdf(sample_report(name), language))
        if shutil.which("pdftoppm") is None:
            print("pdftoppm not found: apt-get install -y poppler-utils for the PNGs")
            continue
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(path), str(folder / f"report-{language}")],
            check=True,
        )
    print(f"wrote {', '.join(sorted(p.name for p in folder.iterdir()))} in {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--png", type=Path, help="folder for the PDFs and their pages")
    args = parser.parse_args()
    started = time.perf_counter()
    register_fonts()
    print(f"fonts loaded once per process: {time.perf_counter() - started:.3f} s")
    times = time_renders(args.runs)
    median = statistics.median(times)
    print(
        f"31-day Telugu report, {args.runs} runs: median {median:.3f} s, "
        f"first {times[0]:.3f} s, worst {max(times):.3f} s"
    )
    verdict = "met" if median < BUDGET_SECONDS else "MISSED"
    print(
        f"budget {BUDGET_SECONDS:.1f} s: median/budget = {median / BUDGET_SECONDS:.2f} ({verdict})"
    )
    if args.png:
        write_pages(args.png)


if __name__ == "__main__":
    main()
