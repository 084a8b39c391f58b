"""The side-effects timeline page, generated from data/side-effects.yml."""

from scripts.timeline.rendering import build_timeline_page

__all__ = ["build_timeline_page"]
