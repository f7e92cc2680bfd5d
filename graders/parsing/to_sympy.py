"""SymPy objects from Nodes: the slow, exact path, built only when a grader asks for it.

Names become plain `sympy.Symbol(name)` without assumptions, so that they equal the symbols
a question author writes in a reference.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import pairwise

import sympy

from graders.parsing.builtins import BUILTINS
from graders.parsing.calculus import derivative_body
from graders.parsing.node import Node, NodeKind
from graders.parsing.terms import Op, Term

_CONSTANTS = {"e": sympy.E, "pi": sympy.pi, "inf": sympy.oo, "i": sympy.I}
_RELATIONS = {"<": sympy.StrictLessThan, "<=": sympy.LessThan, ">": sympy.StrictGreaterThan,
              ">=": sympy.GreaterThan, "!=": sympy.Unequality}


def term_to_sympy(term: Term) -> sympy.Expr:
    arguments = term.args
    match term.op:
        case Op.NUM:
            return _number(term)
        case Op.NAME:
            return sympy.Symbol(term.value)
        case Op.CONST:
            return _CONSTANTS[term.value]
        case Op.ADD:
            return _add(term)
        case Op.MUL:
            return sympy.Mul(*map(term_to_sympy, arguments))
        case Op.DIV:
            return term_to_sympy(arguments[0]) / term_to_sympy(arguments[1])
        case Op.POW:
            return sympy.Pow(*map(term_to_sympy, arguments))
        case Op.NEG:
            return -term_to_sympy(arguments[0])
        case Op.CALL:
            return _call(term)
        case Op.ROOT:
            return _root(term)
        case Op.ABS:
            return sympy.Abs(term_to_sympy(arguments[0]))
        case Op.FACT:
            return sympy.factorial(term_to_sympy(arguments[0]))
        case Op.SUM:
            return _big_operator(term)
    raise ValueError(f"cannot convert {term.op}")


def node_to_sympy(node: Node) -> sympy.Basic:
    parts = node.parts
    match node.kind:
        case NodeKind.EXPR | NodeKind.BIGO:
            return term_to_sympy(parts[0])
        case NodeKind.TUPLE:
            return sympy.Tuple(*map(term_to_sympy, parts))
        case NodeKind.SET:
            return sympy.FiniteSet(*map(term_to_sympy, parts))
        case NodeKind.INTERVAL:
            low, high = map(term_to_sympy, parts)
            return sympy.Interval(low, high, not node.meta[0], not node.meta[1])
        case NodeKind.UNION:
            value = node_to_sympy(parts[0])
            for operator, part in zip(node.set_operators, parts[1:], strict=True):
                value = (sympy.Complement if operator == "setminus" else sympy.Union)(value, node_to_sympy(part))
            return value
        case NodeKind.RELATION:
            return _relations(node)
        case NodeKind.MATRIX:
            return sympy.Matrix([[term_to_sympy(term) for term in row] for row in parts])
        case NodeKind.EQUATION:
            return sympy.Eq(*map(term_to_sympy, parts), evaluate=False)
    raise ValueError(f"cannot convert a {node.kind}")


def _relations(node: Node) -> sympy.Basic:
    """A chain of relations broken at each "and" and "or" ("and" binds tighter)."""
    values = list(map(term_to_sympy, node.parts))
    alternatives: list[list[sympy.Basic]] = [[]]
    for operator, (left, right) in zip(node.meta, pairwise(values), strict=True):
        if operator == "or":
            alternatives.append([])
        elif operator != "and":
            alternatives[-1].append(_relation(operator, left, right))
    return sympy.Or(*(sympy.And(*relations) for relations in alternatives))


def _relation(operator: str, left: sympy.Expr, right: sympy.Expr) -> sympy.Basic:
    relation = _RELATIONS[operator](left, right)
    # `52 <= x` as `x >= 52`, as SymPy writes it; between numbers it is already True/False
    return getattr(relation, "canonical", relation)


def _number(term: Term) -> sympy.Rational:
    fraction = Fraction(term.value)  # a literal our lexer matched: digits, '.', exponent
    return sympy.Rational(fraction.numerator, fraction.denominator)


def _add(term: Term) -> sympy.Expr:
    return sympy.Add(*(term_to_sympy(arg) * (-1 if sign == "-" else 1)
                       for sign, arg in zip(term.value, term.args, strict=True)))


def _call(term: Term) -> sympy.Expr:
    function, order, definition = term.value
    arguments = [term_to_sympy(arg) for arg in term.args]
    if order == 0 and definition is None:
        row = BUILTINS.get(function)
        return row.sympy(*arguments) if row is not None else sympy.Function(function)(*arguments)
    variable, body = derivative_body(function, order, definition)
    return term_to_sympy(body).subs(sympy.Symbol(variable), arguments[0])


def _root(term: Term) -> sympy.Expr:
    if len(term.args) == 1:
        return sympy.sqrt(term_to_sympy(term.args[0]))
    return sympy.root(term_to_sympy(term.args[0]), term_to_sympy(term.args[1]))


def _big_operator(term: Term) -> sympy.Expr:
    (kind, variable), (operand, low, high) = term.value, term.args
    limits = (sympy.Symbol(variable), term_to_sympy(low), term_to_sympy(high))
    return (sympy.Sum if kind == "sum" else sympy.Product)(term_to_sympy(operand), limits)
