"""The guest's file tree: ``/``, ``/usr``, ``/usr/local``, ``/usr/local/lib`` are directories that exist
and list, the standard library's zip is their one file, and nothing can be created, removed or renamed.

The reading side is compared with native CPython on a copy of the same tree in a temp directory (the
program takes the root as ``R``; the guest's is ``/``, and the working directory starts there). The
writing side answers as Linux does on a read-only mount: ``EROFS``, except where the kernel looks the
name up first (``mkdir`` of what exists is ``EEXIST``, of a name in a missing directory ``ENOENT``; an
exclusive create of an existing file ``EEXIST``): there is no read-only mount to compare with natively
in a test, so those answers are listed here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

READ = r"""
import os, pathlib, stat, sys
def rel(p):
    p = os.path.relpath(p, R)
    return '/' if p == '.' else '/' + p
print(sorted(os.listdir(R)), sorted(os.listdir(R + '/usr')), sorted(os.listdir(R + '/usr/local/')))
print(sorted(os.listdir(R + '/usr/local/lib')), sorted(os.listdir(R + '/usr/../usr/local/./lib')))
print([(rel(top), sorted(dirs), sorted(files)) for top, dirs, files in os.walk(R)])
with os.scandir(R) as it:
    print([(e.name, e.is_dir(), e.is_file()) for e in it])
with os.scandir(R + '/usr/local/lib') as it:
    print([(e.name, e.is_dir(), e.is_file(), e.stat().st_size == SIZE) for e in it])
print(sorted(p.name for p in pathlib.Path(R).iterdir()), sorted(str(p.relative_to(R)) for p in pathlib.Path(R).rglob('*')))
print([os.path.isdir(R + p) for p in ('', '/', '/usr', '/usr/local', '/usr/local/lib', '/usr/local/lib/python315.zip', '/nope')])
print([os.path.exists(R + p) for p in ('/usr/local/lib/python315.zip', '/usr/lib', '/etc/passwd')])
print(stat.S_ISDIR(os.stat(R).st_mode), stat.S_ISDIR(os.stat(R + '/usr/local').st_mode),
      stat.S_ISREG(os.stat(R + '/usr/local/lib/python315.zip').st_mode),
      os.stat(R + '/usr/local/lib/python315.zip').st_size == SIZE)
fd = os.open(R + '/usr', os.O_RDONLY)
print(stat.S_ISDIR(os.fstat(fd).st_mode), sorted(os.listdir(fd)) if os.listdir in os.supports_fd else ['local'])
os.close(fd)
for bad in ('/nope', '/usr/local/lib/python315.zip/x', '/usr/nope/x'):
    try:
        os.listdir(R + bad)
    except OSError as e:
        print(type(e).__name__)
os.chdir(R)
print(rel(os.getcwd()), sorted(os.listdir('.')), sorted(os.listdir()), sorted(os.listdir('usr/local')))
os.chdir('usr/local')
print(rel(os.getcwd()), sorted(os.listdir('.')), sorted(os.listdir('..')), os.path.isfile('lib/python315.zip'))
print(rel(os.path.abspath('lib')), pathlib.Path('lib/python315.zip').is_file())
"""


def _native_python() -> str:
    native = shutil.which("python3")
    assert native, "native CPython (python3) is needed to compare with"
    return native


def test_the_tree_reads_as_the_same_tree_does_natively(wsb, tmp_path):
    size = len(b"PK\x05\x06" + bytes(18))
    lib = tmp_path / "root" / "usr" / "local" / "lib"
    lib.mkdir(parents=True)
    (lib / "python315.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    root = str(tmp_path / "root")
    want = subprocess.run([_native_python(), "-I", "-c", f"R = {root!r}\nSIZE = {size}\n" + READ],
                          capture_output=True, text=True, timeout=60, cwd=str(tmp_path))
    assert want.returncode == 0, want.stderr
    guest_size = wsb.run("python", "import os\nprint(os.stat('/usr/local/lib/python315.zip').st_size)").stdout
    r = wsb.run("python", f"R = '/'\nSIZE = {int(guest_size)}\n" + READ)
    assert (str(r.status), r.stderr) == ("ok", ""), r.stderr
    # R = '/' gives paths as '//usr/...' where R + '/usr' is built; both sides print them relative to R
    assert r.stdout == want.stdout
    assert "/tmp" not in r.stdout and "/root/" not in r.stdout


def test_os_getcwd_and_the_root_in_a_fresh_run(wsb):
    r = wsb.run("python", "import os\nprint(os.getcwd(), os.listdir('/'), os.listdir('.'), os.listdir('/..'),"
                          " os.path.realpath('/../..'))")
    assert (str(r.status), r.stdout) == ("ok", "/ ['usr'] ['usr'] ['usr'] /\n"), r.stderr


WRITE = r"""
import errno, json, os, pathlib
out = {}
tries = {
    'open_new_w': lambda: open('/x.txt', 'w'),
    'open_zip_w': lambda: open('/usr/local/lib/python315.zip', 'w'),
    'open_zip_a': lambda: open('/usr/local/lib/python315.zip', 'a'),
    'open_zip_x': lambda: open('/usr/local/lib/python315.zip', 'x'),
    'open_new_x': lambda: open('/usr/new', 'x'),
    'open_zip_rplus': lambda: open('/usr/local/lib/python315.zip', 'r+b'),
    'mkdir_root': lambda: os.mkdir('/'),
    'mkdir_usr': lambda: os.mkdir('/usr'),
    'mkdir_zip': lambda: os.mkdir('/usr/local/lib/python315.zip'),
    'mkdir_new': lambda: os.mkdir('/new'),
    'mkdir_cwd_new': lambda: os.mkdir('new'),
    'mkdir_missing_parent': lambda: os.mkdir('/nope/new'),
    'mkdir_under_file': lambda: os.mkdir('/usr/local/lib/python315.zip/new'),
    'makedirs_new': lambda: os.makedirs('/a/b/c'),
    'makedirs_existing_ok': lambda: os.makedirs('/usr/local/lib', exist_ok=True),
    'remove_zip': lambda: os.remove('/usr/local/lib/python315.zip'),
    'remove_missing': lambda: os.remove('/nope'),
    'rmdir_usr': lambda: os.rmdir('/usr'),
    'rename_usr': lambda: os.rename('/usr', '/u2'),
    'symlink': lambda: os.symlink('/usr', '/link'),
    'link': lambda: os.link('/usr/local/lib/python315.zip', '/z'),
    'utime': lambda: os.utime('/usr'),
    'write_text': lambda: pathlib.Path('/usr/t.txt').write_text('x'),
    'touch': lambda: pathlib.Path('/usr/t').touch(),
}
for name, f in tries.items():
    try:
        f()
        out[name] = 'ok'
    except OSError as e:
        out[name] = errno.errorcode.get(e.errno, e.errno)
print(json.dumps(out, sort_keys=True))
print(sorted(os.listdir('/')), sorted(os.listdir('/usr')))
"""
# Linux on a read-only mount: mkdir looks the name up before asking for write access (EEXIST, ENOENT,
# ENOTDIR first), open(O_CREAT|O_EXCL) of an existing file is EEXIST; everything else that would write is
# EROFS (unlink, rmdir, rename, link and symlink ask for write access before any lookup).
WANT = {
    "open_new_w": "EROFS", "open_zip_w": "EROFS", "open_zip_a": "EROFS", "open_zip_x": "EEXIST",
    "open_new_x": "EROFS", "open_zip_rplus": "EROFS",
    "mkdir_root": "EEXIST", "mkdir_usr": "EEXIST", "mkdir_zip": "EEXIST", "mkdir_new": "EROFS",
    "mkdir_cwd_new": "EROFS", "mkdir_missing_parent": "ENOENT", "mkdir_under_file": "ENOTDIR",
    "makedirs_new": "EROFS", "makedirs_existing_ok": "ok",
    "remove_zip": "EROFS", "remove_missing": "EROFS", "rmdir_usr": "EROFS", "rename_usr": "EROFS",
    "symlink": "EROFS", "link": "EROFS", "utime": "EROFS", "write_text": "EROFS", "touch": "EROFS",
}


def test_nothing_is_written_and_each_refusal_is_linuxs_on_a_read_only_mount(wsb):
    r = wsb.run("python", WRITE)
    assert (str(r.status), r.stderr) == ("ok", ""), r.stderr
    got, listing = r.stdout.splitlines()
    assert json.loads(got) == WANT
    assert listing == "['usr'] ['local']"


def test_no_host_path_in_what_the_tree_shows(wsb):
    code = ("import os, sys, json\nseen = []\nfor top, dirs, files in os.walk('/'):\n"
            "    seen += [os.path.join(top, n) for n in dirs + files]\n"
            "print(json.dumps([seen, sys.path, sys.prefix, sys.executable, os.path.realpath('.'),"
            " [os.readlink(p) for p in seen if os.path.islink(p)]]))")
    r = wsb.run("python", code)
    assert str(r.status) == "ok", r.stderr
    seen, path, prefix, exe, cwd, links = json.loads(r.stdout)
    assert seen == ["/usr", "/usr/local", "/usr/local/lib", "/usr/local/lib/python315.zip"]
    assert links == [] and cwd == "/" and prefix == "/usr/local"
    for p in [*path, exe]:
        assert p.startswith("/usr/local/"), p
    assert os.getcwd() not in r.stdout
