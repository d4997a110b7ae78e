"""HumanEval-X JavaScript tasks as standalone programs for a bare V8 context.

``prompt + canonical_solution + test``, with two rewrites so the program needs no Node API:

* ``console.assert(`` becomes ``hxAssert(``, which throws: Node's ``console.assert`` only
  prints, so an unmodified test "passes" by exiting 0 whatever the solution returns.
* task 162's ``require('js-md5')`` becomes ``hxMd5``, an MD5 of the string's UTF-8 bytes with
  hex output written here (RFC 1321), prepended only to that program.

Any other ``require``/``console.*`` is refused (``ValueError``): the corpus has none, and a
silent pass-through would hide a changed dataset. The helpers go on the first line, so line
numbers in the program are the task's own.
"""

from __future__ import annotations

import re

_ASSERT = "function hxAssert(c, ...m) { if (!c) throw new Error('Assertion failed' + (m.length ? ': ' + m.join(' ') : '')); } "

# RFC 1321, on 32-bit words; input is encoded as UTF-8 first. Kept on one line.
_MD5 = " ".join("""
function hxMd5(text) {
  const b = [];
  for (const ch of String(text)) {
    let c = ch.codePointAt(0);
    if (c < 0x80) b.push(c);
    else if (c < 0x800) b.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) b.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else b.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  const bitLen = b.length * 8;
  b.push(0x80);
  while (b.length % 64 !== 56) b.push(0);
  for (let i = 0; i < 8; i++) b.push(i < 4 ? (bitLen >>> (8 * i)) & 255 : 0);
  const K = [], S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  for (let i = 0; i < 64; i++) K.push(Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) >>> 0);
  let a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
  for (let off = 0; off < b.length; off += 64) {
    const M = [];
    for (let i = 0; i < 16; i++) {
      const j = off + 4 * i;
      M.push((b[j] | (b[j + 1] << 8) | (b[j + 2] << 16) | (b[j + 3] << 24)) >>> 0);
    }
    let A = a0, B = b0, C = c0, D = d0;
    for (let i = 0; i < 64; i++) {
      let F, g;
      if (i < 16) { F = (B & C) | (~B & D); g = i; }
      else if (i < 32) { F = (D & B) | (~D & C); g = (5 * i + 1) % 16; }
      else if (i < 48) { F = B ^ C ^ D; g = (3 * i + 5) % 16; }
      else { F = C ^ (B | ~D); g = (7 * i) % 16; }
      const s = S[(i >> 4) * 4 + (i % 4)];
      const sum = (A + F + K[i] + M[g]) >>> 0;
      A = D; D = C; C = B;
      B = (B + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    a0 = (a0 + A) >>> 0; b0 = (b0 + B) >>> 0; c0 = (c0 + C) >>> 0; d0 = (d0 + D) >>> 0;
  }
  let hex = '';
  for (const w of [a0, b0, c0, d0]) {
    for (let i = 0; i < 4; i++) hex += ((w >>> (8 * i)) & 255).toString(16).padStart(2, '0');
  }
  return hex;
}
""".split()) + " "

_REQUIRE_MD5 = re.compile(r"""require\(\s*['"]js-md5['"]\s*\)""")


def assemble(task: dict) -> str:
    """One standalone program: prints nothing and ends normally iff every check passes."""
    body = task["prompt"] + task["canonical_solution"] + "\n" + task["test"].rstrip() + "\n"
    helpers = _ASSERT
    if _REQUIRE_MD5.search(body):
        body = _REQUIRE_MD5.sub("hxMd5", body)
        helpers += _MD5
    body = body.replace("console.assert(", "hxAssert(")
    leftover = re.search(r"\brequire\s*\(|\bconsole\.\w+", body)
    if leftover:
        raise ValueError(f"{task['task_id']}: unsupported construct {leftover.group()!r}")
    return helpers + body
