// attack: dos-intl-icu-memory
// category: resource-exhaustion
// tries: allocate outside the V8 heap through ICU: every Intl.Segmenter#segment keeps a UTF-16 copy of its input
// tries: in ICU's heap (2 bytes per character), 60 copies of 10M characters = 1.2 GB behind a few small JS objects
// source: isolated-vm issue #112 "allocations not counted against memoryLimit" (the ArrayBuffer class);
// source: V8 Managed<> objects only report an estimate as external memory (GCs, no limit)
// verdict: status == memory_limit and returns within 8 s
// timeout_s: 2
const s = "a".repeat(1e7) + "b";
const seg = new Intl.Segmenter("en");
const keep = [];
for (let i = 0; i < 60; i++) keep.push(seg.segment(s));
const formatters = [];
for (let i = 0; i < 100000; i++) formatters.push(new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "full", timeStyle: "long" }));
console.log("kept", keep.length, formatters.length);
