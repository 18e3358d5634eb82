"""`liveread doctor`'s salvage keeps what liveread keeps beside the posts: the versions edits
replaced, the articles link posts were read as, the keys of pruned posts and the items each
source has looked at."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from liveread.model import Article, Entry, Paragraph, Span
from liveread.store import PruneRule, Store, doctor

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BLOG = "https://example.com/live/harbour"
SOURCE = "https://example.com/rss.xml"


def post(key: str, text: str, minutes: int) -> Entry:
    return Entry(
        key=key,
        published=T0 + timedelta(minutes=minutes),
        title=f"Post {key}",
        blocks=[Paragraph((Span(text),))],
    )


def test_a_salvage_keeps_edit_history_articles_pruned_keys_and_source_items(db: Path) -> None:
    with Store(db) as store:
        blog = store.add_feed(BLOG, "Harbour live").id
        source = store.add_feed(SOURCE, "World news", kind="source").id
        store.upsert_entries(
            blog, [post("1", "Rain.", 0), post("2", "The bridge is closed.", 1)], seen_at=T0
        )
        store.upsert_entries(
            blog, [post("2", "The bridge is open.", 1)], seen_at=T0 + timedelta(minutes=5)
        )
        store.upsert_entries(
            blog, [post("3", "Runners set off.", 2)], seen_at=T0 + timedelta(minutes=9)
        )
        pruned = store.prune_feed(blog, PruneRule(max_posts=2), now=T0 + timedelta(minutes=10))
        kept = {s.entry.key: s.id for s in store.entries(blog)}
        assert (pruned.total, sorted(kept)) == (1, ["2", "3"])  # the oldest, "1", went
        history = store.history(kept["2"])
        assert [version.text for version in history] == ["The bridge is closed."]
        article = Article(
            url="https://example.com/news/wall",
            fetched_at=T0,
            title="The harbour wall",
            blocks=[Paragraph((Span("Engineers started work."),))],
        )
        store.save_article(article)
        store.note_looked_at(source, ["https://example.com/news/1"])

    doctor.salvage(db, now=datetime(2024, 5, 2, 9, 30))

    with Store(db) as store:
        assert {s.entry.key: s.id for s in store.entries(blog)} == kept
        assert store.history(kept["2"]) == history
        assert store.article(article.url) == article
        seen = store.looked_at(source, ["https://example.com/news/1", "https://example.com/news/2"])
        assert seen == {"https://example.com/news/1"}
        # The pruned post's key is still known: a page that shows it again stores nothing.
        assert store.upsert_entries(blog, [post("1", "Rain.", 0)], seen_at=T0).new == []
