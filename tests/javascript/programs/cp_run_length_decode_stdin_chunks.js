const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const text = Buffer.concat(chunks).toString('utf8').trim();
  for (const line of text.split(/\r?\n/)) {
    const decoded = line.replace(/(\d+)([A-Za-z])/g, (_, n, ch) => ch.repeat(Number(n)));
    console.log(decoded, decoded.length);
  }
});
