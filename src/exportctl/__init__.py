"""exportctl: export control management for the PRC dual-use regime."""

__version__ = "0.1.0"
