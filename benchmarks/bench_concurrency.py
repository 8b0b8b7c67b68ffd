"""Two import-quotes run at once into one workbook, ten rounds (issue 13: "nothing lost").

    python benchmarks/bench_concurrency.py [--rounds 10]

Each round copies the example workbook, starts two real ``python cli.py import-quotes`` processes at
the same moment, each with a form for a new vendor, and checks the workbook afterwards: both vendors
present (the second waited for the book's lock, then read what the first wrote), or the second
refused with exit status 1 and one line. A success that lost a write is counted as "lost" (before
issue 13: every round). Prints the counts and the time of a round. Not a test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_tender import make_form  # noqa: E402  (the tests' filled forms)

from xlmodel import tender  # noqa: E402
from xlmodel.case import example_case  # noqa: E402
from xlmodel.workbook.build import build_file  # noqa: E402
from xlmodel.workbook.reader import read_workbook_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    counts = {"both present": 0, "second refused (exit 1, one line)": 0, "lost": 0}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        blank, original = folder / "form.xlsx", folder / "original.xlsx"
        tender.write_quote_form(blank)
        build_file(example_case(), original)
        forms = [make_form(blank, folder / f"quote_{k}.xlsx", name=f"Bidder {k}") for k in ("one", "two")]
        seconds = []
        for round_ in range(args.rounds):
            book = folder / f"book{round_}.xlsx"
            shutil.copy(original, book)
            started = time.perf_counter()
            procs = [subprocess.Popen([sys.executable, "cli.py", "import-quotes", str(form), "--into", str(book)],
                                      cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for form in forms]
            results = [p.communicate() + (p.returncode,) for p in procs]
            seconds.append(time.perf_counter() - started)
            names = {v.name for v in read_workbook_case(book).vendors}
            ok = [code == 0 for _, _, code in results]
            if all(ok) and {"Bidder one", "Bidder two"} <= names:
                counts["both present"] += 1
            elif any(code == 1 and len(err.strip().splitlines()) == 1 for _, err, code in results) and \
                    sum(ok) == 1 and len({"Bidder one", "Bidder two"} & names) == 1:
                counts["second refused (exit 1, one line)"] += 1
            else:
                counts["lost"] += 1
                print(f"round {round_ + 1}: lost a write: {results} {sorted(names)}")
    print(f"{args.rounds} rounds of two concurrent imports into one workbook: "
          + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"a round (two imports, serialised by the book's lock): median {sorted(seconds)[len(seconds) // 2]:.1f} s")
    return 0 if counts["lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
