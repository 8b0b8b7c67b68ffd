"""Writing workbooks: deterministic bytes, and never a half-written or clobbered file.

- Deterministic: the same workbook gives the same bytes (fixed document properties and zip entry
  dates, entries in sorted order, one compression setting), so two builds of the same case are
  byte-identical and a diff of two builds means a real change.
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
"""Creation and modification time written into every workbook (UTC)."""

AUTHOR = "xlmodel"
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_CONTENT_TYPES = "[Content_Types].xml"


class FileLockedError(RuntimeError):
    """The target workbook is open in Excel (its ``~$`` lock file is beside it)."""


def lock_file(path: str | Path) -> Path:
    """The lock file Excel keeps beside ``path`` while the workbook is open: ``~$NAME.xlsx``."""
    path = Path(path)
    return path.with_name("~$" + path.name)


def workbook_bytes(wb) -> bytes:
    """The workbook as xlsx bytes, identical for identical content.

    Sets the document properties (creator, last modified by, created, modified) to fixed values:
    a built workbook records what it is, not when or by whom it was built.
    """
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        # Sorted, [Content_Types].xml first as Office writes it: the order no longer depends on
        # the order in which openpyxl happens to emit parts.
        for name in sorted(src.namelist(), key=lambda n: (n != _CONTENT_TYPES, n)):
            data = src.read(name)
            if name == "docProps/core.xml":
                # openpyxl stamps "modified" with the current time whatever the property says.
                data = _STAMP.sub(rb"\g<1>2026-01-01T00:00:00Z\g<3>", data)
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # as if written on Windows: the host OS is not in the bytes
            info.external_attr = 0
            dst.writestr(info, data, compresslevel=6)
    return out.getvalue()


def refuse_if_locked(path: Path) -> None:
    """Raise :class:`FileLockedError` when Excel holds ``path`` open."""
    if lock_file(path).exists():
        raise FileLockedError(
            f"{path} is open in Excel (lock file {lock_file(path).name} found beside it): close the "
            "workbook in Excel, or delete the lock file if Excel is not running, then try again; "
            "nothing was written")


def _new_file_mode(path: Path) -> int:
    """Permissions for the written file: those of the file it replaces, else the umask default
    (``mkstemp`` creates 0600, which would make a shared workbook unreadable to colleagues)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then replace.

    Raises
    ------
    FileLockedError
        When Excel's lock file ``~$NAME`` sits beside ``path``; nothing is written.
    """
    path = Path(path)
    refuse_if_locked(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the target: os.replace is atomic only within one file system.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder, and need not."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_deterministic(wb, path: str | Path) -> None:
    """Serialise ``wb`` deterministically and write it atomically to ``path``.

    Raises
    ------
    FileLockedError
        When the target is open in Excel; checked before serialising, and nothing is written.
    """
    path = Path(path)
    refuse_if_locked(path)  # early: do not spend the serialisation on a file we cannot write
    write_atomic(path, workbook_bytes(wb))
