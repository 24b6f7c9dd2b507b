"""Environment variables argmap reads. Kept import-free: the CLI needs them at start-up."""

from __future__ import annotations

ENV_FILE = "ARGMAP_FILE"
"""Names the corpus file when ``--file`` is not given."""

ENV_TEXTS = "ARGMAP_TEXTS"
"""Names the texts directory when ``--texts`` is not given."""

ENV_MAX_NODES = "ARGMAP_MAX_NODES"
"""Raises (or lowers) the loader's bound on the number of nodes in a corpus file."""

ENV_DEBUG = "ARGMAP_DEBUG"
"""When set (to anything but empty), an internal error shows its traceback instead of one line."""

ENV_MAX_INPUT = "ARGMAP_MAX_INPUT"
"""The largest input file argmap reads, e.g. ``512M`` or ``2G`` (default 256 MiB)."""

ENV_SETTINGS = "ARGMAP_SETTINGS"
"""Names the settings file to use instead of searching upward, or ``none`` for no settings."""

ENV_NO_CACHE = "ARGMAP_NO_CACHE"
"""When set (to anything but empty or 0), corpora are read afresh, not from the cache."""
