"""`socialrisk schema` describes what `socialrisk check --format json` prints."""

import json

import jsonschema

from socialrisk.cli import main


def test_json_output_validates_against_published_schema(capsys, monkeypatch, tmp_path):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    post = tmp_path / "post.txt"
    post.write_text("Kom zaterdag naar de markt! Bel 06-12345678 voor info.", encoding="utf-8")
    code = main(["check", str(post), "--format", "json"])
    assert code in (0, 1)
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, schema)
    assert report["decision"] in ("go", "review", "no_go")
