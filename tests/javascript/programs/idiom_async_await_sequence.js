const sleep = (ms, v) => new Promise((res) => setTimeout(() => res(v), ms));
async function worker(name, jobs) {
  const done = [];
  for (const j of jobs) { await sleep(j * 2); done.push(`${name}:${j}`); }
  return done;
}
async function main() {
  const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
  const tasks = lines.map((l, i) => worker(`w${i}`, l.split(' ').map(Number)));
  const results = await Promise.all(tasks);
  results.forEach((r) => console.log(r.join(' ')));
  const first = await Promise.race([sleep(20, 'slow'), sleep(1, 'fast')]);
  const settled = await Promise.allSettled([Promise.reject(new Error('nope')), sleep(1, 'ok')]);
  console.log(first, settled.map((s) => s.status + ':' + (s.value ?? s.reason.message)));
  const any = await Promise.any([Promise.reject(1), sleep(2, 'any-ok')]);
  console.log(any);
  try { await Promise.any([Promise.reject(1), Promise.reject(2)]); } catch (e) { console.log(e.constructor.name, e.errors); }
}
main().then(() => console.log('done'));
