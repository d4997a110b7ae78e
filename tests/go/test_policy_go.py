"""The go section's compile budget and cache bounds, and the renamed build_timeout_s."""

import pytest

from sandboxes.errors import PolicyError
from sandboxes.policy import default_policy, parse_policy


def test_the_default_compile_budget_fits_a_cold_standard_library_build():
    go = default_policy().go
    # measured here with an empty cache: 11-16 s idle, 38 s of waiting at load 6 (see BENCHMARKS.md)
    assert go.compile_timeout_s >= 60 and go.limits.timeout_s <= 10
    assert go.module_cache_mb > 0 and go.build_cache_mb >= 64


def test_compile_timeout_s_and_cache_bounds_load():
    pol = parse_policy("version: 1\ngo:\n  compile_timeout_s: 5\n  module_cache_mb: 0\n  build_cache_mb: 128\n")
    assert pol.go.compile_timeout_s == 5.0 and pol.go.module_cache_mb == 0 and pol.go.build_cache_mb == 128


def test_the_old_build_timeout_s_names_its_new_key():
    with pytest.raises(PolicyError) as e:
        parse_policy("version: 1\ngo:\n  build_timeout_s: 60\n", source="old.yaml")
    assert "old.yaml:3: go.build_timeout_s: renamed to go.compile_timeout_s" in str(e.value)


def test_bad_values_are_refused():
    for text in ("compile_timeout_s: 0", "compile_timeout_s: null", "build_cache_mb: 1", "module_cache_mb: -1"):
        with pytest.raises(PolicyError):
            parse_policy(f"version: 1\ngo:\n  {text}\n")
