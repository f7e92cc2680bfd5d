"""How a number was WRITTEN: its significant figures and decimal places, as STACK counts them.

`0.0120` has 3 significant figures, `10.0` has 3, `1.20e3` has 3, and `1200` has 2 to 4 (its
trailing zeros may or may not be significant). Only a plain numeral has figures: `pi`, `1/3`
and `2^10` have none, so they never answer "give 4 significant figures".
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_SEPARATORS = re.compile(r",|\{,\}|\\,|\\ |(?<=\d) (?=\d{3})")
_NUMERAL = re.compile(
    r"\$?\s*(?P<sign>[+-]?)\s*(?P<digits>\d*\.?\d*)\s*"
    r"(?:[eE](?P<e>[+-]?\d+)|(?:\\times|\\cdot|\*|×|·|x)\s*10\s*\^\s*\{?\s*(?P<power>[+-]?\d+)\s*\}?)?\s*\$?"
)


@dataclass(frozen=True)
class Numeral:
    value: Decimal
    figures: tuple[int, int]  # fewest and most significant figures the writing allows
    places: int | None  # digits after the point; None in scientific notation


def numeral(text: str) -> Numeral | None:
    """The numeral `text` is, or None when it is not one (arithmetic, a constant, a symbol)."""
    found = _NUMERAL.fullmatch(_SEPARATORS.sub("", text.strip()))
    if found is None or not any(char.isdigit() for char in found["digits"]):
        return None
    digits, exponent = found["digits"], found["e"] or found["power"]
    try:
        value = Decimal(found["sign"] + digits) * (Decimal(10) ** int(exponent or 0))
    except InvalidOperation:
        return None
    places = None if exponent else (len(digits.partition(".")[2]) if "." in digits else 0)
    return Numeral(value, _figures(digits), places)


def _figures(digits: str) -> tuple[int, int]:
    significant = digits.replace(".", "").lstrip("0")
    if not significant:  # zero: `0.00` is written to its places, one figure
        return (1, 1)
    if "." in digits:
        return (len(significant), len(significant))
    trailing = len(significant) - len(significant.rstrip("0"))
    return (len(significant) - trailing, len(significant))


def round_figures(value: float, figures: int) -> Decimal:
    """`value` correctly rounded (half away from zero) to `figures` significant figures."""
    exact = Decimal(repr(value))
    if exact == 0:
        return exact
    quantum = Decimal(1).scaleb(exact.adjusted() - figures + 1)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def round_places(value: float, places: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
