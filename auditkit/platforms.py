"""Facts about communication platforms: social or traditional, response expectations, major networks.

One place for every per-platform constant the scoring, the rules and the report rely on.
"""

from __future__ import annotations

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
        """True for social networks and messaging apps, False for traditional channels."""
        return self in SOCIAL_PLATFORMS


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
    }
)

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
79 % expect one within a day (Arise, 2017). Platforms absent from this table have no expectation
and are not assessed for responsiveness. Overridable per audit (``response_minutes.<platform>``).
"""
