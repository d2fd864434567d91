"""`pip install .` gives a wheel that carries its templates and models and works from any folder."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_packaging_wheel_ships_templates_and_models(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("minutes-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "minutes/_data/models/config.cfg" in names
    assert any(n.startswith("minutes/_data/models/gazetteers/") for n in names)
    assert any(n.startswith("minutes/_data/templates/") for n in names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from minutes.resources import models_dir, templates_dir; print(models_dir()); print(templates_dir())"
    )
    out = subprocess.run([sys.executable, "-c", code, str(target)], cwd=elsewhere, capture_output=True, text=True, check=True)
    models, templates = out.stdout.split()
    assert models.startswith(str(target)) and models.endswith("minutes/_data/models")
    assert templates.startswith(str(target))
