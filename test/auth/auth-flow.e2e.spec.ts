import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.js';

// The whole flow of the Nuts manual with the dummy means, over HTTP against a real node: create a DID, issue and
// trust its NutsOrganizationCredential, draw up a contract, sign it with the dummy means, verify the presentation.

interface Problem {
  title: string;
  status: number;
  detail: string;
}

interface DummyVp {
  '@context': string[];
  type: string[];
  proof: Record<string, string>;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function expectProblem(res: Response, status: number, title: string, detail?: string | RegExp): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = await json<Problem>(res);
  expect(problem.title).toBe(title);
  expect(problem.status).toBe(status);
  if (typeof detail === 'string') expect(problem.detail).toBe(detail);
  else if (detail) expect(problem.detail).toMatch(detail);
  return problem;
}

describe('Nuts auth v1 flow with the dummy means', () => {
  let node: TestNode;
  let did: string;
  let credential: Record<string, unknown>;

  async function createOrganization(name: string, city: string, trust: boolean): Promise<{ did: string; vc: Record<string, unknown> }> {
    const created = await node.request('POST', '/internal/vdr/v2/did', { json: {} });
    expect([200, 201]).toContain(created.status);
    const document = await json<{ id: string }>(created);
    const issued = await node.request('POST', '/internal/vcr/v2/issuer/vc', {
      json: { type: 'NutsOrganizationCredential', issuer: document.id, credentialSubject: { id: document.id, organization: { name, city } } },
    });
    expect(issued.status).toBe(200);
    const vc = await json<Record<string, unknown>>(issued);
    if (trust) {
      const trusted = await node.request('POST', '/internal/vcr/v2/verifier/trust', {
        json: { issuer: document.id, credentialType: 'NutsOrganizationCredential' },
      });
      expect(trusted.status).toBe(204);
    }
    return { did: document.id, vc };
  }

  async function drawUp(body: Record<string, unknown>): Promise<Response> {
    return node.request('PUT', '/internal/auth/v1/contract/drawup', { json: { type: 'BehandelaarLogin', language: 'NL', version: 'v3', legalEntity: did, ...body } });
  }

  async function signWithDummy(text: string): Promise<DummyVp> {
    const started = await node.request('POST', '/internal/auth/v1/signature/session', { json: { means: 'dummy', payload: text, params: {} } });
    expect(started.status).toBe(201);
    const session = await json<{ means: string; sessionID: string; sessionPtr: { sessionID: string } }>(started);
    const poll = () => node.request('GET', `/internal/auth/v1/signature/session/${session.sessionID}`);
    expect(await json(await poll())).toEqual({ status: 'created' });
    expect(await json(await poll())).toEqual({ status: 'in-progress' });
    const done = await json<{ status: string; verifiablePresentation: DummyVp }>(await poll());
    expect(done.status).toBe('completed');
    return done.verifiablePresentation;
  }

  async function verify(vp: unknown, extra: Record<string, unknown> = {}): Promise<Response> {
    return node.request('PUT', '/internal/auth/v1/signature/verify', { json: { verifiablePresentation: vp, ...extra } });
  }

  beforeAll(async () => {
    node = await startTestNode();
    const org = await createOrganization('CareBears', 'Caretown', true);
    did = org.did;
    credential = org.vc;
  });
  afterAll(async () => node?.close());

  it('serves the contract templates with the Nuts quirks (exact case, no nl default)', async () => {
    const res = await node.request('GET', '/public/auth/v1/contract/BehandelaarLogin?language=NL');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      language: 'NL',
      template:
        'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van {{{legal_entity}}} te {{{legal_entity_city}}}. Deze verklaring is geldig van {{valid_from}} tot {{valid_to}}.',
      template_attributes: ['legal_entity', 'legal_entity_city', 'valid_from', 'valid_to'],
      type: 'BehandelaarLogin',
      version: 'v3',
    });
    const en = await json<{ version: string }>(await node.request('GET', '/public/auth/v1/contract/PractitionerLogin?language=EN&version=v3'));
    expect(en.version).toBe('v3');
    await expectProblem(await node.request('GET', '/public/auth/v1/contract/BehandelaarLogin'), 404, 'GetContractByType failed', 'could not find contract template');
    await expectProblem(await node.request('GET', '/public/auth/v1/contract/BehandelaarLogin?language=nl'), 404, 'GetContractByType failed');
    await expectProblem(await node.request('GET', '/public/auth/v1/contract/BehandelaarLogin?language=NL&version=v2'), 404, 'GetContractByType failed');
  });

  it('draws up, signs, and verifies: validity true with issuerAttributes and credentials', async () => {
    const drawn = await drawUp({ validFrom: '2030-06-24T14:32:00+02:00', validDuration: '2h' });
    expect(drawn.status).toBe(200);
    expect(await drawn.json()).toEqual({
      language: 'NL',
      type: 'BehandelaarLogin',
      version: 'v3',
      message:
        'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van CareBears te Caretown. Deze verklaring is geldig van maandag, 24 juni 2030 14:32:00 tot maandag, 24 juni 2030 16:32:00.',
    });

    const now = await json<{ message: string }>(await drawUp({}));
    const vp = await signWithDummy(now.message);
    expect(vp.type).toEqual(['VerifiablePresentation', 'DummyVerifiablePresentation']);
    expect(vp.proof).toMatchObject({ Contract: now.message, Type: 'NoSignature', FamilyName: 'Dummy' });

    const res = await verify(vp);
    expect(res.status).toBe(200);
    const result = await json<{ validity: boolean; vpType: string; issuerAttributes: Record<string, string>; credentials: Record<string, string> }>(res);
    expect(result.validity).toBe(true);
    expect(result.vpType).toBe('DummyVerifiablePresentation');
    expect(result.issuerAttributes).toEqual({
      initials: 'I',
      prefix: 'von',
      familyname: 'Dummy',
      email: 'tester@example.com',
      username: 'tester@example.com',
      assurance_level: 'low',
    });
    expect(result.credentials).toMatchObject({ legal_entity: 'CareBears', legal_entity_city: 'Caretown' });
    expect(now.message).toContain(`geldig van ${result.credentials['valid_from']} tot ${result.credentials['valid_to']}.`);

    // The YAML's capitalised key works too.
    expect(await json(await node.request('PUT', '/internal/auth/v1/signature/verify', { json: { VerifiablePresentation: vp } }))).toMatchObject({ validity: true });
  });

  it('says validity false (and nothing more) for an altered contract, an altered name, or outside the period', async () => {
    const { message } = await json<{ message: string }>(await drawUp({ validDuration: '1h' }));
    const vp = await signWithDummy(message);
    const altered = { ...vp, proof: { ...vp.proof, Contract: message.replace('CareBears', 'EvilBears') } };
    expect(await json(await verify(altered))).toEqual({ validity: false });
    const renamed = { ...vp, proof: { ...vp.proof, FamilyName: 'Mallory' } };
    expect(await json(await verify(renamed))).toEqual({ validity: false });
    expect(await json(await verify(vp, { checkTime: '2000-01-01T00:00:00Z' }))).toEqual({ validity: false });
    expect(await json(await verify(vp, { checkTime: new Date(Date.now() + 3 * 3600_000).toISOString() }))).toEqual({ validity: false });
  });

  it('takes name and city from an inline organizationCredential', async () => {
    const res = await drawUp({ organizationCredential: credential, language: 'EN', type: 'PractitionerLogin' });
    expect(res.status).toBe(200);
    expect((await json<{ message: string }>(res)).message).toMatch(/^EN:PractitionerLogin:v3 I hereby declare to act on behalf of CareBears located in Caretown\./);
  });

  it('refuses drawup (400, Nuts texts) for an untrusted credential issuer and for an unknown DID', async () => {
    const untrusted = await createOrganization('Untrusted', 'Nowhere', false);
    await expectProblem(
      await drawUp({ legalEntity: untrusted.did }),
      400,
      'DrawUpContract failed',
      'could not draw up contract: could not find a NutsOrganizationCredential for this legalEntity issued by a trusted issuer',
    );
    const unknown = await expectProblem(await drawUp({ legalEntity: `${did}0` }), 400, 'DrawUpContract failed');
    expect(unknown.detail).toMatch(/^could not draw up contract: /);
  });

  it('refuses bad drawup input with Nuts texts', async () => {
    await expectProblem(await drawUp({ validFrom: 'gisteren' }), 400, 'DrawUpContract failed', /^could not parse validFrom: parsing time "gisteren"/);
    await expectProblem(
      await drawUp({ validDuration: '15 minutes' }),
      400,
      'DrawUpContract failed',
      'could not parse validDuration: time: unknown unit " minutes" in duration "15 minutes"',
    );
    await expectProblem(await drawUp({ type: 'PgoLogin' }), 404, 'DrawUpContract failed', 'no contract found for given combination of type, version, and language');
    await expectProblem(await drawUp({ language: 'nl' }), 404, 'DrawUpContract failed');
    await expectProblem(await drawUp({ legalEntity: 'not a did' }), 400, 'DrawUpContract failed', /^invalid value '<omitted>' for param legalEntity: /);
    await expectProblem(await drawUp({ legalEntity: 'urn:x' }), 400, 'DrawUpContract failed', "invalid value 'urn:x' for param legalEntity: invalid DID");
    await expectProblem(await drawUp({ type: 42 }), 400, 'DrawUpContract failed', /type must be a string/);
    await expectProblem(await drawUp({ surprise: true }), 400, 'DrawUpContract failed', /property surprise should not exist/);
    // As Nuts: v1 cannot be drawn up (no acting party), the rendered text fails its own regex.
    await expectProblem(
      await drawUp({ version: 'v1' }),
      500,
      'DrawUpContract failed',
      'could not draw up contract: invalid contract text: could not match the contract template regex',
    );
  });

  it('refuses bad session starts and unknown sessions with Nuts texts', async () => {
    const start = (body: unknown) => node.request('POST', '/internal/auth/v1/signature/session', { json: body });
    await expectProblem(await start({ means: 'uzi', payload: 'x' }), 400, 'CreateSignSession failed', 'unable to create sign challenge: unknown signing means');
    await expectProblem(await start({ means: 'dummy', payload: '' }), 400, 'CreateSignSession failed', 'unable to create sign challenge: can not sign an empty message');
    await expectProblem(
      await start({ means: 'dummy', payload: 'Tm90IGEgY29udHJhY3Q=' }),
      400,
      'CreateSignSession failed',
      'unable to create sign challenge: invalid contract text: could not extract contract version, language and type',
    );
    await expectProblem(await start({ means: 'dummy', payload: 7 }), 400, 'CreateSignSession failed', /payload must be a string/);
    await expectProblem(
      await node.request('GET', '/internal/auth/v1/signature/session/00112233445566778899aabbccddeeff'),
      404,
      'GetSignSessionStatus failed',
      'failed to get session status for 00112233445566778899aabbccddeeff, reason: session not found',
    );
  });

  it('refuses unreadable presentations with 400 and Nuts texts', async () => {
    const prefix = 'unable to verify the verifiable presentation: ';
    await expectProblem(await verify({ type: ['VerifiablePresentation'] }), 400, 'VerifySignature failed', `${prefix}unprocessable VerifiablePresentation, exactly 1 custom type is expected`);
    await expectProblem(await verify({ type: ['VerifiablePresentation', 'NutsUziPresentation'] }), 400, 'VerifySignature failed', `${prefix}unknown VerifiablePresentation type: NutsUziPresentation`);
    await expectProblem(await verify({ type: 'DummyVerifiablePresentation', proof: [] }), 400, 'VerifySignature failed', `${prefix}invalid number of proofs in Dummy proof: got 0, expected 1`);
    await expectProblem(await verify({ type: 'DummyVerifiablePresentation', proof: { Contract: 'garbage' } }), 400, 'VerifySignature failed', /^unable to verify the verifiable presentation: invalid contract text/);
    await expectProblem(await verify({ type: 'DummyVerifiablePresentation', proof: {} }, { checkTime: 'now' }), 400, 'VerifySignature failed', /^could not parse checkTime: parsing time "now"/);
    await expectProblem(await node.request('PUT', '/internal/auth/v1/signature/verify', { json: {} }), 400, 'VerifySignature failed', 'verifiablePresentation is required');
  });

  it('answers malformed JSON, wrong content types and oversized bodies with 4xx problem+json and stays up', async () => {
    const raw = (path: string, body: string, contentType: string) => node.request('PUT', path, { body, headers: { 'content-type': contentType } });
    await expectProblem(await raw('/internal/auth/v1/contract/drawup', '{"type": ', 'application/json'), 400, 'Malformed JSON');
    await expectProblem(await raw('/internal/auth/v1/signature/verify', '[1,2', 'application/json'), 400, 'Malformed JSON');
    for (const [path, body, type] of [
      ['/internal/auth/v1/contract/drawup', 'type=BehandelaarLogin', 'application/x-www-form-urlencoded'],
      ['/internal/auth/v1/signature/verify', '{}', 'text/plain'],
      ['/internal/auth/v1/contract/drawup', '<drawup/>', 'application/xml'],
    ] as const) {
      const wrongType = await raw(path, body, type);
      expect(wrongType.status).toBe(415);
      expect(wrongType.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const postForm = await node.request('POST', '/internal/auth/v1/signature/session', { body: 'means=dummy', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(postForm.status).toBe(415);
    const huge = JSON.stringify({ verifiablePresentation: { type: 'DummyVerifiablePresentation', proof: { Contract: 'x'.repeat(1024 * 1024) } } });
    const tooLarge = await raw('/internal/auth/v1/signature/verify', huge, 'application/json');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const array = await node.request('POST', '/internal/auth/v1/signature/session', { json: [1, 2, 3] });
    expect(array.status).toBe(400);
    const status = await node.request('GET', '/status');
    expect(status.status).toBe(200);
    expect(await status.text()).toBe('OK');
  });

  it('lists the auth operations in /openapi.json', async () => {
    const doc = await json<{ paths: Record<string, Record<string, { operationId: string }>> }>(await node.request('GET', '/openapi.json'));
    expect(doc.paths['/public/auth/v1/contract/{contractType}']?.['get']?.operationId).toBe('GetContractByType');
    expect(doc.paths['/internal/auth/v1/contract/drawup']?.['put']?.operationId).toBe('DrawUpContract');
    expect(doc.paths['/internal/auth/v1/signature/session']?.['post']?.operationId).toBe('CreateSignSession');
    expect(doc.paths['/internal/auth/v1/signature/session/{sessionID}']?.['get']?.operationId).toBe('GetSignSessionStatus');
    expect(doc.paths['/internal/auth/v1/signature/verify']?.['put']?.operationId).toBe('VerifySignature');
  });
});

describe('strict mode', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode({
      NUTSHELL_STRICTMODE: 'true',
      NUTSHELL_MEANS: 'irma',
      NUTSHELL_PUBLIC_URL: 'https://nutshell.example.com',
      NUTSHELL_KEYSTORE_PASSPHRASE: 'correct horse battery staple',
    });
  });
  afterAll(async () => node?.close());

  it('does not offer the dummy means: sessions and presentations are refused with 400', async () => {
    const start = await node.request('POST', '/internal/auth/v1/signature/session', {
      json: { means: 'dummy', payload: 'NL:BehandelaarLogin:v3 Hierbij verklaar ik te handelen in naam van A te B. Deze verklaring is geldig van maandag, 24 juni 2019 14:32:00 tot maandag, 24 juni 2019 16:32:00.' },
    });
    await expectProblem(start, 400, 'CreateSignSession failed', 'unable to create sign challenge: unknown signing means');
    const verify = await node.request('PUT', '/internal/auth/v1/signature/verify', {
      json: { verifiablePresentation: { type: ['VerifiablePresentation', 'DummyVerifiablePresentation'], proof: {} } },
    });
    await expectProblem(verify, 400, 'VerifySignature failed', 'unable to verify the verifiable presentation: unknown VerifiablePresentation type: DummyVerifiablePresentation');
  });
});
