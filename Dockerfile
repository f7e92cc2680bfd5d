# The grading API. `docker compose up --build` runs it on PostgreSQL; alone it keeps a SQLite file in /data.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GRADER_DATABASE_URL=sqlite:////data/grader.db

WORKDIR /srv/grader

# Dependencies first, read from pyproject alone, so that a code change does not reinstall numpy and sympy.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY README.md alembic.ini ./
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

HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

# `grader serve` upgrades the database to the latest revision before it listens.
CMD ["grader", "serve", "--host", "0.0.0.0", "--port", "8000"]
