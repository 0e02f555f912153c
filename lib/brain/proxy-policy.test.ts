import { describe, expect, test } from 'vitest';
import { proxyTargetError } from './proxy-policy';

describe('proxyTargetError', () => {
  test.each([
    ['https://api.openai.com/v1', null],
    ['https://example.org:8443/v1', null],
    ['http://localhost:11434/v1', 'local'],
    ['http://127.0.0.1:1234/v1', 'local'],
    ['http://10.1.2.3/v1', 'local'],
    ['http://192.168.1.20:8000/v1', 'local'],
    ['http://172.20.0.5/v1', 'local'],
    ['http://[::1]:8080/v1', 'local'],
    ['http://169.254.169.254/latest', 'local'],
    ['file:///etc/passwd', 'scheme'],
    ['not a url', 'invalid'],
  ])('%s', (endpoint, kind) => {
    const error = proxyTargetError(endpoint);
    if (kind === null) expect(error).toBeNull();
    else expect(error).toMatch(kind === 'local' ? /directly by the browser/ : kind === 'scheme' ? /http/ : /valid URL/);
  });
});
