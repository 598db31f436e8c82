"""Renderers: text, json, sarif, html, github."""
