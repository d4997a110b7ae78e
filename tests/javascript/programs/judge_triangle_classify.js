const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
for (const line of lines) {
  const [a, b, c] = line.split(/\s+/).map(Number).sort((x, y) => x - y);
  let kind;
  if (a + b <= c) kind = 'not a triangle';
  else if (a === c) kind = 'equilateral';
  else if (a === b || b === c) kind = 'isosceles';
  else kind = 'scalene';
  const right = a + b > c && a * a + b * b === c * c ? ' (right)' : '';
  const s = (a + b + c) / 2;
  const area = a + b > c ? Math.sqrt(s * (s - a) * (s - b) * (s - c)) : 0;
  console.log(`${line.trim()}: ${kind}${right}, area ${area.toFixed(3)}`);
}
