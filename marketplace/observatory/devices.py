"""The kind of device and whether it is a robot, from the User-Agent header alone.

A few substrings cover what the observatory needs (three device classes and obvious robots);
a full User-Agent parser would add a dependency and a regex database for no better chart.
"""

import functools
import re

from .models import Device

# Crawlers, link previewers, monitors, HTTP libraries and headless browsers.
_BOT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|fetch|preview|monitor|lighthouse|pingdom|headless"
    r"|facebookexternalhit|embedly|curl/|wget/|python-|httpx|aiohttp|go-http-client|java/|okhttp"
    r"|libwww|axios/|node-fetch|postman",
    re.IGNORECASE,
)
_TABLET = re.compile(r"ipad|tablet|kindle|silk/|playbook|(android(?!.*mobile))", re.IGNORECASE)
_MOBILE = re.compile(r"mobi|iphone|ipod|android|blackberry|opera mini|iemobile|windows phone", re.IGNORECASE)


# Most traffic comes from a few hundred browser builds: each User-Agent is classified once per
# process (the expressions cost about 50 µs a page; a cached answer well under one).
@functools.lru_cache(maxsize=2048)
def user_agent_is_bot(user_agent: str) -> bool:
    """True for robots and scripts; an empty User-Agent counts as one (browsers always send it)."""
    return not user_agent.strip() or bool(_BOT.search(user_agent))


@functools.lru_cache(maxsize=2048)
def device_from_user_agent(user_agent: str) -> str:
    """mobile, tablet or desktop. Tablets first: an iPad or an Android tablet is not a phone."""
    if _TABLET.search(user_agent):
        return Device.TABLET
    if _MOBILE.search(user_agent):
        return Device.MOBILE
    return Device.DESKTOP
