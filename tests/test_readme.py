"""README stays true: its rule table is generated from the rules, its first commands exist."""

from pathlib import Path

from socialrisk.docs import README_BEGIN, README_END, rules_markdown
from socialrisk.rules import load_rules

README = Path(__file__).resolve().parents[1] / "README.md"


def test_rule_table_is_current():
    text = README.read_text("utf-8")
    table = text[text.index(README_BEGIN) + len(README_BEGIN): text.index(README_END)].strip()
    assert table == rules_markdown(load_rules().rules).strip(), "run: python -m socialrisk.docs README.md"


def test_readme_opens_with_install_and_test_commands():
    text = README.read_text("utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in text.split("```bash\n")[1:3]]
    assert blocks[0].startswith("pip install -e '.[dev]'") and "socialrisk check examples/" in blocks[0]
    assert blocks[1] == "pytest"
    for path in blocks[0].split("socialrisk check", 1)[1].split():
        assert (README.parent / path).is_file(), path


def test_ci_runs_what_readme_says():
    ci = (README.parent / ".ci" / "run").read_text()
    assert "pip install -e '.[dev]'" in ci and "pytest" in ci
