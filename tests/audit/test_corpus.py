"""The shipped corpus: well-formed, every category in every language, and really package data."""

from __future__ import annotations

import zipfile
from importlib import resources

import pytest

from sandboxes.attacks import CATEGORIES, LANGUAGES, CorpusError, load_corpus, load_probe, parse_attack, parse_verdict

REQUIRED = ("filesystem", "network", "process", "privilege-escalation", "container-escape", "resource-exhaustion",
            "interpreter-escape", "cross-run-poisoning")


def test_every_language_covers_every_category_a_review_asks_for():
    corpus = load_corpus()
    for lang in LANGUAGES:
        cats = {a.category for a in corpus if a.lang == lang}
        assert set(REQUIRED) <= cats, (lang, set(REQUIRED) - cats)
        assert set(cats) <= set(CATEGORIES)


def test_each_attack_has_metadata_and_a_parsed_verdict():
    for a in load_corpus():
        assert a.tries and a.source and a.verdict, a.key
        assert any(c.kind == "status_in" for c in a.clauses), a.key
        assert a.code.strip(), a.key


@pytest.mark.parametrize("needle", ["network", "filesystem"])
def test_listener_and_victim_attacks_run_alone(needle):
    for a in load_corpus():
        if any(c.kind in ("tcp", "udp", "victim", "followup") for c in a.clauses):
            assert a.exclusive, a.key


def test_probes_ship_for_every_language():
    for lang in LANGUAGES:
        assert "print" in load_probe(lang) or "console.log" in load_probe(lang) or "fmt.Println" in load_probe(lang)


def test_python_attack_techniques_from_the_test_suite_are_in_the_corpus():
    ids = {a.id for a in load_corpus(["python"])}
    for technique in ("escape-generator-frame", "escape-traceback-frame", "escape-str-format", "escape-string-formatter",
                      "escape-subclasses-walk", "escape-attributeerror-obj", "escape-try-star", "escape-match-dunder",
                      "escape-dataclass-field-injection", "escape-exec-shadow-guards", "escape-functools-wraps-globals",
                      "escape-singledispatch-annotation", "escape-metaclass-hash", "escape-copy-reduce"):
        assert technique in ids


def test_javascript_and_go_attack_techniques_from_the_test_suite_are_in_the_corpus():
    keys = {a.key for a in load_corpus(["javascript", "go"])}
    for technique in ("javascript/dos-exception-message", "javascript/info-await-wrapper-breakout",
                      "javascript/escape-status-spoof", "javascript/info-builtin-callback-frames",
                      "javascript/escape-finalization-host-stdout", "javascript/dos-intl-icu-memory",
                      "javascript/fs-import-division-confusion", "javascript/escape-arguments-caller",
                      "javascript/escape-collector-intrinsics", "javascript/escape-console-coercion-hooks",
                      "javascript/dos-buffer-hidden-constructors", "javascript/dos-thrown-value-hooks",
                      "javascript/dos-species-buffers", "javascript/priv-temporal-clock", "javascript/dos-icu-normalize",
                      "javascript/escape-host-entry-point", "javascript/escape-promise-then-hijack",
                      "javascript/dos-v8-fatal-size", "javascript/dos-json-stringify", "javascript/escape-collector-proxy",
                      "javascript/dos-string-doubling",
                      "go/dos-wasi-iovec-amplify", "go/dos-wasi-iovec-spin", "go/priv-reflect-unsafe-pointer",
                      "go/priv-reflect-smash-runtime", "go/dos-build-cache-bomb", "go/dos-violation-amplification",
                      "go/dos-panic-huge-message", "go/info-panic-while-printing", "go/dos-recover-repanic",
                      "go/priv-lexer-confusion", "go/info-build-constraints", "go/dos-deadlock", "go/dos-stdin-block"):
        assert technique in keys, technique


def test_verdict_language_rejects_unknown_clauses_and_statuses():
    with pytest.raises(CorpusError):
        parse_verdict("status in {ok} and the moon is full")
    with pytest.raises(CorpusError):
        parse_verdict("status in {fine}")
    with pytest.raises(CorpusError):
        parse_verdict("canary not in output")  # no status clause
    kinds = [c.kind for c in parse_verdict('status == timeout and returns within 2.5 s and output lacks "x"')]
    assert kinds == ["status_in", "within", "lacks"]


def test_parse_attack_reports_missing_keys_and_unknown_placeholders():
    with pytest.raises(CorpusError, match="missing header keys"):
        parse_attack("# attack: x\nprint(1)\n", "python", "x.py")
    head = "# attack: x\n# category: network\n# tries: t\n# source: s\n# verdict: status == ok\n"
    with pytest.raises(CorpusError, match="unknown placeholders"):
        parse_attack(head + "print('{{NOPE}}')\n", "python", "x.py")
    with pytest.raises(CorpusError, match="unknown category"):
        parse_attack(head.replace("network", "cooking") + "print(1)\n", "python", "x.py")
    a = parse_attack(head + "print('{{TCP_PORT}}')\n", "python", "x.py")
    assert a.render({"TCP_PORT": "1234"}).endswith("print('1234')\n")


def test_corpus_is_package_data_in_the_wheel(tmp_path):
    """The wheel built from this checkout holds every corpus file (skipped when it cannot be built offline)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for isolation in (["--no-build-isolation"], []):  # the venv may lack setuptools; then fetch it for the build
        p = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-q", "-w",
                            str(tmp_path), str(root)], capture_output=True, text=True, timeout=300)
        if p.returncode == 0:
            break
    if p.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {p.stderr[-300:]}")
    wheel = next(tmp_path.glob("sandboxes-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = resources.files("sandboxes.attacks").joinpath("corpus")
    for lang in LANGUAGES:
        for f in shipped.joinpath(lang).iterdir():
            if f.name.endswith((".py", ".js", ".go")):
                assert f"sandboxes/attacks/corpus/{lang}/{f.name}" in names
