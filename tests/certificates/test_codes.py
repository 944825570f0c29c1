import math

import pytest

from certificates.codes import ALPHABET, LENGTH, code_display, code_generate, code_normalise


def test_a_code_carries_at_least_128_random_bits():
    assert LENGTH * math.log2(len(ALPHABET)) >= 128
    codes = {code_generate() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)


def test_the_alphabet_has_no_characters_that_are_easily_confused():
    assert not set("01OILUV") & set(ALPHABET)


def test_a_code_is_shown_in_groups_of_four():
    code = code_generate()
    shown = code_display(code)
    assert shown.split("-") == [code[i : i + 4] for i in range(0, LENGTH, 4)]


@pytest.mark.parametrize(
    "typed",
    [
        lambda c: code_display(c),
        lambda c: code_display(c).lower(),
        lambda c: code_display(c).replace("-", " "),
        lambda c: f"  {code_display(c)} ",
        lambda c: c.lower(),
        lambda c: code_display(c).replace("-", "–"),  # an en dash from a word processor
    ],
)
def test_lookups_ignore_case_spaces_and_dashes(typed):
    code = code_generate()
    assert code_normalise(typed(code)) == code


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "ABCD", "O" * LENGTH, "2" * (LENGTH + 1), "2" * (LENGTH - 1), "é" * LENGTH, None],
)
def test_anything_else_is_not_a_code(typed):
    assert code_normalise(typed) is None
