"""Bytes in, text out: size limit, binary detection and encoding guess."""

from __future__ import annotations

import os
from typing import BinaryIO

import charset_normalizer

from eventwatch.ingest.errors import InputError

MAX_INPUT_BYTES = 20_000_000
MAX_INPUT_BYTES_ENV = "EVENTWATCH_MAX_INPUT_BYTES"

_BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 controls and DEL, except tab, LF, VT, FF and CR, which occur in real text.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_MAX_CONTROL_SHARE = 0.05
# News in a legacy 8-bit encoding is nearly always Windows-1252 (or Latin-1,
# its subset); charset-normalizer often ties it with cp1250 and picks that.
_WESTERN = "cp1252"


def max_input_bytes() -> int:
    """The size limit: EVENTWATCH_MAX_INPUT_BYTES if set, else MAX_INPUT_BYTES."""
    raw = os.environ.get(MAX_INPUT_BYTES_ENV)
    if raw is None:
        return MAX_INPUT_BYTES
    if not raw.strip().isdigit() or int(raw) <= 0:
        raise ValueError(f"{MAX_INPUT_BYTES_ENV} must be a positive integer, not {raw!r}")
    return int(raw)


def read_file_bytes(path: str) -> bytes:
    """The file's bytes; the size is checked before anything is read."""
    limit = max_input_bytes()
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                raise InputError(f"{path}: too large ({size} bytes > {limit})")
            return read_stream_bytes(stream, path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def read_stream_bytes(stream: BinaryIO, name: str) -> bytes:
    """At most the limit from a stream whose size is unknown (stdin, pipes)."""
    limit = max_input_bytes()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: too large (> {limit} bytes)")
    return data


def decode_text(data: bytes, name: str) -> str:
    """Text from bytes; InputError if binary, undecodable or blank."""
    text = _decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data":
            # A cut-off last character: everything before it is valid UTF-8.
            return data[: err.start].decode("utf-8").removeprefix(_BOM)
    return _guess(data, name)


def _looks_binary(data: bytes) -> bool:
    if not data:
        return False
    if b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data) > _MAX_CONTROL_SHARE


def _guess(data: bytes, name: str) -> str:
    """charset-normalizer's best guess, but Windows-1252 when it fits as well."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: undecodable text (not UTF-8 and no other encoding fits)")
    if any(_WESTERN in m.could_be_from_charset and m.chaos <= best.chaos for m in matches):
        return data.decode(_WESTERN, errors="replace")
    return str(best)
