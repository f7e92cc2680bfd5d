# The grading API. `docker compose up --build` runs it on PostgreSQL; alone it keeps a SQLite file in /data
# (GRADER_SECRET_KEY is then optional; `docker run ... grader serve --demo --host 0.0.0.0` serves the demo).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GRADER_DATABASE_URL=sqlite:////data/grader.db

WORKDIR /srv/grader

# Dependencies first, pinned exactly by requirements.lock (`make lock`), so that every build installs the versions
# the tests ran with and a code change does not reinstall numpy and sympy.
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

COPY pyproject.toml README.md alembic.ini ./
COPY migrations ./migrations
COPY graders ./graders
COPY reference ./reference
COPY app ./app
# Editable, so that `app` is imported from this tree: app/migrate.py finds migrations/ beside the package.
RUN pip install --no-cache-dir --no-deps -e . \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin grader \
    && mkdir /data \
    && chown grader /data

USER grader
VOLUME ["/data"]
EXPOSE 8000

# Readiness: /readyz queries the database (503 until it answers and a grading worker is warm).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]

# `grader serve` upgrades the database to the latest revision before it listens.
CMD ["grader", "serve", "--host", "0.0.0.0", "--port", "8000"]
