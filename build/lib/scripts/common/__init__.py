"""Shared by every part: problems with file, line and fix; the YAML loader; the one Jinja environment."""
