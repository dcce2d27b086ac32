"""Raw input files: the bytes the checksum covers, transparent gzip, and clear encoding errors."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exportctl.core.errors import MalformedFile

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class RawFile:
    """A file as stored (`raw`, what sha256 covers) and its content (`data`, gunzipped)."""

    path: Path
    raw: bytes
    data: bytes

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def text(self) -> str:
        return decode_utf8(self.data, self.name)

    def json(self) -> Any:
        return loads_json(self.text(), self.name)


def read_raw(path: Path | str) -> RawFile:
    """Read a file, gunzipping it when it starts with the gzip magic bytes (whatever its name)."""
    path = Path(path)
    raw = path.read_bytes()
    data = raw
    if raw[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise MalformedFile(
                f"gzip stream is truncated or corrupt ({exc})", location=path.name
            ) from exc
    return RawFile(path, raw, data)


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 strictly; a UTF-16 or GB18030 file gets an error that names its encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise MalformedFile("file is UTF-16 (byte-order mark found); expected UTF-8", location=name)
    head = data[:400]
    # UTF-16 without a BOM: ASCII text then has a NUL in every other byte.
    if len(head) >= 8 and head.count(0) >= len(head) // 3:
        raise MalformedFile(
            "file looks like UTF-16 (NUL bytes between characters); expected UTF-8", location=name
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = (
                "; the bytes decode as GB18030/GBK: the file was probably saved in a Chinese"
                " legacy encoding, re-save it as UTF-8"
            )
        except UnicodeDecodeError:
            pass
        raise MalformedFile(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}",
            location=f"{name} line {line}",
        ) from exc


def loads_json(text: str, name: str, *, first_line: int = 1) -> Any:
    """Parse JSON, naming the line and column of a syntax error (`text` starts at `first_line`)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = first_line + exc.lineno - 1
        raise MalformedFile(
            f"invalid JSON: {exc.msg}", location=f"{name} line {line} column {exc.colno}"
        ) from exc


def files_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """Digest of several files: sha256 of their `sha256sum`-style manifest lines, sorted by path."""
    lines = sorted(f"{hashlib.sha256(raw).hexdigest()}  {name}\n" for name, raw in files)
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def file_sha256(path: Path | str) -> str:
    """SHA-256 of a file's bytes, read in chunks (the digest an import records)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
