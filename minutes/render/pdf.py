"""PDF output.  Routes, first available wins:

1. xhtml2pdf (pure Python, a package dependency) converts the rendered HTML;
2. LibreOffice (`soffice --headless --convert-to pdf`) converts the rendered DOCX.

Without either, a clear message says how to get one.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import RenderError

HOW_TO = ("PDF output needs xhtml2pdf (`.venv/bin/pip install xhtml2pdf`) or LibreOffice "
          "(`apt-get install libreoffice-writer`); or render --format docx or html and print that to PDF")
SOFFICE_TIMEOUT_S = 120


def have_xhtml2pdf() -> bool:
    try:
        import xhtml2pdf  # noqa: F401
    except ImportError:
        return False
    return True


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> str | None:
    """The route that would be used: "xhtml2pdf", "libreoffice" or None."""
    if have_xhtml2pdf():
        return "xhtml2pdf"
    if soffice():
        return "libreoffice"
    return None


def html_to_pdf(html: str) -> bytes:
    """HTML text -> PDF bytes with xhtml2pdf (no network: links to outside resources are refused)."""
    import logging

    from xhtml2pdf import pisa

    logging.getLogger("xhtml2pdf").setLevel(logging.ERROR)
    out = io.BytesIO()

    def no_fetch(uri: str, rel: str) -> None:   # never fetch images, fonts or CSS from anywhere
        return None

    result = pisa.CreatePDF(html, dest=out, encoding="utf-8", link_callback=no_fetch)
    if result.err:
        raise RenderError(f"PDF conversion failed ({result.err} error(s)); try --format docx or html")
    return out.getvalue()


def docx_to_pdf(docx: bytes) -> bytes:
    """DOCX bytes -> PDF bytes with LibreOffice headless."""
    binary = soffice()
    if not binary:
        raise RenderError(HOW_TO)
    with tempfile.TemporaryDirectory(prefix="minutes-pdf-") as tmp:
        src = Path(tmp) / "document.docx"
        src.write_bytes(docx)
        os.chmod(src, 0o600)
        env = {**os.environ, "HOME": tmp}    # a private LibreOffice profile
        try:
            subprocess.run([binary, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S, env=env)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise RenderError(f"LibreOffice could not convert the document to PDF ({type(exc).__name__})") from None
        pdf = Path(tmp) / "document.pdf"
        if not pdf.is_file():
            raise RenderError("LibreOffice produced no PDF; try --format docx")
        return pdf.read_bytes()
