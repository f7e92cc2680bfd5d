"""docker-compose.yml and the Dockerfile agree with what the app reads (no Docker engine runs here, so read the files)."""

import json
import re
import shlex
import tomllib
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

import app
from app.config import Settings
from app.migrate import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
APP_PORT = Settings.model_fields["port"].default


@cache
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def service(name: str) -> dict[str, Any]:
    return compose()["services"][name]


def environment(name: str) -> dict[str, str]:
    env = service(name).get("environment", {})
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


@cache
def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [
        (words[0].upper(), words[1].strip() if len(words) > 1 else "")
        for words in (line.split(None, 1) for line in lines if line and not line.startswith("#"))
    ]


def instructions(name: str) -> list[str]:
    return [arguments for instruction, arguments in dockerfile() if instruction == name]


def copied_sources() -> set[str]:
    return {source.rstrip("/") for arguments in instructions("COPY") for source in arguments.split()[:-1]}


def exec_form(arguments: str) -> list[str]:
    return json.loads(arguments) if arguments.startswith("[") else shlex.split(arguments)


def database_url() -> Any:
    return urlsplit(environment("api")["GRADER_DATABASE_URL"])


def test_compose_runs_the_api_its_database_a_load_balancer_workers_and_redis() -> None:
    assert set(compose()["services"]) == {"api", "db", "lb", "redis", "worker"}


def test_api_replicas_count_rate_limits_in_the_redis_service() -> None:
    storage = urlsplit(environment("api")["GRADER_RATE_LIMIT_STORAGE"])
    assert (storage.scheme, storage.hostname) == ("redis", "redis")
    assert Settings(rate_limit_storage=storage.geturl()).rate_limit_storage == storage.geturl()
    assert service("api")["depends_on"]["redis"] == {"condition": "service_healthy"}
    assert "redis-cli" in service("redis")["healthcheck"]["test"]


def test_database_is_postgresql_16() -> None:
    assert service("db")["image"] == "postgres:16"


def test_the_load_balancer_publishes_the_port_the_app_listens_on() -> None:
    assert service("lb")["ports"] == [f"{APP_PORT}:{APP_PORT}"]


def test_api_replicas_publish_no_host_port_so_they_can_scale() -> None:
    assert "ports" not in service("api") and service("api")["expose"] == [str(APP_PORT)]


def test_the_load_balancer_proxies_to_the_api_service_on_the_app_port() -> None:
    volume, _, _ = service("lb")["volumes"][0].partition(":")
    config = (ROOT / volume).read_text()
    assert f"listen {APP_PORT};" in config and f"http://api:{APP_PORT}" in config


def test_workers_run_the_queue_on_the_same_database() -> None:
    worker = service("worker")
    assert exec_form(" ".join(worker["command"])) == ["grader", "worker"]
    assert environment("worker")["GRADER_DATABASE_URL"] == environment("api")["GRADER_DATABASE_URL"]
    assert setting_names(set(environment("worker"))) <= set(Settings.model_fields)
    assert worker["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert environment("api")["GRADER_RUN_JOBS"] == "false"


def test_image_exposes_the_port_the_app_listens_on() -> None:
    assert instructions("EXPOSE") == [str(APP_PORT)]


def setting_names(variables: set[str]) -> set[str]:
    return {name.removeprefix("GRADER_").lower() for name in variables if name.startswith("GRADER_")}


def test_every_grader_variable_of_the_api_service_is_a_setting() -> None:
    names = setting_names(set(environment("api")))
    assert "database_url" in names
    assert names <= set(Settings.model_fields)


def test_every_grader_variable_of_the_image_is_a_setting() -> None:
    variables = {name for arguments in instructions("ENV") for name in re.findall(r"\b(GRADER_\w+)=", arguments)}
    names = setting_names(variables)
    assert "database_url" in names
    assert names <= set(Settings.model_fields)


def test_database_url_names_the_db_service_and_its_credentials() -> None:
    url, db_env = database_url(), environment("db")
    assert url.scheme == "postgresql"
    assert (url.hostname, url.port or 5432) == ("db", 5432)
    assert (url.username, url.password) == (db_env["POSTGRES_USER"], db_env["POSTGRES_PASSWORD"])
    assert url.path.removeprefix("/") == db_env["POSTGRES_DB"]


def test_database_url_selects_the_project_driver() -> None:
    settings = Settings(database_url=environment("api")["GRADER_DATABASE_URL"])
    assert settings.database_url.startswith("postgresql+psycopg://")


def test_api_waits_for_a_healthy_database() -> None:
    assert service("api")["depends_on"]["db"] == {"condition": "service_healthy"}


def test_database_health_is_pg_isready_for_its_own_user_and_db() -> None:
    check = " ".join(service("db")["healthcheck"]["test"])
    db_env = environment("db")
    assert "pg_isready" in check
    assert f"-U {db_env['POSTGRES_USER']}" in check and f"-d {db_env['POSTGRES_DB']}" in check


def test_database_keeps_its_data_in_a_named_volume() -> None:
    volume, _, target = service("db")["volumes"][0].partition(":")
    assert volume in compose()["volumes"]
    assert target == "/var/lib/postgresql/data"


@pytest.mark.parametrize("name", ["api", "db", "lb", "redis", "worker"])
def test_services_restart_after_a_crash(name: str) -> None:
    assert service(name)["restart"] in {"always", "unless-stopped", "on-failure"}


def test_api_is_built_from_this_repository() -> None:
    assert service("api")["build"] == "."


def test_api_health_is_the_readiness_check_on_the_app_port() -> None:
    """/readyz queries the database (tests/service cover its 503), so a replica with a lost database is unhealthy."""
    assert f"127.0.0.1:{APP_PORT}/readyz" in " ".join(service("api")["healthcheck"]["test"])


def test_image_is_a_slim_python() -> None:
    (base,) = instructions("FROM")
    assert re.fullmatch(r"python:3\.1[1-9]-slim(-\w+)?", base)


def test_image_runs_as_a_non_root_user() -> None:
    users = instructions("USER")
    assert users and users[-1] not in {"root", "0"}


def test_image_health_is_the_readiness_check_with_python() -> None:
    (check,) = instructions("HEALTHCHECK")
    assert f"http://127.0.0.1:{APP_PORT}/readyz" in check
    assert "python" in check and "curl" not in check


def test_image_serves_the_api_on_all_interfaces() -> None:
    (command,) = instructions("CMD")
    assert exec_form(command) == ["grader", "serve", "--host", "0.0.0.0", "--port", str(APP_PORT)]


def test_image_copies_what_the_package_needs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = {pattern.rstrip("*") for pattern in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    needed = packages | {"pyproject.toml", project["project"]["readme"], "alembic.ini", MIGRATIONS.name}
    assert needed <= copied_sources()


def test_dockerignore_keeps_what_the_image_copies() -> None:
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert not copied_sources() & ignored


def test_migrations_are_found_beside_the_installed_app() -> None:
    # app/migrate.py looks for migrations/ relative to the package, so a copy in site-packages would miss them.
    installs = [arguments for arguments in instructions("RUN") if re.search(r"pip install .*(\s|^)\.(\s|$)", arguments)]
    outside_package = Path(app.__file__).resolve().parent not in MIGRATIONS.parents
    assert installs, "the Dockerfile never installs the project"
    if outside_package:
        assert all(re.search(r"(-e|--editable) \.", arguments) for arguments in installs)


def compose_variables() -> dict[str, str]:
    """${NAME...} substitutions of docker-compose.yml, each with what follows its name (`:-default`, `:?error`)."""
    return dict(re.findall(r"\$\{(\w+)([^}]*)\}", (ROOT / "docker-compose.yml").read_text()))


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_env_example_lists_every_variable_compose_reads() -> None:
    assert set(compose_variables()) == set(env_example())


def test_every_variable_of_env_example_is_a_setting() -> None:
    assert setting_names(set(env_example())) <= set(Settings.model_fields)


def test_env_example_ships_no_secret() -> None:
    assert env_example()["GRADER_SECRET_KEY"] == ""


def test_compose_refuses_to_start_the_api_without_a_secret_key() -> None:
    assert compose_variables()["GRADER_SECRET_KEY"].startswith(":?")
    assert environment("api")["GRADER_SECRET_KEY"].startswith("${GRADER_SECRET_KEY:?")


def test_the_demo_loader_keeps_its_token_in_the_images_writable_volume() -> None:
    (volume,) = instructions("VOLUME")
    assert Path(environment("api")["GRADER_DEMO_TOKEN_FILE"]).parent == Path(json.loads(volume)[0])


def test_compose_documents_how_to_load_the_demo() -> None:
    header = (ROOT / "docker-compose.yml").read_text().split("services:")[0]
    assert "docker compose exec api grader demo load" in header
    assert "docker compose exec api grader demo load" in (ROOT / "README.md").read_text()


def test_image_installs_the_pinned_dependencies_before_the_code() -> None:
    steps = [(instruction, arguments) for instruction, arguments in dockerfile() if instruction in {"COPY", "RUN"}]
    lock = steps.index(("RUN", "pip install --no-cache-dir -r requirements.lock"))
    assert steps[lock - 1] == ("COPY", "requirements.lock ./")
    assert all(instruction == "COPY" and "app" not in arguments.split() for instruction, arguments in steps[:lock])
