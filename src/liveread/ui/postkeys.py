"""The keys that act on posts: next unread, read state, order, favourites, links, search."""

from __future__ import annotations

import webbrowser
from dataclasses import replace

from textual.app import SuspendNotSupported

from liveread.addresses import safe_address
from liveread.store import Feed, NotFound
from liveread.ui.browser import find_browser, runs_in_terminal
from liveread.ui.errors import reports_store_errors
from liveread.ui.lists import ALL_FEEDS, EntryList, FeedList
from liveread.ui.reading import Reading
from liveread.ui.screens import ConfirmScreen, SearchScreen


class PostKeys(Reading):
    """The actions behind the app's keys for the post under the cursor and the view on show."""

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

    @reports_store_errors(unsaved="Read state not saved")
    def action_toggle_read(self) -> None:
        entries = self.query_one(EntryList)
        ref = entries.current
        if ref is None:
            return
        if not ref.startswith("e"):
            self.notify("A favourite is a copy: it has no read state.", severity="warning")
            return
        self.stop_dwell()  # decided: no wait may undo it
        self.set_read(ref, not entries.rows[ref].is_read)

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.reload_rows(keep=self.query_one(EntryList).current, early=True)

    def action_first_new(self) -> None:
        entries = self.query_one(EntryList)
        if self.first_new is None or self.first_new not in entries.rows:
            self.notify("Nothing new here since your last visit.")
            return
        entries.highlight(self.first_new)

    @reports_store_errors(unsaved="Order not saved")
    def action_toggle_oldest_first(self) -> None:
        feed = self.current_feed()
        if feed is None:
            self.notify("The order is kept for each feed: choose a feed first.", severity="warning")
            return
        self.core.set_oldest_first(feed.id, not feed.oldest_first)
        self.reload_rows(keep=self.query_one(EntryList).current, early=True)
        self.notify("Oldest first" if not feed.oldest_first else "Newest first", title=feed.label)

    @reports_store_errors()
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
            ConfirmScreen(f"Mark {_posts(feed.unread, 'unread post')} in {feed.label} read?"),
            lambda yes: self._mark_feed_read(feed) if yes else None,
        )

    @reports_store_errors(unsaved="Read state not saved")
    def _mark_feed_read(self, feed: Feed) -> None:
        try:
            changed = self.core.mark_feed_read(feed.id)
        except NotFound as error:  # removed meanwhile
            self.notify(str(error), severity="warning")
            return
        self._shown_rows_read()
        self.notify(f"Marked {_posts(changed)} read.", title=feed.label)

    @reports_store_errors()
    def action_mark_all_read(self) -> None:
        unread = [feed.unread for feed in self.store.feeds() if feed.unread]
        if not unread:
            self.notify("Nothing unread.")
            return
        question = f"Mark all {_posts(sum(unread), 'unread post')} in "
        question += f"{_posts(len(unread), 'feed')} read?"
        self.push_screen(
            ConfirmScreen(question), lambda yes: self._mark_all_read() if yes else None
        )

    @reports_store_errors(unsaved="Read state not saved")
    def _mark_all_read(self) -> None:
        changed = self.core.mark_all_read()
        self._shown_rows_read()
        self.notify(f"Marked {_posts(changed)} read.")

    def _shown_rows_read(self) -> None:
        """After marking the view's posts read: every row on show is read."""
        self.stop_dwell()
        entries = self.query_one(EntryList)
        for row in list(entries.rows.values()):
            if not row.is_read:
                entries.refresh_row(replace(row, is_read=True))
        self.reload_feeds()

    @reports_store_errors(unsaved="Favourite not saved")
    def action_toggle_favourite(self) -> None:
        entries = self.query_one(EntryList)
        ref = entries.current
        if ref is None:
            return
        if ref.startswith("f"):
            favourite = self.favourites[int(ref[1:])]
            self.core.remove_favourite(favourite)
            self.notify("Removed from favourites.")
            self.reload_rows()
        else:
            row = entries.rows[ref]
            try:
                self.core.set_favourite(int(ref[1:]), not row.is_favourite)
            except NotFound:
                self._gone()
                return
            entries.refresh_row(replace(row, is_favourite=not row.is_favourite))
            self.notify(
                "Added to favourites." if not row.is_favourite else "Removed from favourites."
            )
        self.reload_feeds()

    def _current_url(self) -> str | None:
        ref = self.query_one(EntryList).current
        if ref is None:
            return None
        if ref.startswith("f"):
            url = self.favourites[int(ref[1:])].entry.url
        else:
            try:
                url = self.store.entry(int(ref[1:])).entry.url
            except NotFound:
                return None
        return safe_address(url)

    @reports_store_errors()
    def action_open_link(self) -> None:
        url = self._current_url()
        if url is None:
            self.notify("This post has no web address.", severity="warning")
            return
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
        if not runs_in_terminal(browser):
            return browser.open(url)
        try:
            with self.suspend():  # lynx or w3m gets the terminal until it exits
                return browser.open(url)
        except SuspendNotSupported:
            return False

    @reports_store_errors()
    def action_copy_link(self) -> None:
        if url := self._current_url():
            self.copy_to_clipboard(url)
            self.notify(url, title="Copied")
        else:
            self.notify("This post has no web address.", severity="warning")

    def action_toggle_key_events(self) -> None:
        self.key_events_only = not self.key_events_only
        self.reload_rows(early=True)

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.core.search), self._search_done)

    @reports_store_errors()
    def _search_done(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        # The hit's own feed, which lists all its posts (All feeds has only the newest).
        self.view = str(self.store.entry(entry_id).feed_id)
        self.key_events_only = False
        self.query_one(FeedList).select_id(self.view)
        self.set_read(f"e{entry_id}", True)  # chosen from the hits: opened
        self.open_rows(self.view, keep=f"e{entry_id}")
        self.show_ref(f"e{entry_id}")


def _posts(count: int, noun: str = "post") -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
