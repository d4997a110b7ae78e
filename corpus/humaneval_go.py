"""HumanEval-X Go task -> one standalone ``package main`` program.

The upstream tests are ``go test`` functions using testify's ``assert.Equal``.
A sandbox runs a single ``main.go`` with the standard library only, so:

* the prompt's import block is dropped and imports are recomputed from the
  packages the code actually references (the ``import`` field of the data is
  not reliable: some tasks omit packages they use or list unused ones);
* ``func TestX(t *testing.T)`` becomes ``func TestX(t *sbxT)`` and
  ``assert.New(t)`` becomes ``sbxNewAssert(t)``: our own stand-in whose
  ``Equal`` follows testify's rule (``reflect.DeepEqual``, with ``[]byte``
  compared by content), keeps going after a failure and reports each one on
  stderr;
* ``main()`` runs the test and exits 1 if anything failed (2 on a panic).

The harness imports ``fmt``, ``os`` and ``reflect`` under ``sbx``-prefixed
names so it never collides with a task's identifiers or imports. Contract of
the result: prints nothing and exits 0 exactly when every check passes.
"""

from __future__ import annotations

import re

from sandboxes.go._check import lex

# Package name as written in code -> import path, for every package a task may use.
KNOWN_PACKAGES = {
    "bytes": "bytes",
    "errors": "errors",
    "fmt": "fmt",
    "math": "math",
    "rand": "math/rand",
    "bits": "math/bits",
    "big": "math/big",
    "md5": "crypto/md5",
    "heap": "container/heap",
    "list": "container/list",
    "regexp": "regexp",
    "slices": "slices",
    "maps": "maps",
    "sort": "sort",
    "strconv": "strconv",
    "strings": "strings",
    "time": "time",
    "unicode": "unicode",
    "utf8": "unicode/utf8",
}

_IMPORT_BLOCK = re.compile(r"^[ \t]*import[ \t]*\((?:[^()]|\n)*?\)[ \t]*\n?", re.MULTILINE)
_IMPORT_LINE = re.compile(r'^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?"[^"\n]*"[ \t]*\n?', re.MULTILINE)
_TEST_FUNC = re.compile(r"func\s+(Test\w+)\s*\(\s*t\s+\*testing\.T\s*\)")
_ASSERT_NEW = re.compile(r"assert\s*:=\s*assert\.New\(\s*t\s*\)")

_HARNESS = """
// ---- harness (sandboxes corpus): a stand-in for testify's assert.Equal ----

type sbxT struct{ failed int }

type sbxAssertions struct{ t *sbxT }

func sbxNewAssert(t *sbxT) *sbxAssertions { return &sbxAssertions{t} }

func sbxObjectsAreEqual(expected, actual interface{}) bool {
	if expected == nil || actual == nil {
		return expected == actual
	}
	exp, ok := expected.([]byte)
	if !ok {
		return sbxreflect.DeepEqual(expected, actual)
	}
	act, ok := actual.([]byte)
	if !ok {
		return false
	}
	if exp == nil || act == nil {
		return exp == nil && act == nil
	}
	return string(exp) == string(act)
}

func (a *sbxAssertions) Equal(expected, actual interface{}, msgAndArgs ...interface{}) bool {
	if sbxObjectsAreEqual(expected, actual) {
		return true
	}
	a.t.failed++
	sbxfmt.Fprintf(sbxos.Stderr, "check %d failed: expected %#v (%T), got %#v (%T)\\n",
		a.t.failed, expected, expected, actual, actual)
	return false
}

func main() {
	t := &sbxT{}
	defer func() {
		if r := recover(); r != nil {
			sbxfmt.Fprintf(sbxos.Stderr, "panic: %v\\n", r)
			sbxos.Exit(2)
		}
		if t.failed > 0 {
			sbxos.Exit(1)
		}
	}()
	%s(t)
}
"""


def _strip_imports(code: str) -> str:
    return _IMPORT_LINE.sub("", _IMPORT_BLOCK.sub("", code))


def referenced_packages(code: str) -> list[str]:
    """Import paths of the known packages that ``code`` uses as ``pkg.Name``."""
    tokens, _ = lex(code)
    found = set()
    for a, dot, b in zip(tokens, tokens[1:], tokens[2:]):
        if a.kind == "ident" and dot.kind == "op" and dot.text == "." and b.kind == "ident" \
                and a.text in KNOWN_PACKAGES and b.text[:1].isupper():
            found.add(KNOWN_PACKAGES[a.text])
    return sorted(found)


def assemble(task: dict) -> str:
    """Build the standalone program of one HumanEval-X Go task."""
    test = task["test"]
    m = _TEST_FUNC.search(test)
    if m is None:
        raise ValueError(f"{task['task_id']}: no `func TestX(t *testing.T)` in the test")
    if not _ASSERT_NEW.search(test):
        raise ValueError(f"{task['task_id']}: the test does not start with `assert := assert.New(t)`")
    test = _TEST_FUNC.sub(lambda mm: f"func {mm.group(1)}(t *sbxT)", test, count=1)
    test = _ASSERT_NEW.sub("assert := sbxNewAssert(t)", test, count=1)
    if "testing." in test:
        raise ValueError(f"{task['task_id']}: the test uses the testing package beyond its signature")

    body = _strip_imports(task["prompt"]) + task["canonical_solution"] + "\n" + test.rstrip() + "\n"
    imports = [f'\t"{p}"' for p in referenced_packages(body)]
    imports += ['\tsbxfmt "fmt"', '\tsbxos "os"', '\tsbxreflect "reflect"']
    header = "package main\n\nimport (\n" + "\n".join(imports) + "\n)\n\n"
    return header + body.lstrip("\n") + _HARNESS.replace("%s", m.group(1))
