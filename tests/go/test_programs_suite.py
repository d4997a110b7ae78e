"""Issue 13: real Go programs as judges and LLMs write them (read stdin, print), run by the sandbox under
the default policy and compared byte for byte with native Go.

One program per file under ``programs/`` (``name.go``, ``name.in`` for its stdin when it reads one). The
native side is committed, not run here: ``programs/generate.py`` built and ran each program natively
(``go build`` for this machine, an empty environment, an empty working directory) and wrote its stdout
to ``name.out`` and its exit code to ``exit_codes.json``. The ``pkg_*`` programs are one per package that
issue 13 added to ``go.packages``.

The sandbox side is one ``run_many`` batch at concurrency 2 (the CI machine's cores): every program is
new, so each pays its ``go build`` and module compile once.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import sandboxes
from sandboxes.policy import default_policy
from tests.committed_suite import CommittedSuite
from tests.go.gohelp import policy

HERE = Path(__file__).parent / "programs"
SUITE = CommittedSuite(HERE, "go")
PROGRAMS = SUITE.programs
ADDED_PACKAGES = ("context", "encoding/xml", "flag", "io/fs", "log", "log/slog", "net/url", "path", "path/filepath",
                  "text/template")


@pytest.fixture(scope="module")
def results() -> dict[str, sandboxes.Result]:
    jobs = SUITE.jobs("go", timeout=10)
    t0 = time.monotonic()
    out = sandboxes.run_many(jobs, concurrency=2, policy=policy())
    print(f"\n{len(jobs)} Go programs through run_many(concurrency=2): {time.monotonic() - t0:.1f} s")
    return dict(zip(PROGRAMS, out))  # type: ignore[arg-type]


def test_the_suite_is_large_enough_and_every_program_has_its_native_answer():
    SUITE.assert_complete(at_least=150)


def test_the_added_packages_are_in_the_default_policy_each_with_its_program():
    pkgs = default_policy().go.packages
    assert set(ADDED_PACKAGES) <= set(pkgs)
    for p in ADDED_PACKAGES:
        name = "pkg_" + {"path/filepath": "filepath", "io/fs": "iofs", "log/slog": "slog", "text/template": "template",
                         "encoding/xml": "xml", "net/url": "url"}.get(p, p)
        assert f'"{p}"' in (HERE / f"{name}.go").read_text(), name


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_native_go(results, name):
    SUITE.assert_matches(name, results[name])
