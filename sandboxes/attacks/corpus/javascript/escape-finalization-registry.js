// attack: escape-finalization-registry
// category: interpreter-escape
// tries: register a FinalizationRegistry callback that runs after the run ends
// source: ENGINE-NOTES (FinalizationRegistry callbacks fire during a later eval on the same context)
// verdict: status in {ok, violation, error, compile_error} and a follow-up run is clean
const r = new FinalizationRegistry(() => { globalThis.POISONED = true; Object.prototype.poisoned = 1; });
for (let i = 0; i < 1000; i++) r.register({}, i);
