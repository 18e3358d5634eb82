"""The built-in demo: an invented live blog served from a loopback HTTP server.

Everything here is standard library only, so `liveread demo` and the tests can run it
without the UI. The story, the people and the places are fictional, written for liveread.
"""

from liveread.demo.content import BLOG, POSTS, BlogInfo, DemoPost
from liveread.demo.server import DEMO_PATH, DemoServer

__all__ = ["BLOG", "DEMO_PATH", "POSTS", "BlogInfo", "DemoPost", "DemoServer"]
