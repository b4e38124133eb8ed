"""The site's own address: the request's by default, the configured one when set."""

from __future__ import annotations

import html as escaping

import pytest

from dashboard.factory import create_app
from dashboard.site import public_url
from indicators import Catalog


def test_a_public_url_must_be_a_sites_address() -> None:
    assert public_url("") is None
    assert public_url("https://example.org") == "https://example.org/"
    assert public_url("https://example.org/indicators/") == "https://example.org/indicators/"
    for bad in ("example.org", "javascript:alert(1)", "https://x.org/?a=1", "https://x.org/#f"):
        with pytest.raises(ValueError, match="DASHBOARD_PUBLIC_URL"):
            public_url(bad)


def test_links_and_citations_name_the_public_url_and_other_hosts_are_refused(
    catalog: Catalog,
) -> None:
    client = create_app(catalog, public_url="https://indicators.example.org/").server.test_client()
    here = {"base_url": "https://indicators.example.org/"}
    page = escaping.unescape(client.get("/", **here).get_data(as_text=True))
    assert 'content="https://indicators.example.org/chart.png?indicator=widgets' in page
    assert "https://indicators.example.org/?indicator=widgets" in page  # the citation's link
    embed = client.get("/embed?indicator=widgets", **here).get_data(as_text=True)
    assert 'href="https://indicators.example.org/?indicator=widgets' in embed
    # A request for another host is refused, and never written into a page.
    other = client.get("/", base_url="http://attacker.example/")
    assert other.status_code == 400 and b"attacker" not in other.data


def test_without_one_the_request_names_the_site(catalog: Catalog) -> None:
    client = create_app(catalog, public_url="").server.test_client()
    page = escaping.unescape(client.get("/", base_url="http://mirror.test/").get_data(as_text=True))
    assert "http://mirror.test/?indicator=widgets" in page
