import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from '../../../src/main/electron/static-files';

describe('resolveStaticFile', () => {
  const root = '/app/out/renderer';
  it('serves index.html for / and files below the root', () => {
    expect(resolveStaticFile(root, '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toBe('/app/out/renderer/assets/index-abc.js');
    expect(resolveStaticFile(root, '/assets/%ED%95%9C.png')).toBe('/app/out/renderer/assets/한.png');
  });
  it.each(['/../main/index.js', '/assets/../../preload/index.cjs', '/%2e%2e/main/index.js', '/..%2fmain', '/a%00.js', '/%E0%A4%A', '/..\\main', '/..'])('refuses %s', (p) => {
    expect(resolveStaticFile(root, p)).toBeNull();
  });
  it('knows the content types it serves', () => {
    expect(contentTypeFor('x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
