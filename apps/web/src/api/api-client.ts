import { codeForStatus, readErrorBody, WebError } from '../errors.ts';
import type { Dag, PipelineRun, PipelineRunDetail, TaskLog, TriggerParams } from './pipeline-types.ts';
import type {
  Alert,
  AliasMove,
  AuthMe,
  ChatAnalytics,
  ChatExamples,
  ChatResponse,
  LandingList,
  LandingRemoval,
  Lang,
  Prediction,
  RealizedResponse,
  RecommendQuery,
  RecommendResponse,
  ReportEntry,
  RequestFigures,
  ServingState,
  UiCatalog,
  UiFeatures,
  UsageResponse,
} from './contract.ts';
import type {
  AliasHistoryEntry,
  Experiment,
  GateRecord,
  MetricPoint,
  ModelDetails,
  Run,
  RunDetails,
} from './tracking-types.ts';

/** The registered model the platform trains and serves. */
export const MODEL_NAME = 'weekly-purchase';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A typed client for the SodAI server, one method per route the UI uses. Errors are `WebError`s
 * whose code says what to tell the user; the server's message is kept.
 *
 * @example
 * const api = new ApiClient('');
 * const p = await api.predict(12, 40, 'es');
 * console.log(p.probability, p.will_buy);
 */
export class ApiClient {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly sessionToken = '',
  ) {}

  /**
   * This client, sending `token` with every request that names no other: unless the server opens
   * its reads to everyone, models, runs, data and reports are shown only to a signed-in caller.
   */
  signedIn(token: string): ApiClient {
    return new ApiClient(this.baseUrl, this.fetchFn, token);
  }

  /** What `token` may do (its role, the alert inbox); a 401 `WebError` when the server does not know the token. */
  authMe(token: string): Promise<AuthMe> {
    return this.get('/api/auth/me', token);
  }
  serving(lang: Lang): Promise<ServingState> {
    return this.get(`/api/serving?lang=${lang}`);
  }
  /** Realized performance per predicted week (issue 14). */
  realized(): Promise<RealizedResponse> {
    return this.get('/api/monitor/realized');
  }
  /** Usage from the prediction log over the last `days` days (issue 14). */
  usage(days = 30): Promise<UsageResponse> {
    return this.get(`/api/monitor/usage?days=${days}`);
  }
  /** Requests and response times per part of the server, and predictions per model version. */
  requestFigures(): Promise<RequestFigures> {
    return this.get('/api/monitor/requests');
  }
  catalog(): Promise<UiCatalog> {
    return this.get('/api/ui/catalog');
  }
  features(): Promise<UiFeatures> {
    return this.get('/api/ui/features');
  }
  predict(customerId: number, productId: number, lang: Lang): Promise<Prediction> {
    return this.post(`/predict?lang=${lang}`, { customer_id: customerId, product_id: productId });
  }
  recommend(query: RecommendQuery, lang: Lang): Promise<RecommendResponse> {
    return this.post(`/recommend?lang=${lang}`, query);
  }
  chat(message: string, lang: Lang, sessionId?: string): Promise<ChatResponse> {
    return this.post('/chat', { message, lang, ...(sessionId ? { session_id: sessionId } : {}) });
  }
  async chatFeedback(questionId: string, rating: 'up' | 'down'): Promise<void> {
    await this.send('/chat/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question_id: questionId, rating }),
    });
  }
  chatExamples(lang: Lang): Promise<ChatExamples> {
    return this.get(`/api/chat/examples?lang=${lang}`);
  }
  chatAnalytics(limit = 10): Promise<ChatAnalytics> {
    return this.get(`/api/chat/analytics?limit=${limit}`);
  }
  model(name = MODEL_NAME): Promise<ModelDetails> {
    return this.get(`/api/tracking/models/${encodeURIComponent(name)}`);
  }
  aliasHistory(alias: string, name = MODEL_NAME): Promise<AliasHistoryEntry[]> {
    return this.get(
      `/api/tracking/models/${encodeURIComponent(name)}/aliases/${encodeURIComponent(alias)}/history`,
    );
  }
  promote(version: number, reason: string, token: string): Promise<AliasMove> {
    return this.post('/api/admin/promote', { version, reason }, token);
  }
  rollback(reason: string, token: string, toVersion?: number): Promise<AliasMove> {
    return this.post(
      '/api/admin/rollback',
      toVersion === undefined ? { reason } : { reason, to_version: toVersion },
      token,
    );
  }
  /** The gate decision stored under a training run, or null when that run was never gated. */
  async gateDecision(trainingRunId: string): Promise<GateRecord | null> {
    const children = await this.get<Run[]>(
      `/api/tracking/runs?parentRunId=${encodeURIComponent(trainingRunId)}&limit=100`,
    );
    const gate = children.find((r) => r.name.startsWith('gate'));
    if (!gate) return null;
    return this.get(`/api/tracking/runs/${encodeURIComponent(gate.id)}/artifact?path=gate.json`);
  }
  experiments(): Promise<Experiment[]> {
    return this.get('/api/tracking/experiments');
  }
  runs(limit = 500): Promise<Run[]> {
    return this.get(`/api/tracking/runs?limit=${limit}`);
  }
  run(id: string): Promise<RunDetails> {
    return this.get(`/api/tracking/runs/${encodeURIComponent(id)}`);
  }
  metricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    return this.get(`/api/tracking/runs/${encodeURIComponent(runId)}/metrics/${encodeURIComponent(key)}`);
  }
  ingestions(limit = 100): Promise<Record<string, unknown>[]> {
    return this.get(`/api/ingestions?limit=${limit}`);
  }
  reports(kind: 'ingest' | 'drift'): Promise<ReportEntry[]> {
    return this.get(`/api/reports/${kind}`);
  }
  report(kind: 'ingest' | 'drift', name: string): Promise<unknown> {
    return this.get(`/api/reports/${kind}/${encodeURIComponent(name)}`);
  }
  dags(): Promise<Dag[]> {
    return this.get('/api/pipeline/dags');
  }
  pipelineRuns(limit = 50): Promise<PipelineRun[]> {
    return this.get(`/api/pipeline/runs?limit=${limit}`);
  }
  pipelineRun(runId: string): Promise<PipelineRunDetail> {
    return this.get(`/api/pipeline/runs/${encodeURIComponent(runId)}`);
  }
  taskLogs(runId: string, taskId: string): Promise<TaskLog[]> {
    return this.get(
      `/api/pipeline/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}/logs`,
    );
  }
  triggerRun(dagId: string, params: TriggerParams, token: string): Promise<{ run_id: string }> {
    return this.post(`/api/admin/pipeline/dags/${encodeURIComponent(dagId)}/runs`, params, token);
  }
  /**
   * Uploads a weekly batch file's bytes to the landing folder (admin), reporting the share sent
   * (0–1) as it goes: XMLHttpRequest, because fetch cannot report upload progress. A file of that
   * name still waiting to be ingested is refused (ALREADY_EXISTS) unless `replace` is set.
   */
  uploadBatch(
    file: Blob,
    name: string,
    token: string,
    onProgress: (share: number) => void,
    replace = false,
  ): Promise<{ path: string; bytes: number }> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const query = replace ? '?replace=true' : '';
      xhr.open('PUT', `${this.baseUrl}/api/admin/landing/${encodeURIComponent(name)}${query}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onerror = () => reject(new WebError('NETWORK', 'the upload did not reach the server'));
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(body as { path: string; bytes: number });
          return;
        }
        const err = readErrorBody(body);
        reject(
          new WebError(
            codeForStatus(xhr.status),
            err.message ?? `${xhr.status} ${xhr.statusText}`,
            xhr.status,
            err.code,
            err.fields,
          ),
        );
      };
      xhr.send(file);
    });
  }
  /** The batch files in the landing, each ingested, refused or waiting (operator). */
  landingFiles(token: string): Promise<LandingList> {
    return this.get('/api/admin/landing', token);
  }
  /** Removes a batch file from the landing (operator); the data of an ingested one stays. */
  removeLandingFile(name: string, token: string): Promise<LandingRemoval> {
    return this.json(`/api/admin/landing/${encodeURIComponent(name)}`, {
      method: 'DELETE',
      headers: authHeaders(token),
    });
  }
  alerts(state: 'open' | 'resolved' | 'all', token: string): Promise<{ alerts: Alert[] }> {
    return this.get(`/api/alerts?state=${state}`, token);
  }
  acknowledgeAlert(id: string, token: string): Promise<Alert> {
    return this.post(`/api/alerts/${encodeURIComponent(id)}/acknowledge`, {}, token);
  }

  private get<T>(url: string, token = this.sessionToken): Promise<T> {
    return this.json<T>(url, { method: 'GET', headers: authHeaders(token) });
  }
  private post<T>(url: string, body: unknown, token = this.sessionToken): Promise<T> {
    return this.json<T>(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(token) },
      body: JSON.stringify(body),
    });
  }
  private async json<T>(url: string, init: RequestInit): Promise<T> {
    const res = await this.send(url, init);
    return (await res.json()) as T;
  }
  private async send(url: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(this.baseUrl + url, init);
    } catch (error) {
      throw new WebError('NETWORK', error instanceof Error ? error.message : String(error));
    }
    if (res.ok) return res;
    const body = readErrorBody(await res.json().catch(() => null));
    throw new WebError(
      codeForStatus(res.status),
      body.message ?? `${res.status} ${res.statusText}`,
      res.status,
      body.code,
      body.fields,
    );
  }
}

function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
