"""Safety checks on a DOCX's bytes before any XML parser sees them.

`check(data, name, settings)` refuses, with a message naming the file and the reason:

- an OLE compound file (a password-protected DOCX or an old binary .doc);
- bytes that are not a readable zip (damaged, truncated, encrypted entries, odd compression);
- a zip with too many entries, a total inflated size past `settings.max_inflate_bytes`, an entry
  whose real compression ratio is absurd, or whose real size differs from the size the zip's
  central directory declares (`UnsafeDocument`);
- a zip without a main Word part (``word/document.xml`` or the part `_rels/.rels` names);
- any XML part (every ``.xml``/``.rels`` entry and every entry [Content_Types].xml declares as
  XML) that carries a DOCTYPE declaration (`UnsafeDocument`).

Sizes are counted on the bytes actually inflated, entry by entry in chunks, with our own zlib
stream: the declared sizes in the central directory are never trusted, and inflation stops as
soon as a bound is crossed.  [Content_Types].xml is inflated first, so the DOCTYPE scan
(case-insensitive, in UTF-8, UTF-16 and UTF-32) runs on the same chunks for the XML parts only:
nothing is inflated twice here, and pictures (an SVG may carry a DOCTYPE) are not scanned.

MAX_RATIO: a python-docx table of 12,000 identical empty rows deflates 143:1, the most measured
for real XML; runs of zeros deflate about 1,000:1.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..config import Settings
from ..errors import InputError, UnsafeDocument

__all__ = ["check", "ZipCheck", "MAX_ENTRIES", "MAX_RATIO", "OLE_SIGNATURE"]

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ENTRIES = 10_000
MAX_RATIO = 200                  # inflated / compressed bytes, for entries past RATIO_FLOOR
RATIO_FLOOR = 1 << 20            # small entries may compress as well as they like
CHUNK = 64 * 1024
MAIN_PART = "word/document.xml"

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_MAGIC = b"PK\x03\x04"
_DOCTYPE = "<!doctype"
_ENCODED = {_DOCTYPE.encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")}
_DOCTYPE_RE = re.compile(b"|".join(re.escape(p) for p in sorted(_ENCODED)), re.IGNORECASE)
_TAIL = max(len(p) for p in _ENCODED) - 1
_OFFICE_DOCUMENT = "/officeDocument"

NOT_ZIP = "is not a valid .docx (damaged or truncated zip)"
NOT_WORD = "is not a Word document (it has no word/document.xml)"
PROTECTED = "is password-protected or an old binary .doc; save it as an unprotected .docx"
HAS_DTD = "contains a DTD (DOCTYPE), refused for safety"


@dataclass(slots=True)
class ZipCheck:
    """What the check measured: entry count, real inflated bytes, and the main document part."""

    entries: int = 0
    inflated: int = 0
    main_part: str = MAIN_PART


def check(data: bytes, name: str, settings: Settings) -> ZipCheck:
    """Refuse unsafe or broken DOCX bytes; return what was measured when all is well."""
    if data[:8] == OLE_SIGNATURE:
        raise InputError(name, PROTECTED)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error):
        raise InputError(name, NOT_ZIP) from None
    if len(infos) > MAX_ENTRIES:
        raise UnsafeDocument(name, f"has {len(infos)} zip entries, more than the {MAX_ENTRIES} allowed")
    limit = settings.max_inflate_bytes
    declared = sum(i.file_size for i in infos)
    if declared > limit:
        raise UnsafeDocument(name, _too_big(settings))
    result = ZipCheck(entries=len(infos))
    names = [i.filename for i in infos]
    # [Content_Types].xml first: it says which other entries are XML parts to scan for DOCTYPEs.
    infos = sorted(infos, key=lambda i: i.filename != "[Content_Types].xml")
    small: dict[str, bytes] = {}          # the two package-level XML parts, kept to read afterwards
    xml_parts = _xml_parts(b"", names)
    for info in infos:
        if info.is_dir():
            continue
        keep = info.filename in ("[Content_Types].xml", "_rels/.rels")
        scan = info.filename in xml_parts or info.filename == "[Content_Types].xml"
        size, found, body = _inflate(data, info, name, limit - result.inflated, settings, keep, scan)
        result.inflated += size
        if found:
            raise UnsafeDocument(name, HAS_DTD)
        if keep:
            small[info.filename] = body
        if info.filename == "[Content_Types].xml":
            xml_parts = _xml_parts(body, names)
    result.main_part = _main_part(small.get("_rels/.rels", b""))
    if result.main_part not in names and MAIN_PART not in names:
        raise InputError(name, NOT_WORD)
    return result


def _too_big(settings: Settings) -> str:
    return (
        f"would inflate past {settings.max_inflate_mb:g} MB (setting max_inflate_mb); "
        "refused as a possible zip bomb"
    )


def _inflate(
    data: bytes, info: zipfile.ZipInfo, name: str, budget: int, settings: Settings, keep: bool, scan: bool
) -> tuple[int, bool, bytes]:
    """Inflate one entry from its raw bytes, counting real output; (size, has DOCTYPE, kept bytes).

    Only `scan` entries are searched for a DOCTYPE; all are counted and CRC-checked."""
    if info.flag_bits & 0x1:
        raise InputError(name, PROTECTED)
    start = info.header_offset
    try:
        magic, *_rest, name_len, extra_len = _LOCAL_HEADER.unpack_from(data, start)
    except struct.error:
        raise InputError(name, NOT_ZIP) from None
    if magic != _LOCAL_MAGIC:
        raise InputError(name, NOT_ZIP)
    begin = start + _LOCAL_HEADER.size + name_len + extra_len
    raw = memoryview(data)[begin : begin + info.compress_size]
    if len(raw) < info.compress_size:
        raise InputError(name, NOT_ZIP)
    if info.compress_type == zipfile.ZIP_STORED:
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    else:
        raise InputError(name, f"{NOT_ZIP}: unsupported compression method {info.compress_type}")

    size, crc, tail, found = 0, 0, b"", False
    kept: list[bytes] = []
    for piece in _pieces(raw, inflater, name):
        size += len(piece)
        if size > budget:
            raise UnsafeDocument(name, _too_big(settings))
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeDocument(
                name, f"has a part that inflates more than {MAX_RATIO} times; refused as a possible zip bomb"
            )
        crc = zlib.crc32(piece, crc)
        if scan and not found:
            window = tail + piece
            found = _DOCTYPE_RE.search(window) is not None
            tail = window[-_TAIL:]
        if keep:
            kept.append(piece)
    if inflater is not None and not inflater.eof:
        raise InputError(name, NOT_ZIP)
    if size != info.file_size:
        raise UnsafeDocument(name, "has a zip entry whose real size differs from its declared size; refused")
    if crc != info.CRC:
        raise InputError(name, NOT_ZIP)
    return size, found, b"".join(kept)


def _pieces(raw: memoryview, inflater, name: str):
    """Yield the entry's output in chunks of at most CHUNK bytes, never holding more."""
    if inflater is None:
        for at in range(0, len(raw), CHUNK):
            yield bytes(raw[at : at + CHUNK])
        return
    try:
        for at in range(0, len(raw), CHUNK):
            pending = bytes(raw[at : at + CHUNK])
            while pending and not inflater.eof:
                out = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
        while not inflater.eof:
            out = inflater.decompress(b"", CHUNK)
            if not out:
                return
            yield out
    except zlib.error:
        raise InputError(name, NOT_ZIP) from None


def _parse(xml: bytes):
    """Parse a small package XML part with defusedxml (no DTDs, no entities); None if unreadable."""
    from defusedxml import ElementTree as SafeET

    if not xml:
        return None
    try:
        return SafeET.fromstring(xml, forbid_dtd=True)
    except Exception:  # noqa: BLE001 - a broken or hostile package part just gives no hints
        return None


def _xml_parts(content_types: bytes, names: list[str]) -> set[str]:
    """Entries parsed as XML: .xml/.rels names, plus those [Content_Types].xml declares as XML."""
    parts = {n for n in names if n.lower().endswith((".xml", ".rels"))}
    root = _parse(content_types)
    if root is None:
        return parts
    defaults: dict[str, str] = {}
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "Default":
            defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
        elif tag == "Override" and _is_xml(el.get("ContentType", "")):
            parts.add(el.get("PartName", "").lstrip("/"))
    for n in names:
        if _is_xml(defaults.get(PurePosixPath(n).suffix.lstrip(".").lower(), "")):
            parts.add(n)
    return parts


def _is_xml(content_type: str) -> bool:
    """XML content types, except images (an SVG picture may carry a DOCTYPE and is never parsed)."""
    ct = content_type.lower()
    return ct.endswith("xml") and not ct.startswith("image/")


def _main_part(rels: bytes) -> str:
    """The officeDocument target named by _rels/.rels, else word/document.xml."""
    root = _parse(rels)
    if root is None:
        return MAIN_PART
    for el in root:
        if el.get("Type", "").endswith(_OFFICE_DOCUMENT) and el.get("TargetMode") != "External":
            target = el.get("Target", "").lstrip("/")
            return str(PurePosixPath(target)) if target else MAIN_PART
    return MAIN_PART
