"""Serve: the JSON API and the analyst's dashboard over an event store (``eventlens serve``)."""
