"""The entity catalogue: every distinct resolved actor, and which mentions name it."""

from __future__ import annotations

from typing import Any

import duckdb

ENTITY_FIELDS = ("name", "code", "country", "sector", "kb_id")


def link_entities(
    con: duckdb.DuckDBPyConnection, mention_ids_sql: str, params: list[Any] | None = None
) -> None:
    """Add the actors and recipients of these mentions to ``entities``/``mention_entities``.

    An entity is identified by its resolved name, code, country, sector and knowledge-base id
    (the text as written stays on the link).
    """
    key = ", '|', ".join(f"coalesce(a.{f}, '')" for f in ENTITY_FIELDS)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE linked AS
        SELECT mention_id, role, position, a, md5(concat({key}))[:16] AS entity_id FROM (
            SELECT id AS mention_id, 'actor' AS role, unnest(actors) AS a,
                generate_subscripts(actors, 1) AS position
            FROM mentions WHERE id IN ({mention_ids_sql})
            UNION ALL
            SELECT id, 'recipient', unnest(recipients), generate_subscripts(recipients, 1)
            FROM mentions WHERE id IN ({mention_ids_sql}))""",
        (params or []) * 2,
    )
    fields = ", ".join(f"a.{f}" for f in ENTITY_FIELDS)
    con.execute(
        f"INSERT OR IGNORE INTO entities SELECT DISTINCT ON (entity_id) entity_id, {fields} "
        "FROM linked"
    )
    con.execute(
        "INSERT INTO mention_entities SELECT mention_id, role, position, entity_id, a.text "
        "FROM linked"
    )
    con.execute("DROP TABLE linked")
