"""Where gold files find their texts: the Detik JSON Lines and the 2020 scrapes."""

from __future__ import annotations

import csv

import pytest

from warta.errors import MissingDataError
from warta.eval.sources import gold_sources, load_texts, scrapy_body, scrapy_texts


def test_scraped_body_gets_its_paragraphs_back():
    body = ('\n  PT Waskita Karya Tbk menerima Rp 6 triliun.,Mengutip keterangan WSKT, Selasa '
            '(30/6/2020), dana itu untuk tol.,"Kami bersyukur," ujar Ari.,\n ,\n')
    assert scrapy_body(body).split("\n") == [
        "PT Waskita Karya Tbk menerima Rp 6 triliun.",
        "Mengutip keterangan WSKT, Selasa (30/6/2020), dana itu untuk tol.",
        '"Kami bersyukur," ujar Ari.']


def test_commas_inside_a_sentence_and_in_numbers_stay():
    body = "Rupiah ditutup di Rp 14.210,50 pagi ini. Nilai tukar , (AS) turun.,Dolar menguat."
    assert scrapy_body(body).split("\n") == [
        "Rupiah ditutup di Rp 14.210,50 pagi ini. Nilai tukar , (AS) turun.", "Dolar menguat."]


@pytest.fixture()
def shared(tmp_path, monkeypatch):
    folder = tmp_path / "news" / "scrapy-4sites"
    folder.mkdir(parents=True)
    for site, bodies in {"detik": ["Satu.,Dua.", "Tiga."], "kompas": ["Empat."]}.items():
        with (folder / f"{site}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["judul", "berita"])
            writer.writerows([f"judul {i}", body] for i, body in enumerate(bodies))
    (tmp_path / "news" / "detik-dev.jsonl").write_text(
        '{"id": "detik-1", "text": "Lima.", "published": "6/30/2025 10:00"}\n', encoding="utf-8")
    monkeypatch.setenv("WARTA_SHARED_DATA", str(tmp_path))
    return tmp_path


def test_scraped_ids_are_site_and_row_and_only_the_readable_sites(shared):
    assert scrapy_texts(["s4-detik-0", "s4-detik-1", "s4-kompas-0", "s4-detik-9", "detik-1"]) == {
        "s4-detik-0": "Satu.\nDua.", "s4-detik-1": "Tiga."}


def test_gold_and_load_texts_read_both_sources(shared):
    gold = [{"id": "s4-detik-1"}, {"id": "detik-1"}]
    assert gold_sources(gold) == {"s4-detik-1": ("Tiga.", None),
                                  "detik-1": ("Lima.", "2025-06-30T10:00:00")}
    assert load_texts(ids=["s4-detik-0", "detik-1"]) == {"s4-detik-0": "Satu.\nDua.",
                                                         "detik-1": "Lima."}


def test_a_missing_scrape_is_a_clear_error(shared):
    (shared / "news" / "scrapy-4sites" / "detik.csv").unlink()
    with pytest.raises(MissingDataError, match="detik.csv"):
        scrapy_texts(["s4-detik-0"])
