"""Settings: defaults < TOML file < MINUTES_* environment < options."""
from __future__ import annotations

import pytest

from minutes.config import Settings, load_settings
from minutes.errors import ConfigError


def test_config_defaults_without_file_or_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    s = load_settings(environ={})
    assert s == Settings()
    assert s.max_file_mb == 50


def test_config_file_then_environment_then_options(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[minutes]\nmax_file_mb = 10\nnation = "wales"\n[minutes.timescales]\nicpc_after_strategy = {working_days = 10}\n')
    s = load_settings(cfg, environ={})
    assert (s.max_file_mb, s.nation, s.timescales["icpc_after_strategy"]["working_days"]) == (10, "wales", 10)
    s = load_settings(cfg, environ={"MINUTES_MAX_FILE_MB": "20"})
    assert s.max_file_mb == 20 and s.nation == "wales"
    s = load_settings(cfg, overrides={"max_file_mb": 30, "nation": None}, environ={"MINUTES_MAX_FILE_MB": "20"})
    assert s.max_file_mb == 30 and s.nation == "wales"


def test_config_rejects_unknown_keys_and_bad_values(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[minutes]\nmax_pages = 3\n")
    with pytest.raises(ConfigError, match="unknown setting\\(s\\) max_pages.*allowed: "):
        load_settings(cfg, environ={})
    with pytest.raises(ConfigError, match="MINUTES_MAX_FILE_MB"):
        load_settings(environ={"MINUTES_MAX_FILE_MB": "lots"})
    cfg.write_text("[minutes\n")
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(cfg, environ={})
