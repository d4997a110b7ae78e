"""What competitive-programming and judge-style programs use, against native CPython in both isolations:
``sys.stdout.buffer`` / ``sys.stderr.buffer`` (bytes out, a character split over two writes kept whole),
``json.load(sys.stdin)`` / ``json.dump(obj, sys.stdout)``, and exit statuses (a negative or huge
``sys.exit`` code is the low byte of CPython's C long, -1 where none holds it). Found by our own
conformance round 7 (status error or a wrong exit code where native succeeds)."""
import os
import subprocess
import tempfile

import pytest

from .native import PYTHON3, native_file

PROGRAMS = {
    "stdout_buffer": (
        "import sys\nsys.stdout.buffer.write(b'hi\\n')\nsys.stdout.buffer.write('\u00e9'.encode()[:1])\n"
        "sys.stdout.buffer.write('\u00e9\\n'.encode()[1:])\nprint(sys.stdout.buffer.write(bytearray(b'x\\n')))\n"
        "sys.stdout.flush()\nsys.stdout.buffer.writelines([b'a\\n', b'b\\n'])\nsys.stdout.buffer.flush()\n"
        "sys.stderr.buffer.write(b'to err\\n')\ndata = sys.stdin.buffer.read().split()\n"
        "sys.stdout.buffer.write(('%d\\n' % sum(map(int, data))).encode())\n", "1 2 3\n"),
    "fast_io_idiom": (
        "import sys\ninput = sys.stdin.buffer.readline\nn = int(input())\nout = []\nfor _ in range(n):\n"
        "    a, b = map(int, input().split())\n    out.append(a * b)\n"
        "sys.stdout.buffer.write(('\\n'.join(map(str, out)) + '\\n').encode())\n",
        "3\n1 2\n3 4\n5 6\n"),
    "buffer_write_str": ("import sys\nsys.stdout.buffer.write('text')\n", ""),
    "json_load_stdin": ("import json, sys\ndata = json.load(sys.stdin)\nprint(sorted(data['xs']), data['name'])\n",
                        '{"xs": [3, 1, 2], "name": "n\u00e4me"}'),
    "json_load_hook": ("import json, sys\nprint(json.load(sys.stdin, object_hook=lambda d: sorted(d)))\n", '{"b": 1, "a": 2}'),
    "json_load_own_file": ("import json\nclass F:\n    def read(self):\n        return '[1, 2.5, null]'\n"
                           "print(json.load(F()))\n", ""),
    "json_load_bad": ("import json, sys\ntry:\n    json.load(sys.stdin)\nexcept json.JSONDecodeError as e:\n"
                      "    print('bad:', e, e.pos)\n", "{bad"),
    "json_dump_stdout": ("import json, sys\njson.dump({'a': [1, 2], 'b': None}, sys.stdout, indent=2, sort_keys=True)\n"
                         "print()\njson.dump([1, 'x'], sys.stdout)\n", ""),
    "json_dump_stringio": ("import json, io\nf = io.StringIO()\njson.dump({'k': 'v'}, f)\nprint(f.getvalue())\n", ""),
}

EXITS = ["raise SystemExit(-1)", "import sys; sys.exit(-2)", "import sys; sys.exit(-256)", "import sys; sys.exit(256)",
         "import sys; sys.exit(257)", "import sys; sys.exit(2**70)", "import sys; sys.exit(-2**70)",
         "import sys; sys.exit(True)", "import sys; sys.exit(2**63 - 1)", "import sys; sys.exit(-2**63)"]


def _native(code, stdin):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "main.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(code)
        p = subprocess.run([PYTHON3, "-I", path], input=stdin.encode(), capture_output=True, cwd=tmp, timeout=60)
    return p.stdout.decode(), p.stderr.decode().replace(path, "main.py"), p.returncode


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_io_programs_compute_what_cpython_computes(sb, name):
    code, stdin = PROGRAMS[name]
    want = _native(code, stdin)
    r = sb.run("python", code, stdin=stdin, timeout=10)
    assert (r.stdout, r.stderr, r.exit_code) == want, f"status {r.status}\n{r.stderr}"


@pytest.mark.parametrize("code", EXITS)
def test_exit_status_is_cpythons(sb, code):
    want = native_file(code)
    r = sb.run("python", code)
    assert (r.stdout, r.stderr, r.exit_code) == want
    assert str(r.status) == ("ok" if want[2] == 0 else "error")
