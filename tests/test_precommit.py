"""End to end: the real pre-commit installs the hook from this checkout and guards commits of posts.

Offline: pre-commit builds the hook's virtualenv with access to this interpreter's site-packages
(VIRTUALENV_SYSTEM_SITE_PACKAGES) and pip installs the checkout without an index and without build
isolation, so the dependencies and the build backend come from what is installed here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A paid post without the advertising label, carrying a valid BSN: no-go for the advertising and privacy checkers.
NO_GO = "---\nlang: nl\npaid: true\nsponsor: Partij Voorbeeld\n---\nMijn buurman (BSN 111222333) wacht al weken.\n"
CLEAN = "Kom zaterdag naar de markt in Utrecht. We staan er met koffie.\n"


def _git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


def _hook() -> dict:
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return hook


@pytest.mark.parametrize("path,checked", [
    ("posts/markt.md", True), ("drafts/2024/leak.txt", True), ("notes.md", True), ("posts/readme-voor-team.md", True),
    ("README.md", False), ("docs/README.md", False), ("CHANGELOG.md", False), ("Contributing.md", False),
    ("LICENSE.txt", False), ("requirements.txt", False), ("requirements-dev.txt", False),
    (".github/PULL_REQUEST_TEMPLATE.md", False), ("NEWS.md", False), ("SECURITY.md", False),
    # names a post can have: only a repository's top-level ones are its documents
    ("posts/2026/news.md", True), ("posts/support.md", True), ("posts/history.md", True),
    ("posts/security.md", True), ("posts/notice.2026-03-01.md", True),
])
def test_the_hook_skips_a_repositorys_own_documents(path, checked):
    assert (re.search(_hook()["exclude"], path) is None) is checked


def test_the_hook_runs_once_per_commit_not_once_per_cpu():
    assert _hook()["require_serial"] is True and _hook()["entry"] == "socialrisk check"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_hook_blocks_no_go_post_and_commits_clean_one(tmp_path):
    rev = _git("rev-parse", "HEAD", cwd=ROOT)
    _git("cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads "no-" options inverted: 0 means --no-build-isolation
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
        "NO_COLOR": "1",
        # The developer's own git settings (hooksPath, signing) must not change the outcome.
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    repo = tmp_path / "posts"
    repo.mkdir()
    _git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: socialrisk\n", "utf-8"
    )
    (repo / "socialrisk.toml").write_text('default_language = "nl"\n', "utf-8")
    _git("add", ".pre-commit-config.yaml", "socialrisk.toml", cwd=repo, env=env)
    _git("commit", "-q", "--no-verify", "-m", "setup", cwd=repo, env=env)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=repo, env=env, check=True, capture_output=True)

    (repo / "drafts").mkdir()
    (repo / "drafts" / "leak.md").write_text(NO_GO, "utf-8")
    _git("add", "drafts/leak.md", cwd=repo, env=env)
    bad = subprocess.run(["git", "commit", "-m", "leak"], cwd=repo, env=env, capture_output=True, text=True)
    out = bad.stdout + bad.stderr
    assert bad.returncode != 0, out[-3000:]
    assert "drafts/leak.md: NO-GO" in out, out[-3000:]
    blockers = re.findall(r"drafts/leak\.md:(\d+):(\d+): blocker (\S+)", out)
    assert blockers, out[-3000:]
    assert {rule for _, _, rule in blockers} & {"PRIV-BSN", "ADV-LABEL-STATEMENT"}, blockers
    if any(rule == "PRIV-BSN" for *_, rule in blockers):
        assert ("6", "19", "PRIV-BSN") in blockers  # line 6 of the file, after the front matter

    _git("reset", "-q", "drafts/leak.md", cwd=repo, env=env)
    (repo / "drafts" / "markt.txt").write_text(CLEAN, "utf-8")
    (repo / "README.md").write_text("Bel de beheerder: 06 12345678, BSN 111222333.\n", "utf-8")  # not a post
    _git("add", "drafts/markt.txt", "README.md", cwd=repo, env=env)
    good = subprocess.run(["git", "commit", "-m", "markt"], cwd=repo, env=env, capture_output=True, text=True)
    assert good.returncode == 0, (good.stdout + good.stderr)[-3000:]
    assert "README.md:" not in good.stdout + good.stderr  # a BSN in it would have blocked the commit
    assert _git("log", "--format=%s", cwd=repo, env=env).splitlines() == ["markt", "setup"]
