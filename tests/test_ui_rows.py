"""What a list row shows of a post's time: the clock time and age, or its own stamp."""

from __future__ import annotations

from datetime import UTC, datetime

from liveread.ui.lists import Row, row_prompt

NOW = datetime(2024, 8, 5, 20, 0, tzinfo=UTC)


def row(**kwargs: object) -> Row:
    fields: dict[str, object] = dict(
        ref="e1",
        published=None,
        title="Goal!",
        excerpt="",
        authors=(),
        kind="post",
        key_event=False,
        pinned=False,
        is_read=True,
        is_favourite=False,
        edited=False,
    )
    fields.update(kwargs)
    return Row(**fields)  # type: ignore[arg-type]


def test_a_minute_of_play_stands_where_the_time_would():
    assert " 90'+5" in row_prompt(row(label="90'+5"), NOW).plain
    assert "--:--" not in row_prompt(row(label="90'+5"), NOW).plain


def test_a_post_without_time_or_stamp_says_so():
    assert "--:--" in row_prompt(row(), NOW).plain
