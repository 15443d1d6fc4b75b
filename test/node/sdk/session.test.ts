// Where a session goes: cookie or bearer token (the page's site, found with the browser's
// Public Suffix List), and where the token is kept. Browser globals are faked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, registrableDomain, resolveTransport, sessionTokenStore } from '@famille/sdk';
import { cookieJar, fakeStorage, withGlobals } from './support/fakes.ts';

const pageAt = (href: string, jar = cookieJar(new URL(href).hostname)) => ({ location: new URL(href), document: jar });

describe('registrableDomain', () => {
  test('finds the site under a public suffix: a.github.io, not github.io', () => {
    const jar = cookieJar('a.github.io');
    assert.equal(registrableDomain('a.github.io', jar), 'a.github.io');
    assert.equal(registrableDomain('deep.a.github.io', cookieJar('deep.a.github.io')), 'a.github.io');
    assert.equal(registrableDomain('www.ville.fr', cookieJar('www.ville.fr')), 'ville.fr');
    assert.equal(registrableDomain('www.ville.co.uk', cookieJar('www.ville.co.uk')), 'ville.co.uk');
    assert.equal(jar.jar.size, 0, 'the probe cookie is deleted');
  });

  test('IP addresses, localhost and single labels are their own site, without probing', () => {
    const jar = cookieJar('x', { accepts: false });
    for (const host of ['localhost', '127.0.0.1', '[::1]', '[::ffff:10.0.0.1]', 'intranet']) assert.equal(registrableDomain(host, jar), host);
  });

  test('no site when cookies are refused, forbidden, or there is no document', () => {
    assert.equal(registrableDomain('www.ville.fr', cookieJar('www.ville.fr', { accepts: false })), undefined);
    const sandboxed = {
      get cookie(): string {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      set cookie(_line: string) {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    assert.equal(registrableDomain('www.ville.fr', sandboxed), undefined);
    assert.equal(registrableDomain('www.ville.fr'), undefined, 'Node has no document');
  });
});

describe('resolveTransport', () => {
  test('auto picks the cookie when the API is on the page site, a token otherwise', async () => {
    await withGlobals(pageAt('https://www.ville.fr/famille'), () => {
      assert.equal(resolveTransport('https://famille.ville.fr/api'), 'cookie');
      assert.equal(resolveTransport('https://ville.fr/api'), 'cookie');
      assert.equal(resolveTransport('/api'), 'cookie');
      assert.equal(resolveTransport('https://api.editeur.com/api'), 'token');
      assert.equal(resolveTransport('https://ville.fr.editeur.com/api'), 'token');
      assert.equal(resolveTransport('http://famille.ville.fr/api'), 'token', 'another scheme is another site');
      assert.equal(resolveTransport('https://api.editeur.com/api', 'cookie'), 'cookie', 'an explicit choice stands');
    });
    assert.equal(resolveTransport('https://famille.ville.fr/api'), 'token', 'outside a browser: token');
  });

  test('two sites under one public suffix are two sites: a.github.io and b.github.io', async () => {
    await withGlobals(pageAt('https://a.github.io/'), () => {
      assert.equal(resolveTransport('https://b.github.io/api'), 'token');
      assert.equal(resolveTransport('https://api.a.github.io/api'), 'cookie');
      assert.equal(resolveTransport('https://a.github.io/api'), 'cookie');
    });
  });

  test('localhost and IP addresses compare exactly (ports aside)', async () => {
    await withGlobals(pageAt('http://localhost:8000/'), () => {
      assert.equal(resolveTransport('http://localhost:3000/api'), 'cookie');
      assert.equal(resolveTransport('http://api.localhost/api'), 'token');
    });
    await withGlobals(pageAt('http://127.0.0.1:8000/'), () => {
      assert.equal(resolveTransport('http://127.0.0.1:3000/api'), 'cookie');
      assert.equal(resolveTransport('http://127.0.0.2/api'), 'token');
    });
  });

  test('a page whose cookies are disabled uses the token, the one transport that can work', async () => {
    await withGlobals(pageAt('https://www.ville.fr/', cookieJar('www.ville.fr', { accepts: false })), () => {
      assert.equal(resolveTransport('https://famille.ville.fr/api'), 'token');
    });
  });
});

describe('sessionTokenStore', () => {
  test('keeps the token in sessionStorage, where a reloaded page finds it; undefined removes it', async () => {
    const storage = fakeStorage();
    await withGlobals({ sessionStorage: storage }, () => {
      sessionTokenStore('k').set('t1');
      assert.equal(storage.entries.get('k'), 't1');
      assert.equal(sessionTokenStore('k').get(), 't1', 'a new store (after a reload) reads it');
      sessionTokenStore('k').set(undefined);
      assert.equal(storage.entries.has('k'), false);
      assert.equal(sessionTokenStore('k').get(), undefined);
    });
  });

  test('falls back to memory where storage is refused or missing', async () => {
    for (const sessionStorage of [fakeStorage({ refuse: true }), undefined]) {
      await withGlobals({ sessionStorage }, () => {
        const store = sessionTokenStore('k');
        assert.equal(store.get(), undefined);
        store.set('t1');
        assert.equal(store.get(), 't1');
        store.set(undefined);
        assert.equal(store.get(), undefined);
      });
    }
  });

  test('falls back to memory when storage refuses to write (full)', async () => {
    const storage = fakeStorage();
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    await withGlobals({ sessionStorage: storage }, () => {
      const store = sessionTokenStore('k');
      store.set('t1');
      assert.equal(store.get(), 't1');
    });
  });

  test('a client keeps its token in memory unless given a store: two clients in one tab never share a session', async () => {
    const storage = fakeStorage();
    await withGlobals({ ...pageAt('https://www.ville.fr/'), sessionStorage: storage }, () => {
      const options = { baseUrl: 'https://api.editeur.com/api', tenant: 'vienne-condrieu' };
      const parent = createClient(options);
      assert.equal(parent.transport, 'token');
      parent.tokens.set('parent');
      createClient(options).tokens.set('agent');
      assert.equal(parent.tokens.get(), 'parent');
      assert.equal(storage.entries.size, 0, 'nothing in sessionStorage by default');
      const kept = createClient({ ...options, tokenStore: sessionTokenStore('famille-session:k') });
      kept.tokens.set('t1');
      assert.equal(
        createClient({ ...options, tokenStore: sessionTokenStore('famille-session:k') }).tokens.get(),
        't1',
        'with sessionTokenStore the session survives a reload',
      );
    });
  });
});
