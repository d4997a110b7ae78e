// attack: escape-finalization-host-stdout
// category: interpreter-escape
// tries: throw from FinalizationRegistry cleanup callbacks, which V8 runs as tasks of their own outside any
// tries: TryCatch of the embedder, so the exception goes to V8's default message reporter (the host process's
// tries: stdout, past the output cap) or fires during a later run
// source: V8 src/execution/messages.cc MessageHandler::DefaultMessageReport; TC39 WeakRefs proposal
// source: (cleanup callbacks run as their own host job, outside the code that registered them)
// verdict: status in {ok, error} and a follow-up run is clean
// timeout_s: 2
// exclusive: true
const fr = new FinalizationRegistry((held) => {
  globalThis.leaked = held;
  Object.prototype.polluted = held;
  throw new Error("GUEST-FR-CLEANUP " + held + " " + "Z".repeat(2000));
});
for (let i = 0; i < 50; i++) fr.register({ pad: [i] }, i);
let n = 0;
(function churn() {
  let junk = [];
  for (let i = 0; i < 100000; i++) junk.push({ i });
  junk = null;
  if (++n < 10) setTimeout(churn, 5);
})();
console.log("main done");
