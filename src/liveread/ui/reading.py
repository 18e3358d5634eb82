"""Reading: which posts are on show, the one in the reader, and when it becomes read.

The list of a view is read by a worker and shown by `rows_loaded` (a long view's first rows
first, then the whole of it); a post the cursor stays on for `read_after` seconds (the dwell)
is marked read, one opened with Enter at once. Posts are read, and marked read, on the store
thread (`StoreCalls`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from textual import on, work
from textual.timer import Timer
from textual.worker import get_current_worker

from liveread import timefmt
from liveread.store import NotFound, StoreError, StoreFault
from liveread.ui.errors import reports_store_errors
from liveread.ui.garbage import BIG_VIEW, freeze_long_lived
from liveread.ui.lists import (
    ALL_FEEDS,
    FAVOURITES,
    EntryList,
    Row,
    row_from_favourite,
    row_from_summary,
)
from liveread.ui.messages import Loaded, RowsLoaded, StoreFailed
from liveread.ui.reader import WELCOME, Edits, Reader
from liveread.ui.storecalls import StoreCalls
from liveread.ui.titles import list_titles
from liveread.ui.visits import Visits, new_refs, place_new

if TYPE_CHECKING:
    from rich.text import Text

    from liveread.config import Config
    from liveread.core import Core
    from liveread.store import EntrySummary, Favourite, Feed, Store, StoredEntry
    from liveread.ui.state import UiState

ALL_FEEDS_LIMIT = 2_000
"""The All feeds timeline shows this many of the newest posts; a feed's own view shows all."""
FIRST_ROWS = 200
"""A view opened shows this many of its first rows as soon as they are read (more than a
screen holds), so a feed of any size shows its first screen at once."""
READ_ROWS = 500
"""The rest is read this many rows at a time, so no other store call waits long."""
UNREADABLE_POST = "This post could not be read from the database."
UNREADABLE_POSTS = "The posts here could not be read from the database."


class Dwell(NamedTuple):
    """A post on show that becomes read when `timer` ends, unless the cursor leaves it first."""

    ref: str
    timer: Timer


class Reading(StoreCalls):
    """The posts list and the reader, for the app (which sets the attributes below)."""

    core: Core
    store: Store
    config: Config
    ui_state: UiState
    view: str
    key_events_only: bool
    unread_only: bool
    oldest_first: bool
    visits: Visits
    first_new: str | None
    dwell: Dwell | None
    favourites: list[Favourite]
    new_posts: int
    feeds_shown: dict[int, Feed]

    if TYPE_CHECKING:  # the app's own: its feeds pane and its store trouble

        def reload_feeds(self, then: Callable[[], object] | None = None) -> None: ...

        def current_feed(self) -> Feed | None: ...

        def show_store_state(self) -> None: ...

    def open_rows(self, view: str, keep: str | None = None) -> None:
        """Open `view`: note the visit, and show its rows with the posts new since the last."""
        self.load_rows(view, keep, None, early=True)

    def reload_rows(self, keep: str | None = None, *, early: bool = False) -> None:
        """Read the view on show again, new posts counted from the same visit as before.
        `early`: show its first rows before the rest are read (the list changes anyway); else
        the rows on show stay until the whole view is read."""
        self.load_rows(self.view, keep, self.visits, early)

    @work(thread=True, exclusive=True, group="rows")
    def load_rows(
        self, view: str, keep: str | None, visits: Visits | None, early: bool = False
    ) -> None:
        """Read `view`'s rows, with the posts new since `visits` (None: the view is being
        opened, and this is a visit); `early`: its first rows show as soon as they are read."""
        worker = get_current_worker()
        if visits is None:
            visits = self.visit(view)

        def first_rows(loaded: Loaded) -> None:
            if not worker.is_cancelled:
                self.post_message(RowsLoaded(loaded))

        try:
            read = self.read_rows(
                view, keep, visits, first_rows if early else None, lambda: worker.is_cancelled
            )
        except StoreError as error:  # the view still changes: to an empty list that says why
            read = Loaded(view, [], keep, failed=error, visits=visits)
        if read is not None and not worker.is_cancelled:  # else newer rows are on their way
            self.post_message(RowsLoaded(read))

    def visit(self, view: str) -> Visits:
        """Note that `view` is opened now; returns the previous visit of each of its feeds.
        All feeds has a visit of its own, so opening it does not count as visiting each feed."""
        now = timefmt.clock()
        if view == ALL_FEEDS:
            previous = self.ui_state.all_feeds_visited_at
            self.ui_state.all_feeds_visited_at = now
            self.ui_state.save()
            try:
                return {feed.id: previous for feed in self.store.feeds()}
            except StoreError as error:  # the list says so when it is read
                self.post_message(StoreFailed(error))
                return {}
        if view == FAVOURITES:
            return {}
        try:
            feed = self.store.feed(int(view))
        except NotFound:  # removed meanwhile: the view shows nothing
            return {}
        except StoreError as error:  # the list says so when it is read
            self.post_message(StoreFailed(error))
            return {}
        try:
            self.core.record_visit([feed.id], now)
        except StoreError as error:  # not noted; the list is still worth showing
            self.post_message(StoreFailed(error))
        return {feed.id: feed.visited_at}

    def read_rows(
        self,
        view: str,
        keep: str | None,
        visits: Visits,
        first_rows: Callable[[Loaded], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Loaded | None:
        """The rows of `view`, read a part at a time so that no other call waits long for
        the store. A long view's first rows go to `first_rows` as soon as they are read, where
        they show where the cursor goes. None once `cancelled` says they are not wanted."""
        if view == FAVOURITES:
            self.favourites = self.store.favourites()
            copies = [row_from_favourite(i, f) for i, f in enumerate(self.favourites)]
            has_feeds = self._has_feeds(copies)
            titles = list_titles(copies)
            return Loaded(view, copies, keep, visits=visits, has_feeds=has_feeds, titles=titles)
        feed_id = None if view == ALL_FEEDS else int(view)
        oldest_first = feed_id is not None and self._oldest_first(feed_id)
        rows: list[Row] = []
        refs: set[str] = set()  # a post a refresh moved on from one part to the next is seen
        new: set[str] = set()
        offset, shown_first = 0, False
        limit = FIRST_ROWS if first_rows else READ_ROWS
        if feed_id is None:  # short, and read in one go: on a damaged database, which feeds
            limit = ALL_FEEDS_LIMIT  # make up the timeline is settled over the whole read
        while True:
            summaries = self.store.entry_summaries(
                feed_id,
                key_events_only=self.key_events_only,
                limit=limit,
                offset=offset,
                oldest_first=oldest_first,
            )
            offset += len(summaries)
            kept = self._wanted(summaries, refs, keep)
            rows += [row_from_summary(s, with_feed=feed_id is None) for s in kept]
            new |= new_refs(kept, visits)
            if feed_id is None or len(summaries) < limit:
                break
            if cancelled():
                return None
            if first_rows and rows and (keep is None or keep in refs):
                # Oldest first, the new posts are at the end, not among the first rows.
                first = Loaded(view, list(rows), keep, visits=visits, titles=list_titles(rows))
                first_rows(first if oldest_first else replace(first, new=frozenset(new)))
                shown_first = True
            first_rows, limit = None, READ_ROWS
        return Loaded(
            view,
            rows,
            keep,
            new=frozenset(new),
            oldest_first=oldest_first,
            visits=visits,
            has_feeds=self._has_feeds(rows),
            titles=list_titles(rows),
            after_first_rows=shown_first,
        )

    def _wanted(
        self, summaries: list[EntrySummary], seen: set[str], keep: str | None
    ) -> list[EntrySummary]:
        """The posts of a part of the view the list shows: not one `seen` in an earlier part,
        and unread only where asked (the post under the cursor stays, read or not)."""
        wanted = []
        for summary in summaries:
            ref = f"e{summary.id}"
            if ref not in seen and (not self.unread_only or not summary.is_read or ref == keep):
                wanted.append(summary)
            seen.add(ref)
        return wanted

    def _has_feeds(self, rows: list[Row]) -> bool:
        """Whether any feed is followed, asked only when a view has no rows (to say why)."""
        return bool(rows) or bool(self.store.feeds())

    def _oldest_first(self, feed_id: int) -> bool:
        try:
            return self.store.feed(feed_id).oldest_first
        except NotFound:
            return False

    @on(RowsLoaded)
    @reports_store_errors()
    def rows_loaded(self, message: RowsLoaded) -> None:
        loaded = message.loaded
        self.show_store_state()  # reading may have found the file damaged
        if loaded.view != self.view:
            return
        self.visits = loaded.visits
        self.oldest_first = loaded.oldest_first
        refs = [row.ref for row in loaded.rows]
        place = place_new(refs, loaded.new, oldest_first=loaded.oldest_first)
        self.first_new = place.first_new
        entries = self.query_one(EntryList)
        current = entries.current
        # After the first rows, the cursor stays where the reader has moved it meanwhile.
        keep = current if loaded.after_first_rows else loaded.keep
        entries.show(
            loaded.rows,
            keep=keep,
            divider=place.divider,
            oldest_first=self.oldest_first,
            titles=loaded.titles,
        )
        self._title_entries()
        if len(loaded.rows) >= BIG_VIEW:
            freeze_long_lived()
        if loaded.failed:
            self.stop_dwell()
            self.query_one(Reader).show(UNREADABLE_POSTS)
            self.post_message(StoreFailed(loaded.failed))
        elif not loaded.rows:
            self.stop_dwell()
            self.query_one(Reader).show(self._empty_text(loaded.has_feeds))
        elif not (loaded.after_first_rows and entries.current == current):
            self._show_current()

    def _show_current(self) -> None:
        """Show the post the list put the cursor on. Not one the reader chose: it is not
        marked read, though a wait to mark it read that was running goes on."""
        ref = self.query_one(EntryList).current
        if self.dwell is not None and self.dwell.ref != ref:
            self.stop_dwell()
        if ref is not None:
            self.show_ref(ref)

    def _title_entries(self) -> None:
        entries = self.query_one(EntryList)
        label = {ALL_FEEDS: "All feeds", FAVOURITES: "Favourites"}.get(self.view)
        if label is None:
            feed = self.current_feed()
            label = feed.label if feed else "Posts"
        elif self.view == ALL_FEEDS and entries.option_count >= ALL_FEEDS_LIMIT:
            label += f" · newest {ALL_FEEDS_LIMIT:,}"
        if self.key_events_only:
            label += " · key events"
        if self.unread_only and self.view != FAVOURITES:
            label += " · unread"
        if self.oldest_first:
            label += " · oldest first"
        arrow = "↓" if self.oldest_first else "↑"
        entries.set_titles(label, f"{self.new_posts} new {arrow}" if self.new_posts else "")

    def _empty_text(self, has_feeds: bool) -> str | Text:
        if not has_feeds:
            return WELCOME
        if self.view == FAVOURITES:
            return "No favourites yet: press f on a post to keep it."
        if (feed := self.current_feed()) is not None and feed.is_source:
            return (
                "A source has no posts of its own: it finds live blogs, which liveread follows "
                f'as feeds of their own (marked "via {feed.label}"). Press r to look for new ones.'
            )
        if self.key_events_only:
            return "No key events here. Press K to show every post."
        if self.unread_only:
            return "No unread posts here. Press U to show every post."
        return "No posts stored yet. Press r to refresh."

    @on(EntryList.RowHighlighted, "#entries")
    def entry_highlighted(self, message: EntryList.RowHighlighted) -> None:
        """The reader moved to a post: show it, and mark it read if it stays on show."""
        ref = message.row_id
        newest = message.source.option_count - 1 if self.oldest_first else 0
        if message.index == newest and self.new_posts:
            self.new_posts = 0
            self._title_entries()
        self.show_ref(ref)
        self.start_dwell(ref)

    @on(EntryList.RowSelected, "#entries")
    def entry_selected(self, message: EntryList.RowSelected) -> None:
        """Enter or a click opens the post: it is read."""
        self.stop_dwell()
        self.query_one(Reader).focus()
        self.set_read(message.row_id, True)

    def start_dwell(self, ref: str) -> None:
        self.stop_dwell()
        row = self.query_one(EntryList).rows.get(ref)
        if row is None or row.is_read:
            return
        if self.config.read_after <= 0:
            self.set_read(ref, True)
        else:
            self.dwell = Dwell(ref, self.set_timer(self.config.read_after, self.finish_dwell))

    def stop_dwell(self) -> None:
        if self.dwell is not None:
            self.dwell.timer.stop()
            self.dwell = None

    def finish_dwell(self) -> None:
        """The post has been on show for `read_after` seconds: it is read."""
        dwell, self.dwell = self.dwell, None
        if dwell is None:
            return
        dwell.timer.stop()
        shown = self.query(EntryList)  # none while the app closes: a timer may fire meanwhile
        if shown and shown.first().current == dwell.ref:
            self.set_read(dwell.ref, True)

    def set_read(
        self,
        ref: str,
        read: bool,
        *,
        unsaved: str | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Mark a stored post read or unread; its row and the counts follow, then `then()`
        (unless it could not be saved: `unsaved` says so)."""
        if not ref.startswith("e"):
            return  # a favourite is a copy, with no read state

        def marked(changed: int) -> None:
            entries = self.query_one(EntryList)
            row = entries.rows.get(ref)
            if row is not None and row.is_read != read:
                entries.refresh_row(row._replace(is_read=read))
            if changed:
                self.reload_feeds()
            if then is not None:
                then()

        post_id = int(ref[1:])
        self.with_store(lambda: self.core.mark_read([post_id], read), marked, unsaved=unsaved)

    def show_ref(self, ref: str) -> None:
        reader = self.query_one(Reader)
        if ref.startswith("f"):
            favourite = self.favourites[int(ref[1:])]
            key = f"f {favourite.feed_url} {favourite.entry.key}"  # "f<n>" moves as favourites do
            reader.show_entry(favourite.entry, favourite.feed_title, key=key)
            return
        post_id = int(ref[1:])

        def read() -> tuple[StoredEntry, Edits | None] | str | None:
            try:
                found = self.store.entry(post_id)
                if found.edited_at is None:
                    return found, None
                return found, Edits(found.edited_at, self.store.history(post_id))
            except NotFound:
                return None
            except StoreFault as error:
                self.post_message(StoreFailed(error))
                return UNREADABLE_POST

        def show(found: tuple[StoredEntry, Edits | None] | str | None) -> None:
            if found is None:
                self._gone()
            elif isinstance(found, str):
                reader.show(found)
            else:
                stored, edits = found
                reader.show_entry(stored.entry, stored.feed_title, key=ref, edits=edits)

        self.with_store(read, show, group="reader", exclusive=True)

    def _gone(self) -> None:
        """The post under the cursor is no longer stored: something else (`liveread remove`
        in another terminal, say) changed the database. Catch up instead of failing."""
        self.query_one(Reader).show("That post is no longer stored: reloading the list.")
        self.reload_feeds()
        self.reload_rows()
