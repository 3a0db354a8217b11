"""Bytes in, text out: size limits, binary detection, encoding guess, control characters."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import BinaryIO

import charset_normalizer

from eventwatch.ingest.errors import InputError, Unreadable

MAX_INPUT_BYTES = 20_000_000
MAX_INPUT_BYTES_ENV = "EVENTWATCH_MAX_INPUT_BYTES"

_BOM = "\ufeff"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_REPLACEMENT = "\ufffd"
# C0 controls and DEL, except tab, LF, VT, FF and CR, which occur in real text.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_MAX_CONTROL_SHARE = 0.05
# The same as characters, plus the C1 controls (U+0080-U+009F, e.g. U+009B, a terminal's
# CSI): never text, they would reach terminals and XML parsers. VT and FF become line ends.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PAGE_BREAKS = re.compile("[\x0b\x0c]")
# News in a legacy 8-bit encoding is nearly always Windows-1252 (or Latin-1,
# its subset); charset-normalizer often ties it with cp1250 and picks that.
_WESTERN = "cp1252"
_READ_CHUNK = 1 << 20


def positive_int_env(name: str, default: int) -> int:
    """A limit from the environment variable `name`, else `default`."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    if not raw.strip().isdigit() or int(raw) <= 0:
        raise ValueError(f"{name} must be a positive integer, not {raw!r}")
    return int(raw)


def max_input_bytes() -> int:
    """The size limit of a file (and of one JSON line): EVENTWATCH_MAX_INPUT_BYTES, else MAX_INPUT_BYTES."""
    return positive_int_env(MAX_INPUT_BYTES_ENV, MAX_INPUT_BYTES)


def open_file(path: str) -> BinaryIO:
    """The file opened for reading; InputError naming it when it cannot be."""
    try:
        return open(path, "rb")
    except OSError as err:
        raise unreadable_file(path, err) from None


def unreadable_file(path: str, err: OSError) -> InputError:
    """The InputError for a file the system would not let us read."""
    reasons = {FileNotFoundError: "no such file", IsADirectoryError: "is a directory", PermissionError: "permission denied"}
    reason = reasons.get(type(err)) or f"cannot read ({err.strerror or err})"
    return InputError(f"{path}: {reason}")


def read_file_bytes(path: str) -> bytes:
    """The file's bytes; the size is checked before anything is read."""
    limit = max_input_bytes()
    with open_file(path) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                raise InputError(f"{path}: too large ({size} bytes > {limit})")
            return read_stream_bytes(stream, path)
        except OSError as err:
            raise unreadable_file(path, err) from None


def read_stream_bytes(stream: BinaryIO, name: str) -> bytes:
    """At most the limit from a stream whose size is unknown (stdin, pipes)."""
    limit = max_input_bytes()
    data = bytearray()
    while len(data) <= limit and (chunk := stream.read(min(_READ_CHUNK, limit + 1 - len(data)))):
        data += chunk  # in chunks: read(limit) would set aside the whole limit at once
    if len(data) > limit:
        raise InputError(f"{name}: too large (> {limit} bytes)")
    return bytes(data)


def bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The stream's lines, one in memory at a time; None for a line over the size limit,
    which is skipped without being held."""
    limit = max_input_bytes()
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None


def decode_text(data: bytes, name: str) -> str:
    """Text without control characters from bytes; InputError naming the input if
    binary, undecodable or blank."""
    try:
        text = strip_controls(decode_bytes(data))
    except Unreadable as err:
        raise InputError(f"{name}: {err}") from None
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return text


def decode_bytes(data: bytes) -> str:
    """Text from bytes; Unreadable if binary or undecodable."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    if looks_binary(data):
        raise Unreadable("binary data, not text")
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data":
            # A cut-off last character: everything before it is valid UTF-8.
            return data[: err.start].decode("utf-8").removeprefix(_BOM)
    lenient = data.decode("utf-8", errors="replace")
    if _mostly_utf8(lenient, data):
        return lenient.removeprefix(_BOM)
    return _guess(data)


def strip_controls(text: str) -> str:
    """Text without control characters (tab and line ends kept; VT and FF become line ends)."""
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub("", text)
    if _PAGE_BREAKS.search(text):
        text = _PAGE_BREAKS.sub("\n", text)
    return text


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more control bytes than text ever has."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data) > _MAX_CONTROL_SHARE


def _mostly_utf8(lenient: str, data: bytes) -> bool:
    """More valid multi-byte characters than invalid bytes: UTF-8 with a few stray bytes
    (a cut in the middle, one pasted Windows-1252 line), not a legacy encoding, whose
    bytes above 127 almost never form valid UTF-8."""
    replaced = lenient.count(_REPLACEMENT)
    invalid = replaced - data.count(_REPLACEMENT.encode())
    non_ascii = len(lenient) - len(lenient.encode("ascii", errors="ignore"))
    return non_ascii - replaced > invalid


def _guess(data: bytes) -> str:
    """charset-normalizer's best guess, but Windows-1252 when it fits as well."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise Unreadable("undecodable text (not UTF-8 and no other encoding fits)")
    if any(_WESTERN in m.could_be_from_charset and m.chaos <= best.chaos for m in matches):
        return data.decode(_WESTERN, errors="replace")
    return str(best)
