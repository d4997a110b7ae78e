import pytest

from tests.go import gohelp


@pytest.fixture(scope="session", autouse=True)
def go_session(tmp_path_factory):
    """Warm the Go build cache once per session (the first wasip1 build compiles the standard library)."""
    return gohelp.start_session(tmp_path_factory)
