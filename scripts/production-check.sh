#!/usr/bin/env bash
# The README's production steps, under production settings, against a throwaway
# PostgreSQL database: migrate, collectstatic, check --deploy, and gunicorn
# answering /healthz. Fails on the first step that fails.
#   PROD_DB_URL   the throwaway database (dropped and created again)
#   REDIS         broker and cache for the run
set -euo pipefail
cd "$(dirname "$0")/.."

PROD_DB_URL=${PROD_DB_URL:-postgres://postgres@127.0.0.1:5432/lms_production_check}
REDIS=${REDIS:-redis://127.0.0.1:6379/0}
DB_NAME=${PROD_DB_URL##*/}
SERVER_URL=${PROD_DB_URL%/*}/postgres
PY=.venv/bin/python

psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS \"$DB_NAME\"" -c "CREATE DATABASE \"$DB_NAME\""
trap 'psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS \"$DB_NAME\"" || true' EXIT

export DJANGO_SETTINGS_MODULE=lms.settings.production
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DATABASE_URL="$PROD_DB_URL" REDIS_URL="$REDIS" EMAIL_URL="consolemail://"
export ALLOWED_HOSTS="127.0.0.1,localhost" SITE_BASE_URL="https://training.example.org"
STATIC_DIR="$(mktemp -d)"
export STATIC_ROOT="$STATIC_DIR"

echo "-- migrate"
$PY manage.py migrate --noinput >/dev/null
echo "-- collectstatic --noinput"
$PY manage.py collectstatic --noinput >/dev/null
echo "-- check --deploy"
$PY manage.py check --deploy --fail-level WARNING

PORT="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
echo "-- gunicorn on 127.0.0.1:$PORT"
.venv/bin/gunicorn lms.wsgi --workers 2 --bind "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true; rm -rf "$STATIC_DIR"; psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS \"$DB_NAME\"" || true' EXIT
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
BODY="$(curl -fsS "http://127.0.0.1:$PORT/healthz")"
echo "$BODY"
[ "$BODY" = '{"status": "ok", "database": "ok", "cache": "ok"}' ]
# A page through whitenoise's collected, compressed static files.
curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/static/dist/accessible-autocomplete.min.js"
curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/accounts/login/"
echo "production steps: ok"
