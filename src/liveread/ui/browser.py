"""Which web browser `o` opens a link in, as Python's `webbrowser` picks it ($BROWSER first).

`webbrowser.get()` hands back a browser for any command $BROWSER names, even one that is not
installed, so such a command counts as no browser here. A browser that runs in the terminal
(lynx, w3m, a $BROWSER command without a trailing `&`) must be given the terminal: the app
suspends itself while it runs.
"""

from __future__ import annotations

import shutil
import webbrowser


def find_browser() -> webbrowser.BaseBrowser | None:
    """The browser `webbrowser` would use, or None when there is none to start."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return None
    if isinstance(browser, webbrowser.GenericBrowser) and shutil.which(browser.name) is None:
        return None
    return browser


def runs_in_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Whether `browser` takes over the terminal until it exits (lynx, w3m, elinks)."""
    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background
    return isinstance(browser, webbrowser.GenericBrowser)
