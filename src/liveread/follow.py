"""`liveread follow`: one feed refreshed on a schedule, headless, each new post printed as it
arrives (as text, or as a JSON object per line) and alerted as the config says."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence

from liveread.alerts import Alerter, alerts_for
from liveread.codec import entry_to_dict
from liveread.core import Core
from liveread.export import ExportItem, exportable
from liveread.model import Entry
from liveread.service import AlreadyFollowing, FeedFailed
from liveread.store import Feed
from liveread.timefmt import stamp

FIRST_LINES = 3
"""Lines of a post's text the text output shows."""
LINE_CHARS = 300


async def followed(core: Core, ref: str) -> tuple[Feed, bool]:
    """The feed `ref` names (an id, address or title as other commands take), and whether
    it is followed only now: an address not followed yet is added first."""
    if not ref.startswith(("http://", "https://")):
        return core.store.feed(ref), False
    from liveread.addresses import feed_address

    known = core.store.feed_known_as(ref.strip(), feed_address(ref) or "")
    if known is not None:
        return known, False
    try:
        return await core.add(ref), True
    except AlreadyFollowing as already:  # known under the address it redirects to
        return already.feed, False


def post_text(entry: Entry, feed_title: str) -> str:
    """A new post in a few lines: when, which feed and its flags; title; first lines; url."""
    flags = [
        name for name, on in (("KEY EVENT", entry.key_event), ("BREAKING", entry.breaking)) if on
    ]
    when = entry.label if entry.published is None and entry.label else stamp(entry.published)
    lines = [f"── {when} · {feed_title}" + "".join(f"  [{flag}]" for flag in flags)]
    if entry.title:
        lines.append(entry.title)
    text = [line[:LINE_CHARS] for line in entry.text.splitlines() if line.strip()]
    lines += text[:FIRST_LINES] + (["…"] if len(text) > FIRST_LINES else [])
    if entry.url:
        lines.append(entry.url)
    return "\n".join(lines) + "\n"


def post_json(entry: Entry, feed: Feed) -> str:
    """A new post as one line of JSON: the feed's id and title, then `codec.entry_to_dict`."""
    fields = {"feed_id": feed.id, "feed": feed.label, **entry_to_dict(entry)}
    return json.dumps(fields, ensure_ascii=False)


async def follow(
    core: Core,
    feed: Feed,
    *,
    interval: float,
    show: Callable[[str], object],
    failed: Callable[[str], object],
    alerter: Alerter,
    as_json: bool = False,
    wait_first: bool = False,
) -> None:
    """Refresh `feed` every `interval` seconds (at once, unless `wait_first`), for good:
    each new post goes to `show` (oldest first) and is alerted; a failed refresh is told to
    `failed` in one line, and following goes on."""
    if wait_first:
        await asyncio.sleep(interval)
    while True:
        feed = core.store.feed(feed.id)  # its title and alert level may have changed
        (event,) = await core.refresh([feed])
        if isinstance(event, FeedFailed):
            failed(f"#{feed.id} {event.title}: refresh failed: {event.reason}")
        elif event.new:
            _arrived(core, core.store.feed(feed.id), event.new, show, alerter, as_json)
        await asyncio.sleep(interval)


def _arrived(
    core: Core,
    feed: Feed,
    keys: Sequence[str],
    show: Callable[[str], object],
    alerter: Alerter,
    as_json: bool,
) -> None:
    posts = core.store.named_summaries(feed.id, keys=keys)
    oldest_first = sorted(posts, key=lambda p: (p.published is None, p.published, p.id))
    for post in oldest_first:
        entry = exportable(ExportItem(core.store.entry(post.id).entry, feed.label)).entry
        show(post_json(entry, feed) if as_json else post_text(entry, feed.label))
    alerter.deliver(alerts_for(feed.label, feed.url, posts, core.alert_level(feed)))
