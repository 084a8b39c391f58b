"""Chromium, the local static server, Lighthouse and the site benchmark."""
