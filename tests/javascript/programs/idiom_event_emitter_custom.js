class Emitter {
  #handlers = {};
  on(evt, fn) { (this.#handlers[evt] ??= []).push(fn); return () => this.off(evt, fn); }
  off(evt, fn) { this.#handlers[evt] = (this.#handlers[evt] || []).filter((f) => f !== fn); }
  once(evt, fn) { const off = this.on(evt, (...a) => { off(); fn(...a); }); }
  emit(evt, ...args) { (this.#handlers[evt] || []).slice().forEach((f) => f(...args)); return this; }
}
const bus = new Emitter();
const totals = {};
bus.on('sale', (item, amt) => { totals[item] = (totals[item] || 0) + amt; });
bus.once('sale', (item) => console.log('first sale:', item));
const unsubscribe = bus.on('refund', (item, amt) => { totals[item] -= amt; });
for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  const [evt, item, amt] = line.split(' ');
  if (evt === 'stop-refunds') { unsubscribe(); continue; }
  bus.emit(evt, item, Number(amt));
}
console.log(totals);
