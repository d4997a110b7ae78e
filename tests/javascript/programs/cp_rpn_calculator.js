const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const ops = { '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '^': (a, b) => a ** b };
for (const line of lines) {
  const st = [];
  try {
    for (const tok of line.split(/\s+/)) {
      if (tok in ops) {
        if (st.length < 2) throw new Error('stack underflow');
        const b = st.pop(), a = st.pop();
        st.push(ops[tok](a, b));
      } else if (!Number.isNaN(Number(tok))) st.push(Number(tok));
      else throw new Error(`bad token '${tok}'`);
    }
    if (st.length !== 1) throw new Error('leftover operands');
    console.log(Number.isInteger(st[0]) ? st[0] : st[0].toFixed(4));
  } catch (e) {
    console.log('error:', e.message);
  }
}
