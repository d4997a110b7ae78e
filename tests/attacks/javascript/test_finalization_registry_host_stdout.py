# Tries: throw from a FinalizationRegistry cleanup callback. V8 runs cleanup as a platform task
# outside any TryCatch of the embedder, so an uncaught exception there goes to V8's default
# message reporter, which printf()s "<file>:<line>: Uncaught <message>" on the host process's
# stdout, past the output buffer and its cap (published: V8 src/execution/messages.cc
# MessageHandler::DefaultMessageReport; TC39 WeakRefs proposal: cleanup callbacks run as their
# own host job, outside the code that registered them).
import ctypes
import os


SAFE_IN_PROCESS = True  # small objects, a short churn: no memory, CPU or builtin bomb

MARKER = "GUEST-FR-" + os.urandom(4).hex()
CODE = """
const fr = new FinalizationRegistry((held) => { throw new Error('MARKER ' + held + ' ' + 'Z'.repeat(2000)); });
for (let i = 0; i < 50; i++) fr.register({ pad: [i] }, i);
let n = 0;
(function churn() {
  let junk = [];
  for (let i = 0; i < 100000; i++) junk.push({ i });
  junk = null;
  if (++n < 10) setTimeout(churn, 5);
})();
console.log('main done');
""".replace("MARKER", MARKER)


def test_cleanup_exceptions_do_not_reach_host_streams(js, assert_clean, isolation, capfd):
    # Unwrapped, V8's default message reporter printed the callback's exception on the host
    # process's stdout (in-process: guest text, unbounded, outside max_output_bytes).
    for _ in range(3):
        r = js(CODE)
        assert r.status in ("ok", "error")
        assert r.stdout == "main done\n"
    ctypes.CDLL(None).fflush(None)  # V8 writes through C stdio
    out, err = capfd.readouterr()
    assert MARKER not in out and MARKER not in err, (out + err)[:300]
    assert_clean()
