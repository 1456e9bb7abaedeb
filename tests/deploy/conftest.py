"""Deployment tests reuse the end-to-end node of real processes."""

from tests.e2e.conftest import node

__all__ = ["node"]
