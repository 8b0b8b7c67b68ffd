"""Every limit of the program, in one place: what a case may hold, and what a file from outside may.

A real tender never comes near these limits; they exist so that no input, typed or crafted, makes
the program run for hours or exhaust memory.  Beyond a limit the input is refused with a located
message at validation, before any work; below it, the cost stays near linear (benchmarks/).
The README's "Files from outside" section states them with the measured time and memory.

The case (``xlmodel.case`` and the workbook reader refuse beyond these):

- vendors: :data:`MAX_VENDORS` quotes (real tenders: 3 to 10 bids);
- portfolios: :data:`MAX_PORTFOLIOS` multi-vendor scenarios, each of at most :data:`MAX_PHASES` phases;
- channels: :data:`MAX_CHANNELS` (phone, e-mail, chat, social media, letters...);
- horizon: :data:`MAX_HORIZON_YEARS` years (also the schema's bound);
- text: :data:`MAX_TEXT_LENGTH` characters in any text input (a name, a reference...), as the
  workbook's and the quote form's data validation say;
- a case file: :data:`MAX_CASE_FILE_BYTES`, a regular file (not a device or a pipe);
- Monte Carlo: at most :data:`MAX_RISK_VALUES` draws x scenarios kept in memory.

The Excel functions (``xlmodel.erlang``, through the rule book ``xlmodel.arguments``): at most
:data:`MAX_AGENTS` agents and :data:`MAX_TRAFFIC_ERLANGS` Erlangs, times of at least
:data:`MIN_SECONDS`, and an Erlang A queue of at most :data:`MAX_QUEUE_STATES` waiting callers.

A workbook or quote form from outside (``xlmodel.workbook.untrusted``, checked while its XML is
streamed, before openpyxl expands anything):

- the file, the zip archive and the unpacked XML: :data:`MAX_FILE_BYTES`, :data:`MAX_MEMBERS`,
  :data:`MAX_UNCOMPRESSED_BYTES`, :data:`MAX_RATIO`;
- :data:`MAX_SHEETS` sheets, no cell beyond row :data:`MAX_ROWS` or column :data:`MAX_COLUMNS`;
- :data:`MAX_CELLS` cells in all, counting every cell, row, merged cell, hyperlinked cell, comment,
  shared string and range of a validation or format (each becomes an object in memory);
- :data:`MAX_STYLES` style records and :data:`MAX_ELEMENTS` XML elements in all;
- its record of what the build wrote (``xlmodel.workbook.record``): :data:`MAX_RECORDED_CELLS` cells
  in at most :data:`MAX_RECORD_ROWS` rows, or the record is ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

MiB = 1024 * 1024

# -- the case ------------------------------------------------------------------------------------

#: Vendor quotes in one case. A build costs about 0.4 s per vendor with three channels over five
#: years (benchmarks/bench_build.py), so the maximum builds in well under a minute.
MAX_VENDORS = 30
#: Channels (queues) in one case.
MAX_CHANNELS = 10
#: Years of the horizon (the schema's ``horizon_years`` bound).
MAX_HORIZON_YEARS = 10
#: Characters of any text input; the workbook's and the quote form's validation say the same.
MAX_TEXT_LENGTH = 200
#: A case file at the maximum (30 vendors, every text at 200 characters) is about 250 KB.
MAX_CASE_FILE_BYTES = 2 * MiB
#: Monte Carlo draws x scenarios held at once (two float arrays of that size: 640 MB at the limit
#: would be too much, so 20 million values, 320 MB).
MAX_RISK_VALUES = 20_000_000
#: Portfolio scenarios in one case (several vendors and the in-house team, channel by channel): each
#: is a scenario on every sheet, with a vendor side per vendor it involves; a board compares a few.
MAX_PORTFOLIOS = 5
MAX_PHASES = 4  # a pilot, then up to three widenings: each adds a set of rows per channel

# -- the Excel functions and the Erlang formulas -------------------------------------------------

#: Agents of one sizing, and the traffic it may carry: above this a queue is not a contact centre
#: (and the O(N) Erlang B recursion would take long).
MAX_AGENTS = 1_000_000
MAX_TRAFFIC_ERLANGS = 1_000_000.0
#: Shortest handling time, patience or interval, seconds: far below a nanosecond the rates overflow
#: (1 / 5E-324 is infinite) and no queue means anything.
MIN_SECONDS = 1e-9
#: Callers waiting at once that Erlang A follows (its law has one term per state): more means far
#: too few agents or callers patient for days; refused rather than computed for minutes.
MAX_QUEUE_STATES = 200_000

# -- files from outside (xlsx) -------------------------------------------------------------------

# Our own workbooks are 0.2-5 MB (5.3 MB at the maximum case) and vendor quote forms smaller still;
# 20 MiB leaves room for pasted logos and screenshots while bounding what is held in memory (the
# file is read at once).
MAX_FILE_BYTES = 20 * MiB
# Parts in the zip: ours have 41 (42 once saved by LibreOffice); 2 000 is a workbook with hundreds
# of sheets, each with its drawing and comments.  Also bounds the zip directory read below.
MAX_MEMBERS = 2_000
# The zip directory itself: a real entry takes about 80 bytes (header and part name); 512 bytes
# per allowed member caps what zipfile parses before the member count can be checked.
MAX_DIRECTORY_BYTES = MAX_MEMBERS * 512
# Everything unpacked: the example unpacks to 1.6 MB, the maximum case to 49 MB.
MAX_UNCOMPRESSED_BYTES = 80 * MiB
# Unpacked / stored size of one part: our big sheets compress about 8-9:1 and our comment drawings
# (small, repetitive VML) 40-57:1; zip bombs sit near deflate's maximum of ~1 000:1.
MAX_RATIO = 100
# The ratio is only judged for parts unpacking above this: small repetitive parts compress very
# well and cannot hurt, whatever their ratio.
RATIO_CHECKED_ABOVE = 1 * MiB

#: Sheets of one workbook: ours have 12 or 13 (the hidden xlwings.conf and record among them), a quote form 2.
MAX_SHEETS = 50
#: Last row any cell, merged range, hyperlink, comment or table may reach: the maximum case's
#: longest sheet (Calc) has about 5 000 rows.
MAX_ROWS = 10_000
#: Last column (IV, the old Excel limit): a ten-year Calc sheet uses 124.
MAX_COLUMNS = 256
#: Cells and cell-like objects in all (see the module docstring): the maximum case has 650 000.
MAX_CELLS = 800_000
#: Style records (cell formats, fonts, fills, borders, number formats): Excel allows 64 000 formats.
MAX_STYLES = 64_000
#: XML elements of every part together: the maximum case has 1.8 million.
MAX_ELEMENTS = 3_000_000
#: Cells a workbook's record of what the build wrote may list, and its rows: the example records
#: 541 cells in 5 rows. Beyond either the record is ignored (the rebuild falls back on comparing
#: texts) rather than refused: it only spares the user a needless --force.
MAX_RECORDED_CELLS = 100_000
MAX_RECORD_ROWS = 1_000


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    A device (``/dev/zero``), a pipe or a folder is refused before it is read (a pipe would block,
    a device never end), and at most ``limit + 1`` bytes are ever read, whatever the file becomes.

    Raises
    ------
    FileNotFoundError, IsADirectoryError
        As ``open`` would.
    LimitExceeded
        Not a regular file, or larger than ``limit`` (the message says which, in words).
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(str(path))
    if path.exists() and not path.is_file():
        raise LimitExceeded("not_regular")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: a pipe swapped in after the check does not hang
    with os.fdopen(fd, "rb") as handle:
        import stat
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise LimitExceeded("not_regular")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise LimitExceeded("over_limit_mb", size=limit // MiB) if limit >= MiB else \
            LimitExceeded("over_limit_bytes", size=limit)
    return data


class LimitExceeded(ValueError):
    """An input beyond one of the limits above: ``sentence`` is the key of its words and their values
    (said by the text layer, see :class:`xlmodel.errors.Problem`)."""

    def __init__(self, key: str, **slots):
        self.sentence = (key, slots)
        super().__init__(key)

    def __str__(self) -> str:
        from .errors import Problem
        return Problem.of("", self.sentence[0], **self.sentence[1]).message
