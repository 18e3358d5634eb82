"""The user's config file (TOML), read strictly: an unknown key or a wrong type is an error with
the file, the key and what was expected, and the app falls back to defaults, losing nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liveread import paths
from liveread.schedule import DEFAULT_BASE_SECONDS, DEFAULT_MIN_SECONDS
from liveread.sources import DEFAULT_SOURCE_PATTERN, compile_pattern

if TYPE_CHECKING:
    from liveread.alerts import QuietHours

DEFAULT_REFRESH_SECONDS = DEFAULT_BASE_SECONDS
MIN_REFRESH_SECONDS = 10.0
DEFAULT_READ_AFTER_SECONDS = 2.0
DEFAULT_MIN_INTERVAL_SECONDS = DEFAULT_MIN_SECONDS
MAX_KEEP_DAYS = 36_500

EXAMPLE = """\
# liveread configuration
refresh_interval = 60      # seconds: each feed's base rhythm (faster while posts arrive,
                           # slower as it goes quiet; see README, "How often feeds are fetched")
min_interval = 30          # seconds: the fastest any feed is fetched by its rhythm
read_after = 2             # seconds a post is shown in the reader before it counts as read
# theme = "textual-dark"   # any Textual theme; the app remembers the last one you picked
# export_dir = "~/Documents/liveread"
# keep_days = 30           # remove posts first seen more than 30 days ago (favourites stay)
# max_posts_per_feed = 5000  # each feed keeps its newest 5000 posts (favourites stay)
# source_pattern = '\\b(live|as it happened)\\b'   # a source's items whose title or category
                           # matches (a regex, any case) are followed as live blogs

# Alerts outside the app, for new posts: alerts = "all", "key" (key events and breaking
# news) or "none"; `liveread set FEED --alerts ...` sets a feed's own.
alerts = "key"
terminal_notify = "auto"   # "osc9", "osc777" or "off": the terminal's own notification
bell = false
# notify_command = "notify-send {title} {text}"   # also {feed}, {url}, {time}; no shell
# quiet_hours = "22:00-07:00"   # local time: no bell, command or notification then

[intervals]
# A feed's own interval in seconds, by its address (`liveread set FEED --interval` wins).
# "https://www.theguardian.com/world/live/2024/jul/18/example" = 300

[keys]
# Remap any binding by its id; several keys separate with commas.
# "entries.next" = "j,down"
# "app.refresh_all" = "ctrl+r"
"""


class ConfigError(Exception):
    """A config file that cannot be used; str() says which file and what is wrong."""


@dataclass(frozen=True, slots=True)
class Config:
    refresh_interval: float = DEFAULT_REFRESH_SECONDS
    """The base of each feed's rhythm, in seconds (`liveread.schedule`)."""
    min_interval: float = DEFAULT_MIN_INTERVAL_SECONDS
    """The floor of each feed's rhythm, and of an interval set for one feed, in seconds."""
    read_after: float = DEFAULT_READ_AFTER_SECONDS
    """Seconds a post stays in the reader before it is marked read; 0: as soon as shown."""
    theme: str | None = None
    export_dir: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)
    intervals: dict[str, float] = field(default_factory=dict)
    """Feeds' own intervals in seconds by address (config `[intervals]`)."""
    alerts: str = "key"
    """The alert level of a feed that has none of its own: "all", "key" or "none"."""
    terminal_notify: str = "auto"
    bell: bool = False
    notify_command: tuple[str, ...] = ()
    """The command run for each alert, split into arguments (`alerts.parse_command`)."""
    quiet_hours: QuietHours | None = None
    keep_days: int | None = None
    """Posts first seen more than this many days ago are pruned; None keeps them all."""
    max_posts_per_feed: int | None = None
    """Each feed keeps its newest this many posts; None keeps them all."""
    source_pattern: str = DEFAULT_SOURCE_PATTERN
    """A regex (any case): a source's items whose title or a category matches it are live
    blogs by their own account (`liveread.sources`)."""


def load(path: Path | None = None) -> Config:
    """The config at `path` (default: the user's config file); defaults when it does not exist.
    Raises ConfigError for a file that is unreadable or invalid."""
    path = path or paths.config_file()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from None
    import tomllib  # only where there is a file to read (some 4 ms at start-up)

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    return _validate(data, path)


def load_or_defaults(path: Path | None = None) -> tuple[Config, str | None]:
    """The config at `path` (default: the user's), or, when that file cannot be used, the
    defaults and one line naming the file and what is wrong with it, for the front end to
    report (the app in a notification, the CLI on stderr) before carrying on."""
    try:
        return load(path), None
    except ConfigError as error:
        return Config(), str(error)


def _validate(data: dict[str, Any], path: Path) -> Config:
    known = {
        "refresh_interval",
        "min_interval",
        "read_after",
        "theme",
        "export_dir",
        "keys",
        "intervals",
        *ALERT_KEYS,
        "keep_days",
        "max_posts_per_feed",
        "source_pattern",
    }
    if unknown := sorted(set(data) - known):
        raise ConfigError(
            f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    interval = data.get("refresh_interval", DEFAULT_REFRESH_SECONDS)
    if isinstance(interval, bool) or not isinstance(interval, int | float):
        raise ConfigError(f"{path}: refresh_interval must be a number of seconds")
    if interval < MIN_REFRESH_SECONDS:
        raise ConfigError(f"{path}: refresh_interval must be at least {MIN_REFRESH_SECONDS:g} s")
    min_interval = data.get("min_interval", DEFAULT_MIN_INTERVAL_SECONDS)
    if isinstance(min_interval, bool) or not isinstance(min_interval, int | float):
        raise ConfigError(f"{path}: min_interval must be a number of seconds")
    if not MIN_REFRESH_SECONDS <= min_interval < float("inf"):
        raise ConfigError(f"{path}: min_interval must be at least {MIN_REFRESH_SECONDS:g} s")
    read_after = data.get("read_after", DEFAULT_READ_AFTER_SECONDS)
    if isinstance(read_after, bool) or not isinstance(read_after, int | float):
        raise ConfigError(f"{path}: read_after must be a number of seconds")
    if not 0 <= read_after < float("inf"):  # nan and inf fail too
        raise ConfigError(f"{path}: read_after must be 0 (at once) or more seconds")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(f"{path}: theme must be a string")
    export_dir = data.get("export_dir")
    if export_dir is not None and not isinstance(export_dir, str):
        raise ConfigError(f"{path}: export_dir must be a path string")
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keys.items()
    ):
        raise ConfigError(f'{path}: [keys] maps binding ids to keys, e.g. "app.quit" = "ctrl+q"')
    keep_days = _limit(data, "keep_days", "days", MAX_KEEP_DAYS, path)
    max_posts = _limit(data, "max_posts_per_feed", "posts", None, path)
    source_pattern = data.get("source_pattern", DEFAULT_SOURCE_PATTERN)
    if not isinstance(source_pattern, str) or not source_pattern.strip():
        raise ConfigError(f"{path}: source_pattern must be a regular expression string")
    try:
        compile_pattern(source_pattern)
    except ValueError as error:
        raise ConfigError(f"{path}: source_pattern: {error}") from None
    return Config(
        refresh_interval=float(interval),
        min_interval=float(min_interval),
        read_after=float(read_after),
        theme=theme,
        export_dir=Path(export_dir).expanduser() if export_dir else None,
        keys=dict(keys),
        intervals=_intervals(data, float(min_interval), path),
        keep_days=keep_days,
        max_posts_per_feed=max_posts,
        source_pattern=source_pattern,
        **_alert_settings(data, path),
    )


ALERT_KEYS = ("alerts", "terminal_notify", "bell", "notify_command", "quiet_hours")


def _alert_settings(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The alert settings `data` holds, checked, as Config's fields."""
    if not any(key in data for key in ALERT_KEYS):
        return {}
    from liveread import alerts

    settings: dict[str, Any] = {}
    for key, choices in (("alerts", alerts.LEVELS), ("terminal_notify", alerts.TERMINAL_NOTIFY)):
        if key in data:
            if data[key] not in choices:
                raise ConfigError(f"{path}: {key} must be one of {', '.join(choices)}")
            settings[key] = data[key]
    if "bell" in data:
        if not isinstance(data["bell"], bool):
            raise ConfigError(f"{path}: bell must be true or false")
        settings["bell"] = data["bell"]
    for key, parse in (
        ("notify_command", alerts.parse_command),
        ("quiet_hours", alerts.parse_quiet_hours),
    ):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {key} must be a string")
        try:
            settings[key] = parse(value)
        except ValueError as error:
            raise ConfigError(f"{path}: {key}: {error}") from None
    return settings


def _intervals(data: dict[str, Any], floor: float, path: Path) -> dict[str, float]:
    """The `[intervals]` table: feed addresses to seconds, none below `min_interval`."""
    table = data.get("intervals", {})
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: [intervals] maps feed addresses to seconds, e.g. "URL" = 300')
    for url, seconds in table.items():
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise ConfigError(f"{path}: [intervals] {url!r} must be a number of seconds")
        if not floor <= seconds < float("inf"):
            raise ConfigError(
                f"{path}: [intervals] {url!r} must be at least min_interval ({floor:g} s)"
            )
    return {url: float(seconds) for url, seconds in table.items()}


def _limit(data: dict[str, Any], key: str, unit: str, most: int | None, path: Path) -> int | None:
    """A pruning limit: a whole number of `unit` from 1 to `most`; 0 or absent: no limit."""
    value = data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{path}: {key} must be a whole number of {unit} (0: keep everything)")
    if most is not None and value > most:
        raise ConfigError(f"{path}: {key} must be at most {most:,} {unit}")
    return value or None
