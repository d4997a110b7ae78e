import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sandboxes
from sandboxes import LimitError, PolicyError, parse_policy
from sandboxes.policy import Limits, load_policy


def test_default_policy_loads_and_is_frozen():
    p = sandboxes.default_policy()
    assert p.python.isolation == "worker"
    assert "math" in p.python.modules and "fmt" in p.go.packages
    assert len(p.sha256) == 64
    with pytest.raises(AttributeError):
        p.defaults.timeout_s = 5  # type: ignore[misc]


def test_repo_policy_is_the_shipped_one():
    from importlib import resources
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "policy.yaml"
    shipped = resources.files("sandboxes").joinpath("policy.yaml").read_bytes()
    assert root.read_bytes() == shipped


@pytest.mark.parametrize("text, message", [
    ("defaults:\n  timeout_s: ten\n", "policy.yaml:2: defaults.timeout_s: expected a positive number or null, got 'ten'"),
    ("defaults:\n  timeout_s: -1\n", "policy.yaml:2: defaults.timeout_s: expected a positive number"),
    ("defaults:\n  timeout_s: .nan\n", "policy.yaml:2: defaults.timeout_s"),
    ("python:\n  isolation: docker\n", "policy.yaml:2: python.isolation: expected one of inprocess, worker"),
    ("python:\n  modulez: []\n", "policy.yaml:2: python.modulez: unknown key"),
    ("pyhton: {}\n", "policy.yaml:1: pyhton: unknown section"),
    ("", "policy.yaml: the policy is empty"),
    ("# only a comment\n", "policy.yaml: the policy is empty"),
    ("python:\n  modules: math\n", "policy.yaml:2: python.modules: expected a list of strings"),
    ("python:\n  modules:\n    - math\n    - 3\n", "policy.yaml:4: python.modules[1]: expected a non-empty string"),
    ("python:\n  require: [selinux]\n", "policy.yaml:2: python.require[0]: expected one of"),
    ("go:\n  env: {A: 1}\n", "policy.yaml:2: go.env.A: expected a string"),
    ("defaults: [1, 2]\n", "policy.yaml:1: defaults: expected a mapping"),
    ("defaults:\n  memory_mb: 1.5\n", "policy.yaml:2: defaults.memory_mb: expected an integer >= 16"),
    ("defaults:\n  memory_mb: true\n", "policy.yaml:2: defaults.memory_mb"),
    ("a: [\n", "policy.yaml:2: invalid YAML"),
    ("defaults:\n  timeout_s: 1\n  timeout_s: 2\n", "policy.yaml:3: defaults.timeout_s: duplicate key"),
    ("version: 2\n", "policy.yaml:1: version: expected 1"),
    ("javascript:\n  allow_wasm: yes please\n", "policy.yaml:2: javascript.allow_wasm: expected true or false"),
])
def test_errors_name_file_line_and_key(text, message):
    with pytest.raises(PolicyError) as info:
        parse_policy(text, "policy.yaml")
    assert str(info.value).startswith(message), str(info.value)


def test_non_utf8_policy():
    with pytest.raises(PolicyError, match="not valid UTF-8"):
        parse_policy(b"defaults:\n  timeout_s: \xff\n", "p.yaml")


def test_missing_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read policy file"):
        load_policy(tmp_path / "nope.yaml")


def test_language_sections_inherit_and_override_defaults():
    p = parse_policy("defaults:\n  timeout_s: 5\n  memory_mb: null\npython:\n  timeout_s: 1\n")
    assert p.python.limits.timeout_s == 1.0 and p.python.limits.memory_mb is None
    assert p.go.limits.timeout_s == 5.0


def test_per_call_limits_only_tighten():
    lim = Limits(timeout_s=2.0, memory_mb=256)
    assert lim.tighten(timeout=0.5).timeout_s == 0.5
    with pytest.raises(LimitError, match="may only tighten"):
        lim.tighten(timeout=3)
    with pytest.raises(LimitError, match="may only tighten"):
        lim.tighten(memory_mb=1024)
    for bad in (-1, 0, math.nan, math.inf, "1", True):
        with pytest.raises(LimitError):
            lim.tighten(timeout=bad)
    assert Limits(timeout_s=None).tighten(timeout=100).timeout_s == 100


def test_run_rejects_looser_timeout():
    with pytest.raises(LimitError):
        sandboxes.run("python", "print(1)", timeout=1000)


# Hypothesis: the loader either returns a Policy or raises PolicyError, whatever the input.
yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                         st.text(max_size=20))
keys = st.sampled_from(["timeout_s", "memory_mb", "max_output_bytes", "max_code_bytes", "isolation", "require",
                        "modules", "packages", "env", "allow_wasm", "workers", "bogus", "log_file"])
sections = st.sampled_from(["defaults", "audit", "python", "javascript", "go", "version", "nope"])
values = st.recursive(yaml_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(keys, inner, max_size=4)), max_leaves=10)
docs = st.dictionaries(sections, st.one_of(values, st.dictionaries(keys, values, max_size=5)), max_size=5)


@settings(max_examples=300, deadline=None)
@given(docs)
def test_loader_fuzz_structured(doc):
    import yaml

    text = yaml.safe_dump(doc)
    try:
        p = parse_policy(text, "fuzz.yaml")
    except PolicyError as e:
        assert str(e).startswith("fuzz.yaml")
    else:
        assert p.python.limits.timeout_s is None or p.python.limits.timeout_s > 0


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_loader_fuzz_raw(text):
    try:
        parse_policy(text, "raw.yaml")
    except PolicyError:
        pass
