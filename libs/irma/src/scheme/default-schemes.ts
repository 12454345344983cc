/** A remote scheme with its pinned public key (irmago `SchemePointer`). */
export interface SchemePointer {
  url: string;
  /** PKIX PEM of the scheme's ECDSA P-256 key; updates are verified against it. */
  publicKeyPem: string;
}

/**
 * irmago `DefaultSchemes`: what `irma server` installs into an empty `schemes_path`. The keys are pinned here so the
 * first download is not trust-on-first-use.
 */
export const DEFAULT_SCHEMES: readonly SchemePointer[] = Object.freeze([
  {
    url: 'https://schemes.yivi.app/irma-demo',
    publicKeyPem: `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEHVnmAY+kGkFZn7XXozdI4HY8GOjm
54ngh4chTfn6WsTCf2w5rprfIqML61z2VTE4k8yJ0Z1QbyW6cdaao8obTQ==
-----END PUBLIC KEY-----
`,
  },
  {
    url: 'https://schemes.yivi.app/pbdf',
    publicKeyPem: `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELzHV5ipBimWpuZIDaQQd+KmNpNop
dpBeCqpDwf+Grrw9ReODb6nwlsPJ/c/gqLnc+Y3sKOAJ2bFGI+jHBSsglg==
-----END PUBLIC KEY-----
`,
  },
]);
