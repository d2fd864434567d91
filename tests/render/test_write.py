"""Atomic writes: no overwrite without force, owner-only files, no temporary files left."""
from __future__ import annotations

import os
import stat

import pytest

from minutes.errors import RenderError
from minutes.render.write import write_atomic


def test_write_creates_owner_only_file(tmp_path):
    path = write_atomic(tmp_path / "letter.docx", b"abc")
    assert path.read_bytes() == b"abc"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert os.listdir(tmp_path) == ["letter.docx"]


def test_write_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")
    with pytest.raises(RenderError, match="'letter.docx' already exists; use --force"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["letter.docx"]
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_write_missing_folder_is_an_error(tmp_path):
    with pytest.raises(RenderError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "x.html", b"x")
