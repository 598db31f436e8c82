"""The wheel ships the rule packs: install it into a fresh venv and check a post from outside the checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_checks_outside_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("socialrisk-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("socialrisk/rules/") and n.endswith(".yaml") for n in names), "rule packs not in wheel"
    venv = tmp_path / "venv"
    # System site-packages provide the heavy dependencies, so no download is needed; the package itself
    # comes only from the wheel.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True)
    code = (
        "import socialrisk, pathlib; "
        "assert 'site-packages' in socialrisk.__file__, socialrisk.__file__; "
        "from socialrisk.rules import rules_dir; assert 'site-packages' in str(rules_dir()); "
        "r = socialrisk.check('Kom zaterdag naar de markt!'); print(r.decision.value)"
    )
    out = subprocess.run([str(py), "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "go"
