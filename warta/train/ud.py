"""Universal Dependencies training: CoNLL-U → spaCy ``DocBin`` and ``train_ud``.

The UD components (morphologizer for UPOS + features, trainable lemmatizer,
dependency parser) share one CNN ``tok2vec_ud`` of their own, so they can be
sourced into the NER pipeline with ``nlp.add_pipe(name, source=ud_nlp)``
without touching the NER's ``tok2vec``.

Training and evaluation use *syntactic words*: since UD v2.9 the Indonesian
treebanks split the clitics ``-nya -lah -kah -pun -ku -mu`` off as words of
their own ("katanya" → "kata" + "nya"). The clitic special cases written into
the pipeline's tokenizer (:func:`clitic_special_cases`) make the tokenizer split
the same way at run time.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.symbols import ORTH
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from warta.train.output import write_pipeline
from warta.train.spacy_training import train_config

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "configs" / "ud.cfg"
MODEL_NAME = "warta_ud"

# Paths below the shared data directory.
CSUI_TRAIN = "ud/csui/id_csui-ud-train.conllu"
CSUI_TEST = "ud/csui/id_csui-ud-test.conllu"
GSD_DEV = "ud/gsd/id_gsd-ud-dev.conllu"
GSD_TEST = "ud/gsd/id_gsd-ud-test.conllu"
PUD_TEST = "ud/pud/id_pud-ud-test.conllu"
TEST_FILES = (CSUI_TEST, GSD_TEST)  # reported; never trained on

# Recipe of the delivered model (docs/MODELS.md, "Tagger, lemmatizer and parser").
USE_GSD_DEV = True
USE_PUD = True
# GSD lemmatises differently from CSUI and PUD ("nya" → "dia", "sebagai" kept whole,
# proper nouns lowercased): its lemmas are left out so the lemmatizer learns one style.
LEMMA_SOURCES: tuple[str, ...] = ("csui-train", "pud-test")
# Static vectors (optional): the shipped NER pipeline's, so one table would serve both
# tok2vecs of the assembled pipeline. Measured no gain with pretraining: off.
USE_VECTORS = False
VECTORS_FROM = ROOT / "warta" / "models" / "id_warta"
# Stage 1: tok2vec_ud pretrained as a tagger of the nlp-id POS corpus.
PRETRAIN = True
PRETRAIN_EPOCHS = 1
DEV_SENTENCES = 96  # held-out tail slice of CSUI train, for model selection only
SENTS_PER_DOC = 4  # several sentences per training Doc: the parser learns boundaries
SMOKE_SENTENCES = 200

CLITICS: tuple[str, ...] = ("nya", "lah", "kah", "pun", "ku", "mu")


@dataclass(frozen=True, slots=True)
class UdWord:
    """One syntactic word of a CoNLL-U sentence (``head`` is 1-based, 0 = root)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool


@dataclass(frozen=True, slots=True)
class UdSentence:
    sent_id: str
    text: str
    words: tuple[UdWord, ...]
    # Multiword tokens as (first word index, last word index, surface form), 0-based.
    mwts: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)

    @property
    def normal_form(self) -> str:
        """Lowercased text without non-word characters: the key for overlap checks."""
        return re.sub(r"\W", "", (self.text or "".join(w.form for w in self.words)).lower())


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: Path | str) -> list[UdSentence]:
    """Parse a CoNLL-U file; empty nodes (``1.1``) are skipped. Raises ``ValueError`` at
    a line that is not a comment and has not the ten columns (another format would
    otherwise read as an empty treebank)."""
    sentences: list[UdSentence] = []
    sent_id, text = "", ""
    words: list[UdWord] = []
    mwts: list[tuple[int, int, str]] = []
    mwt_space: dict[int, bool] = {}  # last word index of a MWT -> SpaceAfter of the MWT

    def flush() -> None:
        nonlocal sent_id, text, words, mwts, mwt_space
        if words:
            fixed = [
                UdWord(w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel,
                       mwt_space.get(i, w.space_after))
                for i, w in enumerate(words)
            ]
            sentences.append(UdSentence(sent_id, text, tuple(fixed), tuple(mwts)))
        sent_id, text, words, mwts, mwt_space = "", "", [], [], {}

    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                flush()
                continue
            if line.startswith("#"):
                if line.startswith("# sent_id = "):
                    sent_id = line[len("# sent_id = "):].strip()
                elif line.startswith("# text = "):
                    text = line[len("# text = "):]
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0][:1].isdigit():
                raise ValueError(f"{path}, line {number}: not a CoNLL-U word line (ten "
                                 f"tab-separated columns): {line[:40]!r}")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                first, last = (int(x) for x in cols[0].split("-"))
                mwts.append((first - 1, last - 1, cols[1]))
                # Words inside a MWT carry no SpaceAfter; the MWT line does.
                for i in range(first - 1, last - 1):
                    mwt_space[i] = False
                mwt_space[last - 1] = _space_after(cols[9])
                continue
            words.append(UdWord(
                form=cols[1], lemma=cols[2], upos=cols[3], xpos=cols[4],
                feats="" if cols[5] == "_" else cols[5],
                head=int(cols[6]) if cols[6].isdigit() else 0, deprel=cols[7],
                space_after=_space_after(cols[9]),
            ))
    flush()
    return sentences


def sentences_to_doc(vocab: Vocab, sentences: Sequence[UdSentence], *,
                     lemmas: bool = True) -> Doc:
    """One ``Doc`` over the gold syntactic words of ``sentences`` with all UD annotation.

    ``lemmas=False`` leaves lemmas unset, which the trainable lemmatizer treats as missing.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    tags: list[str] = []
    morphs: list[str] = []
    lemma_col: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool] = []
    for sent in sentences:
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            spaces.append(w.space_after)
            pos.append(w.upos if w.upos != "_" else "")
            tags.append(w.xpos if w.xpos != "_" else "")
            morphs.append(w.feats)
            lemma_col.append(w.lemma if lemmas else "")
            heads.append(offset + (w.head - 1 if w.head else i))
            deps.append("ROOT" if w.deprel == "root" else w.deprel)
            starts.append(i == 0)
    if spaces:
        spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, morphs=morphs,
               lemmas=lemma_col, heads=heads, deps=deps, sent_starts=starts)


def _chunks(items: Sequence[UdSentence], size: int) -> Iterator[Sequence[UdSentence]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass(slots=True)
class UdCorpusReport:
    counts: dict[str, int] = field(default_factory=dict)  # source -> sentences used
    dropped: dict[str, int] = field(default_factory=dict)  # source -> overlaps dropped
    dev: int = 0


def build_ud_corpora(data_dir: Path | str, out_dir: Path | str, *, use_gsd_dev: bool = USE_GSD_DEV,
                     use_pud: bool = USE_PUD, dev_sentences: int = DEV_SENTENCES,
                     max_sentences: int | None = None, sents_per_doc: int = SENTS_PER_DOC,
                     lemma_sources: Sequence[str] = LEMMA_SOURCES,
                     seed: int = 0) -> UdCorpusReport:
    """Write ``train.spacy`` and ``dev.spacy`` under ``out_dir``.

    Dev is the last ``dev_sentences`` of CSUI train. Training sentences whose
    normal form equals a test sentence (CSUI test, GSD test, and PUD when it is
    not trained on) are dropped, so reported test scores stay clean.
    """
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    held_out = set(TEST_FILES) | (set() if use_pud else {PUD_TEST})
    forbidden = {s.normal_form for rel in held_out if (data_dir / rel).exists()
                 for s in read_conllu(data_dir / rel)}
    report = UdCorpusReport()
    csui = read_conllu(data_dir / CSUI_TRAIN)
    dev = csui[len(csui) - dev_sentences:] if dev_sentences else []
    sources: list[tuple[str, list[UdSentence]]] = [("csui-train", csui[:len(csui) - len(dev)])]
    if use_gsd_dev:
        sources.append(("gsd-dev", read_conllu(data_dir / GSD_DEV)))
    if use_pud:
        sources.append(("pud-test", read_conllu(data_dir / PUD_TEST)))
    vocab = Vocab()
    train_docs: list[Doc] = []
    for name, sents in sources:
        kept = [s for s in sents if s.normal_form not in forbidden]
        report.dropped[name] = len(sents) - len(kept)
        if max_sentences is not None:
            kept = kept[:max_sentences]
        report.counts[name] = len(kept)
        with_lemmas = name in lemma_sources
        train_docs.extend(sentences_to_doc(vocab, chunk, lemmas=with_lemmas)
                          for chunk in _chunks(kept, sents_per_doc))
    random.Random(seed).shuffle(train_docs)
    if max_sentences is not None:
        dev = dev[:max(10, max_sentences // 5)]
    report.dev = len(dev)
    DocBin(docs=train_docs, store_user_data=False).to_disk(out_dir / "train.spacy")
    dev_docs = [sentences_to_doc(vocab, [s]) for s in dev]
    DocBin(docs=dev_docs, store_user_data=False).to_disk(out_dir / "dev.spacy")
    return report


# ---------------------------------------------------------------------------
# Optional pretraining of tok2vec_ud on the nlp-id POS corpus (training-only extra)
# ---------------------------------------------------------------------------

PRETAG_CONFIG = ROOT / "configs" / "ud_pretag.cfg"


def nlpid_postag_path() -> Path | None:
    """``dataset_postag.txt`` of the ``nlp-id`` package (news, 16 own tags), if installed."""
    return _nlpid_data("dataset_postag.txt")


def _nlpid_data(name: str) -> Path | None:
    # Located, not imported: with ``--no-deps`` the package's own imports (nltk) fail.
    try:
        spec = importlib.util.find_spec("nlp_id")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / name
    return path if path.exists() else None


def read_postag(path: Path | str) -> list[tuple[list[str], list[str]]]:
    """Sentences of ``word<TAB>tag`` lines; tags upper-cased (the file has one "vb")."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            parts = raw.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0]:
                words.append(parts[0])
                tags.append(parts[1].upper())
            elif words:
                sents.append((words, tags))
                words, tags = [], []
    if words:
        sents.append((words, tags))
    return sents


def build_pretag_corpora(out_dir: Path | str, data_dir: Path | str, *,
                         max_sentences: int | None = None, dev_sentences: int = 500,
                         seed: int = 0) -> dict[str, int]:
    """``train.spacy``/``dev.spacy`` of nlp-id tagged sentences (tags only).

    Sentences equal to a UD test sentence are dropped. Spaces are not in the
    corpus; every word gets one (the tagger does not look at whitespace).
    """
    path = nlpid_postag_path()
    if path is None:
        raise RuntimeError("nlp-id is not installed: pip install --no-deps nlp-id")
    out_dir, data_dir = Path(out_dir), Path(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    forbidden = {s.normal_form for rel in (*TEST_FILES, PUD_TEST) if (data_dir / rel).exists()
                 for s in read_conllu(data_dir / rel)}
    sents = [(w, t) for w, t in read_postag(path)
             if re.sub(r"\W", "", "".join(w).lower()) not in forbidden]
    random.Random(seed).shuffle(sents)
    dev, train = sents[:dev_sentences], sents[dev_sentences:]
    if max_sentences is not None:
        train = train[:max_sentences]
    vocab = Vocab()
    for name, part in (("train", train), ("dev", dev)):
        docs = [Doc(vocab, words=w, tags=t) for w, t in part]
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
    return {"train": len(train), "dev": len(dev), "dropped": len(read_postag(path)) - len(sents)}


# ---------------------------------------------------------------------------
# Clitics at run time: tokenizer special cases
# ---------------------------------------------------------------------------


def mwt_forms(sentences: Iterable[UdSentence]) -> tuple[Counter[str], Counter[str]]:
    """Lowercased surface forms seen split (MWT) and seen whole, ending in a clitic."""
    split: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    for sent in sentences:
        inside: set[int] = set()
        for first, last, form in sent.mwts:
            inside.update(range(first, last + 1))
            split[form.lower()] += 1
        for i, w in enumerate(sent.words):
            low = w.form.lower()
            if i not in inside and low.endswith(CLITICS) and len(low) > 3:
                whole[low] += 1
    return split, whole


def split_clitic(form: str) -> tuple[str, str] | None:
    """``("kata", "nya")`` for "katanya": the surface split into host and clitic."""
    low = form.lower()
    for clitic in CLITICS:
        if low.endswith(clitic) and len(low) > len(clitic) + 1:
            host = form[:-len(clitic)]
            if host[-1].isalpha() or host.endswith("-"):
                return host, form[-len(clitic):]
    return None


_WORD_RE = re.compile(r"[^\W\d_](?:[^\W_]|-)*[^\W\d_]")
RAW_TEXT_FILES = ("news/bppt-panl/train.csv", "news/bppt-panl/test.csv", "news/detik-dev.jsonl")


def _raw_words(data_dir: Path) -> Iterator[str]:
    """Words of the unlabelled news text and the NER corpora in the shared data."""
    for rel in RAW_TEXT_FILES:
        path = data_dir / rel
        if path.exists():
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    yield from _WORD_RE.findall(line)
    for path in sorted((data_dir / "ner").glob("*/*.conll")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield from _WORD_RE.findall(line.split("\t")[0])


def clitic_forms(data_dir: Path | str, train_sentences: Sequence[UdSentence]) -> list[str]:
    """Lowercased surface forms the tokenizer should split into host + clitic.

    Every form split in the UD training files, plus forms ending in a clitic in
    the shared news text and the nlp-id POS corpus when the host is a known word
    and the whole form is not (lexicon: nlp-id's lemma dictionary and root
    words; without nlp-id only the UD training forms are used). Forms the
    training files keep whole ("hanya", "masalah") are never split.
    """
    split, whole = mwt_forms(train_sentences)
    forms = set(split)
    lemma_path, roots_path = _nlpid_data("lemma_dict.json"), _nlpid_data("root-word.txt")
    postag = nlpid_postag_path()
    if lemma_path is None or roots_path is None or postag is None:
        return sorted(forms)
    known = set(json.loads(lemma_path.read_text(encoding="utf-8")))
    known.update(roots_path.read_text(encoding="utf-8").split())
    candidates = {w.lower() for w in _raw_words(Path(data_dir)) if w.lower().endswith(CLITICS)}
    for words, _tags in read_postag(postag):
        for prev, word in zip(words, words[1:], strict=False):
            if word.lower() in CLITICS:
                candidates.add((prev + word).lower())
    for form in candidates - forms - set(whole):
        parts = split_clitic(form)
        if parts and form not in known and parts[0].rstrip("-") in known:
            forms.add(form)
    return sorted(forms)


def clitic_special_cases(forms: Iterable[str]) -> dict[str, list[dict[int, str]]]:
    """Tokenizer special cases splitting each form (lower, Capitalised, UPPER)."""
    cases: dict[str, list[dict[int, str]]] = {}
    for form in forms:
        for variant in {form, form.capitalize(), form.upper()}:
            parts = split_clitic(variant)
            if parts:
                cases[variant] = [{ORTH: parts[0]}, {ORTH: parts[1]}]
    return cases


def add_clitic_special_cases(nlp: spacy.Language, forms: Iterable[str]) -> int:
    """Teach ``nlp.tokenizer`` to split the clitics of ``forms``; returns cases added."""
    cases = clitic_special_cases(forms)
    for text, tokens in cases.items():
        nlp.tokenizer.add_special_case(text, tokens)
    return len(cases)


def copy_clitic_special_cases(source: spacy.Language, target: spacy.Language) -> int:
    """Copy the clitic splits of a UD pipeline's tokenizer into another pipeline."""
    added = 0
    for text, tokens in source.tokenizer.rules.items():
        if len(tokens) == 2 and split_clitic(text) == (tokens[0][ORTH], tokens[1][ORTH]):
            target.tokenizer.add_special_case(text, tokens)
            added += 1
    return added


UD_COMPONENTS: tuple[str, ...] = ("tok2vec_ud", "morphologizer", "trainable_lemmatizer", "parser")


def add_ud_components(target: spacy.Language, ud_nlp: spacy.Language) -> list[str]:
    """Source the UD components of ``ud_nlp`` into ``target`` (e.g. the NER pipeline).

    Appends ``tok2vec_ud`` and its listeners, and copies the clitic special cases
    into ``target``'s tokenizer. Static vectors are copied when ``target`` has none;
    different vectors in both pipelines are an error (the UD tok2vec would read
    the wrong table).
    """
    source_vectors, target_vectors = ud_nlp.vocab.vectors, target.vocab.vectors
    if source_vectors.shape[0] and target_vectors.shape[0]:
        if source_vectors.to_bytes(exclude=["strings"]) != target_vectors.to_bytes(
                exclude=["strings"]):
            raise ValueError("target and UD pipelines have different static vectors")
    elif source_vectors.shape[0]:
        target.vocab.vectors = source_vectors
    added = [name for name in UD_COMPONENTS if name in ud_nlp.pipe_names]
    for name in added:
        target.add_pipe(name, source=ud_nlp)
    if "morphologizer" in added:
        # The sourced morphologizer keeps writing morph hashes of the UD vocab's
        # morphology table; register its analyses in the target's table too, or
        # ``token.morph`` comes out empty for analyses the target has never seen.
        for morph in target.get_pipe("morphologizer").cfg["labels_morph"].values():
            target.vocab.morphology.add(morph)
    copy_clitic_special_cases(ud_nlp, target)
    return added


# ---------------------------------------------------------------------------
# Training entry
# ---------------------------------------------------------------------------


def pretrain_ud_tok2vec(output_dir: Path | str, data_dir: Path | str, *,
                        max_sentences: int | None = None, max_epochs: int | None = None,
                        vectors: Path | str | None = None, seed: int = 0,
                        overrides: dict[str, object] | None = None) -> Path:
    """Stage 1: train ``tok2vec_ud`` + a tagger on the nlp-id POS corpus; returns the pipeline.

    :func:`train_ud` with ``pretrained=`` this directory sources its ``tok2vec_ud``.
    """
    output_dir = Path(output_dir)
    with tempfile.TemporaryDirectory(prefix="warta-pretag-") as tmp:
        work = Path(tmp)
        build_pretag_corpora(work, data_dir, max_sentences=max_sentences, seed=seed)
        opts: dict[str, object] = {"paths.train": str(work / "train.spacy"),
                                   "paths.dev": str(work / "dev.spacy"), "system.seed": seed}
        if max_epochs is not None:
            opts["training.max_epochs"] = max_epochs
        if vectors is not None:
            opts["paths.vectors"] = str(vectors)
            opts["components.tok2vec_ud.model.embed.include_static_vectors"] = True
        opts.update(overrides or {})
        train_config(PRETAG_CONFIG, work / "out", opts)
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(work / "out" / "model-last", output_dir)
    return output_dir


def encoder_overrides(config_path: Path | str, component: str = "tok2vec_ud") -> dict[str, object]:
    """``component``'s encoder block in ``config_path`` (architecture and every setting),
    as overrides of stage 1's ``tok2vec_ud``: the stage-1 encoder replaces the config's,
    so it must be built the same way."""
    from spacy.util import load_config

    encode = load_config(config_path, interpolate=False)["components"][component]["model"][
        "encode"]
    return {f"components.tok2vec_ud.model.encode.{key}": value for key, value in encode.items()}


def config_with_source(config_path: Path | str, pretrained: Path | str, work: Path, *,
                       component: str = "tok2vec_ud", source_component: str = "tok2vec_ud"
                       ) -> Path:
    """A copy of ``config_path`` whose ``component`` is ``source_component`` of the stage-1
    pipeline ``pretrained`` (written into ``work``)."""
    from spacy.util import load_config

    cfg = load_config(config_path, interpolate=False)
    cfg["components"][component] = {"source": str(pretrained), "component": source_component}
    # Listener widths refer to the replaced block; pin them to the pretrained width.
    width = spacy.load(pretrained).get_pipe(source_component).model.get_dim("nO")
    for block in cfg["components"].values():
        tok2vec = block.get("model", {}).get("tok2vec", {})
        if tok2vec.get("upstream") in (component, "*"):
            tok2vec["width"] = width
    out = work / f"{Path(config_path).stem}_pretrained.cfg"
    cfg.to_disk(out)
    return out


_clitic_forms = clitic_forms  # train_ud's parameter of the same name shadows it


def train_ud(output_dir: Path | str, data_dir: Path | str, *, max_sentences: int | None = None,
             max_epochs: int | None = None, seed: int = 0, config: Path | str | None = None,
             use_pud: bool = USE_PUD, pretrained: Path | str | bool | None = None,
             vectors: Path | str | bool | None = None,
             clitic_forms: Iterable[str] | None = None,
             overrides: dict[str, object] | None = None) -> Path:
    """Train the UD pipeline into ``output_dir`` and return it.

    Smoke mode (``max_sentences`` ≤ 2000): a few hundred sentences per source and
    frequent evaluation, for tests, with neither pretraining nor vectors.
    ``pretrained`` is a stage-1 pipeline from :func:`pretrain_ud_tok2vec` whose
    ``tok2vec_ud`` starts the training; ``None`` runs stage 1 here when
    :data:`PRETRAIN` and nlp-id is installed; ``False`` skips it. ``vectors`` is a
    spaCy pipeline directory with static vectors; ``None`` takes those of
    :data:`VECTORS_FROM` when :data:`USE_VECTORS`; ``False`` trains without.
    ``clitic_forms`` are written into the tokenizer as special cases; by default
    the MWT forms of the training files.
    """
    output_dir, data_dir = Path(output_dir), Path(data_dir)
    config_path = Path(config) if config else CONFIG
    smoke = max_sentences is not None and max_sentences <= 2000
    started = time.time()
    if vectors is None:
        vectors = (USE_VECTORS and not smoke and (VECTORS_FROM / "config.cfg").exists()
                   and VECTORS_FROM)
    with tempfile.TemporaryDirectory(prefix="warta-ud-") as tmp:
        work = Path(tmp)
        if pretrained is None:
            pretrained = PRETRAIN and not smoke and nlpid_postag_path() is not None
        if pretrained is True:
            pretrained = pretrain_ud_tok2vec(work / "pretag", data_dir, seed=seed,
                                             max_epochs=PRETRAIN_EPOCHS, vectors=vectors or None,
                                             overrides=encoder_overrides(config_path))
        report = build_ud_corpora(data_dir, work, use_pud=use_pud, max_sentences=max_sentences,
                                  seed=seed)
        opts: dict[str, object] = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
        }
        if max_epochs is not None:
            opts["training.max_epochs"] = max_epochs
        if smoke:
            opts["training.eval_frequency"] = 50
        if vectors:
            opts["paths.vectors"] = str(vectors)
            if not pretrained:  # a sourced tok2vec_ud brings its own setting
                opts["components.tok2vec_ud.model.embed.include_static_vectors"] = True
        opts.update(overrides or {})
        if pretrained:
            config_path = config_with_source(config_path, pretrained, work)
        train_config(config_path, work / "out", opts)
        best = work / "out" / "model-best"
        nlp = spacy.load(best if best.exists() else work / "out" / "model-last")
        if clitic_forms is None:
            train_sents = read_conllu(data_dir / CSUI_TRAIN) + read_conllu(data_dir / GSD_DEV)
            if use_pud:
                train_sents += read_conllu(data_dir / PUD_TEST)
            clitic_forms = (_clitic_forms(data_dir, train_sents) if not smoke
                            else list(mwt_forms(train_sents)[0]))
        n_cases = add_clitic_special_cases(nlp, clitic_forms)
        nlp.meta.update({
            "name": MODEL_NAME,
            "version": "0.1.0",
            "description": "Warta Indonesian UPOS/features, lemmas and dependencies (UD v2 "
                           "conventions, clitics split); see docs/MODELS.md",
            "license": "CC BY-SA 4.0 (trained on UD Indonesian CSUI, GSD, PUD)",
            "sources": [{"name": k, "sentences": v} for k, v in report.counts.items()],
            "warta": {"seed": seed, "train_seconds": round(time.time() - started),
                      "smoke": smoke, "clitic_special_cases": n_cases,
                      "pretrained_tok2vec": bool(pretrained), "vectors": bool(vectors)},
        })
        write_pipeline(nlp, output_dir)
    (output_dir / "training.json").write_text(
        json.dumps({"counts": report.counts, "dropped": report.dropped, "dev": report.dev},
                   indent=2) + "\n", encoding="utf-8")
    return output_dir


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m warta.train.ud OUTPUT_DIR [DATA_DIR]``: the delivered recipe."""
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        raise SystemExit("usage: python -m warta.train.ud OUTPUT_DIR [DATA_DIR]")
    data = Path(args[1]) if len(args) > 1 else ROOT.parent / "shared" / "data"
    print(train_ud(args[0], data))


if __name__ == "__main__":
    main()
