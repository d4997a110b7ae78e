const prec = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };
const right = { '^': true };
function toRPN(expr) {
  const out = [], ops = [];
  for (const tok of expr.match(/\d+(?:\.\d+)?|[-+*/^()]/g)) {
    if (/\d/.test(tok)) out.push(tok);
    else if (tok === '(') ops.push(tok);
    else if (tok === ')') { while (ops.at(-1) !== '(') out.push(ops.pop()); ops.pop(); }
    else {
      while (ops.length && ops.at(-1) !== '(' && (prec[ops.at(-1)] > prec[tok] || (prec[ops.at(-1)] === prec[tok] && !right[tok]))) out.push(ops.pop());
      ops.push(tok);
    }
  }
  return [...out, ...ops.reverse()];
}
function evalRPN(rpn) {
  const st = [];
  for (const t of rpn) {
    if (!(t in prec)) { st.push(parseFloat(t)); continue; }
    const b = st.pop(), a = st.pop();
    st.push(t === '+' ? a + b : t === '-' ? a - b : t === '*' ? a * b : t === '/' ? a / b : a ** b);
  }
  return st[0];
}
for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  const rpn = toRPN(line);
  console.log(`${line} => ${rpn.join(' ')} = ${evalRPN(rpn)}`);
}
