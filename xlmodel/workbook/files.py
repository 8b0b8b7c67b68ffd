"""Writing workbooks: deterministic bytes, and never a half-written or clobbered file.

- Deterministic: the same workbook gives the same bytes (fixed document timestamps and zip entry
  dates, stable entry order), so a diff of two builds means a real change.
- Atomic: the bytes go to a temporary file in the target's folder, are flushed to disk, then moved
  over the target in one step (``os.replace``); if anything fails before, the previous file is
  untouched and the temporary file is removed.
- Polite: if Excel holds the target open (its ``~$NAME.xlsx`` lock file is beside it), refuse.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


class FileLockedError(RuntimeError):
    """The target workbook is open in Excel (its lock file is present)."""


def lock_file(path: Path) -> Path:
    return path.with_name("~$" + path.name)


def workbook_bytes(wb) -> bytes:
    """The workbook as xlsx bytes, identical for identical content."""
    wb.properties.creator = "xlmodel"
    wb.properties.lastModifiedBy = "xlmodel"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():  # openpyxl's order is already stable; keep it ([Content_Types] first)
            data = src.read(name)
            if name == "docProps/core.xml":
                # openpyxl stamps "modified" with the current time whatever the property says.
                data = _STAMP.sub(rb"\g<1>2026-01-01T00:00:00Z\g<3>", data)
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)
    return out.getvalue()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then replace."""
    path = Path(path)
    if lock_file(path).exists():
        raise FileLockedError(f"{path} is open in Excel (lock file {lock_file(path).name} found): "
                              "close it, then build again; nothing was written")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_deterministic(wb, path: str | Path) -> None:
    """Serialise ``wb`` deterministically and write it atomically to ``path``."""
    write_atomic(path, workbook_bytes(wb))
