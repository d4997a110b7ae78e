# our own red team: the guest reaches WASI only through CPython's os/socket modules; every one of those
# doors asked with huge sizes, bad descriptors and every path we could think of.
"""What the os module can reach: one read-only zip, stdin, stdout/stderr, no environment, no socket."""

from __future__ import annotations

import json

from tests.attacks.python_wasm import wguest


def test_fstat_of_every_descriptor_and_dup_close(wsb):
    code = ("import os, json\nok = []\nfor fd in range(-3, 101):\n    try:\n        os.fstat(fd); ok.append(fd)\n"
            "    except OSError as e:\n        assert e.errno == 8, (fd, e)\n"
            "out = {'fstat_ok': ok}\n"
            "for fd in (-1, 3, 4, 99):\n    try:\n        os.close(fd); out[f'close{fd}'] = 'closed'\n"
            "    except OSError as e:\n        out[f'close{fd}'] = e.errno\n"
            "print(json.dumps(out))")
    r = wguest.run(wsb, code)
    wguest.status(r, "ok")
    out = json.loads(r.stdout)
    assert out["fstat_ok"] == [0, 1, 2, 3]  # stdio and the one preopened directory
    assert out["close-1"] == 8 and out["close4"] == 8 and out["close99"] == 8
    wguest.host_fine(wsb)


def test_huge_reads_and_writes(wsb):
    code = ("import os\nprint(len(os.read(0, 2**28)))\nprint(len(os.read(0, 2**28)))\n"
            "try:\n    os.read(0, 2**31)\nexcept (OverflowError, MemoryError) as e:\n    print(type(e).__name__)\n"
            "try:\n    os.read(-7, 10)\nexcept OSError as e:\n    print(e.errno)\n"
            "try:\n    os.write(-1, b'x')\nexcept OSError as e:\n    print(e.errno)\n"
            "try:\n    os.write(3, b'x')\nexcept OSError as e:\n    print(e.errno)\n"
            "print(os.write(1, b''))\n")
    r = wguest.run(wsb, code, stdin="abc")
    wguest.status(r, "ok")
    assert r.stdout.splitlines() == ["3", "0", "OverflowError", "8", "8", "69", "0"]  # fd 3: the read-only preopen
    r = wguest.run(wsb, "import os\nos.read(0, 2**30)", stdin="abc")  # malloc(1 GiB) first, past memory_mb 512
    wguest.status(r, "memory_limit")
    wguest.host_fine(wsb)


def test_every_path_the_guest_names(wsb):
    paths = ["/", ".", "..", "/usr", "/usr/local", "/usr/local/lib", "/usr/local/lib/python315.zip",
             "/usr/local/lib/../../../etc/passwd", "/etc/passwd", "/proc/self/environ", "/proc/self/mem",
             "/dev/mem", "/dev/stdin", "/dev/stdout", "/tmp", "/root", "/home", "/work", "//", "/usr/local/lib/.",
             "/usr/local/lib/python315.zip/os.py", "/usr/local/bin/python.wasm", "/usr/local/lib/python3.15",
             "\x00", "a" * 5000, "/usr/local/lib/" + "../" * 200 + "etc"]
    code = ("import os, json, sys\npaths = json.loads(sys.stdin.read())\nout = {}\n"
            "for p in paths:\n    row = []\n"
            "    for f in (os.stat, os.listdir, lambda p: os.open(p, os.O_RDONLY),"
            " lambda p: os.open(p, os.O_WRONLY | os.O_CREAT), os.mkdir, os.remove, os.readlink):\n"
            "        try:\n            v = f(p)\n            row.append(sorted(v) if isinstance(v, list) else 'ok')\n"
            "        except (OSError, ValueError) as e:\n            row.append(getattr(e, 'errno', None) or type(e).__name__)\n"
            "    out[p[:60]] = row\nprint(json.dumps(out))")
    r = wguest.run(wsb, code, stdin=json.dumps(paths))
    wguest.status(r, "ok")
    out = json.loads(r.stdout)
    readable = {p: row for p, row in out.items() if "ok" in row or any(isinstance(v, list) for v in row)}
    # Only the tree's directories (the root is the preopen, and the working directory) and the zip in it
    # exist; ".." at the root is the root; nothing can be created, removed or linked anywhere.
    assert set(readable) == {"/", ".", "..", "//", "/usr", "/usr/local", "/usr/local/lib", "/usr/local/lib/.",
                             "/usr/local/lib/python315.zip"}, readable
    assert [readable[p][1] for p in ("/", ".", "..", "/usr", "/usr/local", "/usr/local/lib")] == \
        [["usr"], ["usr"], ["usr"], ["local"], ["lib"], ["python315.zip"]]
    for p, row in out.items():
        assert row[3] != "ok" and row[4] != "ok" and row[5] != "ok", (p, row)
    wguest.host_fine(wsb)


def test_environment_is_empty_and_putenv_stays_in_the_guest(wsb):
    r = wguest.run(wsb, "import os\nprint(dict(os.environ))\nos.environ['X'] = '1'\nos.putenv('Y', '2')\n"
                        "print(os.environ.get('X'), os.getenv('Y'))")
    wguest.status(r, "ok")
    assert r.stdout == "{}\n1 None\n"
    r = wguest.run(wsb, "import os\nprint(dict(os.environ))")
    assert r.stdout == "{}\n"


def test_no_socket_of_any_kind(wsb, tmp_path):
    code = ("import socket\nout = []\n"
            "for args in ((socket.AF_INET, socket.SOCK_STREAM), (socket.AF_INET, socket.SOCK_DGRAM),"
            " (getattr(socket, 'AF_UNIX', 1), socket.SOCK_STREAM)):\n"
            "    try:\n        s = socket.socket(*args)\n        s.connect(('127.0.0.1', 9))\n        out.append('connected')\n"
            "    except Exception as e:\n        out.append(type(e).__name__)\n"
            "try:\n    socket.fromfd(3, socket.AF_INET, socket.SOCK_STREAM).recv(1)\nexcept Exception as e:\n"
            "    out.append(type(e).__name__)\n"
            "try:\n    socket.getaddrinfo('localhost', 80)\nexcept Exception as e:\n    out.append(type(e).__name__)\n"
            "print(out)")
    r = wguest.run(wsb, code)
    wguest.status(r, "ok")
    assert "connected" not in r.stdout and r.stdout.startswith("[")
    wguest.host_fine(wsb)


def test_no_processes_no_threads(wsb):
    code = ("import os\nout = []\nfor f in (lambda: os.fork(), lambda: os.system('id'), lambda: os.execv('/bin/sh', ['sh']),"
            " lambda: __import__('subprocess').run(['id']), lambda: __import__('threading').Thread(target=print).start(),"
            " lambda: os.kill(1, 9)):\n"
            "    try:\n        f(); out.append('did')\n    except Exception as e:\n        out.append(type(e).__name__)\nprint(out)")
    r = wguest.run(wsb, code)
    wguest.status(r, "ok")
    assert "did" not in r.stdout, r.stdout
    wguest.host_fine(wsb)
