"""Invented but realistic live-blog posts for the scale benchmark (`scaledb.py`).

Words are drawn with Zipf-like weights from a news vocabulary, so a few words are very common
and most are rare, as in real coverage; sentences come from a pool made once, so building a
million posts costs little more than storing them. `COMMON_WORD` is in no sentence of the pool:
the builder puts it into a known share of the posts, so a search for it has a known count.
"""

from __future__ import annotations

import random
from datetime import datetime
from itertools import accumulate

from liveread.model import Block, Embed, Entry, Image, ListBlock, Paragraph, Quote, Span

COMMON_WORD = "ceasefire"
COMMON_SHARE = 0.25
"""The share of posts holding `COMMON_WORD` (the builder draws it for each post with this
probability and counts the posts that got it)."""

_VOCABULARY_TEXT = """
the of to and a in that is was for on it with as he said at by from his an be have has
are were they but not this their which after had been who will would more about up out
than over police government minister people officials year two three first last new told
city president country week day time report statement spokesperson council morning evening
afternoon night residents emergency services road closure train delays talks agreement markets
shares court hearing witnesses match goal half result fans stadium storm warning flood
bridge harbour crowd vote election campaign party leader opposition parliament health hospital
patients doctors school teachers students prices inflation bank rate economy workers strike
union deal border troops army attack missile drone forces military civilians aid water food
fire crews rescue evacuation village town region north south east west central coast river
weather rain wind snow heat temperatures record season team players coach injury transfer
league cup final semi quarter win loss draw points table minutes second extra penalty card
referee decision appeal judge jury trial verdict sentence prison charges investigation arrest
suspect victim family friends community mourners memorial tribute service church mosque
square protest march demonstrators banners slogans speech press conference interview briefing
announcement plan policy budget tax spending cuts funding investment project contract company
chief executive board investors profits losses jobs unemployment growth forecast data figures
survey poll analysts experts scientists study research climate energy power gas oil supply
prices bills households homes housing rent mortgage buyers sellers market traffic airport
flights passengers cancellations delays queues security checks travel holiday tourists hotels
museum exhibition festival concert tickets audience stage artist film award ceremony winner
nominee broadcast channel viewers online social media posts video footage images photographs
camera reporter correspondent editor newspaper website readers comments update earlier later
today tomorrow yesterday hours minutes moments confirmed reported understood believed expected
warned urged called announced denied rejected accepted agreed promised admitted claimed added
continued described insisted suggested revealed released published shared posted signed met
visited arrived left returned travelled spoke wrote asked answered thanked praised criticised
condemned welcomed
"""
_VOCABULARY = tuple(_VOCABULARY_TEXT.split())
_NAMES = """
Amara Okafor; Ben Hollis; Carla Mendes; Dan Whitaker; Elif Kaya; Farid Nasser; Grace Lin;
Hugo Brandt; Ines Duarte; Jonas Berg; Kemi Adeyemi; Lucy Tran; Marco Ricci; Nadia Osei;
Owen Price; Priya Nair; Quentin Roux; Rosa Alvarez; Sam Patel; Tessa Young; Umar Siddiqui;
Vera Novak; Will Chambers; Xu Mei; Yara Haddad; Zoe Fischer
""".replace("\n", " ").split(";")
AUTHORS = tuple(name.strip() for name in _NAMES)
PLACES = ("Port Calloway", "Lantern Quay", "Eastmoor", "Fenwick", "Millbrook", "Ashford Vale")


class PostWriter:
    """Makes posts: a title most of the time, one to four paragraphs (some with a link or a
    bold lead), now and then a picture, a quote or a list."""

    def __init__(self, seed: int = 1, pool: int = 20_000) -> None:
        self.rng = random.Random(seed)
        self._weights = list(accumulate(1 / (rank + 8) for rank in range(len(_VOCABULARY))))
        self._sentences = [self._sentence() for _ in range(pool)]
        self._titles = [self._title() for _ in range(pool // 4)]

    def _words(self, count: int) -> list[str]:
        return self.rng.choices(_VOCABULARY, cum_weights=self._weights, k=count)

    def _sentence(self) -> str:
        words = self._words(self.rng.randint(9, 26))
        if self.rng.random() < 0.4:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(PLACES))
        if self.rng.random() < 0.2:
            words.insert(self.rng.randrange(len(words)), str(self.rng.randint(2, 9_000)))
        return " ".join(words).capitalize() + "."

    def _title(self) -> str:
        return " ".join(self._words(self.rng.randint(4, 9))).title()

    def title(self) -> str:
        return self.rng.choice(self._titles)

    def paragraph_text(self) -> str:
        sentences = self.rng.choices(self._sentences, k=self.rng.randint(1, 3))
        return " ".join(sentences)

    def _paragraph(self, link: str) -> Paragraph:
        text = self.paragraph_text()
        roll = self.rng.random()
        if roll < 0.15:  # a link in the middle of the paragraph
            cut = text.find(" ", len(text) // 2)
            cut = cut if cut > 0 else len(text)
            return Paragraph(
                (Span(text[:cut] + " "), Span("read more", href=link), Span(text[cut:] or "."))
            )
        if roll < 0.25:  # a bold lead
            lead, _, rest = text.partition(". ")
            return Paragraph((Span(lead + ".", bold=True), Span(" " + rest if rest else "")))
        return Paragraph((Span(text),))

    def blocks(self, number: int, common: bool) -> list[Block]:
        link = f"https://example.org/news/story-{number % 997}"
        blocks: list[Block] = [self._paragraph(link) for _ in range(self.rng.randint(1, 4))]
        if common:
            first = blocks[0]
            assert isinstance(first, Paragraph)
            spans = first.spans
            blocks[0] = Paragraph((Span(f"Talks on the {COMMON_WORD}: " + spans[0].text,
                                        spans[0].bold, spans[0].italic, spans[0].href),
                                   *spans[1:]))  # fmt: skip
        roll = self.rng.random()
        if roll < 0.06:
            blocks.insert(
                1,
                Image(
                    src=f"https://example.org/img/{number % 5000}.jpg",
                    caption=self.rng.choice(self._sentences),
                    credit="Photograph: Port Calloway Courier",
                    alt=None,
                ),
            )
        elif roll < 0.09:
            blocks.append(Quote((Span(self.rng.choice(self._sentences)),), cite=None))
        elif roll < 0.11:
            items = tuple((Span(self.rng.choice(self._titles)),) for _ in range(3))
            blocks.append(ListBlock(items, ordered=False))
        elif roll < 0.12:
            blocks.append(Embed(url=f"https://x.com/a/status/{number}", provider="X", text=""))
        return blocks

    def entry(
        self,
        feed: int,
        number: int,
        published: datetime,
        *,
        title: str = "",
        common: bool = False,
        pinned: bool = False,
    ) -> Entry:
        """The post `number` of feed `feed`: `title` given, or drawn (most posts have one);
        `common`: it holds `COMMON_WORD`."""
        rng = self.rng
        if not title and rng.random() < 0.7:
            title = self.title()
        return Entry(
            key=f"post-{feed}-{number}",
            url=f"https://example.org/live/{feed}#post-{number}",
            published=published,
            title=title,
            authors=[rng.choice(AUTHORS)],
            key_event=rng.random() < 0.05,
            pinned=pinned,
            breaking=rng.random() < 0.01,
            blocks=self.blocks(number, common),
        )
