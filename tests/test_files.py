"""The shared atomic writer: private mode, no overwrite unless asked, nothing half-written."""
from __future__ import annotations

import stat

import pytest

from minutes.files import replace_atomically


def test_files_write_is_private_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "letter.md"
    replace_atomically(target, b"one", overwrite=False)
    assert target.read_bytes() == b"one"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        replace_atomically(target, b"two", overwrite=False)
    assert target.read_bytes() == b"one"
    replace_atomically(target, b"two", overwrite=True)
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]      # no temporary files left


def test_files_missing_folder_raises_os_error(tmp_path):
    with pytest.raises(OSError):
        replace_atomically(tmp_path / "nowhere" / "x.md", b"x", overwrite=False)
    assert list(tmp_path.iterdir()) == []
