"""Reading a seed file: bytes on disk -> text, with one-line errors for every way it can be unusable.

CRLF line endings and a UTF-8 byte order mark are accepted (the parser normalizes them).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

BINARY_SNIFF_BYTES = 8192


def read_seed_text(path: Path, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"--encoding {encoding}: unknown encoding (try utf-8 or gb18030)") from None
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a seed file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    nul = data.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul >= 0 and not encoding.lower().startswith("utf-16"):
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}), not extracted text")
    try:
        text = data.decode("utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid {encoding} (byte 0x{data[error.start]:02x} at offset {error.start}); "
            f"if the file uses another encoding, pass --encoding, e.g. --encoding gb18030"
        ) from None
    if not text.strip():
        raise InputError(f"{path}: file is empty" if not text else f"{path}: file contains only whitespace")
    return text
