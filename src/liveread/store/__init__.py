"""The SQLite store: followed feeds, their entries, read state, favourites and full-text search.

One connection per `Store`, in WAL mode, with foreign keys on. The schema version lives in
`PRAGMA user_version` and `MIGRATIONS` brings any older database up to date when it is opened.
Times are stored as ISO 8601 UTC text ("2024-05-01T12:00:00Z") and returned as aware UTC
datetimes. Favourites are full copies keyed by (feed url, entry key), so they outlive the feed,
pruning and the cache folder. Every sqlite3 failure a user can cause (a damaged file, a locked or
read-only database, a full disk) surfaces as a one-line `StoreFault` (a `StoreError`) that says
what to do, and `Store.fault` holds it until a write succeeds. A damaged database is not
written to again (see `damage`); `doctor` checks one and salvages what it can.

The store knows the model (`liveread.model`, `liveread.codec`) and nothing else: no HTML, no UI.

Import from `liveread.store`; the modules behind it are:

- `records`: the frozen records it returns (Feed, StoredEntry, EntrySummary, ...)
- `errors`: StoreError, NotFound, StoreFault, and which sqlite3 failures become one
- `damage`: the marker left beside a database found damaged
- `schema`: DDL, migrations, opening a file and checking it is liveread's
- `rows`: model <-> row conversion, time text
- `sql`: the statements for feeds, entries and favourites
- `pruning`: which posts a `PruneRule` lets go, deleted a batch at a time
- `search`: FTS5 query quoting, index upkeep, the ranked search a page at a time
- `database`: `Store` itself
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from liveread.store.errors import Fault, NotFound, StoreError, StoreFault

if TYPE_CHECKING:
    from liveread.store.database import Store
    from liveread.store.records import (
        EntrySummary,
        Favourite,
        Feed,
        PostVersion,
        Pruned,
        PruneRule,
        Refresh,
        SearchHit,
        StoredEntry,
        UpsertResult,
    )
    from liveread.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
    from liveread.store.search import SNIPPET_CLOSE, SNIPPET_OPEN, fts_query

_LAZY = {
    "Store": "database",
    **dict.fromkeys(
        (
            "EntrySummary",
            "Favourite",
            "Feed",
            "PostVersion",
            "Pruned",
            "PruneRule",
            "Refresh",
            "SearchHit",
            "StoredEntry",
            "UpsertResult",
        ),
        "records",
    ),
    **dict.fromkeys(("APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION"), "schema"),
    **dict.fromkeys(("SNIPPET_CLOSE", "SNIPPET_OPEN", "fts_query"), "search"),
}
"""What loads from its module on first use: the errors are all the app needs before its
first frame (they are light: no sqlite3, no model), the rest comes with the database."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "EntrySummary",
    "Fault",
    "Favourite",
    "Feed",
    "NotFound",
    "PostVersion",
    "PruneRule",
    "Pruned",
    "Refresh",
    "SearchHit",
    "Store",
    "StoreError",
    "StoreFault",
    "StoredEntry",
    "UpsertResult",
    "fts_query",
]
