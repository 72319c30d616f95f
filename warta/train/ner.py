"""Training entry point: rebuilds the shipped NER pipeline ``warta/models/id_warta``.

``train_ner`` is what ``warta train`` calls. It builds the corpora from the shared
data (see :mod:`warta.train.corpus`), optionally trains static vectors
(:mod:`warta.train.vectors`), runs ``spacy train`` with ``configs/ner.cfg`` and a
fixed seed, adds the tokenizer's news abbreviations and writes the pipeline.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.symbols import ORTH

from warta.lang.data import alternation, load_words
from warta.nlp.entity_tagger import CORPUS_HEAD
from warta.nlp.prefix_guard import guarded_prefix_pattern
from warta.nlp.tokenizer_factory import use_tokenizer_from_disk
from warta.train.corpus import build_corpora
from warta.train.corpus_head import train_corpus_head
from warta.train.distil import (
    add_soft_targets,
    load_teachers,
    pseudo_labelled,
    unlabelled_texts,
)
from warta.train.gpe import GAZETTEER_DIR, GPE_FILES
from warta.train.news import NEWS_DEV, NEWS_TRAIN, news_docs
from warta.train.output import write_pipeline
from warta.train.soup import average_pipelines
from warta.train.spacy_training import train_config
from warta.train.ud import (
    config_with_source,
    encoder_overrides,
    nlpid_postag_path,
    pretrain_ud_tok2vec,
)

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "configs" / "ner.cfg"
FINETUNE_CONFIG = ROOT / "configs" / "ner_finetune.cfg"
ABBREVIATIONS = ROOT / "warta" / "lang" / "id" / "ner_abbreviations.txt"
ORGANISATIONS = ROOT / "warta" / "lang" / "id" / "gazetteer" / "organisations.txt"
MODEL_NAME = "warta"  # meta name; the directory is id_warta (lang + name)
SMOKE_SENTENCES = 200

# Recipe of the shipped model; docs/MODELS.md describes the same.
USE_NERP = True
IDNER_REPEAT = 3
USE_VECTORS = True
FINETUNE = True
# adding untagged gazetteer GPEs cost 5 points on idner dev (see docs); off, the ruler is not
# shipped at all (a disabled ruler still ran the pipeline over its patterns at every load)
GPE_RULER = False
NEWS_REPEAT = 2  # hand-annotated 2025 articles (dev/gold/entities_train.jsonl), both stages
NEWS_SELECT = True  # the 2025 entity dev set joins idner dev for checkpoint selection
# Stage 0: the NER tok2vec starts as the encoder of a tagger of the nlp-id POS corpus
# (news; NNP vs NN), trained with the same static vectors (needs nlp-id installed).
PRETAG = False
PRETAG_EPOCHS = 1
# Distillation (warta.train.distil): unlabelled news labelled by an ensemble of teachers
# joins stage 1; how many sentences/paragraphs.
DISTIL_DOCS = 20000
DISTIL_SOFT = False  # the student learns the ensemble's tag probabilities, not only its tags
DISTIL_GOLD = False  # ... on the gold training docs of stage 1 too (mixed with the gold tags)
# A second tagger over the frozen encoder answers in idner-news-2k's convention
# (``doc.spans["ner_corpus"]``; warta.train.corpus_head); ``ner`` is not changed by it.
CORPUS_HEAD_ON = True
# Stage 2 runs this many times, seeds seed, seed + 1, …, from the same stage-1 model, and
# the mean of their weights is the model (warta.train.soup; docs/MODELS.md, "The soup").
FINETUNES = 3


def abbreviations() -> list[str]:
    return _read_list(ABBREVIATIONS)


def add_abbreviations(nlp: spacy.Language) -> None:
    """Keep "Jl.", "Kab.", "Tbk." ... as one token, also capitalised or upper case."""
    for abbr in abbreviations():
        for form in {abbr, abbr.capitalize(), abbr.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def add_tokenizer_rules(nlp: spacy.Language) -> None:
    """The shipped tokenizer's additions to ``spacy.lang.id``, in training and in the model."""
    add_abbreviations(nlp)
    add_glued_title_splits(nlp)
    add_prefix_guard(nlp)


def add_prefix_guard(nlp: spacy.Language) -> None:
    """The same prefix matches, ~15 times faster for words that start with a letter
    (:mod:`warta.nlp.prefix_guard`)."""
    pattern = nlp.tokenizer.prefix_search.__self__.pattern
    guarded = guarded_prefix_pattern(pattern)
    if guarded != pattern:
        nlp.tokenizer.prefix_search = re.compile(guarded).search


def add_glued_title_splits(nlp: spacy.Language) -> None:
    """Split a capitalised title glued to the word before it: "PrastaSekretaris" →
    "Prasta" "Sekretaris".

    Scraped lists lose their line breaks ("Ketua: I Nyoman Giri PrastaSekretaris: I Wayan
    ..."), which glues a name to the next line's role; as one token the name cannot be an
    entity. A zero-width infix splits before a title word (``titles.txt``, five letters or
    more, capitalised) that follows a lower-case letter; "YouTube" or "TikTok" stay whole.
    """
    words = [w.capitalize() for w in load_words("titles") if len(w) >= 5 and w.isalpha()]
    # "(?=[A-Z])" first: most positions fail there, before the long alternation
    glue = rf"(?<=[a-z])(?=[A-Z])(?=(?:{alternation(words)})(?![a-z]))"
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    if glue not in pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{glue}").finditer


def add_org_ruler(nlp: spacy.Language) -> None:
    """Exact names of well-known organisations (gazetteer data) are ORG, after the model.

    A stock ``entity_ruler`` (loads without Warta code) with ``overwrite_ents``: a match
    replaces an overlapping model entity, e.g. a guerrilla group the model typed PER.
    """
    names = _read_list(ORGANISATIONS)
    ruler = nlp.add_pipe("entity_ruler", after="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "ORG", "pattern": name} for name in names])


def add_gpe_ruler(nlp: spacy.Language) -> None:
    """Known GPE names the model left untagged become GPE (never overriding the model).

    Not in the shipped pipeline; to use it: ``nlp = warta.load(); add_gpe_ruler(nlp)``.

    idner-news-2k leaves most country names untagged, and stage 2 learns that; the
    product needs them. Exact, case-sensitive names from the GPE gazetteers, minus
    ``gpe_ruler_exclude.txt`` (names that are also common words or personal names).
    """
    exclude = set(_read_list(GAZETTEER_DIR / "gpe_ruler_exclude.txt"))
    names = sorted({n for f in GPE_FILES for n in _read_list(GAZETTEER_DIR / f)} - exclude)
    ruler = nlp.add_pipe("entity_ruler", name="gpe_ruler", last=True,
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "GPE", "pattern": name} for name in names])


def _read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _best(train_out: Path) -> Path:
    best = train_out / "model-best"
    return best if best.exists() else train_out / "model-last"


def train_ner(output_dir: Path | str, data_dir: Path | str, *, max_sentences: int | None = None,
              max_epochs: int | None = None, seed: int = 0,
              config: Path | str | None = None, news_repeat: int = NEWS_REPEAT,
              pretag: bool | None = None, teachers: Sequence[Path | str] = (),
              distil_docs: int = DISTIL_DOCS, soft: bool = DISTIL_SOFT,
              distil_gold: bool = DISTIL_GOLD, distil_news: bool = True,
              select_news: bool = NEWS_SELECT, corpus_head: bool = CORPUS_HEAD_ON,
              init_tok2vec: Path | str | None = None,
              vectors_seed: int | None = None, finetunes: int = FINETUNES,
              blis: bool = False) -> Path:
    """Train the NER pipeline into ``output_dir`` and return it.

    Two stages: all corpora with ``configs/ner.cfg``, then idner train alone with
    ``configs/ner_finetune.cfg`` starting from the first stage's best model.
    ``max_sentences``/``max_epochs`` shrink the run (smoke mode for CI: a few hundred
    sentences, one epoch per stage, no static vectors). With the defaults the shipped
    model is rebuilt from the same data, configs and seed. ``pretag`` (default
    :data:`PRETAG`, never in smoke mode) runs stage 0 first. With ``teachers``
    (trained NER pipelines), ``distil_docs`` unlabelled news texts labelled by their
    ensemble join stage 1 (:mod:`warta.train.distil`). ``select_news``: the 2025 entity
    dev set joins idner dev for checkpoint selection; ``corpus_head``: train the
    idner-convention head; ``init_tok2vec``: stage 1 starts from ``spacy pretrain``
    weights (``config`` must then have a ``[pretraining]`` block, as
    ``spacy init fill-config --pretraining`` writes; scripts/experiment_corpus_model.py);
    ``vectors_seed``: the static vectors' seed when it is not ``seed`` (models of several
    seeds that share one vectors table). ``finetunes``: how many stage-2 runs are
    averaged (:mod:`warta.train.soup`); ``blis``: train on thinc's default ops
    (:func:`warta.train.spacy_training.train_config`).
    """
    output_dir, data_dir = Path(output_dir), Path(data_dir)
    config_path = Path(config) if config else CONFIG
    smoke = max_sentences is not None and max_sentences <= 2000
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="warta-ner-") as tmp:
        work = Path(tmp)
        tokenizer = spacy.blank("id")
        add_tokenizer_rules(tokenizer)
        news = news_docs(tokenizer, data_dir, NEWS_TRAIN) if news_repeat else []
        select = news_docs(tokenizer, data_dir, NEWS_DEV) if select_news else []
        extra = []
        ensemble = load_teachers(teachers) if teachers else []
        if ensemble and distil_docs:
            limit = distil_docs if max_sentences is None else max_sentences // 4
            extra = pseudo_labelled(ensemble, unlabelled_texts(
                data_dir, limit=limit, seed=seed, tokenizer=tokenizer), soft=soft)
        report = build_corpora(data_dir, work, use_nerp=USE_NERP, idner_repeat=IDNER_REPEAT,
                               max_sentences=max_sentences, seed=seed, news=news,
                               news_repeat=news_repeat, news_dev=select, extra=extra)
        if ensemble and distil_gold:
            report.counts["soft-gold"] = add_soft_targets(work / "train.spacy", ensemble,
                                                          skip_news=not distil_news)
        overrides: dict[str, object] = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
        }
        if max_epochs is not None:
            overrides["training.max_epochs"] = max_epochs
        if init_tok2vec is not None:
            overrides["paths.init_tok2vec"] = str(init_tok2vec)
        if smoke:
            overrides["training.eval_frequency"] = 50
        if USE_VECTORS and not smoke:
            from warta.train.vectors import train_vectors
            overrides["paths.vectors"] = str(train_vectors(
                data_dir, work / "vectors", seed=seed if vectors_seed is None else vectors_seed))
        else:
            overrides["paths.vectors"] = None
            overrides["components.tok2vec.model.embed.include_static_vectors"] = False
        if pretag is None:
            pretag = PRETAG and not smoke and nlpid_postag_path() is not None
        if pretag:
            stage0 = pretrain_ud_tok2vec(
                work / "pretag", data_dir, seed=seed, max_epochs=PRETAG_EPOCHS,
                vectors=overrides["paths.vectors"],
                overrides=encoder_overrides(config_path, "tok2vec"))
            config_path = config_with_source(config_path, stage0, work, component="tok2vec",
                                             source_component="tok2vec_ud")
            overrides.pop("components.tok2vec.model.embed.include_static_vectors", None)
        train_config(config_path, work / "base", overrides, blis=blis)
        model = _best(work / "base")
        if FINETUNE:
            tune = {**overrides, "paths.train": str(work / "finetune.spacy"),
                    "paths.base_model": str(model)}
            tune.pop("components.tok2vec.model.embed.include_static_vectors", None)
            if max_epochs is not None:
                tune["training.max_epochs"] = max_epochs
            tuned = []
            for k in range(finetunes):
                train_config(FINETUNE_CONFIG, work / f"tune{k}",
                             {**tune, "system.seed": seed + k}, blis=blis)
                tuned.append(_best(work / f"tune{k}"))
            model = tuned[0] if len(tuned) == 1 else average_pipelines(tuned, work / "soup")
        head = None
        if corpus_head:
            head = train_corpus_head(config_path, model, work, seed=seed,
                                     vectors=bool(overrides["paths.vectors"]),
                                     max_epochs=max_epochs, eval_frequency=50 if smoke else None)
        nlp = spacy.load(model)
        add_tokenizer_rules(nlp)
        use_tokenizer_from_disk(nlp)  # loading builds the special cases once, not twice
        add_org_ruler(nlp)
        if head is not None:  # after the ruler, which runs what is before it while loading
            nlp.add_pipe(CORPUS_HEAD, source=spacy.load(head))
        if GPE_RULER:
            add_gpe_ruler(nlp)
        nlp.meta.update({
            "name": MODEL_NAME,
            "version": "0.1.0",
            "description": "Warta Indonesian NER (PER/ORG/GPE/LOC), trained on "
                           "idner-news-2k, NER UI, NERGrit and NERP; see docs/MODELS.md",
            "license": "MIT (model); training data licences in docs/MODELS.md",
            "sources": [{"name": k, "sentences": v} for k, v in report.counts.items()],
            "warta": {"seed": seed, "train_seconds": round(time.time() - started),
                      "smoke": smoke},
        })
        write_pipeline(nlp, output_dir)
    (output_dir / "training.json").write_text(
        json.dumps({"counts": report.counts, "dropped": report.dropped}, indent=2) + "\n",
        encoding="utf-8")
    return output_dir


def main(argv: list[str] | None = None) -> None:
    """``python -m warta.train.ner [OUTPUT_DIR] [DATA_DIR]``: rebuild the shipped model."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ROOT / "warta" / "models" / "id_warta"
    data = Path(args[1]) if len(args) > 1 else ROOT.parent / "shared" / "data"
    print(train_ner(out, data))


if __name__ == "__main__":
    main()
