"""warta.Tokenizer.v1: the shipped pipeline's tokenizer is built once, from its saved data."""

from pathlib import Path

import pytest
import spacy
import srsly

from warta.nlp.pipeline import load_tokenizer_only
from warta.nlp.tokenizer_factory import FACTORY_NAME, create_tokenizer_from_disk

MODEL = Path(__file__).resolve().parents[1] / "warta" / "models" / "id_warta"
TEXT = '"Kami (KPK) bayar US$5," katanya di Jl. Sudirman kepada anak-anak.'


def test_the_factory_starts_without_rules_or_patterns():
    tokenizer = create_tokenizer_from_disk()(spacy.blank("id"))
    assert tokenizer.rules == {} and tokenizer.prefix_search is None
    assert [t.text for t in tokenizer("anak-anak katanya.")] == ["anak-anak", "katanya."]


@pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason="no shipped model")
def test_shipped_pipeline_loads_its_tokenizer_through_the_factory():
    config = spacy.util.load_config(MODEL / "config.cfg", interpolate=False)
    assert config["nlp"]["tokenizer"] == {"@tokenizers": FACTORY_NAME}
    nlp = load_tokenizer_only(MODEL)
    saved = srsly.msgpack_loads((MODEL / "tokenizer").read_bytes())
    assert nlp.tokenizer.rules == saved["exceptions"]
    # the same tokens as a tokenizer first built from the language defaults, then loaded
    stock_then_loaded = spacy.blank("id").tokenizer.from_disk(MODEL / "tokenizer")
    both = [[t.text for t in tokenizer(TEXT)] for tokenizer in (nlp.tokenizer,
                                                               stock_then_loaded)]
    assert both[0] == both[1] == [
        '"', "Kami", "(", "KPK", ")", "bayar", "US$", "5", ",", '"', "kata", "nya", "di",
        "Jl.", "Sudirman", "kepada", "anak-anak", "."]
