"""Whatever a cooperative types, the public pages render it as text, never as code.

Each payload from xss_payloads.txt goes into every text field a cooperative controls, and every
public page that shows those fields is parsed: no script the payload brought, no event-handler
attribute, no `javascript:` or `data:` URL.
"""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.factories import CooperativeFactory, ProductFactory
from vendors.provenance import provenance_token

pytestmark = pytest.mark.django_db

PAYLOADS = [line for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines() if line]
URL_ATTRIBUTES = ("href", "src", "action", "data", "formaction", "content")


def _injected_code(html: str) -> list[str]:
    """What in the page could run: scripts, handlers and URLs that carry a payload marker."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        text = script.string or ""
        if script.get("type") in ("application/ld+json", "application/json"):
            # Data, not code, as long as nothing in it can close the element: < must be escaped.
            if "<" in text:
                found.append(str(script)[:80])
        elif "xss-" in text or "evil.test" in (script.get("src") or ""):
            found.append(str(script)[:80])
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") and "xss" in value:
                found.append(f"{element.name} {name}={value[:60]}")
            dangerous_url = value.strip().lower().startswith(("javascript:", "data:text"))
            if name.lower() in URL_ATTRIBUTES and dangerous_url:
                found.append(f"{element.name} {name}={value[:60]}")
        if element.name in ("iframe", "object", "embed", "base") and "xss" in str(element):
            found.append(str(element)[:80])
    return found


@pytest.fixture
def vendor_pages():
    def build(payload: str) -> list[str]:
        cooperative = CooperativeFactory(
            name=f"Coop {payload}"[:120],
            tagline=payload[:200],
            story=f"Our story {payload}",
            city=payload[:80],
        )
        product = ProductFactory(
            title=f"Rug {payload}"[:255],
            description=f"Wool {payload}",
            stockrecord__cooperative=cooperative,
        )
        return [
            f"/cooperatives/{cooperative.slug}/",
            "/cooperatives/",
            product.get_absolute_url(),
            "/shop/catalogue/",
            "/shop/search/?q=Rug",
            f"/verify/{provenance_token(cooperative)}/",
            f"/verify/{provenance_token(product)}/",
        ]

    return build


@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"payload-{n}" for n in range(1, len(PAYLOADS) + 1)])
def test_payloads_in_vendor_fields_are_rendered_inert_on_public_pages(client, vendor_pages, payload):
    for url in vendor_pages(payload):
        response = client.get(url)
        assert response.status_code == 200, url

        assert _injected_code(response.content.decode()) == [], url


def test_the_checker_does_catch_injected_code():
    assert _injected_code("<p><script>alert('xss-1')</script></p>")
    breakout = '<script type="application/ld+json">{"n": "</script>' + "<script>alert('xss-1')</script>\"}"
    assert _injected_code(breakout)
    escaped = '<script type="application/ld+json">{"name": "\\u003cscript\\u003e xss-1"}</script>'
    assert not _injected_code(escaped)
    assert _injected_code("<img src=x onerror=\"alert('xss-3')\">")
    assert _injected_code("<a href=\"javascript:alert('xss-9')\">x</a>")
