class PQ {
  constructor(cmp) { this.h = []; this.cmp = cmp; }
  push(v) { this.h.push(v); this.h.sort(this.cmp); }
  pop() { return this.h.shift(); }
  get size() { return this.h.length; }
}
const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const tasks = lines.map((l, i) => { const [name, arrive, dur, prio] = l.split(' '); return { name, arrive: +arrive, dur: +dur, prio: +prio, i }; });
const pq = new PQ((a, b) => a.prio - b.prio || a.arrive - b.arrive || a.i - b.i);
let t = 0, k = 0;
const log = [];
tasks.sort((a, b) => a.arrive - b.arrive);
while (k < tasks.length || pq.size) {
  while (k < tasks.length && tasks[k].arrive <= t) pq.push(tasks[k++]);
  if (!pq.size) { t = tasks[k].arrive; continue; }
  const task = pq.pop();
  log.push(`${String(t).padStart(3)}: ${task.name} (p${task.prio}) until ${t + task.dur}`);
  t += task.dur;
}
console.log(log.join('\n'));
