function solve(input) {
  const [n, ...xs] = input.trim().split(/\s+/).map(Number);
  return xs.slice(0, n).filter((x) => x % 2 === 0).map((x) => x / 2);
}
module.exports = { solve };
if (require.main === module) {
  const res = solve(require('fs').readFileSync(0, 'utf8'));
  console.log(res.join(' ') || 'empty');
  console.log(typeof module.exports.solve, process.argv.length >= 2, process.argv.slice(2));
}
