"""The config file: defaults when absent, strict validation with a message naming the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveread import paths
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
            '[keys]\n"app.favourite" = "x"\n',
        )
    )
    assert config.refresh_interval == 30.0
    assert config.read_after == 0.0
    assert config.theme == "nord"
    assert config.export_dir == Path("~/x").expanduser()
    assert config.keys == {"app.favourite": "x"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("refresh_interval = [", "not valid TOML"),
        ("refresh_interval = 'soon'", "refresh_interval must be a number"),
        ("refresh_interval = true", "refresh_interval must be a number"),
        ("refresh_interval = 1", "at least 10"),
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
