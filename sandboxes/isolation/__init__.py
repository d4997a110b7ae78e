"""The process layer: confined worker processes around the in-process runtimes.

``WorkerBackend(lang, policy)`` runs code like a runtime (``run``, ``close``,
``with``), in a fresh confined child per run (Python: fork server) or in a
long-lived confined engine worker (JavaScript, Go). ``doctor()`` says which
kernel layers this machine offers. See ``_backend`` and ``_server``.
"""

from ._backend import WorkerBackend, doctor

__all__ = ["WorkerBackend", "doctor"]
