"""test262 on the built-ins the prelude wraps: what passes in a bare V8 must pass in the sandbox.

Each case is one test262 file in one mode, run in the sandbox under the default policy (worker
isolation) and in a bare ``MiniRacer()`` of the same V8 without the prelude. The ids name the
test262 file (``built-ins/Array/prototype/fill/length.js[strict]``). See README.md beside this file
for where test262 comes from and how the subset and the skips are chosen.
"""

from __future__ import annotations

import dataclasses

import pytest

from sandboxes import Sandbox, default_policy

from . import suite

ROOT = suite.test262_dir()
POLICY = default_policy().javascript
CASES = suite.cases(ROOT, POLICY) if ROOT is not None else []
NO_TREE = ("no test262 checkout: set TEST262_DIR or provide ../shared/corpora/test262 "
           "(tests/javascript/test262/README.md)")


@pytest.fixture(scope="module")
def outcomes(request):
    """The selected cases (all, unless -k chose some), run once: the sandbox and the bare V8 side by side."""
    chosen = {item.callspec.params["case"].id for item in request.session.items
              if hasattr(item, "callspec") and "case" in item.callspec.params}
    with Sandbox() as sb:
        assert sb.policy.javascript.isolation == "worker"
        yield suite.run_all(ROOT, [c for c in CASES if c.id in chosen], sb)


@pytest.mark.slow  # all cases: about 2.5 minutes on 2 cores
@pytest.mark.skipif(ROOT is None, reason=NO_TREE)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_test262(case, outcomes):
    reason = suite.skip_reason(case, outcomes["missing_features"])
    if reason is not None:
        pytest.skip(reason)
    got = outcomes["cases"][case.id]
    sandbox, native = got["sandbox"], got["native"]
    if not native.passed:
        if sandbox.passed:
            pytest.fail(f"passes in the sandbox, fails in bare V8 (the sandbox differs from native): {native.detail}")
        pytest.xfail(f"fails in bare V8 too: {native.detail}")
    assert sandbox.passed, f"passes in bare V8, fails in the sandbox: {sandbox.detail}"


@pytest.mark.skipif(ROOT is None, reason=NO_TREE)
def test_reference_is_not_vacuous(outcomes):
    """The subset is the size it should be, and the bare V8 passes the great majority of what ran."""
    assert len(CASES) > 5000
    assert sum(1 for c in CASES if c.static_skip is None) > 4000
    ran = outcomes["cases"]
    native_pass = sum(1 for o in ran.values() if o["native"].passed)
    assert native_pass >= 0.9 * len(ran)


@pytest.mark.skipif(ROOT is None, reason=NO_TREE)
def test_runner_sees_failures():
    """A real test262 case made wrong fails in both engines, and a negative case is judged by its type.

    Guards against a runner that counts everything as passed (an error swallowed, a status
    misread, a harness that never throws).
    """
    # A test of a built-in the prelude leaves alone, so this checks the runner, not the prelude.
    case = next(c for c in CASES if c.path == "built-ins/DataView/prototype/getInt8/name.js" and c.mode == "strict")
    source = suite.assemble(ROOT, case)
    broken = source + "\nassert.sameValue(DataView.prototype.getInt8.name, 'getInt16');\n"
    threw = source + "\nthrow new TypeError('late');\n"
    syntax = dataclasses.replace(case, meta={**case.meta, "negative": {"phase": "parse", "type": "SyntaxError"}})
    with Sandbox() as sb:
        good, bad, late, parse = (sb.run("javascript", s) for s in (source, broken, threw, source + "\nvar = 1;\n"))
    assert suite.judge_sandbox(case, good).passed
    assert not suite.judge_sandbox(case, bad).passed
    assert "Test262Error" in suite.judge_sandbox(case, bad).detail
    assert not suite.judge_sandbox(case, late).passed
    assert suite.judge_sandbox(syntax, parse).passed
    assert not suite.judge_sandbox(syntax, good).passed

    from py_mini_racer import JSEvalException, JSParseException

    from .native import judge  # the bare-V8 side's judgement of the same kinds of ending
    assert judge(None, None) == (True, "")
    assert not judge(None, JSEvalException("<anonymous>:1: Test262Error: x"))[0]
    assert judge({"phase": "parse", "type": "SyntaxError"}, JSParseException("<anonymous>:1: SyntaxError: x"))[0]
    assert not judge({"phase": "parse", "type": "SyntaxError"}, None)[0]
    assert not judge({"phase": "runtime", "type": "TypeError"}, JSEvalException("<anonymous>:1: RangeError: x"))[0]
