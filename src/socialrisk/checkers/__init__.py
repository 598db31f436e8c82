"""Checkers: one module per checker, registered by name (see ``base.register``)."""
