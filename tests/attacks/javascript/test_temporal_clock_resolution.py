# Tries: rebuild a high-resolution timer without SharedArrayBuffer: Temporal.Now (nanosecond
# epoch values), Date.now / new Date, performance.now, Intl fractional seconds, and timer-callback
# arrival jitter (published: Schwarz et al., "Fantastic Timers and Where to Find Them", FC 2017;
# Chrome/Firefox clamping of performance.now and Temporal.Now after Spectre; TC39 Temporal
# proposal's note that Temporal.Now must be coarsened like Date.now).

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_no_clock_finer_than_a_millisecond(js, assert_clean):
    r = js("""
    const out = [typeof performance, typeof process];
    if (typeof Temporal === 'object' && Temporal.Now) {
      let sub = 0;
      for (let i = 0; i < 2000; i++) if (Temporal.Now.instant().epochNanoseconds % 1000000n !== 0n) sub++;
      out.push('temporal-sub-ms:' + sub);
    } else {
      out.push('temporal-sub-ms:0');
    }
    let frac = 0;
    for (let i = 0; i < 200; i++) if (!Number.isInteger(Date.now()) || !Number.isInteger(+new Date())) frac++;
    out.push('date-fractional:' + frac);
    let fine = 0;
    for (let i = 0; i < 200; i++) {
      if (!Number.isInteger(performance.now()) || process.hrtime()[1] % 1000000 !== 0
          || process.hrtime.bigint() % 1000000n !== 0n) fine++;
    }
    out.push('node-clocks-sub-ms:' + fine);
    const f = new Intl.DateTimeFormat('en', { fractionalSecondDigits: 3, second: 'numeric', timeZone: 'UTC' });
    out.push('intl-digits:' + f.format(new Date()).replace(/\\D/g, '').length);
    console.log(out.join(' '));
    """)
    assert r.status == "ok", r.stderr
    # performance and process are the prelude's shims, on Date.now's milliseconds.
    assert r.stdout == "object object temporal-sub-ms:0 date-fractional:0 node-clocks-sub-ms:0 intl-digits:5\n" or \
        r.stdout == "object object temporal-sub-ms:0 date-fractional:0 node-clocks-sub-ms:0 intl-digits:4\n"
    assert_clean()
