const input = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const { name, age = 'unknown', address: { city = 'n/a' } = {}, ...others } of input) {
  console.log(`${name} (${age}) from ${city}; other keys: ${Object.keys(others).join(',') || 'none'}`);
}
const [{ name: firstName }, ...restPeople] = input;
console.log(firstName, restPeople.length);
const merged = input.reduce((acc, p) => ({ ...acc, [p.name]: p.age ?? null }), {});
console.log(merged);
const swap = ([a, b]) => [b, a];
console.log(swap([1, 2]), Math.max(...input.map((p) => p.age ?? 0)), [...'héllo'], { ...'ab' });
function f({ a = 1, b: { c = 2 } = {} } = {}, ...rest) { return [a, c, rest.length]; }
console.log(f(), f({ a: 5, b: { c: 6 } }, 7, 8));
