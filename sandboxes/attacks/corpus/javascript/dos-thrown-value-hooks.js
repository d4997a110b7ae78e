// attack: dos-thrown-value-hooks
// category: resource-exhaustion
// tries: throw a value whose conversion loops forever inside the embedder's error reporting, after the script
// tries: "finished": a looping toString / Symbol.toPrimitive / stack and message getters, and an
// tries: Error.prepareStackTrace that never returns
// source: vm2 CVE-2022-36067 / GHSA-mrgp-mrhc-5jrq "exception objects handled by the host call guest code";
// source: isolated-vm issue on "exceptions with getters executed outside the timeout"
// verdict: status in {timeout, error} and returns within 3 s and output lacks "sandboxes-prelude"
// verdict: and a follow-up run is clean
// timeout_s: 1
// exclusive: true
Error.prepareStackTrace = () => { for (;;) {} };
throw {
  toString() { for (;;) {} },
  [Symbol.toPrimitive]() { for (;;) {} },
  get stack() { for (;;) {} },
  get message() { for (;;) {} },
  get name() { for (;;) {} },
};
