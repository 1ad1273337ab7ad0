"""Ingest: read files and streams into clean :class:`~eventlens.record.Document` records."""
