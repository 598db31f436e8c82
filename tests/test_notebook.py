"""examples/audit.ipynb runs top to bottom on the shipped sample, so it cannot rot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("pandas")
pytest.importorskip("ipykernel")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_audit_notebook_runs(tmp_path):
    for name in ("audit.ipynb", "posts_sample.csv"):
        shutil.copy(EXAMPLES / name, tmp_path / name)  # the notebook writes its report next to itself
    nb = nbformat.read(tmp_path / "audit.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Flagged posts" in html and "<mark" in html
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3
    report = (tmp_path / "audit_report.html").read_text("utf-8")
    assert report.startswith("<!DOCTYPE html>") and "post-006" in report
    assert (tmp_path / "findings.csv").exists() and any((tmp_path / "audit_cache").glob("part-*"))
