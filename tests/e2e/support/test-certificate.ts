/**
 * A throwaway TLS certificate for the end-to-end tests' https servers, made with openssl at test time (no private key
 * is committed), and its SPKI hash: Chromium's `--ignore-certificate-errors-spki-list` trusts that one key and no other
 * invalid certificate, so every other TLS check stays on.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI list wants it. */
  spkiHash: string;
}

export function makeTestCertificate(hostNames: readonly string[]): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'team-charter-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${hostNames[0] ?? 'localhost'}`,
        '-addext',
        `subjectAltName=${hostNames.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `openssl could not make the test certificate (install Debian's openssl): ${String(error)}`,
    );
  }
  const key = readFileSync(keyFile, 'utf8');
  const cert = readFileSync(certFile, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
  return { key, cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
}
