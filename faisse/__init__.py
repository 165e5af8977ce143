"""Faïsse: build, share and steer the projet de territoire of an intercommunality."""

__version__ = "0.1.0"
