"""How fast a hostile file is refused (issue 7's "refused in under a second, never unpacked").

    python benchmarks/bench_untrusted.py [--repeats 5]

Times :func:`xlmodel.workbook.untrusted.open_untrusted` on the files tests/test_untrusted.py
crafts: a zip bomb (a 210 MiB member under 2 MiB of zip, over the 100 MB unpacked limit) and a
billion laughs (nested entities in xl/sharedStrings.xml). The tests check that each is refused
without unpacking or parsing; this prints how long the refusal takes. Best of the repeats; not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_untrusted import LAUGHS, SMALL, rewrite, write_zeros  # noqa: E402  (the tests' own crafted files)

from xlmodel.errors import InputError  # noqa: E402
from xlmodel.workbook.untrusted import open_untrusted  # noqa: E402


def refusal_seconds(path: Path, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            open_untrusted(path)
        except InputError:
            best = min(best, time.perf_counter() - started)
        else:
            raise SystemExit(f"{path} was not refused")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.xlsx"
        write_zeros(bomb, "xl/worksheets/sheet1.xml", 210, level=1)
        laughs = rewrite(SMALL, Path(tmp) / "laughs.xlsx", {"xl/sharedStrings.xml": LAUGHS})
        print(f"zip bomb ({bomb.stat().st_size / 2**20:.1f} MiB of zip, 210 MiB unpacked) refused in "
              f"{refusal_seconds(bomb, args.repeats) * 1e3:.1f} ms (target < 1 s)")
        print(f"billion laughs in xl/sharedStrings.xml refused in "
              f"{refusal_seconds(laughs, args.repeats) * 1e3:.1f} ms (target < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
