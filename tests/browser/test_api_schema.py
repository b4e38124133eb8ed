"""The JSON API against its own OpenAPI document, on the real server, with schemathesis.

For every operation, generated requests with valid and with invalid parameters must get a
documented status and a body that matches the schema (schemathesis's checks). The test drives
schemathesis directly, so it does not depend on its pytest plugin.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

EXAMPLES = 30  # per operation and mode: enough to hit every enum, bounded in time


@pytest.fixture(scope="module")
def operations(server: str) -> list[Any]:
    schema = schemathesis.openapi.from_url(f"{server}/api/v1/openapi.json")
    results: list[Any] = list(schema.get_all_operations())
    found = [result.ok() for result in results]  # an invalid operation raises here
    labels = {operation.label for operation in found}
    assert {
        "GET /api/v1/indicators/{indicator_id}/observations",
        "GET /api/v1/claims",
        "GET /api/v1/sources/{source_id}",
    } <= labels
    return found


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
def test_api_conforms_to_its_openapi_document(operations: list[Any], mode: GenerationMode) -> None:
    calls: list[str] = []
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not (operation.path_parameters or operation.query):
            continue  # nothing to make invalid

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case: Any) -> None:
            response = case.call_and_validate()
            calls.append(f"{case.method} {case.formatted_path} -> {response.status_code}")

        check()
    assert len(calls) >= len(operations)
