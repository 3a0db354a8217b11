"""Store failures as one line that names the store file and the real cause.

DuckDB's messages bury the cause ("TransactionContext Error: Failed to commit: Could not
write file "x.duckdb.wal": No space left on device"); users need to know whether the disk
is full, the file damaged or the store simply held by another process.
"""

from __future__ import annotations

import re

# The operating system's words (strerror) in DuckDB's message, and what to tell the user.
_OS_CAUSES = (
    ("No space left on device", "no space left on the device"),
    ("File too large", "the file size limit was reached"),
    ("Disk quota exceeded", "the disk quota is used up"),
    ("Read-only file system", "the file system is read-only"),
    ("Permission denied", "permission denied"),
)
# DuckDB's words for a file that is not, or no longer, a whole database.
_NOT_DUCKDB = "not a valid DuckDB database file"
_DAMAGED = ("Corrupt database file", "Could not read enough bytes", "checksum", "Failed to read database header")
_QUOTED_FILE = re.compile(r'file "([^"]+)"')


class StoreError(Exception):
    """A store that cannot be used; str(err) is one line naming the file."""


class DamagedStore(StoreError):
    """The store file is not a whole DuckDB database (truncated, overwritten, corrupt)."""


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def damaged(path: str, detail: str) -> DamagedStore:
    return DamagedStore(f"{path}: the store file is damaged ({detail}): restore it from a copy")


def refused(error: StoreError) -> StoreError:
    """`error` met when opening the store, before anything was written to it."""
    return DamagedStore(f"{error}; the file was left untouched") if isinstance(error, DamagedStore) else error


def os_cause(error: BaseException) -> str | None:
    """The operating system's reason (strerror) inside a DuckDB message, if any."""
    return next((words for words, _ in _OS_CAUSES if words in str(error)), None)


def explain(path: str, error: BaseException, otherwise: str = "") -> StoreError:
    """A StoreError naming `path` and the cause of a DuckDB (or OS) failure on it; a
    cause it does not know is DuckDB's first line, after `otherwise` when given."""
    text = first_line(error)
    for words, cause in _OS_CAUSES:
        if words in text:
            written = _QUOTED_FILE.search(text)
            return StoreError(f"{path}: {cause} (could not write {written.group(1) if written else path})")
    if _NOT_DUCKDB in text:
        return DamagedStore(f"{path}: not a store (the file is not a DuckDB database)")
    if any(words in text for words in _DAMAGED):
        return damaged(path, f"truncated or corrupt: {_without_file(text)}")
    return StoreError(f"{path}: {otherwise} ({text})" if otherwise else f"{path}: {text}")


def _without_file(text: str) -> str:
    """DuckDB's message without the file name that the line already starts with."""
    return _QUOTED_FILE.sub("file", text)
