"""Evaluation against human-coded gold sets: loaders, metrics, scorers, reports."""
