"""The pane layouts (`v`), which pane has focus (Tab, Shift+Tab), and the rows' ages."""

from __future__ import annotations

from textual import events, on
from textual.app import App

from liveread import timefmt
from liveread.ui.lists import EntryList, FeedList

NARROW_BELOW = 110
"""Terminals narrower than this get the narrow layout."""
LAYOUTS = {
    "panes": "Feeds, posts and reader side by side",
    "collapsed": "Feeds pane folded away: Tab or Shift+Tab brings it back while in use",
    "single": "One pane at a time: Tab and Shift+Tab switch, Enter opens a post",
}
"""The pane layouts `v` steps through, in order. Until one is chosen, the terminal's width
chooses: "panes" from `NARROW_BELOW` columns, "collapsed" below."""
PANES = ("#feeds", "#entries", "#reader")


class Panes(App[None]):
    """The app's pane layout and focus between the panes."""

    layout: str | None
    """The pane layout chosen with `v` (a key of LAYOUTS); None while the width chooses."""

    def action_toggle_layout(self) -> None:
        current = self.layout or ("panes" if self.size.width >= NARROW_BELOW else "collapsed")
        names = list(LAYOUTS)
        self.layout = names[(names.index(current) + 1) % len(names)]
        panes = self.screen_stack[0].query_one("#panes")
        panes.set_classes(f"-{self.layout}")
        self.notify(LAYOUTS[self.layout], title="Layout")

    @on(events.DescendantFocus)
    def pane_focused(self, event: events.DescendantFocus) -> None:
        """The focused pane is the one a folded layout shows (liveread.tcss: `-current`)."""
        panes = list(self.screen_stack[0].query(", ".join(PANES)))
        if event.control in panes:
            for pane in panes:
                pane.set_class(pane is event.control, "-current")

    def action_focus_next(self) -> None:
        if not self._step_pane(1):
            super().action_focus_next()

    def action_focus_previous(self) -> None:
        if not self._step_pane(-1):
            super().action_focus_previous()

    def _step_pane(self, step: int) -> bool:
        """Focus the next pane in order, even one a folded layout hides (focus shows it);
        False where focus is not on a pane (in a dialog, say)."""
        panes = list(self.screen.query(", ".join(PANES)))
        if self.screen.focused not in panes:
            return False
        panes[(panes.index(self.screen.focused) + step) % len(panes)].focus()
        return True

    def redraw_ages(self) -> None:
        """Rows' ages move on with the clock; redrawn from the rows in hand."""
        now = timefmt.clock()
        for main in self.screen_stack[:1]:  # none, or without its panes, while the app closes
            for entries in main.query(EntryList):
                entries.redraw_ages(now)
            for feeds in main.query(FeedList):
                feeds.redraw_ages(now)
