"""Whether a page is a live blog at all, at the edges: live blogs that do not say they are
live, or say little, and timed pages that say "live" and are not live blogs."""

from __future__ import annotations

import pytest

from liveread.parse import NotALiveBlog, parse

URL = "https://www.harbourpost.example.co.uk/news/gale-warning-updates-4418203"
UPDATES = [
    (
        "11:45",
        "Bridge reopened",
        "The harbour bridge is open again after a fallen tree was cleared.",
    ),
    ("10:20", "Power cuts", "About 9,000 homes are without power, the network operator says."),
    ("08:55", "Ferries cancelled", "All sailings are off until at least four this afternoon."),
    ("07:30", "Schools shut", "Forty schools in the county are closed today."),
]


def updates_page(
    updates: list[tuple[str, str, str]], *, changed: str = "11:48", extra: str = ""
) -> str:
    """A news page of short timed updates whose title, heading and address say no live
    word ("Gale warning: updates through the day")."""
    items = "".join(
        f"<div class='update'><div class='update__time'>{time}</div>"
        f"<h3 class='update__title'>{title}</h3><p>{text}</p>{extra}</div>"
        for time, title, text in updates
    )
    return (
        "<html lang='en-GB'><head><title>Gale warning: updates through the day</title>"
        "<meta property='article:published_time' content='2024-11-02T07:30:00+00:00'>"
        f"<meta property='article:modified_time' content='2024-11-02T{changed}:00+00:00'>"
        "</head><body><main><article><h1>Gale warning: updates through the day</h1>"
        f"<p class='byline'>By Kate Rowe</p><div class='updates'>{items}</div>"
        "</article></main></body></html>"
    )


def test_short_updates_newest_first_on_a_page_changed_with_the_newest_are_a_live_blog() -> None:
    blog = parse(updates_page(UPDATES), URL)
    assert [entry.title for entry in blog.entries] == [title for _, title, _ in UPDATES]
    assert blog.entries[0].published is not None
    assert blog.entries[0].published.strftime("%H:%M") == "11:45"


@pytest.mark.parametrize(
    ("updates", "changed", "extra"),
    [
        (UPDATES, "15:10", ""),  # changed hours after its newest item: not kept up by them
        (UPDATES[::-1], "11:48", ""),  # earliest first: a programme or a day's schedule
        (UPDATES, "11:48", "<a href='/news/story-4419001'>Read more</a>"),  # teasers
    ],
)
def test_short_timed_items_a_page_is_not_seen_kept_up_by_are_no_live_blog(
    updates: list[tuple[str, str, str]], changed: str, extra: str
) -> None:
    with pytest.raises(NotALiveBlog):
        parse(updates_page(updates, changed=changed, extra=extra), URL)
