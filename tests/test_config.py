import pytest

from socialrisk import Pipeline
from socialrisk.cli import main
from socialrisk.config import Config, find_config, load_config
from socialrisk.errors import ConfigError, RulePackError


def test_defaults_are_offline_and_private():
    c = Config()
    assert c.languagetool_url is None and c.languagetool_public_api is False
    assert c.max_chars == 100_000


def test_socialrisk_toml_found_walking_up(tmp_path, monkeypatch):
    (tmp_path / "socialrisk.toml").write_text('default_language = "en"\n[policy]\nignore = ["TONE"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_config() == tmp_path / "socialrisk.toml"
    cfg = load_config()
    assert cfg.default_language == "en" and cfg.policy.ignore == ["TONE"]


def test_pyproject_counts_only_with_tool_table(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(tmp_path)
    assert find_config() is None
    (tmp_path / "pyproject.toml").write_text('[tool.socialrisk]\nplatform = "x"\n')
    assert load_config().platform == "x"


@pytest.mark.parametrize("body,key", [
    ('unknown_key = 1\n', "unknown_key"),
    ('max_chars = "many"\n', "max_chars"),
    ('[policy]\nreview_threshold = 400\n', "policy.review_threshold"),
    ('[policy]\nignore = ["no such thing"]\n', "policy.ignore"),
])
def test_bad_config_names_file_and_key(tmp_path, body, key):
    path = tmp_path / "socialrisk.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value) and key in str(err.value)


def test_invalid_toml_and_missing_file(tmp_path):
    bad = tmp_path / "socialrisk.toml"
    bad.write_text("this is = = not toml")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")


def test_unknown_checker_settings_rejected():
    with pytest.raises(ConfigError, match="unknown checker"):
        Pipeline(Config(checkers={"nosuchchecker": {}}))


def test_broken_config_exits_2_naming_file_and_key(tmp_path, capsys):
    path = tmp_path / "socialrisk.toml"
    path.write_text("max_chars = -5\n")
    post = tmp_path / "p.txt"
    post.write_text("Kom zaterdag naar de markt!")
    assert main(["--config", str(path), "check", str(post)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "max_chars" in err and "Traceback" not in err


def test_broken_rule_pack_exits_2_naming_file_rule_and_field(tmp_path, capsys):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "- id: STYLE-HOUSE-X\n  checker: style\n  category: style\n  severity: loud\n"
        "  what: w\n  why: y\n  message: m\n  examples: {trigger: [a], clean: [b]}\n"
    )
    cfg = tmp_path / "socialrisk.toml"
    cfg.write_text(f'rule_packs = ["{pack.name}"]\n')
    post = tmp_path / "p.txt"
    post.write_text("Kom zaterdag naar de markt!")
    assert main(["--config", str(cfg), "check", str(post)]) == 2
    err = capsys.readouterr().err
    assert str(pack) in err and "STYLE-HOUSE-X" in err and "severity" in err


def test_rule_pack_errors(tmp_path):
    from socialrisk.rules import load_pack

    p = tmp_path / "x.yaml"
    p.write_text("- id: lower-case\n")
    with pytest.raises(RulePackError, match="field id"):
        load_pack(p)
    p.write_text("rules: [\n")
    with pytest.raises(RulePackError, match="invalid YAML"):
        load_pack(p)
    p.write_text("!!python/object:os.system {}\n")
    with pytest.raises(RulePackError):
        load_pack(p)
    p.write_bytes(b"\xff\xfe")
    with pytest.raises(RulePackError, match="UTF-8"):
        load_pack(p)
    with pytest.raises(RulePackError, match="not found"):
        load_pack(tmp_path / "missing.yaml")
    p.write_text(
        "- id: TONE-X-Y\n  checker: tone\n  category: tone\n  severity: low\n  what: w\n  why: y\n  message: m\n"
        "  match: {patterns: [{name: bad, regex: '(unclosed'}]}\n  examples: {trigger: [a], clean: [b]}\n"
    )
    with pytest.raises(RulePackError, match=r"rule TONE-X-Y, field match\.patterns\.0\.regex"):
        load_pack(p)


def test_rule_pack_unknown_checker(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text(
        "- id: ACME-THING\n  checker: acme\n  category: style\n  severity: low\n  what: w\n  why: y\n"
        "  message: m\n  examples: {trigger: [a], clean: [b]}\n"
    )
    with pytest.raises(RulePackError, match="no checker named 'acme'"):
        Pipeline(Config(), rule_packs=[p])


def test_yaml_12_booleans(tmp_path):
    from socialrisk.rules import yaml_load

    assert yaml_load("[no, on, yes, off, true, false]") == ["no", "on", "yes", "off", True, False]


def test_a_user_pack_reusing_a_shipped_rule_id_exits_2_naming_file_and_id(tmp_path, capsys):
    pack = tmp_path / "dup.yaml"
    pack.write_text(
        "- id: PRIV-PHONE\n  checker: style\n  category: style\n  severity: low\n"
        "  what: w\n  why: y\n  message: m\n  examples: {trigger: [a], clean: [b]}\n"
    )
    cfg = tmp_path / "socialrisk.toml"
    cfg.write_text(f'rule_packs = ["{pack.name}"]\n')
    post = tmp_path / "p.txt"
    post.write_text("Kom zaterdag naar de markt!")
    assert main(["--config", str(cfg), "check", str(post)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"socialrisk: {pack}: rule PRIV-PHONE, field id: duplicate rule id (also defined in ")
    assert "privacy.yaml" in err and "Traceback" not in err and "ValidationError" not in err and len(err.splitlines()) == 1
    with pytest.raises(RulePackError, match="duplicate rule id"):
        Pipeline(Config(), rule_packs=[pack])


def test_a_broken_pyproject_that_mentions_socialrisk_is_an_error_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "socialrisk.toml").write_text('platform = "x"\n')  # a parent's config must not take over
    project = tmp_path / "proj"
    project.mkdir()
    broken = project / "pyproject.toml"
    broken.write_text('[tool.socialrisk.policy]\nignore = ["LEGAL"]\n\n[project\nname = "x"\n')
    monkeypatch.chdir(project)
    assert find_config() == broken
    with pytest.raises(ConfigError, match="invalid TOML") as err:
        load_config()
    assert err.value.path == str(broken)
    broken.write_text('[project\nname = "x"\n')  # someone else's broken file: not ours, skipped
    assert find_config() == tmp_path / "socialrisk.toml"


def test_socialrisk_toml_accepts_the_tool_table_form_too(tmp_path):
    path = tmp_path / "socialrisk.toml"
    path.write_text('[tool.socialrisk]\ndefault_language = "en"\n\n[tool.socialrisk.policy]\nignore = ["TONE"]\n')
    cfg = load_config(path)
    assert cfg.default_language == "en" and cfg.policy.ignore == ["TONE"]
    path.write_text('platform = "x"\n[tool.socialrisk]\ndefault_language = "en"\n')
    with pytest.raises(ConfigError, match="platform: bare keys and a \\[tool.socialrisk\\] table"):
        load_config(path)
    path.write_text('[tool.black]\nline-length = 3\n')
    with pytest.raises(ConfigError, match="tool: Extra inputs"):
        load_config(path)


def test_an_unknown_checker_error_names_the_key_it_is_under():
    with pytest.raises(ConfigError, match=r"^disable: unknown checker 'nocheck'"):
        Pipeline(Config(disable=["nocheck"]))
    with pytest.raises(ConfigError, match=r"^checkers\.nope: unknown checker 'nope'"):
        Pipeline(Config(checkers={"nope": {}}))


@pytest.mark.parametrize("regex, words", [
    ("a{1000000000}", "repeats 1000000000 times"),  # the compiler would allocate gigabytes
    ("(" * 3000 + "a" + ")" * 3000, "nests groups deeper than 100"),  # a RecursionError in the compiler
    ("(a{200}){1000}", "nested repeats come to 200000"),
    ("", "is empty"),
    ("x*", "matches the empty string"),
])
def test_rule_pack_regex_too_large_or_empty_is_refused_at_load(tmp_path, regex, words):
    from socialrisk.rules import load_pack

    p = tmp_path / "x.yaml"
    p.write_text(
        "- id: TONE-X-Y\n  checker: tone\n  category: tone\n  severity: low\n  what: w\n  why: y\n  message: m\n"
        f"  match: {{patterns: [{{name: p, regex: '{regex}'}}]}}\n  examples: {{trigger: [a], clean: [b]}}\n"
    )
    with pytest.raises(RulePackError, match=r"rule TONE-X-Y, field match\.patterns\.0\.regex") as exc:
        load_pack(p)
    assert words in str(exc.value)


@pytest.mark.parametrize("value", ["2024-13-45", "2024-02-30", "9" * 5000])
def test_rule_pack_value_yaml_cannot_build_is_a_rule_pack_error(tmp_path, value):
    from socialrisk.rules import load_pack

    p = tmp_path / "x.yaml"
    p.write_text(
        "- id: TONE-X-Y\n  checker: tone\n  category: tone\n  severity: low\n  what: w\n  why: y\n  message: m\n"
        f"  params: {{x: {value}}}\n  examples: {{trigger: [a], clean: [b]}}\n"
    )
    with pytest.raises(RulePackError, match=r"x\.yaml: invalid YAML at line 8"):
        load_pack(p)


@pytest.mark.parametrize("term", ["*", "", "   ", "**"])
def test_a_term_without_a_letter_or_digit_is_refused(tmp_path, term):
    from socialrisk.rules import load_pack

    p = tmp_path / "x.yaml"
    p.write_text(
        "- id: TONE-X-Y\n  checker: tone\n  category: tone\n  severity: low\n  what: w\n  why: y\n  message: m\n"
        f"  match: {{terms: {{all: [kaas, '{term}']}}}}\n  examples: {{trigger: [a], clean: [b]}}\n"
    )
    with pytest.raises(RulePackError, match=r"rule TONE-X-Y, field match\.terms: .*has no letter or digit"):
        load_pack(p)


def test_a_config_file_with_a_bom_is_read(tmp_path):
    (tmp_path / "socialrisk.toml").write_bytes('\ufeffdefault_language = "en"\n'.encode("utf-8"))
    assert load_config(tmp_path / "socialrisk.toml").default_language == "en"


def test_pyproject_tool_socialrisk_that_is_not_a_table_names_the_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool]\nsocialrisk = "x"\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml: tool\.socialrisk: must be a table"):
        load_config(tmp_path / "pyproject.toml")


def test_a_deleted_working_directory_is_a_config_error(tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    with pytest.raises(ConfigError, match="the working directory no longer exists"):
        load_config()


def test_a_rule_pack_key_given_twice_is_an_error(tmp_path):
    from socialrisk.rules import load_pack

    p = tmp_path / "x.yaml"
    p.write_text("- id: TONE-X-Y\n  checker: tone\n  category: tone\n  severity: low\n  severity: high\n  what: w\n"
                 "  why: y\n  message: m\n  examples: {trigger: [a], clean: [b]}\n")
    with pytest.raises(RulePackError, match=r"x\.yaml: invalid YAML at line 5"):
        load_pack(p)


@pytest.mark.parametrize(
    "data", [{"max_chars": True}, {"policy": {"review_threshold": True}}, {"policy": {"no_go_threshold": False}}]
)
def test_true_or_false_is_no_number(data):
    # pydantic would read true as 1: max_chars = true would refuse every post, review_threshold = true review most
    with pytest.raises(ConfigError, match="not true/false"):
        Config.from_mapping(data)


def test_an_empty_select_is_refused_not_every_rule_off():
    with pytest.raises(ConfigError, match="selects no rule"):
        Config.from_mapping({"policy": {"select": []}})
