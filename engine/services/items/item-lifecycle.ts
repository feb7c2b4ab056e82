import { systemClock, type Clock } from '../../core/clock/index.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import { validateConfig } from '../../core/config/validate-config.js';
import type { ItemConfig } from '../../core/config/types.js';
import {
  catalogueProblem,
  labelValue,
  listValue,
  textValue,
  BadRequestError,
  ConflictError,
  ExamplesFailedError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  PreconditionRequiredError,
  ValidationFailedError,
  type Problem,
} from '../../core/errors.js';
import { runExamples, type ExampleReport } from '../../core/examples/run-examples.js';
import { coverageProblems, uncoveredRules } from '../../core/examples/rule-coverage.js';
import { locateProblems, type LocatedProblem } from '../../core/config/problem-location.js';
import { missingTemplateFileProblems } from '../templates/template-files.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import { ephemeralProcessSigning, signVersion, type Signer } from '../../core/signing/index.js';
import type { AuditAction, LegalChangeKind, DraftRecord, VersionRecord } from '../../core/model/records.js';
import type { CatalogueKey } from '../../core/i18n/catalogue/catalogue.js';
import { LEGAL_CHANGE_KINDS, draftStatuses, isLegalChangeKind, legalChangeKinds } from '../../core/vocabulary/index.js';

export interface DraftCheck {
  valid: boolean;
  /** Every problem of the config at once, each with its place in the designer (tab, section, pointer). */
  problems: LocatedProblem[];
  /** The examples' results; run whatever the problems (null only when the config is too broken to run any). */
  examples: ExampleReport | null;
  /**
   * The rule coverage gate: one problem per enabled rule that no example fires. Submitting for
   * review is refused while any is left; it does not make the config invalid.
   */
  coverage: LocatedProblem[];
}

export interface PublishRequest {
  reason: string;
  legalBasis: string;
  changeKind?: LegalChangeKind;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether the examples can run at all: the parts the evaluator walks have their basic shape. */
function runnable(config: unknown): config is ItemConfig {
  if (!isRecord(config) || !isRecord(config.standard) || !isRecord(config.form) || !isRecord(config.form.schema)) return false;
  const s = config.standard;
  return Array.isArray(config.rules) && Array.isArray(config.examples) && Array.isArray(s.materials) && Array.isArray(s.scenarios)
    && config.examples.every((e) => isRecord(e) && isRecord(e.input) && isRecord(e.expect));
}

/**
 * The item lifecycle — draft → submitted → approved → published, and withdraw — over any
 * ConfigStore. Each step checks the state it starts from, records who did it and why, and ends
 * in the audit trail.
 */
export class ItemLifecycle {
  private readonly store: ConfigStore;
  private readonly clock: Clock;
  private readonly signer: Signer;

  /**
   * `signer` is the region's publishing key (TONGBAN_SIGNING_KEY_FILE); without one, versions are
   * signed with this process's ephemeral key, which no other process trusts.
   */
  constructor({ store, clock = systemClock, signer = ephemeralProcessSigning().signer }: { store: ConfigStore; clock?: Clock; signer?: Signer }) {
    this.store = store;
    this.clock = clock;
    this.signer = signer;
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async audit(actor: string, action: AuditAction, code: string, extra: { version?: number | null; reason?: string | null; details?: Record<string, unknown> } = {}) {
    await this.store.appendAudit({
      at: this.now(),
      actor,
      action,
      code,
      version: extra.version ?? null,
      reason: extra.reason ?? null,
      details: extra.details ?? null,
    });
  }

  private async requireDraft(code: string): Promise<DraftRecord> {
    const draft = await this.store.getDraft(code);
    if (!draft) throw new NotFoundError({ key: 'services.items.noDraft', values: { code } }, { code });
    return draft;
  }

  /** Validation and example results of a config, without saving anything. */
  async check(config: unknown): Promise<DraftCheck> {
    // Besides the config itself: every template file it references must be in the store.
    const problems = [...validateConfig(config), ...locateProblems(config, await missingTemplateFileProblems({ store: this.store, config }))];
    const examples = runnable(config) ? await runExamples(config) : null;
    const coverage = examples ? coverageProblems(config as ItemConfig, examples) : [];
    return { valid: problems.length === 0, problems, examples, coverage };
  }

  /**
   * Creates the draft (expectedRevision undefined, no draft yet) or replaces it (expectedRevision
   * must be the stored one). A draft may be incomplete while the author works on it — validation
   * gates submit and publish — but it must be an item config object for this code.
   */
  async saveDraft(code: string, body: unknown, actor: string, expectedRevision: number | undefined): Promise<{ draft: DraftRecord; created: boolean }> {
    if (!isRecord(body)) throw new BadRequestError({ key: 'services.items.draftNotObject' }, { pointer: '' });
    if (body.code !== code) {
      throw new ValidationFailedError({ key: 'services.items.codeMismatch' }, [catalogueProblem('/code', 'draft.code-mismatch', { key: 'services.items.codeShouldBe', values: { code } })]);
    }
    const missing = (['standard', 'form'] as const).filter((key) => !isRecord(body[key]));
    if (missing.length > 0) {
      throw new ValidationFailedError({ key: 'services.items.missingParts' }, missing.map((key) => catalogueProblem(`/${key}`, 'draft.shape', { key: key === 'standard' ? 'services.items.needsStandard' : 'services.items.needsForm' })));
    }
    // The department decides which authors may touch the item, so a draft never goes without one.
    const departmentName = (body.standard as { department?: { name?: unknown } }).department?.name;
    if (typeof departmentName !== 'string' || departmentName.trim() === '') {
      throw new ValidationFailedError({ key: 'services.items.departmentMissing' }, [catalogueProblem('/standard/department/name', 'draft.department', { key: 'services.items.departmentHint' })]);
    }
    // An incomplete draft may be saved, but not one whose 下载模板 would point at a file that is not here.
    const missingFiles = await missingTemplateFileProblems({ store: this.store, config: body });
    if (missingFiles.length > 0) {
      throw new ValidationFailedError({ key: 'services.items.missingTemplateFiles', values: { count: missingFiles.length } }, locateProblems(body, missingFiles));
    }
    const config = body as unknown as ItemConfig;
    const at = this.now();
    const existing = await this.store.getDraft(code);
    const standard = config.standard as Partial<ItemConfig['standard']>;
    const name = typeof standard.name === 'string' && standard.name ? standard.name : code;
    const department = typeof standard.department?.name === 'string' ? standard.department.name : '';
    if (expectedRevision === undefined) {
      if (existing) {
        throw new PreconditionRequiredError({ key: 'services.items.draftExists', values: { code, revision: existing.revision } }, { code, currentRevision: existing.revision });
      }
      const latest = await this.store.latestVersionRef(code);
      const item = await this.store.getItem(code);
      if (!item) await this.store.upsertItem({ code, name, department, createdAt: at });
      const draft = await this.store.createDraft({
        code,
        baseVersion: latest?.version ?? null,
        status: 'editing',
        config,
        hash: contentHash(config),
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        updatedBy: actor,
        editors: [actor],
      });
      await this.audit(actor, 'draft.created', code, { version: draft.baseVersion, details: { revision: draft.revision, hash: draft.hash } });
      return { draft, created: true };
    }
    if (!existing) throw new ConflictError({ key: 'services.items.draftGone', values: { code } }, { code, expectedRevision, currentRevision: null });
    const draft = await this.store.updateDraft(code, expectedRevision, {
      config,
      hash: contentHash(config),
      status: 'editing',
      updatedAt: at,
      updatedBy: actor,
      editors: withEditor(contentEditors(existing), actor),
      submittedAt: undefined,
      submittedBy: undefined,
      reviewedAt: undefined,
      reviewedBy: undefined,
    });
    await this.audit(actor, 'draft.saved', code, { version: draft.baseVersion, details: { revision: draft.revision, hash: draft.hash, previousStatus: existing.status } });
    return { draft, created: false };
  }

  async discardDraft(code: string, actor: string, expectedRevision: number | undefined): Promise<void> {
    const draft = await this.requireDraft(code);
    if (expectedRevision === undefined) throw new PreconditionRequiredError({ key: 'services.items.discardNeedsRevision' }, { code, currentRevision: draft.revision });
    await this.store.deleteDraft(code, expectedRevision);
    await this.audit(actor, 'draft.discarded', code, { version: draft.baseVersion, details: { revision: expectedRevision } });
  }

  async validateDraft(code: string): Promise<DraftCheck & { revision: number }> {
    const draft = await this.requireDraft(code);
    return { ...(await this.check(draft.config)), revision: draft.revision };
  }

  private async requireSound(draft: DraftRecord, { coverage = false } = {}): Promise<ExampleReport> {
    const check = await this.check(draft.config);
    if (!check.valid) throw new ValidationFailedError({ key: 'services.items.draftProblems', values: { count: check.problems.length } }, check.problems);
    const examples = check.examples as ExampleReport;
    if (examples.results.length === 0) {
      throw new ExamplesFailedError({ key: 'services.items.noExamples' }, { examples });
    }
    if (examples.failed > 0) {
      throw new ExamplesFailedError({ key: 'services.items.examplesFailed', values: { count: examples.failed } }, { examples: examples.results.filter((r) => !r.passed) });
    }
    if (coverage && check.coverage.length > 0) {
      const names = listValue(uncoveredRules(draft.config, examples).map((rule) => textValue('designer.references.quoted', { name: rule.displayName })));
      throw new ValidationFailedError({ key: 'services.items.uncoveredRules', values: { names } }, check.coverage);
    }
    return examples;
  }

  private async transition(code: string, expectedRevision: number | undefined, from: DraftRecord['status'][], refusal: CatalogueKey): Promise<DraftRecord> {
    const draft = await this.requireDraft(code);
    if (expectedRevision !== undefined && draft.revision !== expectedRevision) {
      throw new ConflictError({ key: 'services.items.changedByOthers', values: { revision: draft.revision } }, { code, expectedRevision, currentRevision: draft.revision });
    }
    if (!from.includes(draft.status)) {
      throw new InvalidStateError({ key: refusal, values: { status: labelValue(draftStatuses, draft.status) } }, { code, status: draft.status });
    }
    return draft;
  }

  async submit(code: string, actor: string, expectedRevision?: number): Promise<DraftRecord> {
    const draft = await this.transition(code, expectedRevision, ['editing', 'returned'], 'services.items.cannotSubmit');
    // Only submitting is gated on coverage: a version approved or imported before the gate existed stays publishable.
    const examples = await this.requireSound(draft, { coverage: true });
    const at = this.now();
    const updated = await this.store.updateDraft(code, draft.revision, { status: 'submitted', submittedAt: at, submittedBy: actor, updatedAt: at, updatedBy: actor });
    await this.audit(actor, 'draft.submitted', code, { version: draft.baseVersion, details: { revision: updated.revision, hash: draft.hash, examplesPassed: examples.passed } });
    return updated;
  }

  async approve(code: string, actor: string, comment: string | undefined, expectedRevision?: number): Promise<DraftRecord> {
    const draft = await this.transition(code, expectedRevision, ['submitted'], 'services.items.cannotApprove');
    const editors = contentEditors(draft);
    if (editors.includes(actor)) {
      throw new ForbiddenError({ key: 'services.items.ownEdits' }, { code, editors });
    }
    if (actor === draft.submittedBy) {
      throw new ForbiddenError({ key: 'services.items.ownSubmission' }, { code, submittedBy: draft.submittedBy });
    }
    await this.requireSound(draft);
    const at = this.now();
    const updated = await this.store.updateDraft(code, draft.revision, {
      status: 'approved',
      reviewedAt: at,
      reviewedBy: actor,
      ...(comment ? { reviewComment: comment } : {}),
      updatedAt: at,
      updatedBy: actor,
    });
    await this.audit(actor, 'draft.approved', code, { version: draft.baseVersion, reason: comment ?? null, details: { revision: updated.revision, hash: draft.hash } });
    return updated;
  }

  async returnDraft(code: string, actor: string, comment: string, expectedRevision?: number): Promise<DraftRecord> {
    if (typeof comment !== 'string' || comment.trim() === '') {
      throw new ValidationFailedError({ key: 'services.items.returnNeedsComment' }, [catalogueProblem('/comment', 'review.comment', { key: 'services.items.returnCommentHint' })]);
    }
    const draft = await this.transition(code, expectedRevision, ['submitted'], 'services.items.cannotReturn');
    const at = this.now();
    const updated = await this.store.updateDraft(code, draft.revision, { status: 'returned', reviewedAt: at, reviewedBy: actor, reviewComment: comment, updatedAt: at, updatedBy: actor });
    await this.audit(actor, 'draft.returned', code, { version: draft.baseVersion, reason: comment, details: { revision: updated.revision } });
    return updated;
  }

  /**
   * Publishes the approved draft as version latest+1. The version number comes from the base the
   * draft was approved on, and the store refuses a second (code, version): of two racing
   * publishers exactly one wins and numbers stay gapless.
   */
  async publish(code: string, actor: string, request: unknown, expectedRevision?: number): Promise<VersionRecord> {
    const { reason, legalBasis, changeKind } = parsePublishRequest(request);
    const draft = await this.transition(code, expectedRevision, ['approved'], 'services.items.cannotPublish');
    const latest = await this.store.latestVersionRef(code);
    if ((latest?.version ?? null) !== draft.baseVersion) {
      throw new ConflictError(
        { key: 'services.items.staleBase', values: { base: draft.baseVersion ?? 0, latest: latest?.version ?? 0 } },
        { code, baseVersion: draft.baseVersion, latestVersion: latest?.version ?? null },
      );
    }
    await this.requireSound(draft);
    if (latest && latest.hash === draft.hash) {
      throw new ValidationFailedError({ key: 'services.items.unchanged' }, [catalogueProblem('', 'publish.unchanged', { key: 'services.items.sameAsVersion', values: { version: latest.version } })]);
    }
    const unsigned: VersionRecord = {
      code,
      version: (latest?.version ?? 0) + 1,
      hash: draft.hash,
      baseVersion: draft.baseVersion,
      publishedAt: this.now(),
      publishedBy: actor,
      author: draft.submittedBy ?? draft.createdBy,
      reviewer: draft.reviewedBy ?? null,
      reason,
      legalBasis,
      changeKind: changeKind ?? (latest ? 'amend' : 'establish'),
      config: draft.config,
    };
    // The signature travels inside the version record, so the store writes it in the same atomic step.
    const version: VersionRecord = { ...unsigned, signature: signVersion(unsigned, this.signer) };
    await this.store.publishVersion({
      version,
      draftRevision: draft.revision,
      item: { code, name: draft.config.standard.name, department: draft.config.standard.department.name, createdAt: version.publishedAt },
      event: {
        at: version.publishedAt,
        actor,
        action: 'version.published',
        code,
        version: version.version,
        reason,
        details: { hash: version.hash, legalBasis, changeKind: version.changeKind, reviewer: version.reviewer, keyId: this.signer.keyId },
      },
    });
    return version;
  }

  async withdraw(code: string, actor: string, reason: unknown): Promise<void> {
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new ValidationFailedError({ key: 'services.items.withdrawNeedsReason' }, [catalogueProblem('/reason', 'withdraw.reason', { key: 'services.items.withdrawReasonHint' })]);
    }
    const item = await this.store.getItem(code);
    if (!item) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } }, { code });
    if (item.latestVersion === null) throw new InvalidStateError({ key: 'services.items.notPublished', values: { code } }, { code });
    if (item.withdrawn) throw new InvalidStateError({ key: 'services.items.alreadyWithdrawn', values: { code, at: item.withdrawn.at } }, { code });
    await this.store.setWithdrawn(code, { at: this.now(), by: actor, reason });
    await this.audit(actor, 'item.withdrawn', code, { version: item.latestVersion, reason });
  }
}

/**
 * Who wrote the draft's content. A draft recorded before `editors` existed names at least its
 * creator and, when its last write was a content save (status editing), that saver.
 */
function contentEditors(draft: DraftRecord): string[] {
  if (draft.editors) return draft.editors;
  return withEditor([draft.createdBy], draft.status === 'editing' ? draft.updatedBy : draft.createdBy);
}

function withEditor(editors: string[], actor: string): string[] {
  return editors.includes(actor) ? editors : [...editors, actor];
}

function parsePublishRequest(request: unknown): PublishRequest {
  const problems: Problem[] = [];
  const body = isRecord(request) ? request : {};
  const text = (key: 'reason' | 'legalBasis', missing: CatalogueKey) => {
    const value = body[key];
    if (typeof value !== 'string' || value.trim() === '') problems.push(catalogueProblem(`/${key}`, `publish.${key}`, { key: missing }));
    return typeof value === 'string' ? value.trim() : '';
  };
  const reason = text('reason', 'services.items.reasonMissing');
  const legalBasis = text('legalBasis', 'services.items.legalBasisMissing');
  const changeKind = body.changeKind;
  if (changeKind !== undefined && !isLegalChangeKind(changeKind)) {
    const kinds = listValue(LEGAL_CHANGE_KINDS.map((kind) => textValue('designer.references.quoted', { name: labelValue(legalChangeKinds, kind) })));
    problems.push(catalogueProblem('/changeKind', 'publish.changeKind', { key: 'services.items.changeKindOneOf', values: { kinds } }));
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.items.publishIncomplete' }, problems);
  return { reason, legalBasis, ...(changeKind ? { changeKind: changeKind as LegalChangeKind } : {}) };
}
