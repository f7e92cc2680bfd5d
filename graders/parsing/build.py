"""Third step: the grammar's rules build Terms, checking every limit as each node is made.

Runs inside Lark's LALR parser (one callback per rule, no recursion), so a deep answer is
refused as soon as it gets too deep rather than after a tree of it exists.
"""
from __future__ import annotations

import math
from contextvars import ContextVar
from dataclasses import dataclass, replace
from itertools import pairwise

from lark import Token, Transformer, v_args

from graders.parsing import builtins, forms, steps
from graders.parsing.builtins import Value
from graders.parsing.errors import LimitExceeded, ParseError
from graders.parsing.evaluate import apply
from graders.parsing.limits import Limits
from graders.parsing.node import Node, NodeKind
from graders.parsing.normalize import Normalised
from graders.parsing.terms import Op, Term
from graders.parsing.text import to_text
from graders.parsing.vocabulary import Vocabulary

_FOLDED = {"num", "const", "add", "mul", "div", "pow", "neg", "call", "root", "abs"}


@dataclass(frozen=True)
class Context:
    source: Normalised
    vocabulary: Vocabulary
    limits: Limits


CONTEXT: ContextVar[Context] = ContextVar("parse_context")


def _error(message: str, position: int, kind: type[ParseError] = ParseError) -> ParseError:
    return CONTEXT.get().source.error(message, position, kind)


def _at(token: Token) -> int:
    """Where a token starts: our lexer places every token (Lark types the position as optional)."""
    return token.start_pos or 0


def make(op: Op, args: tuple[Term, ...], value: object = None, pos: int = 0,
         latex: str | None = None) -> Term:
    """A Term with its depth checked and its value folded when it has no names."""
    limits = CONTEXT.get().limits
    depth = 1 + max((arg.depth for arg in args), default=0)
    if depth > limits.max_depth:
        raise _error(f"expression is nested too deeply (limit {limits.max_depth})", pos, LimitExceeded)
    term = Term(op, args, value, latex, depth, None, pos)
    if op not in _FOLDED or any(arg.const is None for arg in args) or op in ("num", "const") or _opaque(op, value):
        return term
    folded = apply(term, [arg.const for arg in args])
    return replace(term, const=_checked_constant(folded, term))


def _opaque(op: Op, value: object) -> bool:
    """A declared function without a definition (`D(2)`, `softmax(2)`) has no scalar value here: its kind gives it one."""
    return op is Op.CALL and isinstance(value, tuple) and value[2] is None and value[0] not in builtins.BUILTINS


def _checked_constant(folded: Value, term: Term) -> float | None:
    if isinstance(folded, complex):  # only real constants fold (`i` never does): left to SymPy too
        return None
    value = float(folded)
    if math.isnan(value):
        return None  # e.g. sqrt(-1): left to SymPy, which reads it exactly
    if math.isinf(value) or abs(value) > 10.0 ** CONTEXT.get().limits.max_magnitude:
        raise _error(f"the number {to_text(term)} is too large or undefined", term.pos, LimitExceeded)
    return value


@v_args(inline=True)
class Builder(Transformer):
    """One short method per grammar rule."""

    # --- atoms ------------------------------------------------------------------------------
    def number(self, token: Token) -> Term:
        limits = CONTEXT.get().limits
        mantissa, _, exponent = token.value.lower().partition("e")
        if sum(char.isdigit() for char in mantissa) > limits.max_digits:
            raise _error(f"number has too many digits (limit {limits.max_digits})", _at(token), LimitExceeded)
        if exponent and abs(int(exponent)) > limits.max_magnitude:
            raise _error(f"number {token.value} is too large (limit 1e{limits.max_magnitude})",
                         _at(token), LimitExceeded)
        return Term(Op.NUM, value=token.value, const=float(token.value), pos=_at(token))

    def name(self, token: Token) -> Term:
        name = token.value
        return Term(Op.NAME, value=name.canonical, latex=name.latex, pos=_at(token))

    def const(self, token: Token) -> Term:
        value = {"e": math.e, "pi": math.pi}.get(token.value)
        return Term(Op.CONST, value=token.value, const=value, pos=_at(token))

    def abs(self, inner: Term) -> Term:
        return make(Op.ABS, (inner,), pos=inner.pos)

    def frac(self, token: Token, top: Term, bottom: Term) -> Term:
        if token.value == "binom":  # `\\binom{n}{k}` is written, and lexed, as \\frac is
            return make(Op.CALL, (top, bottom), ("binom", 0, None), _at(token))
        return make(Op.DIV, (top, bottom), "frac", _at(token))

    def sqrt(self, token: Token, index: Term | None, radicand: Term) -> Term:
        return make(Op.ROOT, (radicand,) if index is None else (radicand, index), pos=_at(token))

    def fpow(self, token: Token, exponent: Term) -> Term:
        _check_exponent(exponent)
        return exponent

    def call(self, token: Token, prime: Token | None, power: Term | None,
             arguments: Term | tuple[Term, ...]) -> Term:
        function, order = token.value, len(prime.value) if prime else 0
        if power is not None and power.const == -1 and function in builtins.INVERSES:
            function, power = builtins.INVERSES[function], None
        arguments = arguments if isinstance(arguments, tuple) else (arguments,)
        if function.startswith("log_"):  # `\log_{2} x`: the base is the second argument
            function, arguments = "log", (*arguments, _base(function[4:], _at(token)))
        if function == "factorial" and len(arguments) == 1:
            return self.factorial(arguments[0], token)
        definition = _definition(function)
        _check_arity(function, definition is not None, len(arguments), _at(token))
        unsupported = (definition is None and not builtins.has_derivative(function)) or len(arguments) > 1
        if prime is not None and order and unsupported:
            raise _error(f"the derivative of {function} is not supported", _at(prime))
        if prime is not None and order > 3:
            raise _error("at most three primes", _at(prime))
        term = make(Op.CALL, arguments, (function, order, definition), _at(token))
        return term if power is None else make(Op.POW, (term, power), "function", _at(token))

    def factorial(self, argument: Term, token: Token) -> Term:
        limits = CONTEXT.get().limits
        limit = limits.max_factorial
        value = argument.const
        if value is None and limits.symbolic_factorial:
            return make(Op.FACT, (argument,), pos=argument.pos)
        if value is None or value < 0 or value != int(value) or value > limit:
            raise _error(f"factorial needs a whole number from 0 to {limit}", argument.pos, LimitExceeded)
        return make(Op.FACT, (argument,), pos=argument.pos)

    # --- operators --------------------------------------------------------------------------
    def add(self, left: Term, operator: Token, right: Term) -> Term:
        sign = "-" if operator.value == "-" else "+"
        if left.op == "add":
            return make(Op.ADD, (*left.args, right), (*left.value, sign), left.pos)
        return make(Op.ADD, (left, right), ("+", sign), left.pos)

    def mul(self, left: Term, operator: Token, right: Term) -> Term:
        if left.op == "mul":
            return make(Op.MUL, (*left.args, right), (*left.value, operator.value), left.pos)
        return make(Op.MUL, (left, right), ("", operator.value), left.pos)

    def implicit(self, left: Term, right: Term) -> Term:
        if right.op == "num":
            raise _error(f"unexpected number '{right.value}' (write * between numbers)", right.pos)
        return self.mul(left, Token("STAR", ""), right)

    def div(self, left: Term, operator: Token, right: Term) -> Term:
        return make(Op.DIV, (left, right), "/", left.pos)

    def percent(self, value: Term, token: Token) -> Term:
        hundred = Term(Op.NUM, value="100", const=100.0, pos=_at(token))
        return make(Op.DIV, (value, hundred), "percent", value.pos)

    def neg(self, operator: Token, inner: Term) -> Term:
        return make(Op.NEG, (inner,), pos=_at(operator))

    def pos(self, operator: Token, inner: Term) -> Term:
        return inner

    def pow(self, base: Term, operator: Token, exponent: Term) -> Term:
        _check_exponent(exponent)
        return make(Op.POW, (base, exponent), pos=base.pos)

    # --- targets ----------------------------------------------------------------------------
    def expression_target(self, *parts: Term | Token) -> Node:
        sides = [part for part in parts if isinstance(part, Term)]
        links = [part.value for part in parts if isinstance(part, Token)]
        return Node(NodeKind.EXPR, (sides[0] if len(sides) == 1 else forms.settle(sides, links, _error),))

    def equation_target(self, left: Term, equal: Token, right: Term) -> Node:
        return Node(NodeKind.EQUATION, (left, right))

    def alternatives(self, *parts: Term | Token) -> Node:
        """`a = 0 or b = 0` is `(a - 0)(b - 0) = 0`: the union of the solution sets."""
        sides = [part for part in parts if isinstance(part, Term)]
        return _either(list(zip(sides[::2], sides[1::2], strict=True)))

    def solution_list(self, *parts: Term | Token) -> Node:
        """`x = 2, x = -2`: the solutions of one unknown (with other left sides it could be a system: refused)."""
        sides = [part for part in parts if isinstance(part, Term)]
        if len({to_text(left) for left in sides[::2]}) > 1:
            raise _error("equations separated by commas must give values of one unknown; write 'or' between "
                         "alternatives", sides[2].pos)
        return self.alternatives(*sides)

    def equation_plus_minus(self, left: Term, equal: Token, *values: Term | Token) -> Node:
        """`x = \\pm 2`, `x = 1 \\pm \\sqrt{2}`: x = 1 - sqrt(2) or x = 1 + sqrt(2)."""
        return _either([(left, value) for value in self.plus_minus(*values)])

    def order(self, factor: Term | None, star: Token | None, token: Token, inner: Term) -> tuple[str, Term]:
        """`d \\cdot O(f)` is O(d f): a factor outside the order multiplies what is inside."""
        return token.value, inner if factor is None else self.mul(factor, star or Token("STAR", ""), inner)

    def bigo(self, *parts: tuple[str, Term] | Token) -> Node:
        """`O(f) + O(g)` is O(f + g), when every order is the same kind of bound."""
        orders = [part for part in parts if isinstance(part, tuple)]
        operators = {operator for operator, _ in orders}
        if len(operators) > 1:
            raise _error(f"a sum of different bounds ({', '.join(sorted(operators))}) is not one bound", 0)
        terms = [term for _, term in orders]
        total = terms[0] if len(terms) == 1 else make(Op.ADD, tuple(terms), ("+",) * len(terms), terms[0].pos)
        return Node(NodeKind.BIGO, (total,), bigo_operator=orders[0][0])

    def bare_bigo(self, term: Term) -> Node:
        return Node(NodeKind.BIGO, (term,))

    def items(self, *terms: Term) -> tuple[Term, ...]:
        return terms

    def tuple_(self, *parts: Term | tuple[Term, ...]) -> Node:
        terms = parts[0] if len(parts) == 1 and isinstance(parts[0], tuple) else parts
        return Node(NodeKind.TUPLE, tuple(terms))

    def shape(self, *parts: Term | Token) -> Node:
        return Node(NodeKind.TUPLE, tuple(part for part in parts if isinstance(part, Term)))

    def set_target(self, node: Node) -> Node:
        return node

    def relation(self, left: Term, first: Token, middle: Term, second: Token | None,
                 right: Term | None) -> Node:
        if second is None:
            return Node(NodeKind.RELATION, (left, middle), (first.value,))
        return Node(NodeKind.RELATION, (left, middle, right), (first.value, second.value))

    def conjunction(self, *parts: Node | Token) -> Node:
        """`x >= 52 and x < 55`, `x < -1 or x > 1`: one relation whose chain breaks at each "and" or "or"
        ("and" binds tighter); a comma is "and"."""
        relations = [part for part in parts if isinstance(part, Node)]
        links = ["or" if isinstance(before, Token) and before.type == "OR" else "and"
                 for before, part in pairwise(parts) if isinstance(part, Node)]
        terms = tuple(term for relation in relations for term in relation.parts)
        operators = sum(((*relation.meta, link) for relation, link in zip(relations, [*links, ""], strict=True)), ())
        return Node(NodeKind.RELATION, terms, operators[:-1])

    def plus_minus(self, *parts: Term | Token) -> tuple[Term, ...]:
        terms = [part for part in parts if isinstance(part, Term)]
        if len(terms) == 1:  # `±x`
            spread = terms[0]
            return make(Op.NEG, (spread,), pos=spread.pos), spread
        centre, spread = terms
        return tuple(make(Op.ADD, (centre, spread), ("+", sign), centre.pos) for sign in "-+")

    def labelled(self, label: Token, equal: Token, values: Term | tuple[Term, ...]) -> tuple[str, tuple[Term, ...]]:
        return label.value.canonical, values if isinstance(values, tuple) else (values,)

    def solution(self, values: Term | tuple[Term, ...]) -> tuple[str | None, tuple[Term, ...]]:
        return None, values if isinstance(values, tuple) else (values,)

    def solutions(self, *parts: tuple | Token) -> Node:
        """A finite set of values; meta holds the variable each was stated for (None: unstated)."""
        found = [part for part in parts if isinstance(part, tuple)]
        terms = tuple(term for _, values in found for term in values)
        labels = tuple(label for label, values in found for _ in values)
        return Node(NodeKind.SET, terms, labels)

    def membership(self, element: Term, node: Node) -> Node:
        return node

    def union(self, left: Node, operator: Token, right: Node) -> Node:
        """`A \\cup B \\setminus C`, left to right; meta holds the operator before each part after the first."""
        if left.kind != "union":
            left = Node(NodeKind.UNION, (left,))
        return Node(NodeKind.UNION, (*left.parts, right), (*left.set_operators, operator.value))

    def set_items(self, *items: Term | Token) -> tuple[Term, ...]:
        terms = tuple(item for item in items if isinstance(item, Term))
        dots = [(index, item) for index, item in enumerate(items) if isinstance(item, Token)]
        if not dots:
            return terms
        index, token = dots[0]
        if len(dots) > 1 or index < 2 or index != len(items) - 2:
            raise _error("write '\\dots' once, after two elements and before the last", _at(token))
        *before, first, second, last = terms
        return (*before, *_progression(first, second, last, _at(token)))

    def finite_set(self, items: tuple[Term, ...] | None) -> Node:
        return Node(NodeKind.SET, items or ())

    def open_open(self, low: Term, high: Term) -> Node:
        return Node(NodeKind.INTERVAL, (low, high), (False, False))

    def open_closed(self, low: Term, high: Term) -> Node:
        return Node(NodeKind.INTERVAL, (low, high), (False, True))

    def closed_open(self, low: Term, high: Term) -> Node:
        return Node(NodeKind.INTERVAL, (low, high), (True, False))

    def closed_closed(self, low: Term, high: Term) -> Node:
        return Node(NodeKind.INTERVAL, (low, high), (True, True))

    def empty(self, token: Token) -> Node:
        return Node(NodeKind.SET, ())

    def reals(self, token: Token) -> Node:
        infinity = Term(Op.CONST, value="inf")
        return Node(NodeKind.INTERVAL, (Term(Op.NEG, (infinity,)), infinity), (False, False))

    def matrix_target(self, scale: tuple[Token | None, Term | None] | None, node: Node,
                      transpose: Token | None) -> Node:
        """A flat list is a column whether transposed or not: `[1, 2, 3]^T` is the column it names."""
        rows = node.parts
        if transpose is not None and node.meta != ("vector",):
            rows = tuple(zip(*rows, strict=True))
        if scale is not None:
            rows = tuple(tuple(_scaled(scale, entry) for entry in row) for row in rows)
        return Node(NodeKind.MATRIX, rows)

    def scale(self, *parts: Term | Token | None) -> tuple[Token | None, Term | None]:
        """The scalar before a matrix (`-`, `2`, `-\\frac{1}{2}`, `\\sqrt{3} *`): its sign and its factor."""
        minus = next((part for part in parts if isinstance(part, Token) and part.type == "MINUS"), None)
        return minus, next((part for part in parts if isinstance(part, Term)), None)

    def diagonal(self, token: Token, items: tuple[Term, ...]) -> Node:
        """`diag(1, 2, 3)`: the square matrix with these entries on its diagonal."""
        limit = MAX_DIAGONAL
        if len(items) > limit:
            raise _error(f"a diagonal matrix of at most {limit} entries", _at(token), LimitExceeded)
        zero = Term(Op.NUM, value="0", const=0.0, pos=_at(token))
        return Node(NodeKind.MATRIX, tuple(tuple(item if row == column else zero for column in range(len(items)))
                                           for row, item in enumerate(items)))

    def mrow(self, *terms: Term) -> tuple[Term, ...]:
        return terms

    def brow(self, items: tuple[Term, ...]) -> tuple[Term, ...]:
        return items

    def matrix(self, *parts: tuple[Term, ...] | Token | None) -> Node:
        rows = tuple(part for part in parts if isinstance(part, tuple))
        if len({len(row) for row in rows}) != 1:
            raise _error("every row of a matrix needs the same number of entries", 0)
        return Node(NodeKind.MATRIX, rows)

    def bounds(self, token: Token, variable: Token, equal: Token, low: Term, power: Token, high: Term) -> tuple:
        return token, variable.value.canonical, low, high

    def bounds_upper_first(self, token: Token, power: Token, high: Term, variable: Token, equal: Token,
                           low: Term) -> tuple:
        return self.bounds(token, variable, equal, low, power, high)

    def big_operator(self, bounds: tuple, operand: Term) -> Term:
        token, variable, low, high = bounds
        return _big_operator(token.value, variable, operand, low, high, _at(token))

    def big_operator_call(self, token: Token, operand: Term, variable: Token, low: Term, high: Term) -> Term:
        return _big_operator(token.value, variable.value.canonical, operand, low, high, _at(token))

    def determinant(self, token: Token, *parts: tuple[Term, ...] | Token | None) -> Term:
        rows = tuple(part for part in parts if isinstance(part, tuple))
        if any(len(row) != len(rows) for row in rows) or len(rows) > MAX_DETERMINANT:
            raise _error(f"a determinant needs a square matrix of at most {MAX_DETERMINANT} rows", _at(token))
        return _expanded_determinant(rows, _at(token))

    def vector(self, items: tuple[Term, ...]) -> Node:
        return Node(NodeKind.MATRIX, tuple((item,) for item in items), ("vector",))


def _scaled(scale: tuple[Token | None, Term | None], entry: Term) -> Term:
    minus, factor = scale
    entry = entry if factor is None else make(Op.MUL, (factor, entry), ("", "*"), entry.pos)
    return entry if minus is None else make(Op.NEG, (entry,), pos=_at(minus))


def _either(equations: list[tuple[Term, Term]]) -> Node:
    """`l1 = r1 or l2 = r2 ...` as `(l1 - r1)(l2 - r2)... = 0`."""
    factors = tuple(make(Op.ADD, (left, right), ("+", "-"), left.pos) for left, right in equations)
    zero = Term(Op.NUM, value="0", const=0.0)
    product = make(Op.MUL, factors, ("",) + ("*",) * (len(factors) - 1), factors[0].pos)
    return Node(NodeKind.EQUATION, (product, zero))


def _progression(first: Term, second: Term, last: Term, pos: int) -> tuple[Term, ...]:
    """`1, 2, \\dots, 10` listed: numbers only, a nonzero step that reaches the last element."""
    start, following, stop = first.const, second.const, last.const
    if start is None or following is None or stop is None:
        raise _error("'\\dots' needs numbers around it, as in 1, 2, \\dots, 10", pos)
    step = following - start
    count = round((stop - start) / step) + 1 if step else 0
    limit = CONTEXT.get().limits.max_terms
    if step == 0 or count < 2 or count > limit or not math.isclose(start + (count - 1) * step, stop, abs_tol=1e-9):
        raise _error(f"'\\dots' must step from {first.value} by the same amount to its last element "
                     f"(at most {limit} of them)", pos)
    return tuple(Term(Op.NUM, value=format(start + index * step, ".15g"), const=start + index * step, pos=pos)
                 for index in range(count))


def _big_operator(kind: str, variable: str, operand: Term, low: Term, high: Term, pos: int) -> Term:
    """A sum or product over whole numbers from `low` to `high`; refused when it could not end."""
    limit = CONTEXT.get().limits.max_terms
    for bound in (low, high):
        if variable in bound.names():
            raise _error(f"a bound of this {kind} depends on its own variable {variable}", bound.pos)
        if bound.const is not None and (not math.isfinite(bound.const) or bound.const != int(bound.const)):
            raise _error(f"the bounds of a {kind} must be whole numbers: its evaluation would not end", bound.pos)
        if (bound.op == "const" and bound.value == "inf") or (bound.op == "neg" and bound.args[0].value == "inf"):
            raise _error(f"an unbounded {kind} is not evaluated; write its closed form", bound.pos)
    if low.const is not None and high.const is not None and high.const - low.const + 1 > limit:
        raise _error(f"this {kind} has more than {limit} terms; write its closed form", pos, LimitExceeded)
    written_out = steps.unrolled(kind, variable, operand, low, high, CONTEXT.get().vocabulary, make)
    return written_out or make(Op.SUM, (operand, low, high), (kind, variable), pos=pos)


MAX_DETERMINANT = 4  # expanded along the first row: 4! products at most
MAX_DIAGONAL = 30  # diag(...) writes n^2 entries


def _expanded_determinant(rows: tuple[tuple[Term, ...], ...], pos: int) -> Term:
    if len(rows) == 1:
        return rows[0][0]
    products = []
    for column, entry in enumerate(rows[0]):
        minor = tuple(row[:column] + row[column + 1 :] for row in rows[1:])
        products.append(make(Op.MUL, (entry, _expanded_determinant(minor, pos)), ("", "*"), pos))
    return make(Op.ADD, tuple(products), tuple("+-"[column % 2] for column in range(len(products))), pos)


def _check_exponent(exponent: Term) -> None:
    limit = CONTEXT.get().limits.max_exponent
    if exponent.const is not None and abs(exponent.const) > limit:
        raise _error(f"exponent {to_text(exponent)} is too large (limit {limit})", exponent.pos, LimitExceeded)


def _base(written: str, position: int) -> Term:
    if written == "e":
        return Term(Op.CONST, value="e", const=math.e, pos=position)
    if written.isdigit():
        return Term(Op.NUM, value=written, const=float(written), pos=position)
    return Term(Op.NAME, value=written, pos=position)


def _check_arity(function: str, defined: bool, count: int, position: int) -> None:
    row = None if defined else builtins.BUILTINS.get(function)
    fewest, most = row.arity if row is not None else (1, 1)
    if not fewest <= count <= most:
        expected = str(fewest) if fewest == most else f"{fewest} to {most}"
        raise _error(f"{function} takes {expected} argument{'s' * (most > 1)}, not {count}", position)


def _definition(function: str) -> tuple[str, Term] | None:
    """(argument, body) of a question's own function, read once per vocabulary."""
    context = CONTEXT.get()
    declared = context.vocabulary.functions.get(function)
    if declared is None or declared.definition is None:
        return None
    cache = context.vocabulary.definitions
    if function not in cache:
        from graders.parsing.parser import parse  # a definition is read by the same parser
        argument_vocabulary = Vocabulary(names=[declared.argument])
        body = parse(declared.definition, vocabulary=argument_vocabulary).parts[0]
        cache[function] = (declared.argument, body)
    return cache[function]
