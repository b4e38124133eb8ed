"""Protective headers on every answer, and the frame-ancestors setting for embedding."""

from __future__ import annotations

import pytest

from dashboard.factory import create_app
from dashboard.security import FRAME_ANCESTORS_VARIABLE, frame_ancestors
from indicators import Catalog


@pytest.mark.parametrize("path", ["/", "/sources", "/download/widgets.csv", "/api/v1/", "/nope"])
def test_every_answer_carries_the_headers(catalog: Catalog, path: str) -> None:
    response = create_app(catalog).server.test_client().get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_sites_that_may_embed_the_charts_are_a_setting(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FRAME_ANCESTORS_VARIABLE, "'self' https://news.example.org")
    response = create_app(catalog).server.test_client().get("/")
    policy = response.headers["Content-Security-Policy"]
    assert policy.endswith("frame-ancestors 'self' https://news.example.org")
    assert frame_ancestors("'none'") == "'none'"
    assert (
        frame_ancestors("https://*.example.org:8443/embed/") == "https://*.example.org:8443/embed/"
    )
    assert frame_ancestors("") == "'self'"


@pytest.mark.parametrize(
    "value",
    [
        "https://a.org; script-src *",
        "https://a.org\r\nX-Evil: 1",
        "'unsafe-inline'",
        "https://a.com/;sandbox",
        "https://a.com/,default-src *",
        "https://中.com",
    ],
)
def test_a_setting_that_would_inject_policy_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match=FRAME_ANCESTORS_VARIABLE):
        frame_ancestors(value)
