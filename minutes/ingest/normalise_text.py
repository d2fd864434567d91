"""Shared text clean-up for readers: decoding bytes, invisible and control characters, line joining
and list-marker detection.

Every function here is pure and works on `str` (or `bytes` for `decode_text`).  None of them logs or
raises with document text in the message.

    text, encoding = decode_text(data, "notes.txt")
    text, removed = normalise(text)          # NBSP -> space, zero-width gone, LF line ends, no ESC codes
    split_marker("  2.4. The plan")          # ListMarker(marker="2.4.", text="The plan", indent=2)
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

# --- decoding -------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),      # before UTF-16 LE: its BOM starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# charset-normalizer's names for Western single-byte code pages: such text is decoded as cp1252,
# which is what Word and Windows editors write (0x91-0x94 are the smart quotes).
_WESTERN = frozenset({"ascii", "latin_1", "iso8859_15", "cp1252"})
NOT_TEXT = "does not look like text (binary data or an unknown encoding); save it as UTF-8 text"
_CHAOS_SLACK = 0.05                # a Western match this close to the best guess is as good
_MAX_CONTROL_SHARE = 0.02          # after decoding, more control characters than this = binary


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding name).

    Order: a byte-order mark; NUL-free strict UTF-8 (fast, right for most files); BOM-less UTF-16
    recognised by its NUL pattern; then charset-normalizer, with Western guesses read as cp1252.
    Raises InputError when the bytes are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise InputError(name, f"has a {encoding} byte-order mark but is not valid {codec}") from None
            return _check_text(text, name), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(name, NOT_TEXT)
        try:
            return _check_text(data.decode(encoding), name), encoding
        except UnicodeDecodeError:
            raise InputError(name, NOT_TEXT) from None
    try:
        return _check_text(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _guess(data, name)
    return _check_text(text, name), encoding


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's reading, preferring cp1252 whenever it is among the equally good ones
    (short files fit many code pages; Windows-1252 is what English-language offices write)."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    western_ok = best is None or any(
        m.encoding in _WESTERN and m.chaos <= best.chaos + _CHAOS_SLACK for m in matches
    ) or bool(set(best.could_be_from_charset) & _WESTERN) or _plausible_cp1252(data)
    if western_ok:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is None:
        raise InputError(name, NOT_TEXT)
    return str(best), str(best.encoding)


_CP1252_TYPICAL = set("‘’“”–—…•€£©®°·½¼¾×") | {chr(c) for c in range(0xC0, 0x100)}
_FOREIGN_RUN = re.compile(r"[^\x00-\x7f]{3,}")
_HIGH = re.compile(r"[^\x00-\x7f]")


def _plausible_cp1252(data: bytes) -> bool:
    """True when cp1252 turns every high byte into an accented letter or typographic sign, never
    three in a row (Cyrillic or Polish read as cp1252 gives runs like 'Ïðèâåò')."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = set(_HIGH.findall(text))
    return high <= _CP1252_TYPICAL and not _FOREIGN_RUN.search(text)


def _check_text(text: str, name: str) -> str:
    """Refuse decoded text in which control characters are more than a trace."""
    sample = text[:200_000]
    controls = sum(1 for ch in sample if _is_binary_char(ch))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(name, NOT_TEXT)
    return text


def _is_binary_char(ch: str) -> bool:
    code = ord(ch)
    return (code < 32 and ch not in "\t\n\r\f\v\x1b") or 0x7F <= code <= 0x9F or code == 0xFFFD


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII-range UTF-16), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


# --- invisible and control characters ------------------------------------------------------------

SPACES = "\u00a0\u202f\u2007\u2002\u2003\u2009\u200a\u3000"   # non-breaking and typographic spaces
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u2060\u00ad"             # incl. soft hyphen
_SPACE_TABLE = {ord(c): " " for c in SPACES} | {ord(c): None for c in ZERO_WIDTH}
_FIXED_SPACE = re.compile(f"[{SPACES}]")        # regexes: much faster than str.translate on big texts
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\x1b]")
_PAGE_BREAKS = re.compile(r"[\f\u2029]")


def normalise(text: str) -> tuple[str, int]:
    """Clean a whole decoded text; return (text, number of control characters removed).

    Line ends become LF; form feed and U+2029 become a blank line, U+2028 a line end; NBSP and
    other fixed spaces become a plain space; zero-width characters and soft hyphens are removed;
    terminal escape sequences and other control characters (all but LF and TAB) are stripped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _PAGE_BREAKS.sub("\n\n", text).replace("\v", "\n")
    text = _INVISIBLE.sub("", _FIXED_SPACE.sub(" ", text))
    before = len(text)
    text = _CONTROL.sub("", _ANSI.sub("", text))
    return text, before - len(text)


def clean_line(line: str) -> str:
    """`normalise` for one line (no line-end handling): fixed spaces, zero-width and controls."""
    line = line.translate(_SPACE_TABLE)
    return _CONTROL.sub("", _ANSI.sub("", line.replace("\f", " ").replace("\v", " ")))


def is_blank(line: str) -> bool:
    """True for a line of nothing but whitespace (after `normalise`, NBSP counts as whitespace)."""
    return not line.translate(_SPACE_TABLE).strip()


# --- joining wrapped lines ------------------------------------------------------------------------

_HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")
# Left parts that are words in their own right: "self-\nharm" keeps its hyphen.
HYPHEN_PREFIXES = frozenset(
    "self non pre post multi co ex step well long short half cross anti sub inter over under "
    "ill re semi mid part full low high one two three four five six seven eight nine ten".split()
)


def join_lines(lines: list[str], *, dehyphenate: bool = False) -> str:
    """Join soft-wrapped lines with single spaces.

    A line ending in a hyphen after a letter is joined to the next line without a space.  With
    `dehyphenate=True` (for PDF line breaks) the hyphen is also dropped when the next line starts in
    lower case and the left part is not a word that takes a hyphen ("self-", "non-", ...);
    otherwise the hyphen is kept ("ill-" + "health" -> "ill-health").
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and _HYPHENATED.search(out):
            left = out.rsplit(None, 1)[-1][:-1].lower()
            if dehyphenate and line[:1].islower() and left.isalpha() and left not in HYPHEN_PREFIXES:
                out = out[:-1] + line
            else:
                out += line
        else:
            out = f"{out} {line}" if out else line
    return out


# --- list markers and numbered paragraphs ---------------------------------------------------------

BULLETS = "-*•‣◦▪▫●○■□☐☑☒➤➢►▶→✓✔·–>"
_NUMBER = (
    r"(?:\d{1,3}(?:\.\d{1,3})+\.?"            # 2.4  2.4.  1.2.3
    r"|\d{1,3}[.)]"                           # 1.  1)
    r"|\(\d{1,3}\)"                           # (1)
    r"|\((?:[a-z]|[ivxlc]{1,6})\)"            # (a)  (iv)
    r"|(?:[a-z]|[ivxlc]{1,6})\))"             # a)  iv)
)
_BULLET_RE = re.compile(rf"(-{{1,2}}>|=>|[{re.escape(BULLETS)}]|\[[ xX✓✔]?\])(?:\s+|$)")   # "->" arrows; "[ ]", "[x]": a task list
_NUMBER_RE = re.compile(rf"({_NUMBER})(?:\s+|$)")
_SETEXT_OR_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")


@dataclass(frozen=True, slots=True)
class ListMarker:
    """A line that starts a list item: its marker as written, the rest, and its indentation."""

    marker: str
    text: str
    indent: int


def indent_width(line: str) -> int:
    """Leading whitespace width, with a tab counted as four spaces."""
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def split_marker(line: str) -> ListMarker | None:
    """Recognise a bullet ("-", "*", "•", "➤", ">", "- >", "->", a task box "[ ]" / "- [x]") or a paragraph number ("2.4.", "1)",
    "1.", "(a)", "a)") at the start of `line`.

    Stacked markers collapse: "- 1.1. Text" gives marker "1.1.", "- > Text" gives "-".  A line that
    is only a rule ("---", "***") is not a list item.  Returns None for ordinary lines.
    """
    indent = indent_width(line)
    rest = line.strip()
    if not rest or _SETEXT_OR_RULE.match(rest) or rest.startswith("**"):
        return None
    marker: str | None = None
    while True:
        number = _NUMBER_RE.match(rest)
        if number:
            marker, rest = number.group(1), rest[number.end():]
            break
        bullet = _BULLET_RE.match(rest)
        if not bullet:
            break
        marker = marker or bullet.group(1)
        rest = rest[bullet.end():]
    if marker is None:
        return None
    return ListMarker(marker=marker, text=rest.strip(), indent=indent)
