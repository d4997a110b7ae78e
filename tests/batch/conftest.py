import pytest


@pytest.fixture(scope="session")
def go_policy(tmp_path_factory):
    """The Go tests' session policy (a private cache, the standard library built once per session)."""
    from tests.go import gohelp

    gohelp.start_session(tmp_path_factory)
    return gohelp.policy()
