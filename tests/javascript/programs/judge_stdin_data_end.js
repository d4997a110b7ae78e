let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const nums = input.trim().split(/\s+/).map(BigInt);
  let prod = 1n;
  for (const x of nums) prod *= x;
  console.log(prod.toString());
  console.log(String(prod).length);
});
