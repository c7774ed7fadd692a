"""kamerqa: Dutch parliamentary question-and-answer lists as structured data.

>>> import kamerqa
>>> doc = kamerqa.parse_file("seeds/000_e50b7459da8d0f59.txt")   # doctest: +SKIP
>>> doc.question("7").refers_to                                   # doctest: +SKIP
('5',)

The pipeline, one module each: readers (PDF, Word, XML, HTML, text ->
text or a document) -> grammar (line
shapes, layout grammar) -> postlex (context decisions) -> transform (tree ->
model) -> exporters.
"""

from .errors import InputError, InternalError, KamerqaError, ParseError
from .exporters import export
from .jsonio import from_json, to_json
from .model import Diagnostic, Document, DocumentMeta, Footnote, KamerstukRef, LineSpan, Question, Severity
from .parsing import parse, parse_file

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Document",
    "DocumentMeta",
    "Footnote",
    "InputError",
    "InternalError",
    "KamerqaError",
    "KamerstukRef",
    "LineSpan",
    "ParseError",
    "Question",
    "Severity",
    "export",
    "from_json",
    "parse",
    "parse_file",
    "to_json",
]
