"""The `liveread` command: in-process through `main()`, and as an installed program."""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import Run
from liveread import cli, fetch, paths, service
from liveread.demo import BLOG, POSTS
from liveread.fetch import FetchConfig, Fetcher
from liveread.parse import parse
from liveread.store import Store
from loopback import LoopbackServer, Route

ENTRY_KEYS = {
    "key",
    "url",
    "published",
    "updated",
    "title",
    "authors",
    "kind",
    "key_event",
    "pinned",
    "text",
    "blocks",
}
SMALL = """<!doctype html><html><head><title>Small live</title></head><body>
<div id="lx-stream"><ol class="lx-stream__feed">{posts}</ol></div></body></html>"""
POST = (
    '<li><article class="lx-stream-post" id="post-{n}"><header>'
    '<h3 class="lx-stream-post__header-text">Post {n}</h3></header>'
    '<div class="lx-stream-post-body"><p>Post {n} says the course is {word} today.</p></div>'
    "</article></li>"
)
NOT_LIVE = "<!doctype html><html><head><title>About</title></head><body><p>Hi.</p></body></html>"


def small_page(*posts: tuple[int, str], title: str = "Small live") -> str:
    body = "".join(POST.format(n=n, word=word) for n, word in posts)
    return SMALL.format(posts=body).replace("Small live", title)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own LIVEREAD_HOME (in-process and for subprocesses)."""
    folder = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(folder))
    return folder


@pytest.fixture
def fast_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's fetcher without retries, so a refused connection fails at once."""
    config = FetchConfig(connect_timeout=1.0, read_timeout=1.0, retries=0)
    # The CLI imports the fetcher when a command needs it, so patch it where it lives, and
    # where the service (`read_page`) took it from.
    monkeypatch.setattr(fetch, "Fetcher", functools.partial(Fetcher, config))
    monkeypatch.setattr(service, "Fetcher", functools.partial(Fetcher, config))


@pytest.fixture
def independent(real_page: Callable[[str], bytes]) -> bytes:
    return real_page("independent")


@pytest.fixture
def live_url(loopback: LoopbackServer, independent: bytes) -> str:
    """The real Independent live blog served on loopback (with an ETag)."""
    return loopback.route("/sport/football/live", body=independent, etag='"ind-1"')


def title_of(html: bytes, url: str) -> str:
    return parse(html, url).title


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("liveread: error: ")
    return err.removeprefix("liveread: error: ").rstrip("\n")


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/live"


def liveread(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The installed program, in a child process."""
    env = {**os.environ, paths.HOME_ENV: str(home)}
    return subprocess.run(
        [sys.executable, "-m", "liveread", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )


# -- the installed program ------------------------------------------------------------------


def test_version_from_the_installed_program(home: Path):
    expected = f"liveread {version('liveread')}\n"
    result = liveread("--version", home=home)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")
    script = shutil.which("liveread", path=str(Path(sys.executable).parent))
    assert script is not None, "the liveread console script is not installed"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, expected)


def test_installed_program_adds_and_shows_a_feed(home: Path, live_url: str, independent: bytes):
    added = liveread("add", live_url, home=home)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"Following {title_of(independent, live_url)} (10 posts")
    shown = liveread("show", "1", "--json", home=home)
    assert shown.returncode == 0, shown.stderr
    posts = json.loads(shown.stdout)
    assert len(posts) == 10
    assert (home / "data" / "liveread.db").is_file()


def test_installed_program_reports_a_corrupt_database_in_one_line(home: Path):
    db = home / "data" / "liveread.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database " * 100)
    result = liveread("feeds", home=home)
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_error_line(result.stderr) == (
        f"database file is corrupt or not a liveread database: {db}"
        " (left as it is: move it elsewhere and liveread starts a new one)"
    )
    assert db.read_bytes() == b"this is not a database " * 100
    # As the message says: moved aside, it is kept, and liveread starts afresh.
    db.rename(db.with_name("old.db"))
    again = liveread("feeds", home=home)
    assert again.returncode == 0, again.stderr
    assert db.with_name("old.db").read_bytes() == b"this is not a database " * 100


def test_installed_program_help_lists_every_command(home: Path):
    result = liveread("--help", home=home)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: liveread")
    for command in ("add", "feeds", "remove", "refresh", "show", "parse", "search", "demo"):
        assert f"    {command} " in result.stdout


# -- help and version in-process -------------------------------------------------------------


def subcommands() -> list[str]:
    parser = cli.build_parser()
    (sub,) = (a for a in parser._actions if a.dest == "command")
    return list(sub.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", subcommands())
def test_help_for_every_subcommand(command: str, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: liveread {command}")
    assert "options:" in out


def test_headless_subcommands_are_all_there():
    assert set(subcommands()) >= {
        "add", "feeds", "remove", "refresh", "show", "parse", "search", "demo"
    }  # fmt: skip


def test_top_level_help(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: liveread")
    for command in subcommands():
        assert f"    {command} " in out


@pytest.mark.parametrize(
    "argv", [[], ["--offline"], ["--demo"], ["--demo", "--offline"], ["--off", "--dem"]]
)
def test_the_app_options_are_read_without_the_commands_parsers(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
):
    """As the full parser reads them, but without building its two dozen command parsers."""
    expected = vars(cli.build_parser().parse_args(argv))
    opened: list[dict[str, object]] = []

    def no_commands_parser() -> None:
        raise AssertionError("the commands' parsers were built")

    def open_app(args: object) -> int:
        opened.append(vars(args))
        return 0

    monkeypatch.setattr(cli, "build_parser", no_commands_parser)
    monkeypatch.setattr(cli, "cmd_tui", open_app)
    assert cli.main(argv) == 0
    assert opened == [{**expected, "func": open_app}]


@pytest.mark.parametrize("argv", [["--offline", "--help"], ["--off", "-h"], ["--demo", "feeds"]])
def test_app_options_before_help_or_a_command_go_to_the_full_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
):
    try:
        code = cli.main(argv)
    except SystemExit as info:  # help
        code = int(info.code or 0)
        out = capsys.readouterr().out
        assert all(f"    {command} " in out for command in subcommands())
    assert code == 0


def test_version_in_process(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"liveread {version('liveread')}\n"


# -- following feeds --------------------------------------------------------------------------


def test_add_then_feeds_show_and_new(run: Run, live_url: str, independent: bytes):
    title = title_of(independent, live_url)
    assert run("feeds") == (
        0,
        "No feeds yet. Add one with: liveread add URL   (or try: liveread demo)\n",
        "",
    )

    code, out, err = run("add", live_url)
    assert (code, out, err) == (0, f"Following {title} (10 posts, id 1)\n", "")

    code, out, _ = run("feeds")
    assert code == 0
    assert out.startswith(f"  1  {title}  [ended]  10/10 unread  refreshed ")
    assert "error:" not in out
    code, out, _ = run("feeds", "--json")
    (feed,) = json.loads(out)
    assert feed["url"] == live_url
    assert (feed["title"], feed["total"], feed["unread"], feed["error"]) == (title, 10, 10, None)
    assert feed["last_ok"].endswith("Z")

    code, out, _ = run("show", title[:12], "--json")
    assert code == 0
    posts = json.loads(out)
    assert isinstance(posts, list)
    assert len(posts) == 10
    for post in posts:
        assert post.keys() >= ENTRY_KEYS
        assert post["published"].endswith("Z")
    published = [p["published"] for p in posts]
    assert published == sorted(published, reverse=True)
    expected = parse(independent, live_url).entries
    assert [p["key"] for p in posts] == [e.key for e in expected]

    code, out, _ = run("show", "1", "--markdown")
    assert code == 0
    assert out.startswith(f"# {title}\n\n## ")
    assert out.count("\n## ") == 10
    assert "Gustavsson" in out

    code, out, _ = run("show", live_url, "--new")
    assert code == 0
    assert out.count("── ") == 10
    assert expected[0].text.split("\n")[0] in out
    assert run("show", "1", "--new") == (0, "No new posts.\n", "")
    code, out, _ = run("feeds")
    assert "  0/10 unread" in out


def test_show_limit(run: Run, live_url: str):
    run("add", live_url)
    code, out, _ = run("show", "1", "--json", "--limit", "3")
    assert code == 0
    assert len(json.loads(out)) == 3


def test_adding_a_blog_followed_already_says_under_which_id(
    run: Run, live_url: str, independent: bytes, loopback: LoopbackServer
):
    title = title_of(independent, live_url)
    assert run("add", live_url)[0] == 0
    for again in (
        live_url + "#post-3",
        live_url.upper().replace("/SPORT/FOOTBALL/LIVE", "/sport/football/live"),
    ):
        code, out, err = run("add", again)
        assert (code, out, err) == (0, f"Already following as #1 {title} ({live_url})\n", "")
    assert loopback.hits("/sport/football/live") == 1
    code, out, _ = run("feeds")
    assert out.count(title) == 1


def test_refresh_summarises_each_feed_and_fails_for_a_broken_one(
    run: Run, loopback: LoopbackServer, live_url: str, independent: bytes
):
    title = title_of(independent, live_url)
    small = loopback.route(
        "/small",
        [
            Route(body=small_page((2, "dry"), (1, "wet"))),
            Route(body=small_page((3, "busy"), (2, "dry"), (1, "windy"))),
        ],
    )
    gone = loopback.route("/gone", body=small_page((1, "calm"), title="Going away"))
    for url in (live_url, small, gone):
        assert run("add", url)[0] == 0
    loopback.route("/gone", status=404)

    code, out, err = run("refresh")

    assert code == 1
    assert err == ""
    assert sorted(out.splitlines()) == [  # printed as each feed completes, in any order
        f"#1 {title} ({live_url}): no change",
        f"#2 Small live ({small}): 1 new, 1 edited",
        f"#3 Going away ({gone}): failed: HTTP 404",
    ]
    code, out, _ = run("feeds")
    assert out.count("error:") == 1
    assert "     error: HTTP 404\n" in out

    loopback.route("/gone", body=small_page((1, "calm"), title="Going away"))
    code, out, err = run("refresh", "Going")
    assert (code, out, err) == (0, f"#3 Going away ({gone}): 0 new, 0 edited\n", "")
    assert "error:" not in run("feeds")[1]


def test_refresh_prints_each_feed_as_it_completes(run: Run, loopback: LoopbackServer, home: Path):
    slow = loopback.route(
        "/slow", [Route(body=small_page((1, "calm"))), Route(body=small_page((1, "calm")), delay=4)]
    )
    quick = loopback.route("/quick", body=small_page((1, "dry"), title="Quick live"))
    assert run("add", slow)[0] == 0
    assert run("add", quick)[0] == 0
    env = {**os.environ, paths.HOME_ENV: str(home)}
    with subprocess.Popen(
        [sys.executable, "-m", "liveread", "refresh"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        assert child.stdout is not None
        first = child.stdout.readline()
        still_running = child.poll() is None
        rest, err = child.communicate(timeout=30)
    assert first == f"#2 Quick live ({quick}): 0 new, 0 edited\n"
    assert still_running, "the quick feed's line came only when every feed was done"
    assert (child.returncode, rest, err) == (0, f"#1 Small live ({slow}): 0 new, 0 edited\n", "")


def test_refresh_with_no_feeds(run: Run):
    assert run("refresh") == (0, "No feeds to refresh. Add one with: liveread add URL\n", "")


def test_remove_keeps_favourites(run: Run, live_url: str, independent: bytes):
    title = title_of(independent, live_url)
    run("add", live_url)
    with Store(paths.database_file()) as store:
        favourite = store.entries(1)[0]
        store.set_favourite(favourite.id, True)

    assert run("remove", "1", "--yes") == (
        0,
        f"Removed #1 {title} ({live_url}) (favourites kept)\n",
        "",
    )

    with Store(paths.database_file()) as store:
        assert store.feeds() == []
        assert store.count_entries() == 0
        (kept,) = store.favourites()
    assert kept.entry.key == favourite.entry.key
    assert kept.feed_url == live_url
    assert kept.entry.text == favourite.entry.text


def test_search_finds_a_distinctive_word(run: Run, live_url: str, independent: bytes):
    title = title_of(independent, live_url)
    run("add", live_url)
    code, out, _ = run("search", "Gustavsson", "--full")
    assert code == 0
    assert out.count("── ") == 1
    assert "Gustavsson" in out
    assert f" · {title}" in out
    assert run("search", "zyzzyvaqq") == (0, "No posts match 'zyzzyvaqq'.\n", "")


# -- parse ------------------------------------------------------------------------------------


def saved(tmp_path: Path, html: bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(html)
    return path


def test_parse_file_json(run: Run, tmp_path: Path, independent: bytes):
    path = saved(tmp_path, independent)
    code, out, err = run("parse", str(path), "--json")
    assert (code, err) == (0, "")
    blog = json.loads(out)
    assert isinstance(blog, dict)
    assert {"url", "title", "entries"} <= blog.keys()
    # A saved page is read by the address it gives itself: its links and zone are its site's.
    assert blog["url"] == parse(independent, "https://example.com/").canonical
    assert blog["url"].startswith("https://www.independent.co.uk/")
    assert blog["title"] == title_of(independent, blog["url"])
    entries = blog["entries"]
    assert len(entries) == 10
    published = [e["published"] for e in entries]
    assert all(p.endswith("Z") for p in published)
    assert published == sorted(published, reverse=True)
    for entry in entries:
        assert entry.keys() >= ENTRY_KEYS


def test_parse_a_page_saved_as_a_single_file(run: Run, tmp_path: Path, independent: bytes):
    import quopri

    boundary = "----MultipartBoundary--abc123----"
    address = "https://www.independent.co.uk/saved/live-page"
    mhtml = (
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        + f'\tboundary="{boundary}"\r\n\r\n--{boundary}\r\n'.encode()
        + b"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        + f"Content-Location: {address}\r\n\r\n".encode()
        + quopri.encodestring(independent)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    code, out, err = run("parse", str(saved(tmp_path, mhtml, "page.mhtml")), "--json")
    assert (code, err) == (0, "")
    blog = json.loads(out)
    expected = json.loads(run("parse", str(saved(tmp_path, independent)), "--json")[1])
    assert [e["text"] for e in blog["entries"]] == [e["text"] for e in expected["entries"]]
    assert [e["published"] for e in blog["entries"]] == [
        e["published"] for e in expected["entries"]
    ]


def test_parse_reads_a_saved_page_in_the_charset_it_declares(run: Run, tmp_path: Path):
    page = small_page((2, "wet"), (1, "dry"), title="Kälte-Liveticker: Straßen glatt")
    page = page.replace("<head>", '<head><meta charset="windows-1252">')
    code, out, err = run("parse", str(saved(tmp_path, page.encode("cp1252"))), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["title"] == "Kälte-Liveticker: Straßen glatt"


def test_parse_reads_a_page_saved_gzip_compressed(run: Run, tmp_path: Path):
    page = small_page((3, "wet"), (2, "dry"), (1, "calm")).encode()
    code, out, err = run("parse", str(saved(tmp_path, gzip.compress(page), "p.html.gz")), "--json")
    assert (code, err) == (0, "")
    plain = json.loads(run("parse", str(saved(tmp_path, page)), "--json")[1])
    assert json.loads(out)["entries"] == plain["entries"]
    assert len(plain["entries"]) == 3


def test_parse_says_so_when_a_compressed_page_cannot_be_read(run: Run, tmp_path: Path):
    broken = saved(tmp_path, gzip.compress(b"<html>" * 100)[:12] + b"not deflate", "p.gz")
    code, out, err = run("parse", str(broken), "--json")
    assert (code, out) == (1, "")
    assert err.strip() == f"liveread: error: {broken}: could not decompress the page"


def test_parse_file_explain_lists_removals_with_rules(
    run: Run, tmp_path: Path, real_page: Callable[[str], bytes]
):
    path = saved(tmp_path, real_page("guardian"))
    blog = parse(path.read_bytes(), path.resolve().as_uri())
    assert blog.removals

    code, out, err = run("parse", str(path), "--explain")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    # First how the page was read: the Guardian's spec, agreeing with its JSON-LD.
    assert lines[0].endswith("readings of the page (* the one read):")
    assert any(line.startswith("  * guardian: 11 posts") for line in lines)
    start = lines.index(f"{len(blog.removals)} removals ({blog.source}):")
    assert len(lines) == start + 1 + len(blog.removals)
    for line, removal in zip(lines[start + 1 :], blog.removals, strict=True):
        assert line.startswith(f"  - {removal.rule}")

    code, out, err = run("parse", str(path), "--json", "--explain")
    assert code == 0
    assert len(json.loads(out)["entries"]) == len(blog.entries)
    assert f"\n{len(blog.removals)} removals ({blog.source}):\n" in err


def test_parse_explain_says_why_a_page_is_refused(run: Run, tmp_path: Path):
    """The readings are what a person needs most when no post is found: each is listed with
    why it was refused, before the one-line error."""
    headlines = "".join(
        f"<li><time datetime='2024-07-24T1{n}:00:00Z'>1{n}:00</time>"
        f"<a href='/news/{n}'>Headline number {n} about the council budget</a></li>"
        for n in range(6)
    )
    path = tmp_path / "headlines.html"
    path.write_text(f"<html><body><h1>Latest</h1><ul>{headlines}</ul></body></html>")

    code, out, err = run("parse", str(path), "--explain")

    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "2 readings of the page, none read:"
    assert lines[1].lstrip().startswith("generic: 6 posts, score")
    assert "refused, mostly links: a list of teasers" in lines[1]
    assert lines[-1] == "liveread: error: no live entries found"

    code, out, err = run("parse", str(path))
    assert (code, err) == (1, "liveread: error: no live entries found\n")


def test_parse_url(run: Run, live_url: str, independent: bytes):
    blog = parse(independent, live_url)
    code, out, err = run("parse", live_url)
    assert (code, err) == (0, "")
    assert out.startswith(f"{blog.title}\n10 posts ({blog.source})\n\n── ")
    assert out.count("── ") == 10


# -- errors: one line on stderr, no traceback -------------------------------------------------


def test_parse_missing_file(run: Run, tmp_path: Path):
    missing = tmp_path / "nope.html"
    code, out, err = run("parse", str(missing))
    assert (code, out) == (1, "")
    assert one_error_line(err) == f"no such file: {missing}"


def test_parse_file_that_is_not_live(run: Run, tmp_path: Path):
    path = saved(tmp_path, NOT_LIVE.encode())
    code, out, err = run("parse", str(path))
    assert (code, out) == (1, "")
    assert one_error_line(err) == "no live entries found"


def test_parse_and_add_a_page_that_is_not_live(run: Run, loopback: LoopbackServer):
    url = loopback.route("/about", body=NOT_LIVE)
    code, out, err = run("parse", url)
    assert (code, out) == (1, "")
    assert one_error_line(err) == "no live entries found"
    code, out, err = run("add", url)
    assert (code, out) == (1, "")
    assert one_error_line(err) == f"{url}: no live entries found"
    assert run("feeds", "--json")[1] == "[]\n"


@pytest.mark.usefixtures("fast_fetch")
def test_dead_url(run: Run):
    url = closed_port_url()
    code, out, err = run("parse", url)
    assert (code, out) == (1, "")
    assert one_error_line(err) == "could not connect: connection refused"
    code, out, err = run("add", url)
    assert (code, out) == (1, "")
    assert one_error_line(err) == f"{url}: could not connect: connection refused"


@pytest.mark.parametrize("command", ["show", "remove", "refresh"])
def test_unknown_feed(run: Run, live_url: str, command: str):
    run("add", live_url)
    code, out, err = run(command, "no-such-feed")
    assert (code, out) == (1, "")
    assert one_error_line(err).startswith("no feed matches 'no-such-feed'")


@pytest.mark.parametrize("command", [["feeds"], ["show", "1"], ["search", "word"], ["refresh"]])
def test_corrupt_database(run: Run, command: list[str]):
    db = paths.database_file()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00junk" * 1000)
    code, out, err = run(*command)
    assert (code, out) == (1, "")
    assert one_error_line(err) == (
        f"database file is corrupt or not a liveread database: {db}"
        " (left as it is: move it elsewhere and liveread starts a new one)"
    )


# -- demo -------------------------------------------------------------------------------------


def test_demo_runs_headless(run: Run, home: Path):
    code, out, err = run("demo", "--watch", "0")
    assert (code, err) == (0, "")
    first = out.splitlines()[0]
    assert first.startswith("Demo live blog at http://127.0.0.1:")
    assert first.endswith("/live/harbour-marathon (data in a throwaway folder)")
    assert f"{BLOG.headline}: 12 posts\n" in out
    assert out.count("── ") == 12
    for post in POSTS[:12]:
        if post.title:
            assert post.title in out
    # The throwaway folder is the demo's own: the user's home is untouched and still in force.
    assert os.environ[paths.HOME_ENV] == str(home)
    assert not home.exists()


def test_demo_leaves_no_home_variable_behind(run: Run, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(paths.HOME_ENV)
    assert run("demo")[0] == 0
    assert paths.HOME_ENV not in os.environ


def test_output_cut_short_by_its_reader_is_not_an_error(home: Path, tmp_path: Path):
    # Far more output than a pipe buffer holds: the child is still writing when we stop reading.
    page = saved(tmp_path, small_page(*((n, "busy") for n in range(1, 1600))).encode())
    env = {**os.environ, paths.HOME_ENV: str(home)}
    with subprocess.Popen(
        [sys.executable, "-m", "liveread", "parse", str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        assert child.stdout.read(100).startswith(b"Small live\n1599 posts")
        child.stdout.close()
        err = child.stderr.read().decode()
        code = child.wait(timeout=30)
    assert (code, err) == (1, "")


# -- export ---------------------------------------------------------------------------------


def favourite_two(live_url: str, run: Run) -> list[str]:
    run("add", live_url)
    with Store(paths.database_file()) as store:
        chosen = store.entries(1)[:2]
        for stored in chosen:
            store.set_favourite(stored.id, True)
    return [s.entry.title for s in chosen]


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_export_writes_favourites_in_each_format(run: Run, live_url: str, tmp_path: Path, fmt: str):
    favourite_two(live_url, run)
    target = tmp_path / f"out.{fmt}"
    code, out, err = run("export", "--format", fmt, "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"Exported 2 favourites to {target}\n"
    text = target.read_text(encoding="utf-8")
    with Store(paths.database_file()) as store:
        favourites = store.favourites()
    for fav in favourites:
        assert fav.entry.url in text
    if fmt == "json":
        posts = json.loads(text)["posts"]
        assert {p["key"] for p in posts} == {f.entry.key for f in favourites}
        assert all(p["feed"]["url"] == live_url for p in posts)
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert text.count("<article>") == 2
    else:
        assert text.count("\n## ") == 2


def test_export_refuses_to_overwrite_without_force(run: Run, live_url: str, tmp_path: Path):
    favourite_two(live_url, run)
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("export", "-o", str(target))
    assert code == 1
    assert "exists" in one_error_line(err)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("export", "-o", str(target), "--force")[0] == 0
    assert "keep me" not in target.read_text(encoding="utf-8")


def test_export_into_a_folder_uses_a_dated_name(run: Run, live_url: str, tmp_path: Path):
    favourite_two(live_url, run)
    code, out, _ = run("export", "--format", "html", "-o", str(tmp_path))
    assert code == 0
    (written,) = tmp_path.glob("liveread-favourites-*.html")
    assert str(written) in out


def test_export_with_no_favourites_is_a_clear_error(run: Run):
    code, _, err = run("export")
    assert code == 1
    assert "no favourites" in one_error_line(err)


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--markdown"]])
def test_show_and_search_check_posts_stored_by_an_older_liveread(run: Run, fmt: list[str]):
    """Rows written before parsing dropped bad addresses and bidi controls print without them."""
    from liveread.model import Entry, Paragraph, Span

    with Store(paths.database_file()) as store:
        feed = store.add_feed("https://example.com/live", "Old \u202eevil\u202c feed")
        body = Paragraph((Span("Click \u2066here\u2069", href="javascript:alert(1)"),))
        old = Entry("p1", url="file:///etc/passwd", title="Spoofed \u202etitle", blocks=[body])
        store.upsert_entries(feed.id, [old], seen_at=datetime(2024, 8, 5, tzinfo=UTC))
    searches = (["search", "spoofed", *shape] for shape in ([], ["--full"], ["--json"]))
    for argv in (["show", "1", *fmt], *searches):
        code, out, err = run(*argv)
        assert (code, err) == (0, "")
        assert "Spoofed title" in out or "Spoofed title" in out.replace("\\", "")
        for bad in ("\u202e", "\u2066", "\u2069", "javascript:", "file:"):
            assert bad not in out, (argv, bad)
