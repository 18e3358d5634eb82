"""The keys that act on posts: next unread, read state, order, favourites, links, search."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import SuspendNotSupported

from liveread.store import NotFound, StoreError
from liveread.ui import screens
from liveread.ui.lists import ALL_FEEDS, EntryList, FeedList
from liveread.ui.reader import Reader
from liveread.ui.reading import Reading

if TYPE_CHECKING:  # `webbrowser` loads when a link is first opened; the model with the database
    import webbrowser

    from liveread.background import Background
    from liveread.model import Entry
    from liveread.store import Feed


class PostKeys(Reading):
    """The actions behind the app's keys for the post under the cursor and the view on show."""

    network: Background | None

    def action_next_unread(self) -> None:
        entries = self.query_one(EntryList)
        refs = list(entries.rows)
        current = entries.current
        start = refs.index(current) + 1 if current in entries.rows else 0
        for ref in refs[start:] + refs[:start]:
            if not entries.rows[ref].is_read:
                entries.highlight(ref)
                return
        self.notify("No unread posts here.")

    def action_toggle_read(self) -> None:
        entries = self.query_one(EntryList)
        ref = entries.current
        if ref is None:
            return
        if not ref.startswith("e"):
            self.notify("A favourite is a copy: it has no read state.", severity="warning")
            return
        self.stop_dwell()  # decided: no wait may undo it
        self.set_read(ref, not entries.rows[ref].is_read, unsaved="Read state not saved")

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.reload_rows(keep=self.query_one(EntryList).current, early=True)

    def action_first_new(self) -> None:
        entries = self.query_one(EntryList)
        if self.first_new is None or self.first_new not in entries.rows:
            self.notify("Nothing new here since your last visit.")
            return
        entries.highlight(self.first_new)

    def action_toggle_oldest_first(self) -> None:
        feed = self.current_feed()
        if feed is None:
            self.notify("The order is kept for each feed: choose a feed first.", severity="warning")
            return
        on = not feed.oldest_first

        def saved(_: None) -> None:
            self.feeds_shown[feed.id] = feed._replace(oldest_first=on)
            self.reload_rows(keep=self.query_one(EntryList).current, early=True)
            self.notify("Oldest first" if on else "Newest first", title=feed.label)

        self.with_store(
            lambda: self.core.set_oldest_first(feed.id, on), saved, unsaved="Order not saved"
        )

    def action_mark_feed_read(self) -> None:
        """Mark the posts of the view read, after asking: a feed's, or in All feeds every
        post."""
        if self.view == ALL_FEEDS:
            self.action_mark_all_read()
            return
        feed = self.current_feed()
        if feed is None:
            self.notify("Choose a feed in the feeds pane first.", severity="warning")
            return
        if not feed.unread:
            self.notify(f"Nothing unread in {feed.label}.")
            return
        self.push_screen(
            screens.ConfirmScreen(
                f"Mark {_posts(feed.unread, 'unread post')} in {feed.label} read?"
            ),
            lambda yes: self._mark_feed_read(feed) if yes else None,
        )

    def _mark_feed_read(self, feed: Feed) -> None:
        def mark() -> int | NotFound:
            try:
                return self.core.mark_feed_read(feed.id)
            except NotFound as error:  # removed meanwhile
                return error

        def marked(changed: int | NotFound) -> None:
            if isinstance(changed, NotFound):
                self.notify(str(changed), severity="warning")
                return
            self._shown_rows_read()
            self.notify(f"Marked {_posts(changed)} read.", title=feed.label)

        self.with_store(mark, marked, unsaved="Read state not saved")

    def action_mark_all_read(self) -> None:
        self.with_store(self.store.feeds, self._ask_mark_all_read)

    def _ask_mark_all_read(self, feeds: list[Feed]) -> None:
        unread = [feed.unread for feed in feeds if feed.unread]
        if not unread:
            self.notify("Nothing unread.")
            return
        question = f"Mark all {_posts(sum(unread), 'unread post')} in "
        question += f"{_posts(len(unread), 'feed')} read?"
        self.push_screen(
            screens.ConfirmScreen(question), lambda yes: self._mark_all_read() if yes else None
        )

    def _mark_all_read(self) -> None:
        def marked(changed: int) -> None:
            self._shown_rows_read()
            self.notify(f"Marked {_posts(changed)} read.")

        self.with_store(self.core.mark_all_read, marked, unsaved="Read state not saved")

    def _shown_rows_read(self) -> None:
        """After marking the view's posts read: every row on show is read."""
        self.stop_dwell()
        entries = self.query_one(EntryList)
        for row in list(entries.rows.values()):
            if not row.is_read:
                entries.refresh_row(row._replace(is_read=True))
        self.reload_feeds()

    def action_toggle_favourite(self) -> None:
        entries = self.query_one(EntryList)
        ref = entries.current
        if ref is None:
            return
        if ref.startswith("f"):
            favourite = self.favourites[int(ref[1:])]

            def removed(_: None) -> None:
                self.notify("Removed from favourites.")
                self.reload_rows()
                self.reload_feeds()

            self.with_store(
                lambda: self.core.remove_favourite(favourite),
                removed,
                unsaved="Favourite not saved",
            )
            return
        row = entries.rows[ref]
        on = not row.is_favourite

        def set_favourite() -> bool:
            try:
                self.core.set_favourite(int(ref[1:]), on)
            except NotFound:
                return False
            return True

        def saved(found: bool) -> None:
            if not found:
                self._gone()
                return
            shown = entries.rows.get(ref)
            if shown is not None:
                entries.refresh_row(shown._replace(is_favourite=on))
            self.notify("Added to favourites." if on else "Removed from favourites.")
            self.reload_feeds()

        self.with_store(set_favourite, saved, unsaved="Favourite not saved")

    def with_current_url(self, then: Callable[[str | None], object]) -> None:
        """`then(address)` with the web address of the post under the cursor (None: it has
        none, or is gone)."""
        from liveread.addresses import safe_address

        ref = self.query_one(EntryList).current
        if ref is None:
            then(None)
        elif ref.startswith("f"):
            then(safe_address(self.favourites[int(ref[1:])].entry.url))
        else:
            post_id = int(ref[1:])

            def read() -> str | None:
                try:
                    return safe_address(self.store.entry(post_id).entry.url)
                except NotFound:
                    return None

            self.with_store(read, then)

    def action_open_link(self) -> None:
        self.with_current_url(self._open_link)

    def _open_link(self, url: str | None) -> None:
        if url is None:
            self.notify("This post has no web address.", severity="warning")
            return
        from liveread.ui.browser import find_browser

        browser = find_browser()
        if browser is None:
            self.copy_to_clipboard(url)
            self.notify(url, title="No browser found; copied the link instead", severity="warning")
        elif self._open_in(browser, url):
            self.notify(url, title="Opening")
        else:
            self.copy_to_clipboard(url)
            self.notify(
                url, title="Could not open the browser; copied the link instead", severity="warning"
            )

    def _open_in(self, browser: webbrowser.BaseBrowser, url: str) -> bool:
        from liveread.ui.browser import runs_in_terminal

        if not runs_in_terminal(browser):
            return browser.open(url)
        try:
            with self.suspend():  # lynx or w3m gets the terminal until it exits
                return browser.open(url)
        except SuspendNotSupported:
            return False

    def action_copy_link(self) -> None:
        self.with_current_url(self._copy_link)

    def _copy_link(self, url: str | None) -> None:
        if url:
            self.copy_to_clipboard(url)
            self.notify(url, title="Copied")
        else:
            self.notify("This post has no web address.", severity="warning")

    def action_toggle_article(self) -> None:
        """Read the article the link post on show points to in its place; on the article,
        go back to the post."""
        reader = self.query_one(Reader)
        if reader.back_to_post():
            return
        ref = self.query_one(EntryList).current
        if ref is None:
            return
        if ref.startswith("f"):
            favourite = self.favourites[int(ref[1:])]
            self._read_article(reader.shown, favourite.entry, favourite.feed_url)
            return
        post_id = int(ref[1:])

        def read() -> tuple[Entry, str] | None:
            try:
                stored = self.store.entry(post_id)
                return stored.entry, self.store.feed(stored.feed_id).url
            except NotFound:
                return None

        def found(post: tuple[Entry, str] | None) -> None:
            if post is None:
                self._gone()
            else:
                self._read_article(reader.shown, *post)

        self.with_store(read, found)

    def _read_article(self, shown: str | None, entry: Entry, page_url: str) -> None:
        from liveread.articles import linked_address

        url = linked_address(entry, page_url)
        if url is None:
            self.notify("This post is not a link to another article.")
            return
        reader = self.query_one(Reader)
        reader.note(f"Opening the linked article: {url}")
        self.load_article(url, shown)

    @work(exclusive=True, group="article")
    async def load_article(self, url: str, shown: str | None) -> None:
        """The linked article at `url`: as kept, else fetched on the network thread (or,
        offline, only as kept). Shown if the reader still shows the post `shown`; a one-line
        note above the post says why, when it cannot be read."""
        from liveread.articles import ArticleError

        core = self.core
        try:
            if self.network is not None:
                article = await self.network.run(lambda core: core.linked_article(url))
            else:
                article = await self.in_store_thread(lambda: core.cached_article(url))
        except (ArticleError, StoreError) as error:
            article, problem = None, str(error)
        reader = self.query_one(Reader)
        if reader.shown != shown or reader.article_shown is not None:
            return  # the reader moved on meanwhile
        if article is None:
            reader.note(problem)
        else:
            reader.show_article(article)

    def action_back_to_post(self) -> None:
        self.query_one(Reader).back_to_post()

    def action_toggle_changes(self) -> None:
        reader = self.query_one(Reader)
        if not reader.has_changes and not reader.changes_shown:
            self.notify("This post has no earlier version to compare with.")
            return
        reader.toggle_changes()

    def action_toggle_key_events(self) -> None:
        self.key_events_only = not self.key_events_only
        self.reload_rows(early=True)

    def action_search(self) -> None:
        self.push_screen(screens.SearchScreen(self.core.search), self._search_done)

    def _search_done(self, entry_id: int | None) -> None:
        if entry_id is not None:
            self.with_store(lambda: self.store.entry(entry_id).feed_id, self._open_hit(entry_id))

    def _open_hit(self, entry_id: int) -> Callable[[int], None]:
        """Open the hit in its own feed, which lists all its posts (All feeds has only the
        newest), once the feed it is in is known."""
        ref = f"e{entry_id}"

        def open_in(feed_id: int) -> None:
            self.view = str(feed_id)
            self.key_events_only = False
            self.query_one(FeedList).select_id(self.view)
            # Chosen from the hits: opened, so read before its feed's rows are read.
            self.set_read(ref, True, then=lambda: self.open_rows(str(feed_id), keep=ref))
            self.show_ref(ref)

        return open_in


def _posts(count: int, noun: str = "post") -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
