"""Store trouble in the app's handlers and workers: posted as a message, never fatal."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar, cast

from textual.app import App

from liveread.store import StoreError
from liveread.ui.messages import StoreFailed

Handler = TypeVar("Handler", bound=Callable[..., Any])


def reports_store_errors(unsaved: str | None = None) -> Callable[[Handler], Handler]:
    """Wrap an app method (a handler, or a worker on any thread) that calls the store: a
    StoreError it raises is posted as StoreFailed instead of ending the app."""

    def wrap(method: Handler) -> Handler:
        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def run_async(app: App[Any], *args: Any, **kwargs: Any) -> Any:
                try:
                    return await method(app, *args, **kwargs)
                except StoreError as error:
                    app.post_message(StoreFailed(error, unsaved))
                    return None

            return cast(Handler, run_async)

        @functools.wraps(method)
        def run(app: App[Any], *args: Any, **kwargs: Any) -> Any:
            try:
                return method(app, *args, **kwargs)
            except StoreError as error:
                app.post_message(StoreFailed(error, unsaved))
                return None

        return cast(Handler, run)

    return wrap
