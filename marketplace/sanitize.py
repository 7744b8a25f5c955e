"""Rich text from vendors and editors, reduced to harmless HTML.

nh3 (the Rust `ammonia` sanitiser) keeps an allow-list of tags and attributes and drops the
rest: scripts, event handlers, `javascript:` URLs, styles, iframes. Plain-text fields are never
passed through here; Django's autoescaping already renders them inert.
"""

import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "em",
    "h2",
    "h3",
    "h4",
    "i",
    "li",
    "ol",
    "p",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def html_sanitize(html: str) -> str:
    """The HTML with only the allowed tags, attributes and link schemes left."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
