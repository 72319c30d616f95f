"""warta.Tokenizer.v1: the shipped pipeline's tokenizer is built once, from its saved data."""

from functools import cache
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


# -- hyphenated words kept whole by a set, not by 15,556 special cases ------------------

WHOLE = ("anti-huru-hara di Jl. Sudirman, huru-hara-nya reda. Kupu-kupu (huru-hara) "
         "pulang.Mobil-mobil itu baru; huru - hara lagi, kata x.huru-hara dan pemilu-pemilu-an")


@cache
def _both():
    """A stock tokenizer and a WholeWordTokenizer with the same rules and patterns."""
    from spacy.tokenizer import Tokenizer

    from warta.nlp.tokenizer_factory import WholeWordTokenizer

    blank = spacy.blank("id").tokenizer
    data = blank.to_bytes(exclude=["vocab"])
    stock = Tokenizer(spacy.blank("id").vocab).from_bytes(data)
    whole = WholeWordTokenizer(spacy.blank("id").vocab).from_bytes(data)
    return stock, whole


def test_whole_words_are_a_set_and_tokens_do_not_change():
    stock, whole = _both()
    assert {"kupu-kupu", "huru-hara", "Mobil-mobil", "pemilu-pemilu"} <= whole._whole_words
    assert "huru-hara" not in base_rules(whole)  # no special case of its own
    assert whole.rules == stock.rules  # but listed, as spaCy lists special cases
    tokens = [(t.text, t.whitespace_) for t in whole(WHOLE)]
    assert tokens == [(t.text, t.whitespace_) for t in stock(WHOLE)]
    texts = [t for t, _ in tokens]
    # a whole word inside a longer chunk is merged back, as spaCy's special-case matcher
    # merges it; written with spaces it stays three tokens
    assert texts[:3] == ["anti", "-", "huru-hara"]
    for piece in (["huru-hara", "-nya"], ["pulang", ".", "Mobil-mobil"],
                  [";", "huru", "-", "hara"], ["x.huru", "-", "hara"]):
        assert any(texts[i:i + len(piece)] == piece for i in range(len(texts))), piece
    assert texts[-3:] == ["pemilu-pemilu", "-", "an"]


def base_rules(tokenizer):  # the special cases the base class itself holds
    from spacy.tokenizer import Tokenizer

    return Tokenizer.rules.__get__(tokenizer)


def test_the_whole_word_tokenizer_saves_and_pickles_as_the_stock_one():
    import pickle

    stock, whole = _both()
    assert whole.to_bytes(exclude=["vocab"]) == stock.to_bytes(exclude=["vocab"])
    again = pickle.loads(pickle.dumps(whole))
    assert type(again) is type(whole) and again._whole_words == whole._whole_words
    assert [t.text for t in again(WHOLE)] == [t.text for t in stock(WHOLE)]


def test_a_special_case_added_over_a_whole_word_is_the_one_applied_and_saved():
    from spacy.symbols import ORTH

    from warta.nlp.tokenizer_factory import WholeWordTokenizer

    data = spacy.blank("id").tokenizer.to_bytes(exclude=["vocab"])
    whole = WholeWordTokenizer(spacy.blank("id").vocab).from_bytes(data)
    assert "berhati-hatilah" in whole._whole_words
    split = [{ORTH: "berhati-hati"}, {ORTH: "lah"}]
    whole.add_special_case("berhati-hatilah", split)
    assert [t.text for t in whole("berhati-hatilah kalian")] == ["berhati-hati", "lah", "kalian"]
    assert whole.rules["berhati-hatilah"] == split
    again = WholeWordTokenizer(spacy.blank("id").vocab).from_bytes(
        whole.to_bytes(exclude=["vocab"]))
    assert "berhati-hatilah" not in again._whole_words
    assert [t.text for t in again("berhati-hatilah kalian")] == ["berhati-hati", "lah", "kalian"]


def test_a_token_match_of_its_own_still_applies():
    import re

    from warta.nlp.tokenizer_factory import WholeWordTokenizer

    stock, _ = _both()
    whole = WholeWordTokenizer(stock.vocab, stock.rules, stock.prefix_search,
                               stock.suffix_search, stock.infix_finditer,
                               token_match=re.compile(r"\d+-\d+").match)
    assert [t.text for t in whole("skor 2-1 dan kupu-kupu")] == ["skor", "2-1", "dan",
                                                                  "kupu-kupu"]
    assert srsly.msgpack_loads(whole.to_bytes(exclude=["vocab"]))["token_match"] == r"\d+-\d+"


def test_new_affix_patterns_rebuild_the_check_for_split_whole_words():
    import re

    from spacy.tokenizer import Tokenizer

    from warta.nlp.tokenizer_factory import WholeWordTokenizer

    data = spacy.blank("id").tokenizer.to_bytes(exclude=["vocab"])
    stock = Tokenizer(spacy.blank("id").vocab).from_bytes(data)
    whole = WholeWordTokenizer(spacy.blank("id").vocab).from_bytes(data)
    assert whole._affix_tokens("huru-hara") == ["huru", "-", "hara"]
    # patterns set at run time: hyphens no longer split, tildes do
    for tokenizer in (stock, whole):
        tokenizer.infix_finditer = re.compile(r"~").finditer
    assert whole._affix_tokens("huru-hara") == ["huru-hara"]
    for text in ("anti~huru-hara", "kupu-kupu~huru-hara reda"):
        assert [t.text for t in whole(text)] == [t.text for t in stock(text)]
