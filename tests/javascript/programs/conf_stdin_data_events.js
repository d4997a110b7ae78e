let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { buf += c; });
process.stdin.on('end', () => {
  const words = buf.split(/\s+/).filter(Boolean);
  const freq = new Map();
  for (const w of words) freq.set(w.toLowerCase(), (freq.get(w.toLowerCase()) || 0) + 1);
  const top = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  console.log(words.length, freq.size, top);
  console.log([...'héllo😀'].length, 'héllo😀'.length, Buffer.byteLength(buf), buf.normalize('NFD').length);
});
