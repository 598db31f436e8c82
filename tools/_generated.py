"""Shared by the data generators in tools/: write a generated file, or with ``--check`` only compare."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(out: Path, text: str, tool: str) -> None:
    """Write ``text`` to ``out``; with ``--check`` in argv, exit non-zero when ``out`` differs instead."""
    if "--check" in sys.argv:
        sys.exit(0 if out.exists() and out.read_text("utf-8") == text else f"out of date: run {tool}")
    out.write_text(text, "utf-8")
    print(f"wrote {out}")
