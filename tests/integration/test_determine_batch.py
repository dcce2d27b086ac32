"""`exportctl determine --batch IN.jsonl --out OUT.jsonl`: one output line per input line, errors in
place (issue 4's fixed interface), screening through the list index, one data version per batch."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from exportctl.cli.main import app

pytestmark = pytest.mark.django_db
runner = CliRunner()

CASE = {
    "date": "2026-03-01",
    "movement": "export",
    "destination": "DE",
    "exporter": {"name": "Exporter Co., Ltd."},
    "items": [{"control_code": "1C902.a", "description": "samarium metal"}],
    "parties": [{"role": "end_user", "name": "Musterwerk GmbH", "country": "DE"}],
    "end_use": {"category": "civil", "statement": "motors"},
}


def test_batch_decides_every_line_and_reports_errors_in_place(small_screening, tmp_path):
    listed = {
        **CASE,
        "destination": "US",
        "parties": [{"role": "end_user", "name": "General Dynamics", "country": "US"}],
    }
    unknown_code = {**CASE, "items": [{"control_code": "9Z999"}]}
    lines = [json.dumps(CASE), "{not json", json.dumps(listed), "", json.dumps(unknown_code)]
    infile, outfile = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    infile.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = runner.invoke(app, ["determine", "--batch", str(infile), "--out", str(outfile)])

    assert result.exit_code == 0, result.output
    out = outfile.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(out) == len(lines)
    first, bad_json, party, blank, bad_code = out
    assert json.loads(first)["outcome"] == "licence_required"
    assert json.loads(bad_json)["error"]["code"] == "invalid_json"
    decided = json.loads(party)
    assert decided["outcome"] == "prohibited"
    assert {h["list_code"] for h in decided["screening_hits"]} >= {"mofcom_control"}
    assert blank == ""
    assert json.loads(bad_code)["error"]["code"] == "unknown_control_code"
    assert json.loads(first)["data_versions"] == decided["data_versions"]


def test_batch_result_is_the_single_case_result(small_screening, tmp_path):
    infile, outfile = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    infile.write_text(json.dumps(CASE) + "\n", encoding="utf-8")
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(CASE), encoding="utf-8")

    runner.invoke(app, ["determine", "--batch", str(infile), "--out", str(outfile)])
    single = runner.invoke(app, ["determine", str(case_file), "--json"])

    assert single.exit_code == 0, single.output
    assert json.loads(outfile.read_text(encoding="utf-8")) == json.loads(single.stdout)


def test_output_line_is_the_standard_json_even_past_orjson_limits():
    from exportctl.cli.determine import _jsonl_line

    result = {"outcome": "licence_required", "text": "两用物项 ü", "big": 2**70, "score": 0.8125}
    line = _jsonl_line(result)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == result
