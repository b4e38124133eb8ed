"""Views that travel: the share panel, the tab title, and the embed view another site frames."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_explorer import open_chart, wait_for_query

RATIO = "indicator=rd_intensity&view=ratio&scale=linear&from=2000&to=2023&economies=USA,CHN"


def test_the_share_panel_gives_the_link_citation_embed_code_and_images(
    page: Page, server: str
) -> None:
    open_chart(page, f"{server}/?{RATIO}")
    expect(page).to_have_title(
        "China ÷ US: R&D intensity (GERD as a share of GDP), 2000–2023 · US–China S&T Indicators"
    )
    page.get_by_text("Share or cite this view").click()
    expect(page.locator("#share-link")).to_have_text(f"{server}/?{RATIO}")
    embed = page.locator("#share-embed").inner_text()
    assert f'<iframe src="{server}/embed?{RATIO}"' in embed
    assert page.locator("#share-png").get_attribute("href") == f"/chart.png?{RATIO}"
    # A new view: the link, the embed code and the tab's title follow it.
    page.get_by_label("Levels").check()
    wait_for_query(page, "view", "levels")
    expect(page.locator("#share-link")).to_contain_text("view=levels")
    expect(page).to_have_title(
        "R&D intensity (GERD as a share of GDP): US and China, 2000–2023 · US–China S&T Indicators"
    )
    assert "view=levels" in page.locator("#share-embed").inner_text()


class _Host(BaseHTTPRequestHandler):
    """Another site: one page that frames two of ours."""

    frames = ""

    def do_GET(self) -> None:
        body = f"<!DOCTYPE html><html><body>{self.frames}</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def other_site(server: str) -> Iterator[str]:
    _Host.frames = (
        f'<iframe id="embed" src="{server}/embed?{RATIO}" width="800" height="600"></iframe>'
        f'<iframe id="chart" src="{server}/?{RATIO}" width="800" height="600"></iframe>'
    )
    site = ThreadingHTTPServer(("127.0.0.1", 0), _Host)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site.server_address[1]}"
    site.shutdown()
    site.server_close()


def test_another_site_can_frame_the_embed_view_and_not_the_rest(
    page: Page, server: str, other_site: str
) -> None:
    assert other_site.split(":")[-1] != server.split(":")[-1]  # another origin
    page.goto(other_site + "/")
    embed = page.frame_locator("#embed")
    image = embed.locator("img.embed-chart")
    expect(image).to_be_visible()
    # The chart image drew: this site's image, inside the other site's frame.
    image.evaluate("img => img.decode()")
    assert image.evaluate("img => img.naturalWidth") == 1200
    link = embed.get_by_role("link")
    assert link.get_attribute("href") == f"{server}/?{RATIO}"
    # The chart page itself refuses another site's frame (frame-ancestors 'self'): the browser
    # shows its error page in the frame instead.
    handle = page.locator("#chart").element_handle()
    chart = handle.content_frame() if handle else None
    assert chart is not None
    chart.wait_for_load_state()
    assert chart.url.startswith("chrome-error://") or chart.locator("#explorer-page").count() == 0


@pytest.mark.parametrize("width", [390, 800])
def test_the_embed_view_fits_its_frame(page: Page, server: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 600})
    page.goto(f"{server}/embed?{RATIO}")
    image = page.locator("img.embed-chart")
    image.evaluate("img => img.decode()")
    box = image.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
    assert abs(box["height"] / box["width"] - 700 / 1200) < 0.01  # drawn whole, not cropped
    link = page.locator(".embed-link a").bounding_box()
    assert link is not None and link["y"] >= box["y"] + box["height"]  # under it, not over it
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_share_panel_fits_a_phone(page: Page, server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_chart(page, f"{server}/?{RATIO}")
    page.get_by_text("Share or cite this view").click()
    expect(page.locator("#share-embed")).to_be_visible()
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.share .shared')].map(block => {
          const box = e => { const b = e.getBoundingClientRect();
            return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
          const text = block.querySelector('p, code'), copy = block.querySelector('.copy');
          return {text: box(text), copy: box(copy)};
        })"""
    )
    assert len(boxes) == 3
    for block in boxes:
        text, copy = block["text"], block["copy"]
        beside = copy["left"] >= text["right"] - 1 or copy["top"] >= text["bottom"] - 1
        assert beside and text["right"] <= 390 and copy["right"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
