"""The database role the application runs as, on PostgreSQL.

The role that owns the tables (it runs ``migrate``) can disable triggers and drop tables; the app
must not be able to. :func:`grant_app` lets a separate login role read and write the app's tables and
only add audit events: no UPDATE, DELETE or TRUNCATE on the audit trail, and no ownership, so it can
neither disable the append-only triggers nor drop the table.
"""

from __future__ import annotations

from django.db import connection, transaction

AUDIT_TABLE = "audit_auditevent"


class RoleError(Exception):
    """The role cannot be set up as asked (not PostgreSQL, unknown role, the role owns tables)."""


def grant_app(role: str) -> None:
    from psycopg import sql

    if connection.vendor != "postgresql":
        raise RoleError("database roles are for PostgreSQL; SQLite has none")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            raise RoleError(f"no PostgreSQL role named {role!r}; create it first (CREATE ROLE … LOGIN)")
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = %s", [role]
        )
        if cursor.fetchone()[0]:
            raise RoleError(f"{role} owns tables: the app must run as a role that owns none")
        name = sql.Identifier(role)
        database = sql.Identifier(connection.settings_dict["NAME"])
        statements = [
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, name),
            sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(name),
            sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(name),
            sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(name),
            sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
                sql.Identifier(AUDIT_TABLE), name
            ),
            # tables a later migration adds (run by this owner) are the app's too; run this again after
            # a migration that adds tables all the same, it is idempotent
            sql.SQL(
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}"
            ).format(name),
            sql.SQL(
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {}"
            ).format(name),
        ]
        for statement in statements:
            cursor.execute(statement.as_string(cursor.connection))
