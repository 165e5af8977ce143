"""Text files in the single-byte encodings French documents come in."""

import time

import pytest

from faisse.plans.importer.reading import decode

TEXT = (
    "Axe 1 : Développer l’économie du territoire\n"
    "Orientation 1.1 : Soutenir l’œuvre des entreprises, pour 3 € par habitant\n"
    "Objectif 1.1.1 : Être à l’écoute — « ensemble » à Alès\n"
)


@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman"])
def test_a_western_encoding_is_found_with_its_curly_quotes_ligatures_and_euro(encoding):
    assert decode(TEXT.encode(encoding)) == TEXT


def test_iso_8859_15_keeps_its_ligature_and_euro():
    text = TEXT.replace("’", "'").replace("—", "-")
    assert decode(text.encode("iso8859_15")) == text


@pytest.mark.parametrize("encoding", ["latin_1", "cp850"])
def test_encodings_without_euro_or_ligatures_are_read(encoding):
    text = TEXT.replace("’", "'").replace("œ", "oe").replace("€", "euros").replace("—", "-")
    assert decode(text.encode(encoding)) == text


def test_utf8_and_its_bom_still_come_first():
    assert decode(TEXT.encode()) == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode()) == TEXT


def test_a_large_cp1252_file_is_decoded_quickly():
    data = (TEXT * 20_000).encode("cp1252")  # 3 MB
    start = time.perf_counter()
    assert decode(data).count("l’œuvre") == 20_000
    assert time.perf_counter() - start < 3
