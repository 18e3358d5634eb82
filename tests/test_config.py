"""The config file: defaults when absent, strict validation with a message naming the problem."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest

from liveread import paths
from liveread.alerts import QuietHours
from liveread.config import EXAMPLE, Config, ConfigError, load


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "nope.toml") == Config()


def test_example_in_the_docs_is_valid(tmp_path: Path) -> None:
    config = load(write(tmp_path, EXAMPLE))
    assert config.refresh_interval == 60
    assert config.min_interval == 30
    assert config.read_after == 2
    assert config.keys == {}
    assert (config.keep_days, config.max_posts_per_feed) == (None, None)  # pruning is off


def test_pruning_limits_are_read_and_zero_means_none(tmp_path: Path) -> None:
    config = load(write(tmp_path, "keep_days = 30\nmax_posts_per_feed = 5000\n"))
    assert (config.keep_days, config.max_posts_per_feed) == (30, 5000)
    config = load(write(tmp_path, "keep_days = 0\nmax_posts_per_feed = 0\n"))
    assert (config.keep_days, config.max_posts_per_feed) == (None, None)


def test_values_are_read(tmp_path: Path) -> None:
    config = load(
        write(
            tmp_path,
            'refresh_interval = 30\nread_after = 0\ntheme = "nord"\nexport_dir = "~/x"\n'
            'min_interval = 15\n[keys]\n"app.favourite" = "x"\n',
        )
    )
    assert config.refresh_interval == 30.0
    assert config.min_interval == 15.0
    assert config.read_after == 0.0
    assert config.theme == "nord"
    assert config.export_dir == Path("~/x").expanduser()
    assert config.keys == {"app.favourite": "x"}


def test_the_source_pattern_is_read_and_matches_any_case(tmp_path: Path) -> None:
    from liveread.feedformats import FeedItem
    from liveread.sources import announces_live, compile_pattern

    config = load(write(tmp_path, "source_pattern = '\\bticker\\b'\n"))
    pattern = compile_pattern(config.source_pattern)
    assert announces_live(FeedItem("https://example.com/a", "Der TICKER zum Streik"), pattern)
    assert not announces_live(FeedItem("https://example.com/b", "Strike: live updates"), pattern)
    default = compile_pattern(Config().source_pattern)
    for title in ("Strike – as it happened", "Grève : en direct", "Sciopero in diretta", "LIVE"):
        assert announces_live(FeedItem("https://example.com/c", title), default), title
    assert not announces_live(FeedItem("https://example.com/d", "Liverpool sign striker"), default)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("refresh_interval = [", "not valid TOML"),
        ("refresh_interval = 'soon'", "refresh_interval must be a number"),
        ("refresh_interval = true", "refresh_interval must be a number"),
        ("refresh_interval = 1", "at least 10"),
        ("min_interval = 5", "min_interval must be at least 10 s"),
        ("min_interval = inf", "min_interval must be at least 10 s"),
        ("min_interval = '30s'", "min_interval must be a number"),
        ("read_after = -1", "read_after must be 0 (at once) or more"),
        ("read_after = nan", "read_after must be 0 (at once) or more"),
        ("read_after = '2s'", "read_after must be a number"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("theme = 3", "theme must be a string"),
        ("[keys]\n'app.quit' = 1", "[keys] maps binding ids"),
        ("keys = 'q'", "[keys] maps binding ids"),
        ("keep_days = -1", "keep_days must be a whole number of days"),
        ("keep_days = 1.5", "keep_days must be a whole number of days"),
        ("keep_days = true", "keep_days must be a whole number of days"),
        ("keep_days = 99999999", "keep_days must be at most 36,500 days"),
        ("max_posts_per_feed = '100'", "max_posts_per_feed must be a whole number of posts"),
        ("source_pattern = '(live'", "source_pattern: not a regular expression"),
        ("source_pattern = 3", "source_pattern must be a regular expression string"),
        ("source_pattern = ' '", "source_pattern must be a regular expression string"),
    ],
)
def test_invalid_files_name_the_problem_and_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_text(encoding="utf-8") == text  # never rewritten


def test_undecodable_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ConfigError, match="cannot read"):
        load(path)


def test_default_location_follows_liveread_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEREAD_HOME", str(tmp_path))
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("refresh_interval = 45\n", encoding="utf-8")
    assert load().refresh_interval == 45


def test_alert_settings_are_read(tmp_path: Path) -> None:
    config = load(
        write(
            tmp_path,
            'alerts = "all"\nterminal_notify = "osc777"\nbell = true\n'
            "notify_command = \"notify-send -a 'live read' {title} {text}\"\n"
            'quiet_hours = "22:30-06:15"\n',
        )
    )
    assert (config.alerts, config.terminal_notify, config.bell) == ("all", "osc777", True)
    assert config.notify_command == ("notify-send", "-a", "live read", "{title}", "{text}")
    assert config.quiet_hours == QuietHours(time(22, 30), time(6, 15))


def test_alert_settings_default_to_key_events_told_by_the_terminal() -> None:
    config = Config()
    assert (config.alerts, config.terminal_notify, config.bell) == ("key", "auto", False)
    assert (config.notify_command, config.quiet_hours) == ((), None)


def test_the_examples_commented_alert_settings_are_valid(tmp_path: Path) -> None:
    lines = [line.removeprefix("# ") for line in EXAMPLE.splitlines()]
    chosen = [line for line in lines if line.startswith(("notify_command", "quiet_hours"))]
    config = load(write(tmp_path, "\n".join(chosen)))
    assert config.notify_command == ("notify-send", "{title}", "{text}")
    assert config.quiet_hours == QuietHours(time(22, 0), time(7, 0))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("alerts = 'some'", "alerts must be one of all, key, none"),
        ("alerts = true", "alerts must be one of all, key, none"),
        ("terminal_notify = 'osc99'", "terminal_notify must be one of auto, osc9, osc777, off"),
        ("bell = 'yes'", "bell must be true or false"),
        ("notify_command = ['notify-send']", "notify_command must be a string"),
        ("notify_command = ''", "notify_command: an empty command"),
        ("notify_command = 'notify-send \"{title}'", "notify_command: cannot split"),
        ("notify_command = 'notify-send {body}'", "notify_command: unknown placeholder {body}"),
        ("quiet_hours = '22-7'", "quiet_hours: not a span of time"),
        ("quiet_hours = 2200", "quiet_hours must be a string"),
    ],
)
def test_invalid_alert_settings_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_feeds_own_intervals_are_read_from_the_intervals_table(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[intervals]\n"https://example.com/live" = 300\n')
    assert load(path).intervals == {"https://example.com/live": 300.0}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("intervals = 5\n", "[intervals] maps feed addresses to seconds"),
        ('[intervals]\n"https://example.com/live" = "5m"\n', "must be a number of seconds"),
        ('[intervals]\n"https://example.com/live" = 10\n', "must be at least min_interval (30 s)"),
    ],
)
def test_a_bad_interval_is_named(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(table)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load(path)
