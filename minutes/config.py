"""Settings in one place: defaults, then a TOML file, then MINUTES_* environment variables,
then command-line options (each later source wins).

    [minutes]              # in ~/.config/minutes/config.toml, or the file given by --config
    max_file_mb = 20
    nation = "wales"

Keys are the field names of `Settings`; unknown keys are refused with the allowed ones named.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

DEFAULT_MAX_FILE_MB = 50.0
DEFAULT_MAX_INFLATE_MB = 200.0        # total uncompressed size of a DOCX's parts
DEFAULT_PDF_MAX_PAGES = 2000
DEFAULT_PDF_TIMEOUT_S = 120.0
DEFAULT_MODEL = "en_core_web_sm"
DEFAULT_NATION = "england"
DEFAULT_SUPPRESSION_THRESHOLD = 5
ENV_PREFIX = "MINUTES_"
CONFIG_SECTION = "minutes"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting the tool reads.  Later features add their fields here."""

    max_file_mb: float = DEFAULT_MAX_FILE_MB
    max_inflate_mb: float = DEFAULT_MAX_INFLATE_MB
    pdf_max_pages: int = DEFAULT_PDF_MAX_PAGES
    pdf_timeout_s: float = DEFAULT_PDF_TIMEOUT_S
    model: str = DEFAULT_MODEL
    db: str | None = None                 # SQLAlchemy URL; None = SQLite in the user data dir
    template_dir: str | None = None       # a folder whose templates override the bundled ones
    nation: str = DEFAULT_NATION          # bank holidays: england, wales, scotland, northern_ireland
    suppression_threshold: int = DEFAULT_SUPPRESSION_THRESHOLD
    timescales: Mapping[str, Any] = field(default_factory=dict)   # local overrides by rule id
    letterhead: Mapping[str, Any] = field(default_factory=dict)   # name, service, address, phone, email for documents

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_inflate_bytes(self) -> int:
        return int(self.max_inflate_mb * 1024 * 1024)


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("minutes")) / "config.toml"


def _allowed() -> dict[str, Any]:
    return {f.name: f for f in fields(Settings)}


def _coerce(name: str, value: Any, source: str) -> Any:
    spec = _allowed()[name]
    kind = spec.type if isinstance(spec.type, str) else getattr(spec.type, "__name__", str(spec.type))
    try:
        if kind.startswith("Mapping"):
            if not isinstance(value, Mapping):
                raise TypeError("a table")
            return dict(value)
        if value is None or (isinstance(value, str) and value == "" and "None" in kind):
            return None
        if kind.startswith("float"):
            return float(value)
        if kind.startswith("int"):
            if isinstance(value, bool):
                raise TypeError("an integer")
            return int(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting '{name}' from {source} has a wrong value; expected {kind}") from None


def _check_keys(data: Mapping[str, Any], source: str) -> None:
    unknown = sorted(set(data) - set(_allowed()))
    if unknown:
        raise ConfigError(
            f"unknown setting(s) {', '.join(unknown)} in {source}; allowed: {', '.join(sorted(_allowed()))}"
        )


def from_toml(path: Path) -> dict[str, Any]:
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file '{path}' does not exist") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file '{Path(path).name}' cannot be read: {exc}") from None
    data = raw.get(CONFIG_SECTION, raw)
    if not isinstance(data, dict):
        raise ConfigError(f"config file '{Path(path).name}': [{CONFIG_SECTION}] must be a table")
    _check_keys(data, f"'{Path(path).name}'")
    return {k: _coerce(k, v, f"'{Path(path).name}'") for k, v in data.items()}


def from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _allowed():
        if name == "timescales":
            continue
        key = ENV_PREFIX + name.upper()
        if key in environ:
            out[name] = _coerce(name, environ[key], f"${key}")
    return out


def load_settings(
    config: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults < TOML file < environment < options (overrides whose value is None are ignored)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config or (Path(environ[ENV_PREFIX + "CONFIG"]) if ENV_PREFIX + "CONFIG" in environ else None)
    if path is not None:
        values.update(from_toml(path))
    else:
        default = user_config_path()
        if default.is_file():
            values.update(from_toml(default))
    values.update(from_env(environ))
    for key, value in (overrides or {}).items():
        if value is not None:
            _check_keys({key: value}, "options")
            values[key] = _coerce(key, value, "options")
    return replace(Settings(), **values)
