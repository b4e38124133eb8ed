"""The per-worker memo: a repeated callback request, or Dash's constant layout and dependency
answers, come back byte for byte without being rebuilt; refusals are never kept."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dashboard import memo
from dashboard.factory import create_app
from dashboard.memo import CALLBACK_PATH
from indicators import Catalog
from tests.dashboard.bodies import explorer_body


def test_repeated_requests_reuse_the_first_answer(catalog: Catalog) -> None:
    app = create_app(catalog)
    client: FlaskClient = app.server.test_client()
    body = json.dumps(explorer_body(app, catalog, **{"url.search": "?view=ratio"}))

    def send(path: str, headers: dict[str, str]) -> TestResponse:
        if path == CALLBACK_PATH:
            return client.post(path, data=body, headers=headers)
        return client.get(path, headers=headers)

    for path in (CALLBACK_PATH, "/_dash-layout", "/_dash-dependencies"):
        for encoding in ("", "gzip"):
            headers = {"Accept-Encoding": encoding, "Content-Type": "application/json"}
            first, again = send(path, headers), send(path, headers)
            assert first.status_code == again.status_code == 200, path
            assert "X-Answer-Reused" not in first.headers
            assert again.headers["X-Answer-Reused"] == "1"
            assert again.get_data() == first.get_data()
            assert again.headers.get("Content-Encoding") == first.headers.get("Content-Encoding")


def test_refusals_are_not_kept(catalog: Catalog) -> None:
    client = create_app(catalog).server.test_client()
    for _ in range(2):
        refused = client.post(CALLBACK_PATH, data="{}", content_type="application/json")
        assert refused.status_code == 400 and "X-Answer-Reused" not in refused.headers


def test_a_refused_request_is_refused_even_when_its_body_was_answered(catalog: Catalog) -> None:
    # The request check runs before the memo: the body of a kept answer, sent in a way the
    # check refuses (not as JSON), gets the refusal, as it would from a worker that kept none.
    app = create_app(catalog)
    client: FlaskClient = app.server.test_client()
    body = json.dumps(explorer_body(app, catalog, **{"url.search": "?view=ratio"}))
    answered = client.post(CALLBACK_PATH, data=body, content_type="application/json")
    assert answered.status_code == 200
    refused = client.post(CALLBACK_PATH, data=body, content_type="text/plain")
    assert refused.status_code == 400 and "X-Answer-Reused" not in refused.headers


def test_the_memo_is_bounded_in_bytes_and_entries(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memo, "BUDGET", 12_000)  # two or three answers
    searches = [f"?indicator=widgets&from={year}" for year in (2017, 2018, 2019, 2020)]
    app = create_app(catalog)
    client: FlaskClient = app.server.test_client()

    def ask(search: str) -> TestResponse:
        body = json.dumps(explorer_body(app, catalog, **{"url.search": search}))
        return client.post(CALLBACK_PATH, data=body, content_type="application/json")

    sizes = [len(ask(search).get_data()) for search in searches]
    assert sum(sizes) > memo.BUDGET > max(sizes)
    # The newest answer is kept, the oldest was dropped to stay within the budget.
    assert ask(searches[-1]).headers.get("X-Answer-Reused") == "1"
    assert "X-Answer-Reused" not in ask(searches[0]).headers
