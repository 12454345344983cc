import type { RecordedRequest } from './fetch-recorder.js';

/** The names the client's requests are compared under: the node base, pointer and tokens replaced. */
export interface SequenceNames {
  /** The requestor base the client was configured with (`session.url`). */
  readonly requestorUrl: string;
  /** The session pointer URL `sessionPtr.u`. */
  readonly u: string;
  /** The requestor token from the session package. */
  readonly token: string;
}

/** `METHOD path` with `{requestor}`, `{u}` and `{token}` in place of the concrete values. */
export function stepOf(request: RecordedRequest, names: SequenceNames): string {
  const url = request.url
    .replace(names.u, '{u}')
    .replace(names.requestorUrl, '{requestor}')
    .replace(`/${names.token}/`, '/{token}/');
  return `${request.method} ${url}`;
}

/**
 * The steps in order with runs of the same step collapsed to one: the number of status polls
 * depends on timing, their order around the other calls does not.
 */
export function collapsedSteps(requests: readonly RecordedRequest[], names: SequenceNames): string[] {
  const steps = requests.map((request) => stepOf(request, names));
  return steps.filter((step, i) => i === 0 || step !== steps[i - 1]);
}

/** The JSON bodies of the status polls, with runs of the same status collapsed. */
export function polledStatuses(requests: readonly RecordedRequest[], pollUrl: string): string[] {
  const statuses = requests
    .filter((request) => request.method === 'GET' && request.url === pollUrl && request.status === 200)
    .map((request) => {
      const body = JSON.parse(request.responseBody) as string | { status: string };
      return typeof body === 'string' ? body : body.status;
    });
  return statuses.filter((status, i) => i === 0 || status !== statuses[i - 1]);
}
