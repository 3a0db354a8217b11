"""Writing an output file whole or not at all, even when the writer is killed.

The data goes to a hidden part file beside the target, renamed over it once complete.
A writer killed with SIGKILL cannot remove its part file, so the name carries the
writer's process id, and the next export to the same target removes the parts whose
writer is gone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SUFFIX = ".part"


@contextmanager
def replacing(path: str) -> Iterator[str]:
    """A part file beside `path` that replaces it only once fully written."""
    target = Path(path)
    remove_stale_parts(target)
    handle, part = tempfile.mkstemp(prefix=_prefix(target) + f"{os.getpid()}.", suffix=_SUFFIX, dir=target.parent)
    os.close(handle)
    try:
        yield part
        os.chmod(part, _mode(target))  # mkstemp's 0600 would hide the export from others
        os.replace(part, target)
    finally:
        if os.path.exists(part):
            os.remove(part)


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the part files of `target` left by writers that no longer run; returns them."""
    removed = []
    for part in target.parent.glob(_prefix(target) + "*" + _SUFFIX):
        pid = part.name[len(_prefix(target)):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            part.unlink(missing_ok=True)
            removed.append(part)
    return removed


def _mode(target: Path) -> int:
    """The permissions of the file replaced, or those a new file would get."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _prefix(target: Path) -> str:
    return f".{target.name}."


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
