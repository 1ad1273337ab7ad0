"""Resolve: who (actors), when (time) and where (places) for each coded event."""
