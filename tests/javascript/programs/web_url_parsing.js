for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  try {
    const u = new URL(line);
    const params = Object.fromEntries(u.searchParams);
    console.log(`${u.protocol}//${u.hostname}${u.port ? ':' + u.port : ''} path=${u.pathname} params=${JSON.stringify(params)} hash=${u.hash || '-'}`);
  } catch (e) {
    console.log(`invalid: ${line} (${e.code})`);
  }
}
const u = new URL('/search?q=node+js&page=2', 'https://example.com/base/');
u.searchParams.set('page', '3');
u.searchParams.append('lang', 'en');
console.log(u.href);
