"""graders is a pure library: importing it loads no web framework, database layer, app or bank."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "alembic", "app", "reference")


def test_importing_graders_loads_no_upper_layer() -> None:
    script = (
        "import sys, graders, graders.pool, graders.fingerprint\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert output.strip() == "[]"


def test_the_public_api_is_exactly_the_agreed_names() -> None:
    import graders

    assert sorted(graders.__all__) == sorted(
        ["grade", "interpret", "check_reference", "fingerprint", "GradeResult", "Interpretation", "KINDS", "GradingPool"]
    )
    assert graders.KINDS == (
        "number", "integer", "tuple", "set", "expression", "equation", "matrix", "matrix_expr", "bigo", "choice", "manual",
        "indexed",
    )
