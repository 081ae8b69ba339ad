// The JavaScript side of the host API, run once in every resource's context before its entry module. It gets the
// host's functions as `host` and keeps them in this closure: scripts see only what it installs on globalThis.
(function (host) {
  'use strict';
  const inspect = (value, depth) => {
    if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
    if (typeof value === 'function') return `[Function: ${value.name || 'anonymous'}]`;
    if (value instanceof Error) return value.stack || String(value);
    if (value === null || typeof value !== 'object') return String(value);
    if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
    try {
      if (Array.isArray(value)) return `[ ${value.map((v) => inspect(v, depth + 1)).join(', ')} ]`;
      const keys = Object.keys(value);
      if (keys.length === 0) return String(value) === '[object Object]' ? '{}' : String(value);
      return `{ ${keys.map((k) => `${k}: ${inspect(value[k], depth + 1)}`).join(', ')} }`;
    } catch (e) {
      return String(value);
    }
  };
  // Node's util.format: %s %d %i %f %j %o %O %c %%, the rest appended with spaces.
  const format = (...args) => {
    let out = '';
    let rest = args;
    if (typeof args[0] === 'string') {
      let i = 1;
      out = args[0].replace(/%[sdifjoOc%]/g, (spec) => {
        if (spec === '%%') return '%';
        if (i >= args.length) return spec;
        const v = args[i++];
        switch (spec) {
          case '%s': return typeof v === 'string' ? v : inspect(v, 1);
          case '%d': return typeof v === 'object' ? 'NaN' : String(Number(v));
          case '%i': return String(parseInt(v, 10));
          case '%f': return String(parseFloat(v));
          case '%j': try { return JSON.stringify(v); } catch (e) { return '[Circular]'; }
          case '%c': return '';
          default: return inspect(v, 1);
        }
      });
      rest = args.slice(i);
    }
    for (const v of rest) out += (out.length ? ' ' : '') + inspect(v, 0);
    return out;
  };
  const log = (level) => (...args) => host.log(level, format(...args));
  globalThis.console = Object.freeze({
    log: log('info'), info: log('info'), debug: log('info'), trace: log('info'), warn: log('warn'),
    error: log('error'),
  });

  // Timers on the game loop: one tick is 50 ms; callbacks run on the game thread, as do the promise jobs they start.
  const timer = (repeat) => (fn, ms = 0, ...args) => {
    if (typeof fn !== 'function') throw new TypeError('the callback must be a function');
    const ticks = Math.max(repeat ? 1 : 0, Math.ceil((Number(ms) || 0) / 50));
    return host.timer(ticks, repeat ? ticks : 0, () => fn(...args));
  };
  globalThis.setTimeout = timer(false);
  globalThis.setInterval = timer(true);
  globalThis.clearTimeout = (id) => { if (id !== undefined && id !== null) host.cancel(id); };
  globalThis.clearInterval = globalThis.clearTimeout;

  return Object.freeze({
    // A promise the host settles later: the host function gets resolve and reject.
    promise: (start) => new Promise((resolve, reject) => start(resolve, reject)),
    // Whether a value is a thenable, and waiting for it from the host.
    isThenable: (value) => value !== null && typeof value === 'object' && typeof value.then === 'function',
    settle: (value, done, failed) => { Promise.resolve(value).then(done, failed); },
  });
})
