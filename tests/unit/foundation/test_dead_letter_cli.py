"""`lianfang dead-letter replay` names what it refuses before it connects anywhere."""

from __future__ import annotations

from typer.testing import CliRunner

from lianfang.cli import app


def test_an_unknown_service_is_refused_naming_the_choices() -> None:
    result = CliRunner().invoke(app, ["dead-letter", "replay", "nosuch", "--offset", "0"])
    assert result.exit_code == 2
    assert "intake" in result.output


def test_the_offset_is_required() -> None:
    result = CliRunner().invoke(app, ["dead-letter", "replay", "intake"])
    assert result.exit_code == 2
    assert "--offset" in result.output
