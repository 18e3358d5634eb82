"""The yardstick for `startup.py`: a bare Textual app with a Header and a Footer.

Its first paint shows `TITLE` in the Header, which is what the benchmark waits for.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header

TITLE = "bare-textual-app"


class BareApp(App[None]):
    TITLE = TITLE

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
