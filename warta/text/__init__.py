"""The text layer: normalisation, sentences, quotation marks, language."""
