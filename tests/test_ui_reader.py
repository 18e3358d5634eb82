"""The reader lays a long post out a batch at a time, so a post of any length opens at once,
and every word of it can still be read by scrolling on."""

from __future__ import annotations

from rich.padding import Padding
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from liveread.model import Entry, ListBlock, Paragraph, Quote, Span
from liveread.ui.reader import BATCH_CHARACTERS, Reader, batched

SIZE = (100, 30)


def words(count: int, start: int = 0) -> str:
    return " ".join(f"w{n}" for n in range(start, start + count))


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Reader(id="reader")


def laid_out(reader: Reader) -> str:
    """Every character the reader has handed to the screen (the text of its Statics)."""
    texts = []
    for static in reader.query(Static):
        if static.id == "more" or not static.display:
            continue
        lines = static.render_lines(static.size.region)
        texts.append("\n".join(line.text.rstrip() for line in lines))
    return "\n".join(texts)


def test_batches_keep_every_character_and_cut_only_at_spaces():
    long = words(60_000)  # about 420,000 characters
    parts = [Text("Opening line."), Text(long), Padding(Text(words(5_000)), (0, 0, 0, 2))]
    batches = batched(parts, BATCH_CHARACTERS)
    assert len(batches) > 50
    pieces = [piece for batch in batches for piece in batch]
    texts = [p.renderable.plain if isinstance(p, Padding) else p.plain for p, _ in pieces]
    assert all(len(t) <= BATCH_CHARACTERS for t in texts)
    # Cut pieces are followed by no blank line, so the parts come back whole, in order.
    paragraphs, current = [], ""
    for text, (_, gap) in zip(texts, pieces, strict=True):
        current += text
        if gap:
            paragraphs.append(current)
            current = ""
    assert paragraphs == ["Opening line.", long, words(5_000)]
    assert all(t.endswith(" ") for t, (_, gap) in zip(texts, pieces, strict=True) if not gap)
    assert isinstance(pieces[-1][0], Padding) and pieces[-1][0].left == 2


async def test_a_megabyte_paragraph_opens_with_one_batch_laid_out():
    paragraph = words(150_000)  # over a megabyte
    assert len(paragraph) > 1_000_000
    entry = Entry("k", title="Long read", blocks=[Paragraph((Span(paragraph),))])
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        reader.show_entry(entry, key="e1")
        await pilot.pause()
        shown = laid_out(reader)
        assert "Long read" in shown and "w0 w1 w2" in shown
        assert len(shown) < 3 * BATCH_CHARACTERS
        more = app.query_one("#more", Static)
        assert more.display
        assert "more characters: read on" in str(more.render())


async def test_scrolling_on_lays_out_the_rest_to_the_last_word():
    quote, items = words(3_000, 10_000), (tuple([Span(words(2_000, 20_000))]),)
    entry = Entry(
        "k",
        title="Long read",
        blocks=[
            Paragraph((Span(words(12_000)),)),
            Quote((Span(quote),), cite="A source"),
            ListBlock(items),
        ],
    )
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        reader.show_entry(entry, key="e1")
        await pilot.pause()
        assert "w11999" not in laid_out(reader)
        reader.focus()
        for _ in range(200):
            if not app.query_one("#more", Static).display:
                break
            reader.scroll_end(animate=False)  # as G does, without the animation
            await pilot.pause()
        shown = laid_out(reader)
        for word in ("w11999", "w12999", "— A source", "w21999"):
            assert word in shown
        assert not app.query_one("#more", Static).display


async def test_showing_the_same_post_again_keeps_what_was_laid_out_and_the_place():
    entry = Entry("k", title="Long read", blocks=[Paragraph((Span(words(8_000)),))])
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        reader.show_entry(entry, key="e1")
        await pilot.pause()
        reader.focus()
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        place, batches = reader.scroll_y, len(reader.query(".batch"))
        assert place > 0 and batches >= 1
        reader.show_entry(entry, key="e1")  # a refresh reloaded the list
        await pilot.pause()
        assert len(reader.query(".batch")) >= batches
        assert reader.scroll_y == place
        reader.show_entry(Entry("other", title="Short"), key="e2")
        await pilot.pause()
        assert (reader.scroll_y, len(reader.query(".batch"))) == (0, 0)


async def test_showing_a_post_lays_the_screen_out_once(monkeypatch):
    """Each post shown changes the height of the reader's text: one layout of the screen
    follows (a pass over every widget), not another for the sizes it gave. A scroll bar
    that comes or goes still has the text laid out anew."""
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        reader.show_entry(Entry("a", title="First", blocks=[Paragraph((Span(words(2_000)),))]))
        await pilot.pause()
        screen = app.screen
        lay_out = screen._refresh_layout
        layouts = []

        def counted(*args, **kwargs):
            layouts.append(args)
            return lay_out(*args, **kwargs)

        monkeypatch.setattr(screen, "_refresh_layout", counted)

        async def show(count: int) -> None:
            layouts.clear()
            entry = Entry(f"k{count}", title="Next", blocks=[Paragraph((Span(words(count)),))])
            reader.show_entry(entry, key=entry.key)
            await pilot.pause()
            await pilot.pause()
            assert f"w{count - 1}" in laid_out(reader)

        for count in (700, 1_000, 1_500):  # each taller than the pane
            await show(count)
            assert reader.show_vertical_scrollbar
            assert len(layouts) == 1
        await show(30)  # the scroll bar goes, and the text is laid out anew without it
        assert not reader.show_vertical_scrollbar
        assert reader.query_one("#article").size.width == reader.size.width
        await show(1_200)
        assert reader.show_vertical_scrollbar
        assert reader.query_one("#article").size.width < reader.size.width
