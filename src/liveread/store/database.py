"""`Store`: one connection and its operations on feeds, entries, favourites and search.

Public methods run under the store's lock (`_op`) and write in explicit `BEGIN IMMEDIATE`
transactions (`_write`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from liveread import codec
from liveread.model import Article, Entry, content_hash
from liveread.store import damage, pruning, sql
from liveread.store.errors import (
    Fault,
    NotFound,
    StoreError,
    StoreFault,
    damaged_fault,
    fault_of,
    user_error,
)
from liveread.store.lookup import find_feed
from liveread.store.records import (
    EntrySummary,
    Favourite,
    Feed,
    PostVersion,
    Pruned,
    PruneRule,
    Refresh,
    Schedule,
    SearchHit,
    StoredEntry,
    UpsertResult,
)
from liveread.store.rekey import carry_keys_over
from liveread.store.rows import (
    entry_from_row,
    entry_params,
    feed_from_row,
    from_iso,
    stored_from_row,
    summaries,
    to_iso,
    version_from_row,
)
from liveread.store.schema import open_database
from liveread.store.search import index_new_entries, search_rows

MAX_ARTICLES = 500
"""How many linked articles are kept, the ones fetched last (a few kilobytes each)."""
LOCKED_RETRY_MS = 100
"""How long a write waits for the lock while the last one failed as locked."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _op(method: Callable[Concatenate[Store, _P], _R]) -> Callable[Concatenate[Store, _P], _R]:
    """Run a public method under the store's lock, turning user-facing sqlite errors into
    StoreFault (and noting the fault: see `Store.fault`)."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                error = user_error(exc, self.path)
                if error is None:
                    raise
                self._note(error)
                raise error from exc

    return wrapper


class Store:
    """liveread's database. Safe to share between threads (calls are serialised).

    `busy_timeout` is how many seconds a write waits for another writer before failing as
    locked. `read_only` opens an existing file without ever writing to it.

    Once any operation finds the file damaged, the store writes nothing more to it and leaves
    a marker beside it (see `damage`); a store opened on a marked file checks it first and, if
    it is still damaged, opens it read-only.
    """

    def __init__(self, path: Path, *, busy_timeout: float = 5.0, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.fault: StoreFault | None = None
        """The fault the last failing operation met, until a write succeeds; a damaged
        database stays damaged."""
        self._busy_ms = int(busy_timeout * 1000)
        self._lock = threading.RLock()
        self._con: sqlite3.Connection | None = None
        try:
            self._con = self._open(busy_timeout)
        except StoreFault as error:
            if error.fault is Fault.DAMAGED:
                damage.mark(self.path, str(error))
            raise

    def _open(self, busy_timeout: float) -> sqlite3.Connection:
        if self.read_only or not damage.is_marked(self.path):
            return open_database(self.path, busy_timeout=busy_timeout, read_only=self.read_only)
        con = open_database(self.path, busy_timeout=busy_timeout, read_only=True)
        try:
            sound = damage.passes_quick_check(con)
        except sqlite3.Error as exc:
            con.close()
            raise (user_error(exc, self.path) or exc) from None
        if not sound:
            self.fault = damaged_fault(self.path)
            return con
        con.close()  # repaired since it was marked
        damage.unmark(self.path)
        return open_database(self.path, busy_timeout=busy_timeout)

    @property
    def damaged(self) -> bool:
        return self.fault is not None and self.fault.fault is Fault.DAMAGED

    def check_writable(self) -> None:
        """Raise the fault that will refuse any write, if one is known already (a damaged
        file, a store opened read-only), so work that ends in a write (a fetch) is not begun."""
        if self.damaged:
            raise damaged_fault(self.path)
        if self.read_only:
            raise StoreFault(Fault.READ_ONLY, f"database opened read-only: {self.path}")

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            con, self._con = self._con, None
            if con is None:
                return
            try:
                if not (self.read_only or self.damaged):  # optimize may write statistics
                    con.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            finally:
                con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- feeds ------------------------------------------------------------------------------

    @_op
    def add_feed(
        self,
        url: str,
        title: str = "",
        *,
        canonical: str | None = None,
        kind: str = "blog",
        source_id: int | None = None,
    ) -> Feed:
        """Follow `url`, known also by `canonical` (the page's rel=canonical) when given: a
        live blog (found by the source `source_id`, if given), or a source (`kind`)."""
        url = url.strip()
        if not url:
            raise StoreError("a feed needs a url")
        with self._write() as con:
            try:
                feed_id = _insert_feed(con, url, title, canonical, kind, source_id)
            except sqlite3.IntegrityError:
                raise StoreError(f"already following {url}") from None
        return self._feed_by_id(feed_id)

    @_op
    def make_source(self, feed_id: int, title: str) -> None:
        """Follow the feed as a source from now on (an address added before it was fetched,
        by an OPML import, that turned out to be a feed of articles)."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            con.execute(
                "UPDATE feeds SET kind = 'source', title = CASE WHEN ? = '' THEN title ELSE ? END"
                " WHERE id = ?",
                (title, title, feed_id),
            )

    @_op
    def looked_at(self, source_id: int, urls: Iterable[str]) -> set[str]:
        """Which of the item addresses `urls` the source has looked at already."""
        rows = self._db.execute(
            "SELECT url FROM source_items WHERE source_id = ? "
            "AND url IN (SELECT value FROM json_each(?))",
            (source_id, json.dumps(list(urls))),
        )
        return {row[0] for row in rows}

    @_op
    def note_looked_at(self, source_id: int, urls: Iterable[str]) -> None:
        """Remember that the source has looked at the items `urls`: none is looked at again."""
        with self._write() as con:
            self._require_feed(con, source_id)
            con.executemany(
                "INSERT OR IGNORE INTO source_items (source_id, url) VALUES (?, ?)",
                [(source_id, url) for url in urls],
            )

    @_op
    def add_feeds(
        self, wanted: Sequence[tuple[str, str, str | None]]
    ) -> tuple[list[Feed], list[tuple[str, Feed]]]:
        """Follow each of `wanted` (address, title, canonical address or None) that is not
        followed yet under either address, all in one transaction (all or none). Returns the
        feeds added, and (address, feed) for each one followed already (or earlier in
        `wanted`)."""
        added: list[int] = []
        known: list[tuple[str, int]] = []
        with self._write() as con:
            for url, title, canonical in wanted:
                known_id = _known_id(con, url, canonical or url)
                if known_id is None:
                    added.append(_insert_feed(con, url, title, canonical))
                else:
                    known.append((url, known_id))
        return (
            [self._feed_by_id(feed_id) for feed_id in added],
            [(url, self._feed_by_id(feed_id)) for url, feed_id in known],
        )

    @_op
    def feed_known_as(self, *addresses: str) -> Feed | None:
        """The feed followed under any of `addresses` (as its address or its canonical one)."""
        known_id = _known_id(self._db, *addresses)
        return None if known_id is None else self._feed_by_id(known_id)

    @_op
    def feeds(self) -> list[Feed]:
        return [feed_from_row(r) for r in self._db.execute(sql.FEEDS_SQL + sql.FEEDS_ORDER)]

    @_op
    def feed(self, ref: str | int, *, exact: bool = False) -> Feed:
        """A feed by id, by address, or by title (a piece of one unless `exact`): see
        `lookup.find_feed`."""
        if isinstance(ref, int):
            return self._feed_by_id(ref)
        return find_feed(self.feeds(), ref, exact=exact)

    @_op
    def remove_feed(self, feed_id: int) -> None:
        """Forget a feed and its entries; favourites copied from it stay."""
        with self._write() as con:
            if con.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount == 0:
                raise NotFound(f"no feed #{feed_id}")

    @_op
    def update_feed_meta(
        self, feed_id: int, *, title: str | None = None, is_live: bool | None = None
    ) -> None:
        """Set what the page says about itself; None leaves a value as it is."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            if title is not None:
                con.execute("UPDATE feeds SET title = ? WHERE id = ?", (title, feed_id))
            if is_live is not None:
                con.execute("UPDATE feeds SET is_live = ? WHERE id = ?", (int(is_live), feed_id))

    @_op
    def record_fetch(
        self,
        feed_id: int,
        *,
        at: datetime,
        error: str | None,
        validators: tuple[str | None, str | None] | None = None,
        schedule: Schedule | None = None,
    ) -> None:
        """Note a fetch attempt. `error` None is a success; `validators` is (etag,
        last_modified) from a successful response, stored as given; `schedule` the feed's
        next fetch (None keeps the one stored)."""
        when = to_iso(at)
        with self._write() as con:
            self._require_feed(con, feed_id)
            if schedule is not None:
                con.execute(sql.SET_SCHEDULE, _schedule_params(feed_id, schedule))
            if error is not None:
                con.execute(
                    "UPDATE feeds SET last_fetch_at = ?, last_error = ? WHERE id = ?",
                    (when, error, feed_id),
                )
                return
            con.execute(
                "UPDATE feeds SET last_fetch_at = ?, last_ok_at = ?, last_error = NULL "
                "WHERE id = ?",
                (when, when, feed_id),
            )
            if validators is not None:
                con.execute(
                    "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
                    (*validators, feed_id),
                )

    @_op
    def set_user_interval(
        self, feed_id: int, seconds: float | None, *, next_at: datetime | None, reason: str | None
    ) -> None:
        """Fetch the feed every `seconds` (None: by its own rhythm again), next at `next_at`."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            con.execute("UPDATE feeds SET user_interval = ? WHERE id = ?", (seconds, feed_id))
            con.execute(sql.SET_SCHEDULE, _schedule_params(feed_id, (next_at, reason, seconds)))

    @_op
    def post_times(self, feed_id: int, limit: int) -> list[datetime]:
        """When the feed's newest posts (pinned ones aside) were published, else first seen,
        newest first: the blog's rhythm, for its schedule."""
        rows = self._db.execute(sql.POST_TIMES, {"feed": feed_id, "limit": limit})
        return sorted((from_iso(r[0]) for r in rows), reverse=True)[:limit]

    # -- entries ----------------------------------------------------------------------------

    @_op
    def upsert_entries(
        self, feed_id: int, entries: Sequence[Entry], *, seen_at: datetime, quiet: bool = False
    ) -> UpsertResult:
        """Store a fetch's entries in one transaction, telling new ones from edited ones by
        content hash. An edited entry turns unread and gets `edited_at`; a repeated key in
        `entries` keeps its first occurrence. `quiet` (the first store after the reader
        changed) rewrites changed entries in place without marking them edited: they keep
        their read state and `edited_at`, and count as unchanged."""
        prepared = _prepare(feed_id, _first_of_each_key(entries), to_iso(seen_at), {})
        with self._write() as con:
            # Posts written with no reading: what a reading's memory says of them is not known.
            con.execute("UPDATE feeds SET last_reading = NULL WHERE id = ?", (feed_id,))
            return _upsert(con, feed_id, prepared, quiet=quiet)

    @_op
    def store_refresh(self, feed_id: int, refresh: Refresh) -> UpsertResult:
        """Store what one successful fetch of a feed found, in one transaction: its entries
        (as `upsert_entries`), the page's title and live state, the reader version, the
        fetch time and validators. A failure leaves the feed as it was."""
        when = to_iso(refresh.at)
        entries, alike = list(refresh.entries), 0
        if not refresh.quiet:  # a new reader's posts are all compared (and may be re-keyed)
            entries, alike = self._unchanged_since_stored(feed_id, entries, refresh)
        entries = _first_of_each_key(entries)
        if not refresh.quiet:
            compared = len(entries)
            entries = self._changed(feed_id, entries, refresh)
            alike += compared - len(entries)
        prepared = _prepare(feed_id, entries, when, refresh.digests)
        with self._write() as con:
            result = _upsert(con, feed_id, prepared, quiet=refresh.quiet, alike=alike)
            con.execute(
                sql.RECORD_REFRESH,
                {
                    "reading": refresh.reading,
                    "id": feed_id,
                    "at": when,
                    "title": refresh.title or None,
                    "canonical": refresh.canonical,
                    "is_live": None if refresh.is_live is None else int(refresh.is_live),
                    "reader_version": refresh.reader_version,
                    "validated": refresh.validators is not None,
                    "etag": refresh.validators[0] if refresh.validators else None,
                    "last_modified": refresh.validators[1] if refresh.validators else None,
                    "scheduled": refresh.schedule is not None,
                    **_schedule_params(feed_id, refresh.schedule or (None, None, None)),
                },
            )
        return result

    def _unchanged_since_stored(
        self, feed_id: int, entries: list[Entry], refresh: Refresh
    ) -> tuple[list[Entry], int]:
        """The entries of a refresh but those its reading says are unchanged since the
        reading the feed was last stored from (all of them, if that is another one), and how
        many posts were left out. Read before the write lock is taken, as the entries are
        encoded, by a refresh of the feed that writes nothing else meanwhile."""
        if not refresh.unchanged or refresh.since is None:
            return entries, 0
        row = self._db.execute("SELECT last_reading FROM feeds WHERE id = ?", (feed_id,))
        stored = row.fetchone()
        if stored is None or stored[0] != refresh.since:
            return entries, 0
        unchanged = refresh.unchanged
        kept = [entry for entry in entries if entry.key not in unchanged]
        left_out = {entry.key for entry in entries if entry.key in unchanged}
        return kept, len(left_out)

    def _changed(self, feed_id: int, entries: list[Entry], refresh: Refresh) -> list[Entry]:
        """The entries of a refresh but those stored under the same source digest (read
        before the write lock is taken, as `_unchanged_since_stored`)."""
        digests = refresh.digests
        keys = [entry.key for entry in entries if entry.key in digests]
        if not keys:
            return entries
        stored = {
            key: digest
            for key, _, digest in self._db.execute(sql.STORED_DIGESTS, (feed_id, json.dumps(keys)))
        }
        return [entry for entry in entries if stored.get(entry.key, "") != digests.get(entry.key)]

    @_op
    def set_reader_version(self, feed_id: int, version: str | None) -> None:
        """Record which reader stored a feed's entries, at which versions (`LiveBlog.version`)."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            con.execute("UPDATE feeds SET reader_version = ? WHERE id = ?", (version, feed_id))

    @_op
    def entries(
        self,
        feed_id: int | None = None,
        *,
        unread_only: bool = False,
        key_events_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
        oldest_first: bool = False,
    ) -> list[StoredEntry]:
        """Entries newest first (by published, undated last, then by first seen), or that
        order reversed (`oldest_first`); feed_id None is the timeline of all feeds."""
        statement, params = sql.entry_query(
            sql.ENTRY_COLS + ", e.blocks",
            feed_id,
            unread_only,
            key_events_only,
            limit,
            offset,
            oldest_first,
        )
        return [stored_from_row(r) for r in self._db.execute(statement, params)]

    @_op
    def entry_summaries(
        self,
        feed_id: int | None = None,
        *,
        unread_only: bool = False,
        key_events_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
        oldest_first: bool = False,
    ) -> list[EntrySummary]:
        """Like `entries` but light: no body blocks, only an excerpt of the text. On a
        damaged database the timeline (feed_id None) holds the feeds that can still be read."""

        def read(
            feeds: int | list[int] | None, limit: int | None, offset: int
        ) -> list[EntrySummary]:
            statement, params = sql.entry_query(
                sql.ENTRY_COLS + ", substr(e.text, 1, 400) AS head",
                feeds,
                unread_only,
                key_events_only,
                limit,
                offset,
                oldest_first,
            )
            cursor = self._db.cursor()
            cursor.row_factory = None  # plain tuples
            try:
                return summaries(cursor.execute(statement, params))
            finally:
                cursor.close()

        try:
            return read(feed_id, limit, offset)
        except sqlite3.DatabaseError as exc:
            if feed_id is not None or fault_of(exc) is not Fault.DAMAGED:
                raise
            self._note(damaged_fault(self.path))
        # Each feed's part of the timeline is read on its own; the feeds whose part reads
        # make up the timeline.
        readable = []
        for feed in self.feeds():
            with contextlib.suppress(sqlite3.DatabaseError):
                read(feed.id, None if limit is None else offset + limit, 0)
                readable.append(feed.id)
        return read(readable, limit, offset)

    @_op
    def named_summaries(
        self, feed_id: int, *, keys: Iterable[str] = (), ids: Iterable[int] = ()
    ) -> list[EntrySummary]:
        """The feed's posts with one of `keys` or `ids` (light, as `entry_summaries`), found
        by index: what naming a few posts costs, however many the feed holds."""
        params = {"feed": feed_id, "keys": json.dumps(list(keys)), "ids": json.dumps(list(ids))}
        cursor = self._db.cursor()
        cursor.row_factory = None  # plain tuples, as `summaries` reads them
        try:
            return summaries(cursor.execute(sql.NAMED_SUMMARIES, params))
        finally:
            cursor.close()

    @_op
    def entry(self, entry_id: int) -> StoredEntry:
        statement = "SELECT" + sql.ENTRY_COLS + ", e.blocks" + sql.ENTRY_FROM + " WHERE e.id = ?"
        row = self._db.execute(statement, (entry_id,)).fetchone()
        if row is None:
            raise NotFound(f"no entry with id {entry_id}")
        return stored_from_row(row)

    @_op
    def history(self, entry_id: int) -> list[PostVersion]:
        """The versions of a post that edits replaced, oldest first (the newest
        `sql.KEPT_VERSIONS` of them); none for a post never edited, or one that is gone."""
        return [version_from_row(row) for row in self._db.execute(sql.HISTORY, (entry_id,))]

    @_op
    def count_entries(self, feed_id: int | None = None) -> int:
        if feed_id is None:
            row = self._db.execute("SELECT count(*) FROM entries").fetchone()
        else:
            row = self._db.execute(
                "SELECT count(*) FROM entries WHERE feed_id = ?", (feed_id,)
            ).fetchone()
        return int(row[0])

    @_op
    def known_keys(self, feed_id: int, keys: Iterable[str]) -> set[str]:
        """Which of `keys` the feed already has entries under, or had before they were pruned
        (a page still showing a pruned post shows nothing new)."""
        keys = list(keys)
        rows = self._db.execute(
            "SELECT key FROM entries WHERE feed_id = ? AND key IN (SELECT value FROM json_each(?))",
            (feed_id, json.dumps(keys)),
        )
        return {key for (key,) in rows} | pruning.pruned_keys(self._db, feed_id, keys)

    @_op
    def mark_read(self, entry_ids: Iterable[int], read: bool = True) -> int:
        """Mark posts read (or unread); returns how many changed."""
        with self._write() as con:
            cur = con.executemany(
                "UPDATE entries SET is_read = ? WHERE id = ? AND is_read != ?",
                ((int(read), i, int(read)) for i in entry_ids),
            )
            return max(cur.rowcount, 0)

    @_op
    def mark_feed_read(self, feed_id: int, read: bool = True) -> int:
        """Mark every post of a feed read (or unread); returns how many changed."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            cur = con.execute(
                "UPDATE entries SET is_read = ? WHERE feed_id = ? AND is_read != ?",
                (int(read), feed_id, int(read)),
            )
            return cur.rowcount

    @_op
    def mark_all_read(self) -> int:
        """Mark every post of every feed read; returns how many were unread."""
        with self._write() as con:
            return con.execute("UPDATE entries SET is_read = 1 WHERE is_read = 0").rowcount

    @_op
    def record_visit(self, feed_ids: Iterable[int], at: datetime) -> None:
        """Note that the feeds were opened at `at` (see `Feed.visited_at`)."""
        with self._write() as con:
            con.executemany(
                "UPDATE feeds SET visited_at = ? WHERE id = ?",
                ((to_iso(at), feed_id) for feed_id in feed_ids),
            )

    @_op
    def set_oldest_first(self, feed_id: int, on: bool) -> None:
        """List the feed's posts oldest first (`on`) or newest first."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            con.execute("UPDATE feeds SET oldest_first = ? WHERE id = ?", (int(on), feed_id))

    @_op
    def set_alerts(self, feed_id: int, level: str | None) -> None:
        """Set the feed's own alert level ("all", "key" or "none"); None: the config's."""
        with self._write() as con:
            self._require_feed(con, feed_id)
            try:
                con.execute("UPDATE feeds SET alerts = ? WHERE id = ?", (level, feed_id))
            except sqlite3.IntegrityError:
                raise StoreError(f"not an alert level: {level!r}") from None

    @_op
    def prune(self, feed_id: int, *, keep: int) -> int:
        """Delete a feed's oldest entries beyond the newest `keep`; returns how many went.
        Favourites are copies and stay."""
        if keep < 0:
            raise StoreError("keep must be zero or more")
        with self._write() as con:
            cur = con.execute(
                "DELETE FROM entries WHERE id IN (SELECT e.id FROM entries AS e "
                "WHERE e.feed_id = ?" + sql.ENTRY_ORDER + " LIMIT -1 OFFSET ?)",
                (feed_id, keep),
            )
            if cur.rowcount:  # posts a reading holds may be gone: its next one stores them
                con.execute("UPDATE feeds SET last_reading = NULL WHERE id = ?", (feed_id,))
        return cur.rowcount

    @_op
    def prune_feed(
        self,
        feed_id: int,
        rule: PruneRule,
        *,
        now: datetime,
        spare: Iterable[str] = (),
        dry_run: bool = False,
    ) -> Pruned:
        """Delete the feed's posts `rule` lets go at `now` (see `pruning`): never a
        favourite's, a pinned one or one whose key is in `spare`. Deleted a batch per write
        transaction; `dry_run` counts them and deletes nothing. The counts and the search
        index follow (triggers)."""
        feed = self._feed_by_id(feed_id)
        if not rule.active:
            return Pruned(feed.id, feed.label)
        aged, beyond = pruning.choose(self._db, feed_id, rule, now=now, spare=spare)
        if dry_run or not (aged or beyond):
            return Pruned(feed.id, feed.label, len(aged), len(beyond))
        removed = {"aged": 0, "beyond": 0}
        for name, ids in (("aged", aged), ("beyond", beyond)):
            for batch in pruning.batches(ids):
                with self._write() as con:
                    removed[name] += pruning.delete(con, feed.url, batch)
                    # Posts the feed's last reading holds may be gone: its next one stores them.
                    con.execute("UPDATE feeds SET last_reading = NULL WHERE id = ?", (feed_id,))
        return Pruned(feed.id, feed.label, removed["aged"], removed["beyond"])

    @_op
    def vacuum(self) -> None:
        """Rewrite the file without the space deleted posts left (takes a while on a big one)."""
        self.check_writable()
        self._db.execute("VACUUM")

    # -- linked articles ----------------------------------------------------------------------

    @_op
    def article(self, url: str) -> Article | None:
        """The article kept for the address `url`, if any."""
        row = self._db.execute("SELECT data FROM articles WHERE url = ?", (url,)).fetchone()
        return None if row is None else codec.article_from_dict(json.loads(row["data"]))

    @_op
    def save_article(self, article: Article, *, keep: int = MAX_ARTICLES) -> None:
        """Keep `article` under its address (replacing any kept before), and of all the
        articles kept only the `keep` fetched last."""
        data = json.dumps(codec.article_to_dict(article), ensure_ascii=False)
        with self._write() as con:
            con.execute(
                "INSERT OR REPLACE INTO articles (url, fetched_at, data) VALUES (?, ?, ?)",
                (article.url, to_iso(article.fetched_at), data),
            )
            con.execute(
                "DELETE FROM articles WHERE url IN (SELECT url FROM articles"
                " ORDER BY fetched_at DESC, url LIMIT -1 OFFSET ?)",
                (keep,),
            )

    @_op
    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- favourites -------------------------------------------------------------------------

    @_op
    def set_favourite(self, entry_id: int, on: bool, *, at: datetime | None = None) -> None:
        """On: copy the entry into favourites (refreshing an existing copy, keeping its time).
        Off: delete the copy."""
        with self._write() as con:
            if on:
                when = to_iso(at or datetime.now(UTC))
                cur = con.execute(sql.COPY_FAVOURITE, {"id": entry_id, "at": when})
                if cur.rowcount == 0:
                    raise NotFound(f"no entry with id {entry_id}")
                return
            row = con.execute(
                "SELECT f.url, e.key FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id "
                "WHERE e.id = ?",
                (entry_id,),
            ).fetchone()
            if row is None:
                raise NotFound(f"no entry with id {entry_id}")
            con.execute("DELETE FROM favourites WHERE feed_url = ? AND key = ?", tuple(row))

    @_op
    def count_favourites(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM favourites").fetchone()[0])

    @_op
    def favourites(self) -> list[Favourite]:
        """Every favourite, most recently favourited first."""
        rows = self._db.execute(
            "SELECT fv.*, (SELECT e.id FROM entries AS e JOIN feeds AS f ON f.id = e.feed_id "
            "WHERE f.url = fv.feed_url AND e.key = fv.key) AS entry_id "
            "FROM favourites AS fv ORDER BY fv.favourited_at DESC, fv.rowid DESC"
        )
        return [
            Favourite(
                feed_title=r["feed_title"],
                feed_url=r["feed_url"],
                entry=entry_from_row(r),
                favourited_at=from_iso(r["favourited_at"]),
                entry_id=r["entry_id"],
            )
            for r in rows
        ]

    @_op
    def remove_favourite(self, feed_url: str, key: str) -> None:
        with self._write() as con:
            con.execute("DELETE FROM favourites WHERE feed_url = ? AND key = ?", (feed_url, key))

    # -- search -----------------------------------------------------------------------------

    @_op
    def search_hits(
        self, query: str, *, limit: int = 100, offset: int = 0, feed_id: int | None = None
    ) -> list[SearchHit]:
        """Entries whose title or text hold every term of `query`, best match first among
        the newest matches (see `search`): the `limit` from `offset` on, so that pages
        read one after another hold every match once."""
        rows = search_rows(self._db, query, limit=limit, offset=offset, feed_id=feed_id)
        return [
            SearchHit(entry=stored_from_row(r), snippet=r["snip"] or "", score=r["score"])
            for r in rows
        ]

    def search(
        self, query: str, *, limit: int = 100, offset: int = 0, feed_id: int | None = None
    ) -> list[StoredEntry]:
        hits = self.search_hits(query, limit=limit, offset=offset, feed_id=feed_id)
        return [hit.entry for hit in hits]

    # -- internals --------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._con is None:
            raise StoreError(f"database is closed: {self.path}")
        return self._con

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.damaged:
            raise damaged_fault(self.path)
        con = self._db
        self._begin(con)
        try:
            yield con
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:  # SQLite rolls some failures (a full disk) back itself
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
            raise
        self.fault = None

    def _begin(self, con: sqlite3.Connection) -> None:
        """Take the write lock. While another writer is known to hold it (the last write
        failed as locked) wait only briefly: an app writing a read mark on every keypress
        would otherwise freeze for the whole busy timeout each time."""
        if self.fault is None or self.fault.fault is not Fault.LOCKED:
            con.execute("BEGIN IMMEDIATE")
            return
        con.execute(f"PRAGMA busy_timeout = {min(LOCKED_RETRY_MS, self._busy_ms)}")
        try:
            con.execute("BEGIN IMMEDIATE")
        finally:
            con.execute(f"PRAGMA busy_timeout = {self._busy_ms}")

    def _note(self, error: StoreFault) -> None:
        if self.damaged:
            return
        self.fault = error
        if error.fault is Fault.DAMAGED:
            damage.mark(self.path, str(error))

    def _feed_by_id(self, feed_id: int) -> Feed:
        row = self._db.execute(sql.FEEDS_SQL + " WHERE f.id = ?", (feed_id,)).fetchone()
        if row is None:
            raise NotFound(f"no feed #{feed_id}")
        return feed_from_row(row)

    @staticmethod
    def _require_feed(con: sqlite3.Connection, feed_id: int) -> str:
        row = con.execute("SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        if row is None:
            raise NotFound(f"no feed #{feed_id}")
        return str(row[0])


def _schedule_params(feed_id: int, schedule: Schedule) -> dict[str, Any]:
    next_at, reason, interval = schedule
    return {
        "id": feed_id,
        "next_at": None if next_at is None else to_iso(next_at),
        "poll_reason": reason,
        "interval": interval,
    }


def _insert_feed(
    con: sqlite3.Connection,
    url: str,
    title: str,
    canonical: str | None,
    kind: str = "blog",
    source_id: int | None = None,
) -> int:
    cur = con.execute(
        "INSERT INTO feeds (url, canonical_url, title, added_at, position, kind, source_id)"
        " VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM feeds), ?, ?)",
        (url, canonical or url.split("#", 1)[0], title, to_iso(datetime.now(UTC)), kind, source_id),
    )
    return int(cur.lastrowid or 0)


def _known_id(con: sqlite3.Connection, *addresses: str) -> int | None:
    """The id of the feed followed under any of `addresses` (its own or its canonical one)."""
    row = con.execute(
        "SELECT id FROM feeds WHERE url IN (SELECT value FROM json_each(:a)) "
        "OR canonical_url IN (SELECT value FROM json_each(:a)) ORDER BY id LIMIT 1",
        {"a": json.dumps([a for a in addresses if a])},
    ).fetchone()
    return None if row is None else int(row[0])


def _first_of_each_key(entries: Sequence[Entry]) -> list[Entry]:
    firsts: dict[str, Entry] = {}
    for entry in entries:
        firsts.setdefault(entry.key, entry)
    return list(firsts.values())


def _prepare(
    feed_id: int, entries: Sequence[Entry], seen_at: str, digests: Mapping[str, str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each entry's content hash and row parameters by key (keys are unique in `entries`),
    with its source digest if `digests` has one: the Python work of an upsert, done before
    the write lock is taken."""
    prepared: dict[str, tuple[str, dict[str, Any]]] = {}
    for entry in entries:
        text = entry.text
        params = entry_params(entry)
        params.update(
            feed_id=feed_id, seen_at=seen_at, text=text, source_digest=digests.get(entry.key)
        )
        prepared[entry.key] = (content_hash(entry.title, entry.authors, text), params)
    return prepared


def _upsert(
    con: sqlite3.Connection,
    feed_id: int,
    prepared: dict[str, tuple[str, dict[str, Any]]],
    *,
    quiet: bool,
    alike: int = 0,
) -> UpsertResult:
    """`Store.upsert_entries` inside a write transaction the caller holds; `alike` entries
    were left out as stored already (counted unchanged)."""
    fresh: list[dict[str, Any]] = []
    edited: list[dict[str, Any]] = []
    reparsed: list[dict[str, Any]] = []
    same: list[dict[str, Any]] = []
    feed_url = Store._require_feed(con, feed_id)
    if quiet:  # the reader changed: it may name stored posts by other keys
        known: dict[str, str] = dict(
            con.execute("SELECT key, content_hash FROM entries WHERE feed_id = ?", (feed_id,))
        )
        carry_keys_over(con, feed_id, feed_url, prepared, known)
    else:
        wanted = json.dumps(list(prepared))
        known = {
            key: digest for key, digest, _ in con.execute(sql.STORED_DIGESTS, (feed_id, wanted))
        }
    for key, (digest, params) in prepared.items():
        old_hash = known.get(key)
        if old_hash == digest:
            same.append(params)
            continue
        params.update(content_hash=digest, feed_url=feed_url)
        (fresh if old_hash is None else reparsed if quiet else edited).append(params)
    if fresh:  # a post pruned from the feed is not stored again
        gone = pruning.pruned_keys(con, feed_id, (p["key"] for p in fresh))
        fresh = [p for p in fresh if p["key"] not in gone]
    last_id = con.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0]
    inserted = con.executemany(sql.INSERT_ENTRY, fresh).rowcount
    if inserted > 0:
        con.execute(sql.COUNT_NEW_ENTRIES, {"new": inserted, "feed_id": feed_id})
    index_new_entries(con, after_id=last_id)
    con.executemany(sql.KEEP_VERSION, edited)
    con.executemany(sql.DROP_OLD_VERSIONS, edited)
    con.executemany(sql.EDIT_ENTRY, edited)
    con.executemany(sql.REPARSE_ENTRY, reparsed)
    con.executemany(sql.EDIT_FAVOURITE, edited + reparsed)
    con.executemany(sql.REFRESH_ENTRY, same)
    return UpsertResult(
        new=[p["key"] for p in fresh],
        edited=[p["key"] for p in edited],
        unchanged=alike + len(same) + len(reparsed),
    )
