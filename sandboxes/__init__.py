"""Run untrusted Python, JavaScript and Go in language-level sandboxes behind one call.

    >>> import sandboxes
    >>> sandboxes.run("python", "print(6 * 7)").stdout
    '42\\n'
"""

from ._control import Chunk
from .api import Sandbox, arun, arun_many, astream, check, run, run_many
from ._batch import batch
from .errors import (
    ClosedError,
    LimitError,
    PolicyError,
    ResultError,
    RuntimeUnavailableError,
    SandboxError,
    UnknownLanguageError,
)
from .policy import Limits, Policy, default_policy, load_policy, parse_policy
from .result import Result, Status, Violation

__version__ = "0.1.0"

import logging as _logging

_logging.getLogger("sandboxes").addHandler(_logging.NullHandler())

__all__ = [
    "Chunk",
    "ClosedError",
    "LimitError",
    "Limits",
    "Policy",
    "PolicyError",
    "Result",
    "ResultError",
    "RuntimeUnavailableError",
    "Sandbox",
    "SandboxError",
    "Status",
    "UnknownLanguageError",
    "Violation",
    "__version__",
    "arun",
    "arun_many",
    "astream",
    "batch",
    "check",
    "default_policy",
    "load_policy",
    "parse_policy",
    "run",
    "run_many",
]
