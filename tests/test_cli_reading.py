"""The CLI's reading commands and its config: `read`, `unread`, `favourite`, the one-line
`search` (and `--full`, `--json`, `--limit`, `--offset`), `refresh --json`, and config.toml as the app
reads it. Feeds come over real sockets from the loopback server into a real SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Run
from liveread import cli, paths
from loopback import LoopbackServer, Route

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<div id="lx-stream"><ol class="lx-stream__feed">{posts}</ol></div></body></html>"""
POST = (
    '<li><article class="lx-stream-post" id="post-{n}"><header>'
    '<h3 class="lx-stream-post__header-text">{heading}</h3></header>'
    '<div class="lx-stream-post-body"><p>Post {n} says the course is {word} today.</p></div>'
    "</article></li>"
)


def page(*posts: tuple[int, str], title: str = "Small live", heading: str = "Post {n}") -> str:
    """A live page whose posts have the keys "1", "2" ... (numbers, like many sites')."""
    body = "".join(POST.format(n=n, word=word, heading=heading.format(n=n)) for n, word in posts)
    return PAGE.format(title=title, posts=body)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def small(run: Run, loopback: LoopbackServer) -> str:
    """A followed feed (#1) of three posts, keys "3", "2", "1", all unread."""
    url = loopback.route("/small", body=page((3, "busy"), (2, "dry"), (1, "wet")))
    assert run("add", url)[0] == 0
    return url


def post_ids(run: Run) -> dict[str, int]:
    """Each post's #id as `show` prints it, by its title ("Post 3": 1, ...)."""
    code, out, _ = run("show", "1")
    assert code == 0
    found = re.findall(r"^── #(\d+) · .*\n(Post \d+)$", out, re.MULTILINE)
    return {title: int(number) for number, title in found}


def unread(run: Run) -> int:
    (feed,) = json.loads(run("feeds", "--json")[1])
    return int(feed["unread"])


def unread_titles(run: Run) -> list[str]:
    return re.findall(r"^Post \d+$", run("show", "1", "--new")[1], re.MULTILINE)


# -- read and unread --------------------------------------------------------------------------


def test_show_prints_ids_that_read_takes_back(run: Run, small: str) -> None:
    ids = post_ids(run)
    assert sorted(ids) == ["Post 1", "Post 2", "Post 3"]
    assert len(set(ids.values())) == 3

    code, out, err = run("read", "Small", f"#{ids['Post 3']}")
    assert (code, err) == (0, "")
    assert out == "Marked 1 post read in #1 Small live\n"
    assert unread(run) == 2
    assert unread_titles(run) == ["Post 2", "Post 1"]  # ... and `show --new` marked them read


def test_a_post_is_named_by_its_key_before_an_id(run: Run, small: str) -> None:
    """Keys here are numbers too: a bare number is the post with that key; `#N` is always
    the post with id N."""
    ids = post_ids(run)
    by_key = {"1": "Post 1", "2": "Post 2", "3": "Post 3"}
    key_unlike_id = next(k for k, title in by_key.items() if ids[title] != int(k))
    code, out, _ = run("read", "1", key_unlike_id)
    assert code == 0 and out.startswith("Marked 1 post read")
    assert unread_titles(run) == [
        t for t in ("Post 3", "Post 2", "Post 1") if t != by_key[key_unlike_id]
    ]


def test_read_and_unread_a_whole_feed_with_counts_of_what_changed(run: Run, small: str) -> None:
    ids = post_ids(run)
    run("read", "1", f"#{ids['Post 1']}")

    assert run("read", "1") == (0, "Marked 2 posts read in #1 Small live (1 already read)\n", "")
    assert unread(run) == 0
    assert run("read", "1")[1] == "Marked 0 posts read in #1 Small live (3 already read)\n"

    code, out, _ = run("unread", "1", "2", "2", f"#{ids['Post 2']}")  # one post, named thrice
    assert (code, out) == (0, "Marked 1 post unread in #1 Small live\n")
    assert unread(run) == 1
    assert (
        run("unread", "Small live")[1]
        == "Marked 2 posts unread in #1 Small live (1 already unread)\n"
    )
    assert unread(run) == 3


def test_read_all_marks_every_feed(run: Run, small: str, loopback: LoopbackServer) -> None:
    other = loopback.route("/other", body=page((5, "calm"), (4, "windy")))
    assert run("add", other)[0] == 0
    run("read", "1", "3")

    assert run("read", "--all") == (0, "Marked 4 posts read in every feed\n", "")
    feeds = json.loads(run("feeds", "--json")[1])
    assert [feed["unread"] for feed in feeds] == [0, 0]
    assert run("read", "--all")[1] == "Marked 0 posts read in every feed\n"


def test_marking_needs_a_feed_or_all(run: Run, small: str) -> None:
    assert run("read") == (1, "", "liveread: error: name a feed to mark read (or --all)\n")
    assert run("unread") == (1, "", "liveread: error: name a feed to mark unread\n")
    code, _, err = run("read", "1", "--all")
    assert code == 1 and "name no feed" in err
    assert unread(run) == 3


def test_an_unknown_post_is_an_error_and_nothing_changes(run: Run, small: str) -> None:
    code, out, err = run("read", "1", "2", "#999")
    assert (code, out) == (1, "")
    assert err == "liveread: error: no post '#999' in #1 Small live\n"
    assert unread(run) == 3
    code, _, err = run("read", "Nothing like it", "2")
    assert code == 1 and err.startswith("liveread: error: ")


# -- favourite --------------------------------------------------------------------------------


def test_favourite_toggles_and_says_which_way(run: Run, small: str) -> None:
    ids = post_ids(run)
    post = f"#{ids['Post 2']}"
    named = f"#{ids['Post 2']} Post 2"
    assert run("favourite", "1", post) == (0, f"Added to favourites: {named}\n", "")
    assert run("favourite", "1", "2", "--on") == (0, f"Already a favourite: {named}\n", "")

    assert run("export", "--format", "json", "-o", "favs.json")[0] == 0
    (kept,) = json.loads(Path("favs.json").read_text(encoding="utf-8"))["posts"]
    assert kept["title"] == "Post 2"

    assert run("favourite", "1", post) == (0, f"Removed from favourites: {named}\n", "")
    assert run("favourite", "1", post, "--off") == (0, f"Not a favourite: {named}\n", "")
    code, _, err = run("export")
    assert code == 1 and "no favourites" in err


# -- search -----------------------------------------------------------------------------------


def test_search_prints_one_line_per_match_cut_to_the_terminal(
    run: Run, loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    heading = "A heading long enough to need cutting at sixty columns of terminal, post {n}"
    posts = [(n, "breezy") for n in range(30, 0, -1)]
    url = loopback.route("/long", body=page(*posts, title="Breezy live", heading=heading))
    assert run("add", url)[0] == 0
    monkeypatch.setenv("COLUMNS", "60")

    code, out, err = run("search", "breezy")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert len(lines) == 20  # the default limit
    for line in lines:
        assert len(line) <= 60 and line.endswith("…"), line
        assert line.startswith("undated") and "Breezy live" in line
        assert re.search(r"  #\d+ +A heading long", line), line
    assert len({line.index("A heading") for line in lines}) == 1  # in columns

    monkeypatch.setenv("COLUMNS", "400")
    code, out, _ = run("search", "breezy", "--limit", "3")
    lines = out.splitlines()
    assert len(lines) == 3
    assert all(" — Post " in line and line.endswith("is breezy today.") for line in lines)


def test_search_offset_pages_through_the_matches(run: Run, loopback: LoopbackServer) -> None:
    url = loopback.route("/windy", body=page(*[(n, "windy") for n in range(12, 0, -1)]))
    assert run("add", url)[0] == 0

    def found(*options: str) -> list[str]:
        code, out, err = run("search", "windy", "--json", *options)
        assert (code, err) == (0, "")
        return [hit["title"] for hit in json.loads(out)]

    every = found("--limit", "50")
    assert sorted(every) == sorted(f"Post {n}" for n in range(1, 13))
    pages = [found("--limit", "5", "--offset", str(start)) for start in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert pages[0] + pages[1] + pages[2] == every
    assert found("--offset", "7") == every[7:]

    code, out, _ = run("search", "windy", "--offset", "12")
    assert (code, out) == (0, "No more posts match 'windy' after the first 12.\n")


def test_search_offset_must_be_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["search", "windy", "--offset", "-1"])
    assert info.value.code == 2
    assert "argument --offset: not zero or a positive whole number: '-1'" in capsys.readouterr().err


def test_search_full_and_json(run: Run, small: str) -> None:
    ids = post_ids(run)
    code, out, _ = run("search", "dry", "--full")
    assert code == 0
    assert out.startswith(f"── #{ids['Post 2']} · undated · Small live\nPost 2\n")
    assert "Post 2 says the course is dry today." in out

    code, out, _ = run("search", "dry", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "feed": "Small live",
            "feed_id": 1,
            "id": ids["Post 2"],
            "key": "2",
            "title": "Post 2",
            "published": None,
            "url": f"{small}#post-2",
            "snippet": "Post 2 says the course is dry today.",
        }
    ]
    assert run("search", "zyzzyvaqq", "--json") == (0, "[]\n", "")


# -- refresh --json ---------------------------------------------------------------------------


def test_refresh_json_prints_one_object_per_feed(run: Run, loopback: LoopbackServer) -> None:
    changing = loopback.route(
        "/changing",
        [
            Route(body=page((2, "dry"), (1, "wet"))),
            Route(body=page((3, "busy"), (2, "dry"), (1, "windy"))),
        ],
    )
    steady = loopback.route("/steady", body=page((1, "calm"), title="Steady"), etag='"s1"')
    gone = loopback.route("/gone", body=page((1, "calm"), title="Going away"))
    for url in (changing, steady, gone):
        assert run("add", url)[0] == 0
    loopback.route("/gone", status=404)

    code, out, err = run("refresh", "--json")

    assert (code, err) == (1, "")
    results = sorted((json.loads(line) for line in out.splitlines()), key=lambda r: r["id"])
    assert results == [
        {
            "id": 1,
            "title": "Small live",
            "new": 1,
            "edited": 1,
            "not_modified": False,
            "found": 0,
            "error": None,
        },
        {
            "id": 2,
            "title": "Steady",
            "new": 0,
            "edited": 0,
            "not_modified": True,
            "found": 0,
            "error": None,
        },
        {
            "id": 3,
            "title": "Going away",
            "new": 0,
            "edited": 0,
            "not_modified": False,
            "found": 0,
            "error": "HTTP 404",
        },
    ]
    code, out, _ = run("refresh", "Steady", "--json")
    assert code == 0 and json.loads(out)["not_modified"] is True


# -- config -----------------------------------------------------------------------------------


def write_config(text: str) -> Path:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_export_goes_to_the_configured_folder(run: Run, small: str, tmp_path: Path) -> None:
    folder = tmp_path / "my exports"
    write_config(f'export_dir = "{folder}"\n')
    run("favourite", "1", "2")

    code, out, err = run("export")

    (written,) = folder.iterdir()
    assert (code, out, err) == (0, f"Exported 1 favourites to {written}\n", "")
    assert written.name.startswith("liveread-favourites-") and written.suffix == ".md"
    assert not paths.export_dir().exists()
    code, out, _ = run("export", "-o", "here.md")  # -o still wins
    assert code == 0 and (tmp_path / "here.md").is_file()


def test_a_broken_config_is_reported_on_one_line_and_defaults_are_used(
    run: Run, small: str
) -> None:
    path = write_config("export_dir = 3\n")
    code, out, err = run("feeds")
    assert code == 0
    assert "Small live" in out
    assert err == f"liveread: warning: {path}: export_dir must be a path string (using defaults)\n"

    write_config('refresh_interval = "soon\n')  # not TOML at all
    run("favourite", "1", "2")
    code, out, err = run("export")
    assert code == 0
    assert out.startswith(f"Exported 1 favourites to {paths.export_dir()}")
    assert err.count("\n") == 1
    assert err.startswith(f"liveread: warning: {path} is not valid TOML: ")
    assert err.endswith(" (using defaults)\n")
