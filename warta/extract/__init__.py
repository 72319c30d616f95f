"""Extractors: each a pure function of an AnalysedDocument returning facts with spans."""
