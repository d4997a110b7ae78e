for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  const [num, from, to] = line.split(' ');
  const value = parseInt(num, Number(from));
  console.log(`${num} (base ${from}) = ${value.toString(Number(to)).toUpperCase()} (base ${to})`);
}
