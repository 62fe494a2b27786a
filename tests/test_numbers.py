"""Vietnamese numbers, money and words: a table of cases from domain.md §2."""

import pytest

from macros.numbers import format_money, format_number, money_in_words, number_in_words

WORDS = [
    (0, "không"),
    (1, "một"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (25, "hai mươi lăm"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (1001, "một nghìn không trăm linh một"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_010_000, "một triệu không trăm mười nghìn"),
    (1_000_010, "một triệu không trăm mười"),
    (2_500_000, "hai triệu năm trăm nghìn"),
    (5_000_000, "năm triệu"),
    (5_025_110, "năm triệu không trăm hai mươi lăm nghìn một trăm mười"),
    (50_000_000, "năm mươi triệu"),
    (1_000_000_000, "một tỷ"),
    (2_001_000_000, "hai tỷ không trăm linh một triệu"),
    (1_000_005_000_000, "một nghìn tỷ không trăm linh năm triệu"),
]


@pytest.mark.parametrize("n,words", WORDS)
def test_number_in_words(n, words):
    assert number_in_words(n) == words


@pytest.mark.parametrize("n,text", [(0, "0"), (999, "999"), (1000, "1.000"), (50_000_000, "50.000.000"),
                                    (1_234_567, "1.234.567")])
def test_grouping(n, text):
    assert format_number(n) == text


def test_money_forms():
    assert format_money(5_000_000) == "5.000.000đ"
    assert format_money(50_000_000, "long") == "50.000.000 đồng"
    assert money_in_words(50_000_000) == "Năm mươi triệu đồng chẵn"
    assert money_in_words(1_005_000) == "Một triệu không trăm linh năm nghìn đồng chẵn"
    assert money_in_words(1_234_567) == "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"


@pytest.mark.parametrize("bad", [-1, 1.5, True, "5"])
def test_words_reject_non_whole_numbers(bad):
    with pytest.raises(ValueError):
        number_in_words(bad)
