"""Block building on small markup of liveread's own: captions and the credits inside them."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from liveread.model import Embed, Image, ListBlock, inline_text
from liveread.parse.blocks import EMBED_TEXT, BlockBuilder

URL = "https://news.example/live"


def _image(caption: str) -> Image:
    tree = LexborHTMLParser(
        f'<div id="body"><figure><img src="/p.jpg"><figcaption>{caption}</figcaption></figure></div>'
    )
    [block] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(block, Image)
    return block


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Sunak greets Zelenskiy on his arrival. Photograph: Reuters",
            ("Sunak greets Zelenskiy on his arrival.", "Reuters"),
        ),
        (
            "Crowds outside the hall on Friday. Photograph: Stefan Rousseau/PA",
            ("Crowds outside the hall on Friday.", "Stefan Rousseau/PA"),
        ),
        ("Harry and Meghan in Colombia (Image: Getty)", ("Harry and Meghan in Colombia", "Getty")),
        ("(reuters)", (None, "reuters")),
    ],
)
def test_a_credit_written_into_the_caption_is_taken_out(
    caption: str, expected: tuple[str | None, str]
) -> None:
    image = _image(caption)
    assert (image.caption, image.credit) == expected


@pytest.mark.parametrize(
    "caption",
    [
        "Photo: the crowd waiting outside the town hall",  # a label, not after a sentence
        "Sunak (L) and Zelenskiy (R) at Chequers",
        "The scene at noon: Picture the crowd",
        "(L) Sunak and (R) Zelenskiy at Chequers",
    ],
)
def test_a_caption_without_a_written_credit_stays_whole(caption: str) -> None:
    image = _image(caption)
    assert (image.caption, image.credit) == (caption, None)


def test_a_long_embed_text_is_cut_at_a_word_and_marked() -> None:
    words = " ".join(f"word{n}" for n in range(100))  # 589 characters
    tree = LexborHTMLParser(
        f'<div id="body"><blockquote class="twitter-tweet"><p>{words}</p>'
        '<a href="https://twitter.com/someone/status/1">May 1, 2024</a></blockquote></div>'
    )
    [embed] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(embed, Embed)
    assert embed.url == "https://twitter.com/someone/status/1"
    assert len(embed.text) <= EMBED_TEXT and embed.text.endswith("…")
    kept = embed.text.removesuffix("…")
    assert words.startswith(kept + " ")  # whole words only
    assert len(kept) > EMBED_TEXT - 10


def test_a_table_gives_its_own_rows_and_a_nested_table_stays_in_its_cell() -> None:
    tree = LexborHTMLParser(
        '<div id="body"><table><thead><tr><th>Party</th><th>Seats</th></tr></thead><tbody>'
        "<tr><td>Green</td><td>12</td></tr>"
        "<tr><td>Blue</td><td><table><tr><td>9</td><td>(+2)</td></tr></table></td></tr>"
        "</tbody></table></div>"
    )
    [table] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(table, ListBlock)
    assert [inline_text(row) for row in table.items] == [
        "Party | Seats",
        "Green | 12",
        "Blue | 9(+2)",
    ]


def test_tables_nested_a_thousand_deep_are_read_once() -> None:
    depth = 1_000  # each row once gave every row below it again: about 20 s here
    markup = "<table><tr><td>cell " * depth + "</td></tr></table>" * depth
    tree = LexborHTMLParser(f'<div id="body">{markup}</div>')
    [table] = BlockBuilder(URL).build([tree.css_first("#body")])
    assert isinstance(table, ListBlock)
    assert [inline_text(row) for row in table.items] == [" ".join(["cell"] * depth)]
