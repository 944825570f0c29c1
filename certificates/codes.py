"""Verification codes: random, at least 128 bits, easy to read aloud and type.

The alphabet leaves out characters that are easily confused (0/O, 1/I/L, U/V),
so a code read from paper is typed correctly. The database stores the bare
code; people see it in groups of four, and lookups ignore case, spaces and
dashes.
"""

import math
import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
RANDOM_BYTES = 17  # 136 bits
LENGTH = math.ceil(RANDOM_BYTES * 8 / math.log2(len(ALPHABET)))
GROUP = 4
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")
_VALID = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")


def code_generate() -> str:
    """A new code: ``RANDOM_BYTES`` from the OS's CSPRNG, written in ``ALPHABET``."""
    number = int.from_bytes(secrets.token_bytes(RANDOM_BYTES), "big")
    digits = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        digits.append(ALPHABET[index])
    return "".join(digits)


def code_normalise(text: str) -> str | None:
    """The stored form of a code someone typed, or None if it cannot be one."""
    bare = _SEPARATORS.sub("", text or "").upper()
    return bare if _VALID.fullmatch(bare) else None


def code_display(code: str) -> str:
    """``code`` in groups of four, as printed: ``ABCD-EFGH-...``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
