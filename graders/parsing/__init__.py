"""Safe reading of student answers in plain text or LaTeX: a grammar, never `eval`."""
from graders.parsing.errors import ParseError
from graders.parsing.limits import Limits
from graders.parsing.node import Node
from graders.parsing.parser import detect_syntax, parse
from graders.parsing.vocabulary import FunctionDef, Vocabulary

__all__ = ["FunctionDef", "Limits", "Node", "ParseError", "Vocabulary", "detect_syntax", "parse"]
