// attack: dos-json-stringify
// category: resource-exhaustion
// tries: leave a 128 MB string as the script's completion value, then build a 600 MB string with JSON.stringify
// tries: in a timer, so that converting either for the host costs memory outside every limit
// source: ENGINE-NOTES (values returned from eval are converted outside the limits); mini-racer issue on large return values
// verdict: status in {memory_limit, error, output_limit, timeout} and output lacks "yyyyyyyyyyyyyyyy" and returns within 8 s
// timeout_s: 2
setTimeout(() => {
  const o = { a: "x".repeat(1e6) };
  const k = [];
  for (let i = 0; i < 600; i++) k.push(o);
  const s = JSON.stringify(k);
  console.log(s);
}, 0);
"y".repeat(2 ** 27)
