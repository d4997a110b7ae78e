async function* numbers(text) { for (const x of text.trim().split(/\s+/)) { await null; yield Number(x); } }
async function* mapAsync(src, f) { for await (const x of src) yield f(x); }
async function* batch(src, n) { let b = []; for await (const x of src) { b.push(x); if (b.length === n) { yield b; b = []; } } if (b.length) yield b; }
(async () => {
  const text = require('fs').readFileSync(0, 'utf8');
  for await (const group of batch(mapAsync(numbers(text), (x) => x * x), 3)) console.log(group.join(','));
  const it = numbers('1 2');
  console.log(await it.next(), await it.next(), await it.next());
})();
