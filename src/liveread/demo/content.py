"""The demo live blog's text: an invented city marathon, written for liveread.

The city of Port Calloway, its newspaper, the race and every person named here are fictional.
Links point at https://example.org/ only. Bodies are trusted HTML fragments (they are ours);
titles and author names are plain text and are escaped when the page is rendered.

Posts are listed oldest first. `minute` is the post's place on the story's own clock (minutes
after the blog opened); the server uses it to spread the posts that are already up when it
starts over the previous hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class BlogInfo:
    slug: str
    headline: str
    standfirst: str
    site_name: str
    section: str


@dataclass(frozen=True, slots=True)
class DemoPost:
    id: str
    title: str
    author: str
    body: str
    """An HTML fragment: one or more block elements."""
    minute: int
    key_event: bool = False
    pinned: bool = False
    breaking: bool = False
    kind: Literal["post", "link"] = "post"


@dataclass(frozen=True, slots=True)
class DemoEdit:
    """A correction the server applies once to a post that is already published."""

    post_id: str
    body: str


BLOG = BlogInfo(
    slug="harbour-marathon",
    headline="Harbour Bridge Marathon 2026 – live",
    standfirst=(
        "Follow every stride of the 14th Harbour Bridge Marathon as 11,000 runners cross the "
        "Calloway estuary twice, with updates from the start on Lantern Quay, the bridge and "
        "the finish at the old customs house."
    ),
    site_name="Port Calloway Courier",
    section="Sport",
)

INES = "Ines Halloran"
TOBIAS = "Tobias Wren"
FARAH = "Farah Okonjo-Pryce"
MATTIAS = "Mattias Leclercq"

SUPPORT_ASK = """\
<aside class="support-ask" data-component="donation-ask">
<h2>Your support helps us to tell the story</h2>
<p>From the harbour wall to the council chamber, the Courier is there when the story is
developing. Every live blog like this one is written by reporters standing in the rain so that
you do not have to.</p>
<p>We do not put our reporting behind a paywall. We believe local journalism should be
available to everyone, paid for by those who can afford it.</p>
<p><a class="support-button" href="https://example.org/support?source=liveblog">Support the
Courier from just £1</a></p>
<p>Your support makes all the difference.</p>
</aside>"""

NEWSLETTER = """\
<aside class="newsletter-signup" data-component="newsletter">
<h3>Sign up to our newsletter</h3>
<p>The Morning Tide: the day’s Port Calloway news in your inbox before the first ferry.</p>
<form action="https://example.org/newsletters/morning-tide" method="post">
<label>Email address <input type="email" name="email"></label>
<button type="submit">Sign up</button>
</form>
<p class="small-print">We will only use your email to send you the newsletter.</p>
</aside>"""


POSTS: tuple[DemoPost, ...] = (
    DemoPost(
        id="hbm-0001",
        title="Welcome to race day",
        author=INES,
        minute=0,
        pinned=True,
        body="""\
<p>Good morning and welcome to our live coverage of the <strong>Harbour Bridge Marathon
2026</strong>. Around 11,000 runners, 340 volunteers and one very patient brass band are
gathering on Lantern Quay for the start.</p>
<p>Our reporters are spread along the course: Tobias Wren is on the bridge, Farah Okonjo-Pryce
is at the finish by the old customs house, and Mattias Leclercq is following the wheelchair
race. You can find the <a href="https://example.org/marathon/course-map">full course map
here</a>.</p>
<p><em>Send us your photos and messages of support for the runners – we will share as many as
we can.</em></p>""",
    ),
    DemoPost(
        id="hbm-0002",
        title="Weather: cool, grey and a stiff breeze on the bridge",
        author=INES,
        minute=14,
        body="""\
<p>Near-perfect running weather, say the forecasters at the harbour station, with one
exception: the wind across the estuary.</p>
<ul>
<li>Temperature at the start: <strong>9C</strong>, rising to about 13C by midday</li>
<li>Wind: a westerly of 20–25km/h, strongest on the bridge span</li>
<li>Rain: a light shower possible around the 30km mark</li>
</ul>
<p>Runners crossing eastbound in the first half will have it in their faces; the return
crossing should feel <em>much</em> kinder.</p>""",
    ),
    DemoPost(
        id="hbm-0003",
        title="Road closures across the city centre",
        author=MATTIAS,
        minute=27,
        body="""\
<p>If you are driving in Port Calloway today, expect delays. The council has closed these
roads until the last runner has passed:</p>
<ul>
<li>Lantern Quay and Chandlers Row, all day</li>
<li>The Harbour Bridge, both carriageways, until mid-afternoon</li>
<li>The Old Swing Bridge, to traffic and pedestrians</li>
<li>Customs House Street, from the roundabout to the quay</li>
</ul>
<p>Park-and-ride buses are running every ten minutes from the Saltmarsh retail park.</p>""",
    ),
    DemoPost(
        id="hbm-0004",
        title="Who to watch in the elite fields",
        author=FARAH,
        minute=41,
        body="""\
<p>The women’s race looks the more open of the two. Three names stand out:</p>
<ul>
<li><strong>Astrid Sørlie</strong>, last year’s runner-up, who has been training on the
fjords all winter</li>
<li><strong>Nia Marsh-Odhiambo</strong>, the local favourite from Calloway Harriers</li>
<li><strong>Lucía Ferreira Quist</strong>, making her marathon debut after a fine track
season</li>
</ul>
<p>In the men’s race the defending champion <strong>Jonah Pettersen-Bright</strong> is back,
and says he wants the course record of 2:08:12. <a
href="https://example.org/marathon/elite-preview">Read our full preview of the elite
fields</a>.</p>""",
    ),
    DemoPost(
        id="hbm-0005",
        title="",
        author=FARAH,
        minute=55,
        kind="link",
        body="""\
<h3><a href="https://example.org/story/why-the-harbour-bridge-course-is-fast">Read: Why the
Harbour Bridge course is the fastest in the north</a></h3>""",
    ),
    DemoPost(
        id="hbm-0006",
        title="Wheelchair race under way",
        author=MATTIAS,
        minute=68,
        key_event=True,
        body="""\
<p>The wheelchair racers are off, ten minutes ahead of the runners, to a roar from the
grandstand on Lantern Quay.</p>
<p>Defending champion <strong>Kofi Okonkwo-Hale</strong> went straight to the front and
already has a gap of a few seconds on the cobbles of Chandlers Row.</p>""",
    ),
    DemoPost(
        id="hbm-0007",
        title="And they’re off: elite and mass start",
        author=INES,
        minute=79,
        key_event=True,
        body="""\
<p>The starting horn sounds and the elite fields stream away under the lantern arch, with
the first of the mass-start waves close behind.</p>
<figure class="image">
<img src="https://example.org/images/marathon-2026-start.jpg" alt="Runners pour under a
decorated arch on a harbour quay" width="1200" height="800">
<figcaption>The elite fields lead the first wave away from Lantern Quay.
<span class="credit">Photograph: Selma Virtanen/Courier</span></figcaption>
</figure>
<p>It will take the best part of forty minutes for all eleven thousand to cross the
line.</p>""",
    ),
    DemoPost(
        id="hbm-0008",
        title="Scenes at the start",
        author=INES,
        minute=88,
        body="""\
<p>The runners’ clubs have been busy on social media this morning. This from the host
club:</p>
<blockquote class="twitter-tweet" data-lang="en">
<p lang="en">Forty-two Harriers on the start line, one brass band, zero dry socks. Go well,
everyone! 🏃</p>
— Calloway Harriers (@CallowayHarriers)
<a href="https://example.org/status/1">View the post</a>
</blockquote>""",
    ),
    DemoPost(
        id="hbm-0009",
        title="Early pace: the leaders go through 5km in 15:02",
        author=TOBIAS,
        minute=99,
        body="""\
<p>That is quick – comfortably inside course-record pace – and it has already thinned the
men’s lead group to about fifteen.</p>
<p>Pettersen-Bright’s coach, <strong>Halvard Brekke</strong>, was not worried when I caught
him at the roadside:</p>
<blockquote>
<p>He knows the wind is waiting for him on the bridge. He will sit in the pack and let someone
else do the work.</p>
</blockquote>
<p><strong>Read more:</strong> <a
href="https://example.org/story/pettersen-bright-interview">“I still have unfinished
business”: Jonah Pettersen-Bright on his title defence</a></p>""",
    ),
    DemoPost(
        id="hbm-0010",
        title="Crowds three deep on the Harbour Bridge",
        author=TOBIAS,
        minute=112,
        body="""\
<p>I have covered this race for six years and I have never seen the bridge so full. The
walkways on both sides are packed, and a group from the rowing club have lashed a banner to
the railings reading <em>“Only 30km to go (sorry)”</em>.</p>
<p>Stewards are asking spectators to keep moving at the eastern end, where the walkway
narrows.</p>""",
    ),
    DemoPost(
        id="hbm-0011",
        title="Fancy dress watch",
        author=INES,
        minute=126,
        body="""\
<p>The mass race has brought out the usual costumes. Our favourites so far:</p>
<ul>
<li>a lighthouse, complete with a working (battery) lamp</li>
<li>a lobster running with a sign that says <em>“I’m cooked”</em></li>
<li>twelve members of the sea cadets roped together as the Calloway ferry</li>
</ul>
<p>Keep them coming: tag your photos <strong>#HarbourBridge26</strong>.</p>""",
    ),
    DemoPost(
        id="hbm-0012",
        title="Wheelchair race: Okonkwo-Hale retains his title",
        author=MATTIAS,
        minute=139,
        key_event=True,
        body="""\
<p><strong>Kofi Okonkwo-Hale</strong> has won the men’s wheelchair race for the second year
running, crossing the line in 1:31:47 after leading from the gun.</p>
<p>In the women’s wheelchair race, <strong>Rosalind Achebe-Varga</strong> won by almost two
minutes in her first race since returning from a shoulder injury.</p>""",
    ),
    DemoPost(
        id="hbm-0013",
        title="Halfway: the lead pack is down to six",
        author=TOBIAS,
        minute=150,
        key_event=True,
        body="""\
<p>The men reach halfway in 1:04:09. Pettersen-Bright is tucked in fourth, exactly as his
coach promised. The pace has dropped a little into the wind.</p>
<p>In the women’s race Sørlie and Marsh-Odhiambo are running side by side, with Ferreira
Quist eight seconds back.</p>""",
    ),
    DemoPost(
        id="hbm-0014",
        title="Watch: the pack crosses the bridge",
        author=TOBIAS,
        minute=158,
        body="""\
<p>The view from the bridge tower as the leaders head back west over the estuary:</p>
<figure class="embed embed-video" data-provider="video">
<a href="https://example.org/video/pack-crosses-the-bridge">Video: the men’s lead pack
crosses the Harbour Bridge (0:48)</a>
<figcaption>Footage: Courier video team</figcaption>
</figure>""",
    ),
    DemoPost(
        id="hbm-0015",
        title="Medical teams: busy but calm",
        author=MATTIAS,
        minute=167,
        body="""\
<p>The race’s medical director, <strong>Dr Imogen Falkner</strong>, says her teams have
treated the usual blisters, cramps and one runner who had tried a new pair of shoes this
morning.</p>
<blockquote>
<p>Please, drink when you are thirsty, not at every station. And nothing new on race day –
not shoes, not gels, not breakfast.</p>
</blockquote>""",
    ),
    DemoPost(
        id="hbm-0016",
        title="",
        author=INES,
        minute=174,
        kind="link",
        body="""\
<h3><a href="https://example.org/story/the-volunteers-with-40000-cups">Read: Meet the
volunteers who hand out 40,000 cups of water</a></h3>""",
    ),
    DemoPost(
        id="hbm-0017",
        title="30km: Sørlie makes her move",
        author=FARAH,
        minute=182,
        key_event=True,
        body="""\
<p>There it is. On the short climb up from the ferry terminal <strong>Astrid Sørlie</strong>
surges, and <em>only</em> Marsh-Odhiambo can go with her.</p>
<p>The shower the forecasters promised has arrived, too. Nobody at the front seems to have
noticed.</p>""",
    ),
    DemoPost(
        id="hbm-0018",
        title="Course record falls in the women’s race",
        author=FARAH,
        minute=196,
        key_event=True,
        breaking=True,
        body="""\
<p><strong>Astrid Sørlie has won the women’s race in 2:22:31</strong>, taking more than a
minute off the course record.</p>
<p>Nia Marsh-Odhiambo was second in 2:23:05 – a personal best by almost two minutes – and
the home crowd on Customs House Street gave her the loudest cheer of the day.</p>""",
    ),
    DemoPost(
        id="hbm-0019",
        title="Men’s race: a sprint finish on the quay",
        author=FARAH,
        minute=203,
        key_event=True,
        body="""\
<p>What a finish. <strong>Jonah Pettersen-Bright</strong> and <strong>Elias
Mwangi-Storm</strong> came on to the quay together, and Pettersen-Bright won the sprint by
under a second.</p>
<p>His time, 2:08:40, is outside the record – the wind on the bridge saw to that – but
nobody here will remember the clock.</p>""",
    ),
    DemoPost(
        id="hbm-0020",
        title="Results: the top five",
        author=INES,
        minute=211,
        key_event=True,
        body="""\
<p>The provisional results from the elite women’s race:</p>
<ol>
<li>Astrid Sørlie, 2:22:31 (course record)</li>
<li>Nia Marsh-Odhiambo, 2:23:05</li>
<li>Lucía Ferreira Quist, 2:24:50</li>
<li>Hana Okafor-Lindqvist, 2:26:12</li>
<li>Bryony Castellan, 2:27:40</li>
</ol>
<p>Full results for every runner are on the <a
href="https://example.org/marathon/results">official results page</a>.</p>""",
    ),
    DemoPost(
        id="hbm-0021",
        title="The record-breaker speaks",
        author=FARAH,
        minute=219,
        body="""\
<p>Sørlie, wrapped in a foil blanket and still catching her breath, spoke to us on the
finish line:</p>
<blockquote>
<p>I looked at my watch on the bridge and thought, this is stupid, it is too fast. Then the
wind was behind us and I thought, maybe it is not so stupid.</p>
</blockquote>
<p>She says she will be back next year – <em>“if they let me”</em>.</p>""",
    ),
    DemoPost(
        id="hbm-0022",
        title="The club runners come home",
        author=TOBIAS,
        minute=228,
        body="""\
<p>The finish straight is now a river of club vests. The first Calloway Harrier home in the
mass race was <strong>Owen Padgett-Rhys</strong>, a maths teacher at Saltmarsh Academy, in
2:41:15.</p>
<figure class="image">
<img src="https://example.org/images/marathon-2026-finish-straight.jpg" alt="Runners in club
vests on a finish straight lined with flags" width="1200" height="800">
<figcaption>The finish straight on Customs House Street.
<span class="credit">Photograph: Selma Virtanen/Courier</span></figcaption>
</figure>""",
    ),
    DemoPost(
        id="hbm-0023",
        title="Fundraising total passes £1m",
        author=MATTIAS,
        minute=240,
        body="""\
<p>The organisers say runners have raised more than <strong>£1m</strong> for charity this
year, a record for the race. The biggest single beneficiary is the <a
href="https://example.org/charity/estuary-lifeboat">estuary lifeboat station</a>, whose crew
ran as a relay team.</p>""",
    ),
    DemoPost(
        id="hbm-0024",
        title="That’s all from us",
        author=INES,
        minute=252,
        body="""\
<p>That is where we will leave our live coverage. Thank you for following, and
congratulations to every one of the runners – especially the lighthouse, who finished in
4:58:03 with the lamp still lit.</p>
<p>To recap: <strong>Astrid Sørlie</strong> broke the course record in the women’s race,
<strong>Jonah Pettersen-Bright</strong> defended his title in a sprint, and
<strong>Kofi Okonkwo-Hale</strong> won the wheelchair race again.</p>
<p>Our <a href="https://example.org/marathon/report">full race report</a> will follow
shortly.</p>""",
    ),
)

EDIT = DemoEdit(
    post_id="hbm-0003",
    body="""\
<p>If you are driving in Port Calloway today, expect delays. The council has closed these
roads until the last runner has passed:</p>
<ul>
<li>Lantern Quay and Chandlers Row, all day</li>
<li>The Harbour Bridge, both carriageways, until mid-afternoon</li>
<li>The Old Swing Bridge, to traffic only</li>
<li>Customs House Street, from the roundabout to the quay</li>
</ul>
<p>Park-and-ride buses are running every ten minutes from the Saltmarsh retail park.</p>
<p><em>This post was amended: pedestrians can cross the Old Swing Bridge.</em></p>""",
)
