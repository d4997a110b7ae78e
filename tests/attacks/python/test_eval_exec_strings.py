# Attack: hide forbidden code in a string passed to eval()/exec() (built at run time so the static check
# cannot see it), or pass a globals dict with a real `__builtins__`, or use compile().
# Published: RestrictedPython docs and issues on eval/exec ("eval/exec must compile restricted");
# smolagents CVE-2025-5120 (exec/eval reachable); pyjail write-ups (exec(bytes.fromhex(...)), chr-built code).
import pytest

PAYLOADS = [
    "exec('imp' + 'ort os\\nprint(\"REACHED\", os.getcwd())')",
    "print('REACHED', eval('().__cl' + 'ass__.__base__.__subclasses__()'))",
    "exec(bytes.fromhex('7072696e7428225245414348454422' + '2c205f5f6275696c74696e735f5f29'))",  # print("REACHED", __builtins__)
    "exec(''.join(map(chr, [105, 109, 112, 111, 114, 116, 32, 111, 115])) + '\\nprint(\"REACHED\")')",
    "g = {'__builtins__': {'__import__': None}}\nexec('print(\"REACHED\", __import__(\"os\"))', g)",
    "exec('print(\"REACHED\", open(\"/etc/hostname\"))', {'__builtins__': {'open': 1}})",
    "print('REACHED', compile('1', 'x', 'eval'))",
    "exec('def f():\\n    return (x for x in [1]).gi_frame\\nprint(\"REACHED\", f())')",
    "exec('_sb_ga = 1\\nprint(\"REACHED\")')",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_strings_are_compiled_under_the_same_policy(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
