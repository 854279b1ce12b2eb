"""The consultant's Markdown as safe HTML (``auditkit.report.markdown``): what they write shows, nothing runs."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from auditkit.report.markdown import allowed_link, render_markdown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ('<a href="javascript:alert(1)">x</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("[x](JaVaScRiPt:alert(1))", "[x](JaVaScRiPt:alert(1))"),
        ("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"),
        ("[x](data:text/html,hello)", "[x](data:text/html,hello)"),
        ("&lt;script&gt; &#x3C;b&#x3E;", "&lt;script&gt; &lt;b&gt;"),
    ],
)
def test_html_scripts_and_unsafe_links_show_as_text(text: str, shown: str) -> None:
    html = render_markdown(text, "en")

    assert html == Markup(f"<p>{shown}</p>\n")


def test_images_load_nothing_and_safe_links_stay_links() -> None:
    html = str(
        render_markdown("![logo](https://x.org/a.png) [site](https://x.org) [me](mailto:c@x.org)", "en")
    )

    assert "<img" not in html
    assert '<a href="https://x.org" rel="noopener noreferrer">site</a>' in html
    assert '<a href="mailto:c@x.org" rel="noopener noreferrer">me</a>' in html


def test_a_quote_in_an_address_cannot_leave_the_attribute() -> None:
    html = str(render_markdown('[a](https://x.org"onmouseover="alert(1))', "en"))

    assert 'onmouseover="' not in html and "%22onmouseover=%22" in html


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org/page", True),
        ("http://example.org", True),
        ("mailto:someone@example.org", True),
        ("https:/no-host", False),
        ("mailto:", False),
        ("javascript:alert(1)", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
        ("#summary", False),
        ("//example.org", False),
    ],
)
def test_links_are_limited_to_web_and_mail_addresses(url: str, allowed: bool) -> None:
    assert allowed_link(url) is allowed


def test_markdown_reads_like_the_text_box_under_the_reports_headings() -> None:
    html = str(render_markdown("# Priorités\nPremière ligne\nDeuxième : **oui** !\n\n- un\n- deux", "fr"))

    assert "<h4>Priorités</h4>" in html
    assert "Première ligne<br />\nDeuxième\u00a0: <strong>oui</strong>\u202f!" in html
    assert "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>" in html


def test_blank_text_renders_nothing() -> None:
    assert render_markdown("  \n ", "en") == Markup("")
