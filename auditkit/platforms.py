"""Facts about communication platforms: social or traditional, response expectations, major networks.

One place for every per-platform constant the scoring, the rules and the report rely on.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Platform(StrEnum):
    """A communication channel's platform: social networks first, then traditional channels."""

    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    X = "x"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    PINTEREST = "pinterest"
    SNAPCHAT = "snapchat"
    THREADS = "threads"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    WHATSAPP = "whatsapp"
    OTHER_SOCIAL = "other_social"
    FACEBOOK_GROUP = "facebook_group"
    WHATSAPP_GROUP = "whatsapp_group"
    PAID_SOCIAL = "paid_social"
    """Ads bought on social networks."""
    GOOGLE_BUSINESS_PROFILE = "google_business_profile"
    REVIEW_SITES = "review_sites"
    """TripAdvisor, PagesJaunes, Yelp and the like."""
    ENT = "ent"
    """Espace numérique de travail: a French school's digital workspace."""
    PRONOTE = "pronote"
    PANNEAUPOCKET = "panneaupocket"
    INTRAMUROS = "intramuros"
    WEBSITE = "website"
    BLOG = "blog"
    NEWSLETTER = "newsletter"
    EVENTS = "events"
    TRADE_SHOWS = "trade_shows"
    POSTAL_MAIL = "postal_mail"
    SEARCH_ADS = "search_ads"
    PRESS = "press"
    PODCAST = "podcast"
    PHONE = "phone"
    OTHER_TRADITIONAL = "other_traditional"

    @property
    def is_social(self) -> bool:
        """True for social networks, community groups, messaging apps and paid social; False otherwise."""
        return self in SOCIAL_PLATFORMS

    @property
    def is_listing(self) -> bool:
        """True for listings where the public leaves reviews (Google Business Profile, review sites)."""
        return self in LISTING_PLATFORMS

    @property
    def is_institutional_app(self) -> bool:
        """True for owned institutional apps that are not social networks (ENT, Pronote, town-hall apps)."""
        return self in INSTITUTIONAL_APPS


SOCIAL_PLATFORMS: frozenset[Platform] = frozenset(
    {
        Platform.FACEBOOK,
        Platform.INSTAGRAM,
        Platform.LINKEDIN,
        Platform.X,
        Platform.TIKTOK,
        Platform.YOUTUBE,
        Platform.PINTEREST,
        Platform.SNAPCHAT,
        Platform.THREADS,
        Platform.BLUESKY,
        Platform.MASTODON,
        Platform.WHATSAPP,
        Platform.OTHER_SOCIAL,
        Platform.FACEBOOK_GROUP,
        Platform.WHATSAPP_GROUP,
        Platform.PAID_SOCIAL,
    }
)

LISTING_PLATFORMS: frozenset[Platform] = frozenset({Platform.GOOGLE_BUSINESS_PROFILE, Platform.REVIEW_SITES})
"""Listings the public finds the client by and reviews it on: reviews there must be answered."""

INSTITUTIONAL_APPS: frozenset[Platform] = frozenset(
    {Platform.ENT, Platform.PRONOTE, Platform.PANNEAUPOCKET, Platform.INTRAMUROS}
)
"""Owned channels of schools and town halls that are not social networks: nobody comments on them."""

MAJOR_PLATFORMS: tuple[Platform, ...] = (
    Platform.FACEBOOK,
    Platform.INSTAGRAM,
    Platform.LINKEDIN,
    Platform.X,
    Platform.TIKTOK,
    Platform.YOUTUBE,
)
"""Networks on which a brand should at least claim its handle (rule CH-UNCLAIMED)."""

RESPONSE_EXPECTATION_MINUTES: dict[Platform, float] = {
    Platform.X: 60,
    Platform.FACEBOOK: 240,
    Platform.INSTAGRAM: 240,
    Platform.TIKTOK: 240,
    Platform.THREADS: 240,
    Platform.BLUESKY: 240,
    Platform.MASTODON: 240,
    Platform.WHATSAPP: 60,
    Platform.WHATSAPP_GROUP: 240,
    Platform.FACEBOOK_GROUP: 240,
    Platform.PAID_SOCIAL: 1440,
    Platform.GOOGLE_BUSINESS_PROFILE: 2880,
    Platform.REVIEW_SITES: 2880,
    Platform.LINKEDIN: 1440,
    Platform.YOUTUBE: 1440,
    Platform.PINTEREST: 1440,
    Platform.SNAPCHAT: 1440,
    Platform.OTHER_SOCIAL: 1440,
    Platform.WEBSITE: 1440,
    Platform.BLOG: 1440,
    Platform.NEWSLETTER: 1440,
    Platform.PHONE: 60,
}
"""Minutes within which the audience expects an answer, per platform.

Sources (see ``shared/reference/README.md``): about half of X users who expect a reply want it
within the hour (Lithium / Millward Brown, 2013), seed 001 quotes a ~30 minute average wait on
Twitter; consumers expect a reply within 4 hours on social networks (Sprout Social Index, 2016);
79 % expect one within a day (Arise, 2017). Reviews on listings and comments under paid posts have no
survey of their own: auditkit expects an answer within two days and one day respectively. Platforms absent from this table have no expectation
and are not assessed for responsiveness. Overridable per audit (``response_minutes.<platform>``).
"""


REACHED_THROUGH: dict[Platform, tuple[Platform, ...]] = {
    Platform.PAID_SOCIAL: (
        Platform.FACEBOOK,
        Platform.INSTAGRAM,
        Platform.LINKEDIN,
        Platform.TIKTOK,
        Platform.X,
        Platform.YOUTUBE,
        Platform.SNAPCHAT,
        Platform.PINTEREST,
    ),
    Platform.FACEBOOK_GROUP: (Platform.FACEBOOK,),
    Platform.WHATSAPP_GROUP: (Platform.WHATSAPP,),
}
"""Channels whose audience is that of other platforms: ads reach the users of the networks that sell
them, a group the users of the network it lives on. An audience's use of such a channel is its highest
use of those platforms, unless the audit records the channel itself."""


def use_of(uses: Mapping[Platform, float], platform: Platform) -> float | None:
    """An audience's use of ``platform`` from its recorded uses (``None`` when nothing says)."""
    if platform in uses:
        return uses[platform]
    carried = [uses[other] for other in REACHED_THROUGH.get(platform, ()) if other in uses]
    return max(carried) if carried else None
