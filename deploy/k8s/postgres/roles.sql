-- A PostgreSQL role per service and node (issue #17 item 6; docs/security.md "Deployment").
--
-- Run once per node, as a role that may create roles (the server's admin), in that node's
-- database (LIANFANG_POSTGRES_DBNAME: `lianfang` for the district, `lianfang_town_taihe`, ...):
--
--   psql "host=lianfang-postgres dbname=lianfang user=postgres sslmode=verify-full" \
--        -v node=district -f deploy/k8s/postgres/roles.sql
--
-- then give each role its password and put it in the service's Secret:
--
--   psql ... -c "ALTER ROLE district_intake PASSWORD '...'"
--   kubectl -n lianfang-district create secret generic lianfang-intake-postgres \
--     --from-literal=LIANFANG_POSTGRES_USER=district_intake \
--     --from-literal=LIANFANG_POSTGRES_PASSWORD=...
--
-- `node` is the node id with `-` as `_` (town-taihe → town_taihe). What each role may do: log in
-- to its node's database and create tables there. Each service creates its own tables on first
-- start (eventsourcing, named after the service) and owns them; no role is granted anything on
-- another's, so the register's login cannot read the intake's sealed petitions, nor any town's
-- role the district's. Nobody else (PUBLIC) may connect or create. Re-running is harmless.
\set ON_ERROR_STOP on

REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

SELECT format(
         'CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
         'CONNECTION LIMIT 50',
         :'node' || '_' || service)
  FROM unnest(ARRAY['intake', 'register', 'warning', 'assessment', 'console']) AS service
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'node' || '_' || service)
\gexec

SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'node' || '_' || service)
  FROM unnest(ARRAY['intake', 'register', 'warning', 'assessment', 'console']) AS service
\gexec

SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'node' || '_' || service)
  FROM unnest(ARRAY['intake', 'register', 'warning', 'assessment', 'console']) AS service
\gexec
