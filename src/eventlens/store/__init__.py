"""Store: the embedded DuckDB event store, its queries and exports."""
