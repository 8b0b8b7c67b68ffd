"""Writing workbooks: deterministic bytes, and never a half-written or clobbered file.

- Deterministic: the bytes come from :mod:`xlmodel.workbook.parts` (same workbook, same bytes).
- Atomic: the bytes go to a temporary file in the target's folder, are flushed to disk, then moved
  over the target in one step (``os.replace``); if anything fails before, the previous file is
  untouched and the temporary file is removed.
- Polite: if Excel holds the target open (its ``~$NAME.xlsx`` lock file is beside it), refuse.
- One writer at a time: every writer of a book (build, rebuild, import-quotes, export-case, the
  backups) holds :func:`book_lock`, an advisory lock on ``.NAME.lock`` beside it, from before it
  reads the book to after it replaces it; a second writer waits for the first (up to
  :data:`LOCK_TIMEOUT` seconds), then reads what the first wrote, so no write is ever lost.
- Backups (:func:`keep_backup`) are created exclusively under a dated name, unique even twice in one
  second, never through a symbolic link planted at that name, and never left truncated there:
  the copy goes to a temporary file, is flushed to disk, then linked into place.
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..text.failures import Said
from .parts import AUTHOR, FIXED_TIME, workbook_bytes  # noqa: F401 - AUTHOR, FIXED_TIME: this module's names too


class FileLockedError(Said, RuntimeError):
    """The target workbook is open in Excel (its ``~$`` lock file is beside it)."""


class BookBusyError(FileLockedError):
    """Another xlmodel command is writing the same book and did not finish within the timeout."""


class WriteError(Said, OSError):
    """The file system refused a write (disk full, no permission); nothing was replaced."""


#: Seconds a writer waits for another writer of the same book before giving up (exit status 1).
#: The longest write, a build at the maximum case, takes about 45 s.
LOCK_TIMEOUT = 120.0
_LOCK_POLL = 0.05
_held: dict[str, list] = {}  # lock file -> [depth, file descriptor]: reentrant within one process
_held_guard = threading.Lock()


def lock_path(path: str | Path) -> Path:
    """The advisory lock file of a book: ``.NAME.lock`` beside it (removed when released)."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


@contextmanager
def book_lock(path: str | Path, timeout: float = LOCK_TIMEOUT):
    """Hold the advisory lock of ``path`` for the duration of the ``with`` block.

    Reentrant in one process (a rebuild locks, then the writer it calls locks again). Between
    processes, ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows: the lock dies with its
    holder, so a killed command never leaves the book locked. The lock file is removed on release;
    a waiter that then locks the removed file notices (its inode is no longer the path's) and locks
    the new one, so two holders never coexist.

    Raises
    ------
    BookBusyError
        When another process holds the lock for longer than ``timeout`` seconds.
    """
    lock = lock_path(path)
    key = os.path.abspath(lock)
    with _held_guard:
        if key in _held:
            _held[key][0] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                _held[key][0] -= 1
        return
    fd = _acquire(_folder_of(path, lock), time.monotonic() + timeout, path)
    with _held_guard:
        _held[key] = [1, fd]
    try:
        yield
    finally:
        with _held_guard:
            del _held[key]
        _release(lock, fd)


def _folder_of(path, lock: Path) -> Path:
    """``lock``, its folder made if need be: a file in the folder's place, or a folder the user may not
    write in, is a :class:`WriteError` saying so (it was an unexpected error's traceback line)."""
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(lock, os.O_RDWR | os.O_CREAT, 0o666))
    except OSError as exc:
        in_the_way = isinstance(exc, (FileExistsError, NotADirectoryError))  # "File exists" says little
        reason = ("fail_file_in_the_way", {}) if in_the_way else exc.strerror or exc
        raise WriteError("fail_folder", path=path, folder=lock.parent, reason=reason) from None
    return lock


def _acquire(lock: Path, deadline: float, path) -> int:
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        if _try_lock(fd):
            try:
                same = os.stat(lock).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                return fd
            _unlock(fd)
        os.close(fd)
        if time.monotonic() > deadline:
            raise BookBusyError("fail_busy", path=path, lock=lock.name)
        time.sleep(_LOCK_POLL)


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_UN)


def _release(lock: Path, fd: int) -> None:
    if os.name != "nt":  # removed while still held, so no one locks a file about to vanish
        try:
            os.unlink(lock)
        except FileNotFoundError:
            pass
    _unlock(fd)
    os.close(fd)
    if os.name == "nt":  # Windows cannot remove an open file; another waiter may hold it now
        try:
            os.unlink(lock)
        except OSError:
            pass


def lock_file(path: str | Path) -> Path:
    """The lock file Excel keeps beside ``path`` while the workbook is open: ``~$NAME.xlsx``."""
    path = Path(path)
    return path.with_name("~$" + path.name)


def refuse_if_locked(path: Path) -> None:
    """Raise :class:`FileLockedError` when Excel holds ``path`` open."""
    if lock_file(path).exists():
        raise FileLockedError("fail_locked", path=path, lock=lock_file(path).name)


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
    with book_lock(path):  # makes the folder
        tmp = _written_temporary(path, data)
        try:
            os.chmod(tmp, _new_file_mode(path))
            os.replace(tmp, path)
        except BaseException:
            _remove(tmp)
            raise
        _fsync_folder(path.parent)


def _written_temporary(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``path``, flushed to disk; removed if anything fails."""
    # Same folder as the target: os.replace and os.link work only within one file system.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise WriteError("fail_write", path=path, reason=exc.strerror or exc) from None
        raise
    return tmp


def _remove(path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def backup_name(path: Path, stamp: str, n: int) -> Path:
    """``NAME.2026-11-23T093000.xlsx``, then ``NAME.2026-11-23T093000-2.xlsx``... for the n-th in that second."""
    return path.with_name(f"{path.stem}.{stamp}{'' if n == 1 else f'-{n}'}{path.suffix}")


def keep_backup(path: str | Path, now: datetime | None = None) -> Path:
    """Keep a copy of the book ``path`` beside it under a dated name nobody else holds; return it.

    The copy is written to a temporary file and flushed, then hard-linked to the first free name
    (``os.link`` fails on any existing name, a symbolic link included, and never follows it); where
    the file system has no hard links, the name is created with ``O_CREAT | O_EXCL`` (which does
    not follow a link either) and removed again if the copy fails. So a backup name is never
    someone else's file and never holds a truncated copy.

    Raises
    ------
    WriteError
        When the copy cannot be written (disk full...); nothing is left behind.
    """
    path = Path(path)
    with book_lock(path):
        data = path.read_bytes()
        tmp = _written_temporary(path, data)
        try:
            os.chmod(tmp, path.stat().st_mode & 0o777)
            os.utime(tmp, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))  # the date of that version
            stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
            for n in range(1, 10_000):
                target = backup_name(path, stamp, n)
                try:
                    os.link(tmp, target)
                    break
                except FileExistsError:
                    continue
                except OSError as exc:
                    if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                        raise
                    if _create_exclusive(target, data):
                        break
            else:
                raise WriteError("fail_backup_name", path=path)
        except WriteError:
            raise  # said as it is, not as a failed write of the backup
        except OSError as exc:
            raise WriteError("fail_backup", path=path, reason=exc.strerror or exc) from None
        finally:
            _remove(tmp)
        _fsync_folder(path.parent)
    return target


def _create_exclusive(target: Path, data: bytes) -> bool:
    """Write ``data`` to a new file ``target`` (never an existing one); False if the name is taken."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags, 0o666)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove(target)  # ours: created exclusively above
        raise
    return True


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
