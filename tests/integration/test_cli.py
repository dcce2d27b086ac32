"""The CLI: `lists status --json` reports every list; bad input exits 2 with one clear line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from exportctl.cli.main import app

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_lists_status_json_reports_every_list():
    result = runner.invoke(app, ["lists", "status", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    by_list = {row["list"]: row for row in data["lists"]}
    assert by_list["un_sc"]["entries"] == 1003
    assert by_list["mofcom_control"]["entries"] > 100
    assert {row["list"] for row in data["catalogue"]} == {
        "countries",
        "hs_codes",
        "announcements",
        "control_list",
    }


def test_lists_import_unknown_source_exits_2():
    result = runner.invoke(app, ["lists", "import", "nope", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "invalid_input"


def test_lists_import_bad_file_exits_2_naming_the_location(tmp_path):
    bad = tmp_path / "un.xml"
    bad.write_text("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", encoding="utf-8")
    result = runner.invoke(app, ["lists", "import", "un", str(bad), "--json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "malformed_file" and "un.xml" in error["message"]


def test_lists_import_json_summary():
    result = runner.invoke(app, ["lists", "import", "mfa", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["status"] == "unchanged"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["catalogue", "search", "钐", "--json"], "1C902"),
        (["parties", "search", "洛克希德", "--json"], "商务部"),
    ],
)
def test_search_commands(args, needle):
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and needle in result.stdout
