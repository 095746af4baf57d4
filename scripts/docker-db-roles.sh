#!/usr/bin/env bash
# PostgreSQL's first start in docker compose (/docker-entrypoint-initdb.d): the two database roles
# of README "Database roles", with passwords from the environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" \
  -v owner_password="${WGLL_OWNER_PASSWORD}" -v app_password="${WGLL_APP_PASSWORD}" \
  -f /wgll/db-roles.sql
