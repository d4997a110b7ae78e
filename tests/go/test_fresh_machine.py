"""A fresh machine (empty HOME and XDG_CACHE_HOME), the default policy: the first Go run ends ok.

The session's first Go run (``tests/go/gohelp.start_session``) is exactly that, in a child
process: it waits for the one-off standard-library build within the default compile budget. It
happens once per session, whichever xdist worker this test runs in (the workers' own caches start
as copies of what it built): the run must have found no standard library and waited for it.
"""

from sandboxes.policy import default_policy
from tests.go.gohelp import first_run


def test_the_first_go_run_of_a_fresh_machine_is_ok_under_the_default_policy():
    r = first_run()
    assert r["status"] == "ok", r
    assert r["stdout"] == "hello\n" and r["stderr"] == ""
    assert r["extra"]["cache"] == "miss" and r["extra"]["stdlib_wait_s"] > 0, r["extra"]  # a cold start
    go = default_policy().go
    assert r["wall_s"] < go.compile_timeout_s + go.limits.timeout_s + 5
