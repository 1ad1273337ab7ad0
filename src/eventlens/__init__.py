"""eventlens: news text in, PLOVER-coded political event data out."""

__version__ = "0.1.0"
# Bumped whenever coding output can change; stored with every event so a store
# knows which events ``eventlens recode`` must refresh.
CODER_VERSION = "0.1.0"
