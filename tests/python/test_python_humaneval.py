"""All 164 HumanEval-X Python tasks pass unchanged under the default policy, in both isolation modes."""

from corpus.humaneval import programs

PROGRAMS = list(programs("python"))


def test_corpus_is_complete():
    assert len(PROGRAMS) == 164


def test_all_tasks_pass(sb):
    failures = []
    for n, src in PROGRAMS:
        r = sb.run("python", src, timeout=2.0)
        if not (r.ok and r.stdout == "" and r.stderr == ""):
            failures.append((n, r.status.value, r.stderr[-300:]))
    assert failures == []


def test_a_broken_solution_fails(sb):
    """The harness really runs the checks: a wrong solution is an error with an AssertionError."""
    n, src = PROGRAMS[0]
    broken = src.replace("return False\n", "return True\n", 1)
    assert broken != src
    r = sb.run("python", broken)
    assert r.status == "error" and "AssertionError" in r.stderr
