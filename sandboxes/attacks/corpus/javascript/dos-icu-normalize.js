// attack: dos-icu-normalize
// category: resource-exhaustion
// tries: one ICU call whose cost is quadratic and that never checks for V8 termination: String.prototype.normalize
// tries: on 2M combining marks of alternating canonical classes (230/220), sorted by insertion; it holds the
// tries: isolate's thread for minutes past the deadline
// source: Unicode UAX #15 "Stream-Safe Text Format" (bounds runs of non-starters for this reason);
// source: Crosby & Wallach, "Denial of Service via Algorithmic Complexity Attacks", USENIX Security 2003
// verdict: status == timeout and returns within 3 s and a follow-up run is clean
// timeout_s: 1
// exclusive: true
const s = "a" + "\u0301\u0316".repeat(1e6);
const r = s.normalize("NFD");
console.log("finished", r.length);
