"""Benchmarks: Warta's speed beside the tokenizer ceiling and a stock spaCy baseline."""
