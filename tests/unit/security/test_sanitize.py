"""Rich text keeps its formatting and loses everything executable."""

import pytest

from marketplace.sanitize import html_sanitize


def test_formatting_and_links_survive():
    html = '<p>Hand-knotted <strong>wool</strong>, see <a href="https://souk.test/">our page</a>.</p>'

    cleaned = html_sanitize(html)

    assert "<strong>wool</strong>" in cleaned
    assert 'href="https://souk.test/"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        "<svg onload=alert(1)>",
        '<iframe src="https://evil.test"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ],
)
def test_nothing_executable_survives(payload):
    cleaned = html_sanitize(payload).lower()

    assert "<script" not in cleaned
    assert "onerror" not in cleaned and "onload" not in cleaned
    assert "javascript:" not in cleaned
    assert "<iframe" not in cleaned
    assert "data:text/html" not in cleaned
    assert "style=" not in cleaned
