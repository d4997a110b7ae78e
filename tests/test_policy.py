import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sandboxes
from sandboxes import LimitError, PolicyError, parse_policy
from sandboxes.policy import Limits, default_policy, load_policy, policy_to_dict

LANGS = ("python", "javascript", "go")


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
    assert_refused(text, "policy.yaml", message)


def assert_refused(text: str, source: str, message: str) -> None:
    """Loading ``text`` as ``source`` raises a PolicyError whose message starts with ``message``."""
    with pytest.raises(PolicyError) as info:
        parse_policy(text, source)
    assert str(info.value).startswith(message), str(info.value)


def test_non_utf8_policy():
    with pytest.raises(PolicyError, match="not valid UTF-8"):
        parse_policy(b"defaults:\n  timeout_s: \xff\n", "p.yaml")


def test_missing_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read policy file"):
        load_policy(tmp_path / "nope.yaml")


def test_language_sections_inherit_and_override_defaults():
    p = parse_policy("defaults:\n  timeout_s: 5\n  memory_mb: null\n  max_memory_mb: null\npython:\n  timeout_s: 1\n")
    assert p.python.limits.timeout_s == 1.0 and p.python.limits.memory_mb is None
    assert p.go.limits.timeout_s == 5.0


# ------------------------------------------------------------------ ceilings of per-call limits

def test_per_call_limits_up_to_the_ceiling():
    lim = Limits(timeout_s=2.0, memory_mb=256, max_timeout_s=60.0, max_memory_mb=2048)
    assert lim.for_call(timeout=0.5).timeout_s == 0.5
    assert lim.for_call(timeout=60).timeout_s == 60.0  # above the default, at the ceiling
    assert lim.for_call(memory_mb=1024).memory_mb == 1024
    with pytest.raises(LimitError, match=r"61 s is above the ceiling of 60 s; raise max_timeout_s in the "
                                         r"policy's defaults or python section"):
        lim.for_call(timeout=61, section="python")
    with pytest.raises(LimitError, match="raise max_memory_mb"):
        lim.for_call(memory_mb=4096)
    for bad in (-1, 0, math.nan, math.inf, "1", True):
        with pytest.raises(LimitError):
            lim.for_call(timeout=bad)
    assert Limits(timeout_s=None, max_timeout_s=None).for_call(timeout=1e6).timeout_s == 1e6


def test_shipped_ceilings_are_generous():
    for lang in LANGS:
        limits = default_policy().for_language(lang).limits
        assert limits.max_timeout_s == 60.0 and limits.max_memory_mb == 2048
        assert limits.timeout_s <= limits.max_timeout_s and limits.memory_mb <= limits.max_memory_mb


def test_run_above_the_default_within_the_ceiling():
    # before the ceiling, every per-call value above the 2 s / 512 MiB default raised LimitError
    r = sandboxes.run("python", "print(1)", timeout=5, memory_mb=1024)
    assert r.status == "ok" and r.stdout == "1\n"


def test_run_above_the_ceiling_says_which_key_to_raise():
    with pytest.raises(LimitError, match="raise max_timeout_s in the policy's defaults or python section"):
        sandboxes.run("python", "print(1)", timeout=1000)
    with pytest.raises(LimitError, match="raise max_memory_mb"):
        sandboxes.run("py", "print(1)", memory_mb=10_000)


@pytest.mark.parametrize("text, message", [
    ("defaults:\n  timeout_s: 100\n", "p.yaml:2: defaults.timeout_s: 100 is above its ceiling max_timeout_s = 60 "
                                       "(policy.yaml:"),
    ("python:\n  memory_mb: 4096\n", "p.yaml:2: python.memory_mb: 4096 is above its ceiling max_memory_mb = 2048"),
    ("go:\n  max_timeout_s: 1\n", "p.yaml:2: go.max_timeout_s: 1 is below timeout_s = 2 (policy.yaml:"),
    ("defaults:\n  timeout_s: null\n", "p.yaml:2: defaults.timeout_s: null (no limit) is above its ceiling "
                                        "max_timeout_s = 60"),
    ("defaults:\n  timeout_s: 30\n  max_timeout_s: 20\n", "p.yaml:2: defaults.timeout_s: 30 is above its "
                                                           "ceiling max_timeout_s = 20 (p.yaml:3)"),
    ("defaults:\n  max_timeout_s: 0\n", "p.yaml:2: defaults.max_timeout_s: expected a positive number"),
])
def test_ceiling_errors_name_file_line_and_key(text, message):
    assert_refused(text, "p.yaml", message)


def test_raising_the_ceiling_allows_longer_calls():
    p = parse_policy("defaults:\n  timeout_s: 100\n  max_timeout_s: 300\n  max_memory_mb: null\n")
    assert p.python.limits.for_call(timeout=250).timeout_s == 250
    assert p.go.limits.for_call(memory_mb=3000).memory_mb == 3000
    assert parse_policy("defaults:\n  timeout_s: null\n  max_timeout_s: null\n").javascript.limits.timeout_s is None


# ------------------------------------------------------------------ merging over the shipped policy

def _effective(p):
    return {k: v for k, v in policy_to_dict(p).items() if k not in ("source", "sha256", "base")}


def test_a_minimal_file_keeps_every_shipped_value():
    # before the merge, this file silently emptied every allowlist (`import math`, `import "fmt"` refused)
    p = parse_policy("defaults: {timeout_s: 10}\n", "min.yaml")
    want = _effective(default_policy())
    want["defaults"]["timeout_s"] = 10.0
    for lang in LANGS:
        want[lang]["limits"]["timeout_s"] = 10.0
    assert _effective(p) == want
    assert p.base == "policy.yaml" and p.source == "min.yaml"
    assert "math" in p.python.modules and "fmt" in p.go.packages
    assert sandboxes.run("python", "import math\nprint(math.isqrt(17))", policy=p).stdout == "4\n"


def test_a_section_merges_key_by_key():
    p = parse_policy("python: {memory_mb: 1024}\n")
    assert p.python.modules == default_policy().python.modules and p.python.limits.memory_mb == 1024
    assert p.python.limits.max_code_bytes == default_policy().python.limits.max_code_bytes
    assert p.python.isolation == "worker" and p.go == default_policy().go


def test_a_list_replaces_the_shipped_list():
    p = parse_policy("python:\n  modules: [math, json]\ngo:\n  packages: []\n")
    assert p.python.modules == ("math", "json") and p.go.packages == ()


def test_a_files_defaults_override_the_shipped_language_sections():
    # shipped: defaults.memory_mb 256, python.memory_mb 512; the file's defaults come after both
    p = parse_policy("defaults:\n  memory_mb: 300\n  max_code_bytes: 4096\njavascript:\n  memory_mb: 100\n")
    assert (p.python.limits.memory_mb, p.javascript.limits.memory_mb, p.go.limits.memory_mb) == (300, 100, 300)
    assert p.python.limits.max_code_bytes == 4096


def test_sha256_is_of_the_effective_policy():
    assert parse_policy("version: 1\n").sha256 == default_policy().sha256
    assert parse_policy("defaults: {timeout_s: 3}\n").sha256 != default_policy().sha256


# Hypothesis: a file changes exactly the keys it sets, wherever it sets them, and nothing else.
_SETTINGS = [
    ("defaults", "timeout_s", 10), ("defaults", "memory_mb", 128), ("defaults", "max_output_bytes", 4096),
    ("defaults", "max_timeout_s", 30), ("defaults", "max_memory_mb", 1024), ("defaults", "max_code_bytes", 9999),
    ("python", "memory_mb", 1024), ("python", "timeout_s", 3), ("python", "modules", ["math"]),
    ("python", "allow_eval", False), ("python", "isolation", "inprocess"), ("python", "max_int_digits", 5000),
    ("javascript", "pool_size", 0), ("javascript", "max_output_bytes", 77), ("javascript", "allow_wasm", True),
    ("go", "packages", ["fmt", "strings"]), ("go", "cache_entries", 3), ("go", "timeout_s", 20),
    ("go", "env", {"A": "b"}), ("audit", "include_code", True),
]
_LIMIT_NAMES = {f.name for f in __import__("dataclasses").fields(Limits)}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SETTINGS), unique_by=lambda s: (s[0], s[1]), max_size=8))
def test_a_file_changes_only_what_it_sets(chosen):
    import yaml

    doc: dict = {}
    for section, key, value in chosen:
        doc.setdefault(section, {})[key] = value
    p = parse_policy(yaml.safe_dump(doc) if doc else "version: 1\n", "prop.yaml")
    want = _effective(default_policy())
    for section, key, value in chosen:  # the file's defaults first: its language sections win over them
        if section == "defaults":
            want["defaults"][key] = value
            for lang in LANGS:
                want[lang]["limits"][key] = value
    for section, key, value in chosen:
        if section in LANGS:
            (want[section]["limits"] if key in _LIMIT_NAMES else want[section])[key] = value
        elif section == "audit":
            want["audit"][key] = value
    assert _effective(p) == want


# ------------------------------------------------------------------ entries a runtime cannot honour

@pytest.mark.parametrize("text, message", [
    ("python:\n  modules: [math, os]\n", "p.yaml:2: python.modules[1]: the Python sandbox cannot hand out 'os'"),
    ("python:\n  modules:\n    - math\n    - numpy\n", "p.yaml:4: python.modules[1]: the Python sandbox cannot "
                                                       "hand out 'numpy'"),
    ("python:\n  modules: [subprocess]\n", "p.yaml:2: python.modules[0]: the Python sandbox cannot hand out"),
    ("go:\n  packages: [fmt, unsafe]\n", "p.yaml:2: go.packages[1]: 'unsafe' can never be imported in the Go "
                                         "sandbox: it turns off Go's memory safety"),
    ("go:\n  packages:\n    - syscall\n", "p.yaml:3: go.packages[0]: 'syscall' can never be imported"),
    ("go:\n  packages: [os/exec]\n", "p.yaml:2: go.packages[0]: 'os/exec' can never be imported"),
    ("go:\n  packages: [net]\n", "p.yaml:2: go.packages[0]: 'net' can never be imported"),
    ("go:\n  packages: [net/http/httptest]\n", "p.yaml:2: go.packages[0]: 'net/http/httptest' can never"),
    ("go:\n  packages: [C]\n", "p.yaml:2: go.packages[0]: 'C' can never be imported in the Go sandbox: cgo"),
    ("go:\n  packages: [internal/abi]\n", "p.yaml:2: go.packages[0]: 'internal/abi' can never"),
    ("go:\n  packages: [crypto/internal/fips140]\n", "p.yaml:2: go.packages[0]: 'crypto/internal/fips140'"),
    ("go:\n  packages: [github.com/x/y]\n", "p.yaml:2: go.packages[0]: 'github.com/x/y' can never be imported "
                                            "in the Go sandbox: only the standard library"),
])
def test_unsupported_allowlist_entries_are_refused_at_load(text, message):
    assert_refused(text, "p.yaml", message)


def test_every_shipped_entry_is_supported():
    from sandboxes.policy import _go_package_problem
    from sandboxes.python.modules import ALLOWED, PER_RUN

    assert set(default_policy().python.modules) <= set(ALLOWED) | PER_RUN
    assert [p for p in default_policy().go.packages if _go_package_problem(p)] == []
    # pure-data packages under net/ stay listable
    assert parse_policy("go:\n  packages: [fmt, net/url, net/netip]\n").go.packages == ("fmt", "net/url", "net/netip")


def test_a_module_beyond_the_shipped_list_is_accepted_when_it_has_a_facade(monkeypatch):
    from sandboxes.python import modules

    monkeypatch.setitem(modules.ALLOWED, "colorsys", "rgb_to_hsv")
    assert parse_policy("python:\n  modules: [math, colorsys]\n").python.modules == ("math", "colorsys")


# ------------------------------------------------------------------ the audit log file

def test_unwritable_audit_log_is_refused_at_load(tmp_path):
    (tmp_path / "afile").write_text("")
    cases = {
        tmp_path / "missing" / "audit.jsonl": f"cannot create '{tmp_path / 'missing' / 'audit.jsonl'}': the directory",
        tmp_path: f"'{tmp_path}' is a directory",
        tmp_path / "afile" / "audit.jsonl": "cannot create",
    }
    for path, why in cases.items():
        assert_refused(f"version: 1\naudit:\n  log_file: {path}\n", "p.yaml", f"p.yaml:3: audit.log_file: {why}")
    ok = tmp_path / "audit.jsonl"
    assert parse_policy(f"audit:\n  log_file: {ok}\n").audit.log_file == str(ok)
    assert not ok.exists()  # checking creates nothing


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
