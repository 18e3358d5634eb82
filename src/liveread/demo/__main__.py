"""Serve the demo live blog until interrupted: `python -m liveread.demo [--port N]`."""

from __future__ import annotations

import argparse
import contextlib
import threading

from liveread.demo.server import DemoServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m liveread.demo", description="Serve liveread's demo live blog."
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any)")
    parser.add_argument(
        "--interval", type=float, default=5.0, help="seconds between new posts (default: 5)"
    )
    parser.add_argument(
        "--initial", type=int, default=12, help="posts already up at the start (default: 12)"
    )
    args = parser.parse_args(argv)
    with DemoServer(args.port, interval=args.interval, initial=args.initial) as demo:
        print(demo.url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
