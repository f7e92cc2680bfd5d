"""Logs are one JSON object per line, and info-level logs never carry a token or a student's answer."""

import json
import logging

from app.logs import JsonFormatter
from tests.api.conftest import right_answers


def test_a_log_line_is_json_with_its_extra_fields() -> None:
    record = logging.LogRecord("app.jobs", logging.INFO, __file__, 1, "job done", None, None)
    record.job, record.seconds = 7, 0.25
    entry = json.loads(JsonFormatter().format(record))
    assert (entry["level"], entry["logger"], entry["message"], entry["job"], entry["seconds"]) == (
        "info", "app.jobs", "job done", 7, 0.25)


def test_info_logs_carry_no_token_and_no_answer(client, lms, instructor, assignment, parts, caplog) -> None:
    answers = right_answers(parts) | {parts["expression"].id: "2*(telltale_symbol_q)"}
    with caplog.at_level(logging.INFO):
        client.post(f"/api/v1/assignments/{assignment['id']}/submissions", headers=lms,
                    json={"student": "logged", "answers": answers})
        client.post(f"/api/v1/assignments/{assignment['id']}/regrade", headers=instructor)
    logged = "\n".join(JsonFormatter().format(r) for r in caplog.records if r.levelno <= logging.INFO)
    assert "job done" in logged  # the regrade ran as a job and said so
    secrets = [lms["Authorization"].split()[-1], instructor["Authorization"].split()[-1], "telltale_symbol_q"]
    assert not [secret for secret in secrets if secret in logged]
