"""Shared fixtures: one warm pipeline per test session, and span invariants."""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import settings

# Property tests explore the same examples on every run: a test run must not pass or fail by chance.
settings.register_profile("socialrisk", derandomize=True, database=None)
settings.load_profile("socialrisk")

from socialrisk import Pipeline
from socialrisk.config import Config


def pytest_configure(config) -> None:
    """The command line stores a start-up cache; in tests (and their subprocesses) it goes to a fresh
    temporary directory, never to the user's ~/.cache, so runs are independent of each other."""
    os.environ["SOCIALRISK_CACHE_DIR"] = tempfile.mkdtemp(prefix="socialrisk-test-cache-")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """A pipeline with default config (no config discovery, so the checkout's files do not leak in)."""
    return Pipeline(Config())


def assert_spans(report, text: str) -> None:
    """Every finding's span points into the text and quotes it exactly."""
    for f in [*report.findings, *report.suppressed]:
        assert 0 <= f.span.start <= f.span.end <= len(text), f.rule_id
        assert text[f.span.start : f.span.end] == f.span.excerpt, f.rule_id
        for r in f.related:
            assert text[r.start : r.end] == r.excerpt, f.rule_id


def rule_ids(report) -> set[str]:
    return {f.rule_id for f in report.findings}


def assert_quiet(report, text: str, checker: str) -> None:
    """No finding of ``checker`` at medium or above (and every span is sound): a near miss stays a go."""
    from socialrisk.models import Severity

    assert_spans(report, text)
    loud = [(f.rule_id, f.span.excerpt, f.severity.value) for f in report.findings if f.checker == checker and f.severity >= Severity.MEDIUM]
    assert not loud


def assert_fires(report, text: str, rule_id: str, excerpt: str, severity: str) -> None:
    """``rule_id`` fired on exactly ``excerpt`` at ``severity`` (and every span is sound)."""
    assert_spans(report, text)
    got = [f for f in report.findings if f.rule_id == rule_id]
    assert got, f"{rule_id} did not fire"
    assert any(f.span.excerpt == excerpt and f.severity.value == severity for f in got), [
        (f.span.excerpt, f.severity.value) for f in got
    ]


def assert_fires_at_least(report, text: str, rule_id: str, severity: str) -> None:
    """``rule_id`` fired at ``severity`` or above (and every span is sound): a table row of a mechanism test."""
    from socialrisk.models import Severity

    assert_spans(report, text)
    got = [f.severity for f in report.findings if f.rule_id == rule_id]
    assert got and max(got) >= Severity(severity), [(f.rule_id, f.span.excerpt, f.severity.value) for f in report.findings]
