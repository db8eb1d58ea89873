import type { Distribution, ParamValue } from '../distributions.ts';
import { TuneError } from '../errors.ts';
import { freezeTrial, type FrozenTrial, type JsonValue, type TrialState } from '../trial/frozen-trial.ts';
import {
  staleError,
  type Direction,
  type Storage,
  type StudyRecord,
  type TrialInit,
  type TrialResult,
} from './storage.ts';

interface MutableTrial {
  id: number;
  studyId: number;
  number: number;
  state: TrialState;
  value: number | null;
  params: Record<string, ParamValue>;
  distributions: Record<string, Distribution>;
  intermediateValues: Record<number, number>;
  userAttrs: Record<string, JsonValue>;
  fixedParams: Record<string, ParamValue>;
  error: string | null;
  startedAtMs: number | null;
  heartbeatAtMs: number | null;
  completedAtMs: number | null;
}

/**
 * Keeps everything in this process; the default storage. Every method completes synchronously behind its
 * promise, so numbering and claiming are trivially atomic within the process.
 *
 * @example
 * const study = await createStudy({ storage: new InMemoryStorage() });
 */
export class InMemoryStorage implements Storage {
  private readonly studies = new Map<string, StudyRecord>();
  private readonly trials: MutableTrial[] = [];
  private readonly byStudy = new Map<number, MutableTrial[]>();
  private nextStudyId = 1;

  async createStudy(name: string, direction: Direction): Promise<StudyRecord> {
    if (this.studies.has(name)) throw new TuneError('STUDY_EXISTS', `study "${name}" already exists`);
    const record = Object.freeze({ id: this.nextStudyId++, name, direction });
    this.studies.set(name, record);
    this.byStudy.set(record.id, []);
    return record;
  }

  async getStudy(name: string): Promise<StudyRecord | undefined> {
    return this.studies.get(name);
  }

  async deleteStudy(name: string): Promise<void> {
    const s = this.studies.get(name);
    if (!s) return;
    this.studies.delete(name);
    this.byStudy.delete(s.id);
  }

  async createTrial(studyId: number, init: TrialInit): Promise<FrozenTrial> {
    const list = this.byStudy.get(studyId);
    if (!list) throw new TuneError('STUDY_NOT_FOUND', `no study with id ${studyId}`);
    const t: MutableTrial = {
      id: this.trials.length + 1,
      studyId,
      number: list.length,
      state: init.state,
      value: null,
      params: {},
      distributions: {},
      intermediateValues: {},
      userAttrs: {},
      fixedParams: { ...init.fixedParams },
      error: null,
      startedAtMs: init.state === 'running' ? Date.now() : null,
      heartbeatAtMs: null,
      completedAtMs: null,
    };
    this.trials.push(t);
    list.push(t);
    return snapshot(t);
  }

  async claimWaitingTrial(studyId: number): Promise<FrozenTrial | undefined> {
    const t = this.byStudy.get(studyId)?.find((x) => x.state === 'waiting');
    if (!t) return undefined;
    t.state = 'running';
    t.startedAtMs = Date.now();
    return snapshot(t);
  }

  async setTrialParam(
    trialId: number,
    name: string,
    distribution: Distribution,
    value: ParamValue,
  ): Promise<void> {
    const t = this.running(trialId);
    t.params[name] = value;
    t.distributions[name] = distribution;
  }

  async setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void> {
    this.running(trialId).intermediateValues[step] = value;
  }

  async setTrialUserAttr(trialId: number, key: string, value: JsonValue): Promise<void> {
    this.running(trialId).userAttrs[key] = structuredClone(value) as JsonValue;
  }

  async finishTrial(trialId: number, result: TrialResult): Promise<FrozenTrial> {
    const t = this.running(trialId);
    t.state = result.state;
    t.value = result.value ?? null;
    t.error = result.error ?? null;
    t.completedAtMs = Date.now();
    return snapshot(t);
  }

  async recordHeartbeat(trialId: number): Promise<void> {
    const t = this.find(trialId);
    if (t.state === 'running') t.heartbeatAtMs = Date.now();
  }

  async failStaleTrials(studyId: number, staleBeforeMs: number): Promise<readonly FrozenTrial[]> {
    const stale = (this.byStudy.get(studyId) ?? []).filter(
      (t) => t.state === 'running' && t.heartbeatAtMs !== null && t.heartbeatAtMs < staleBeforeMs,
    );
    for (const t of stale) {
      t.state = 'failed';
      t.error = staleError(t.heartbeatAtMs as number);
      t.completedAtMs = Date.now();
    }
    return stale.map(snapshot);
  }

  async getTrial(trialId: number): Promise<FrozenTrial> {
    return snapshot(this.find(trialId));
  }

  async getAllTrials(studyId: number): Promise<readonly FrozenTrial[]> {
    const list = this.byStudy.get(studyId);
    if (!list) throw new TuneError('STUDY_NOT_FOUND', `no study with id ${studyId}`);
    return list.map(snapshot);
  }

  async close(): Promise<void> {}

  private find(trialId: number): MutableTrial {
    const t = this.trials[trialId - 1];
    if (!t || !this.byStudy.has(t.studyId))
      throw new TuneError('TRIAL_NOT_FOUND', `no trial with id ${trialId}`);
    return t;
  }

  private running(trialId: number): MutableTrial {
    const t = this.find(trialId);
    if (t.state !== 'running') throw new TuneError('TRIAL_NOT_RUNNING', `trial ${t.number} is ${t.state}`);
    return t;
  }
}

function snapshot(t: MutableTrial): FrozenTrial {
  return freezeTrial({
    id: t.id,
    number: t.number,
    state: t.state,
    value: t.value,
    params: { ...t.params },
    distributions: { ...t.distributions },
    intermediateValues: { ...t.intermediateValues },
    userAttrs: structuredClone(t.userAttrs),
    fixedParams: { ...t.fixedParams },
    error: t.error,
    startedAtMs: t.startedAtMs,
    completedAtMs: t.completedAtMs,
  });
}
