"""Warta: offline, Indonesian-first news intelligence.

>>> import warta
>>> analysis = warta.analyze(text, published="2023-10-24")
"""

from warta.pipeline import analyze
from warta.schema import SCHEMA_VERSION, Analysis

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Analysis", "__version__", "analyze"]
