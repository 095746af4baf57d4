-- The two database roles of the WGLL platform (README, "Database roles"):
--   owner (wgll_owner): owns the database, its schema and every table; runs the migrations
--                       (DATABASE_MIGRATION_URL).
--   app (wgll_app):     what the API connects as (DATABASE_URL): reads and writes rows, nothing more. It
--                       owns nothing, so it can neither disable the triggers that guard sealed returns
--                       nor truncate, alter or drop a table; it is not a superuser.
-- Run as a superuser, connected to the platform's database (idempotent):
--   npm run db:roles -- postgres://postgres@127.0.0.1:5432/wgll
--   psql -v ON_ERROR_STOP=1 -v owner_password=… -v app_password=… -d wgll -f scripts/db-roles.sql
-- Variables (psql -v): owner, app (role names), owner_password, app_password (omit them where the
-- server trusts local connections).
\set ON_ERROR_STOP on
\if :{?owner}
\else
  \set owner wgll_owner
\endif
\if :{?app}
\else
  \set app wgll_app
\endif

SELECT format('CREATE ROLE %I LOGIN', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner')
\gexec
SELECT format('CREATE ROLE %I LOGIN', :'app') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app')
\gexec
ALTER ROLE :"owner" NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE :"app" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\if :{?owner_password}
  ALTER ROLE :"owner" PASSWORD :'owner_password';
\endif
\if :{?app_password}
  ALTER ROLE :"app" PASSWORD :'app_password';
\endif

-- The database, its schema and everything already in it belong to the owner.
SELECT current_database() AS database \gset
ALTER DATABASE :"database" OWNER TO :"owner";
ALTER SCHEMA public OWNER TO :"owner";
SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, :'owner')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
    AND pg_get_userbyid(c.relowner) <> :'owner'
\gexec
SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, :'owner')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> :'owner'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
\gexec
SELECT format('ALTER FUNCTION public.%I(%s) OWNER TO %I', p.proname, pg_get_function_identity_arguments(p.oid), :'owner')
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :'owner'
\gexec

-- Nobody else creates objects in the schema; the application uses it.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";

-- Rows only: never TRUNCATE, REFERENCES or TRIGGER; never the migrations' own table.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
SELECT format('REVOKE INSERT, UPDATE, DELETE ON TABLE public.migrations FROM %I', :'app')
  WHERE to_regclass('public.migrations') IS NOT NULL
\gexec

\echo Roles ready: :owner owns :database, :app reads and writes its rows.
