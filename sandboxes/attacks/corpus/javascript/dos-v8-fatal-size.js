// attack: dos-v8-fatal-size
// category: resource-exhaustion
// tries: make V8 abort the whole process from one built-in call: a string split whose backing FixedArray would
// tries: exceed V8's maximum size hits a deliberate crash ("Fatal JavaScript invalid size error")
// source: crbug.com/1201626, V8's fix for CVE-2021-30551-class size overflows (it crashes instead of overflowing)
// verdict: status in {error, memory_limit} and output lacks "v8::" and output lacks ".cc" and a follow-up run is clean
// timeout_s: 2
// exclusive: true
const parts = "x".repeat(2 ** 28).split("");
console.log(parts.length);
