process.stdin.setEncoding('utf8');
let buf = '';
process.stdin.on('readable', () => {
  let chunk;
  while ((chunk = process.stdin.read()) !== null) buf += chunk;
});
process.stdin.on('end', () => {
  const nums = buf.split(/\s+/).filter(Boolean).map(Number);
  const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
  const sd = Math.sqrt(nums.reduce((a, b) => a + (b - mean) ** 2, 0) / nums.length);
  const sorted = [...nums].sort((a, b) => a - b);
  console.log(`n=${nums.length} mean=${mean.toFixed(3)} sd=${sd.toFixed(3)} min=${sorted[0]} max=${sorted.at(-1)}`);
});
