const state = JSON.parse(require('fs').readFileSync(0, 'utf8'));
state.created = new Date(Date.UTC(2024, 0, 15));
state.tags = new Set(state.tags);
const snapshot = structuredClone(state);
state.items.push({ id: 99 });
state.tags.add('mutated');
console.log(snapshot.items.length, state.items.length, snapshot.tags.has('mutated'), snapshot.created instanceof Date);
console.log(snapshot);
try { structuredClone({ fn: () => 1 }); } catch (e) { console.log(e.name); }
