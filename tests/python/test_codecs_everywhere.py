"""Every codec of CPython's standard library works in a run, in both isolations, as natively.

Found by the conformance round 5 (reports/conformance-round5.md, P1): a confined worker child cannot
read the standard library, and a codec's module is imported on its first use, so ``"x".encode("utf-16-le")``
was ``LookupError: unknown encoding`` under the default (worker) isolation.
"""

from __future__ import annotations

import encodings
import pkgutil
import subprocess
import sys


NAMES = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__)
               if m.name not in ("aliases", "mbcs", "oem", "idna", "punycode", "undefined", "charmap")
               and not m.name.endswith("_codec"))
PROGRAM = """
names = %r
text = "Hello, 世界 é ß Ω ж"
for n in names:
    try:
        data = text.encode(n, "replace")
        back = data.decode(n, "replace")
        print(n, len(data), len(back))
    except LookupError as e:
        print(n, "LookupError", e)
    except (UnicodeError, TypeError) as e:
        print(n, type(e).__name__)
print("x".encode("utf-16-le"), "\\u20ac".encode("cp1252"), b"\\x82\\xa0".decode("shift_jis"), "bücher.de".encode("idna"))
print(b"\\\\n\\\\u00e9".decode("unicode_escape"), "\\ufeffa".encode("utf-8-sig"), b"\\xef\\xbb\\xbfa".decode("utf-8-sig"))
""" % (NAMES,)


def test_every_codec_answers_as_natively(sb):
    native = subprocess.run([sys.executable, "-I", "-c", PROGRAM], capture_output=True, text=True, timeout=60)
    assert native.returncode == 0, native.stderr
    r = sb.run("python", PROGRAM, timeout=20)
    assert (r.status, r.stderr) == ("ok", "")
    assert r.stdout == native.stdout
    assert "unknown encoding" not in r.stdout
