import type { Annotation, AnnotationList, AnnotationQuery, AnnotationValue } from '@iop/contracts';
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { mayWrite, NETWORK_NOTE_REFUSAL, programRefusal, readablePrograms } from './annotation-access';
import { type AnnotationRecord, AnnotationsQuery, type StoredAnnotation } from './annotations.query';

/**
 * Notes on the charts: listed for the caller's scope, written within it (annotation-access.ts), and every view
 * and change audited (annotations.read, annotations.create, annotations.update, annotations.delete).
 */
@Injectable()
export class AnnotationsService {
  constructor(
    private readonly annotations: AnnotationsQuery,
    private readonly audit: AuditService,
  ) {}

  async list(user: SignedInUser, query: AnnotationQuery, ip: string | null): Promise<AnnotationList> {
    const stored = await this.annotations.list(user.id, readablePrograms(user), query);
    await this.audit.record({
      user,
      action: 'annotations.read',
      resource: 'annotations',
      filters: { ...query },
      rowCount: stored.length,
      ip,
    });
    return { annotations: stored.map((annotation) => this.shown(user, annotation)) };
  }

  async create(user: SignedInUser, value: AnnotationValue, ip: string | null): Promise<Annotation> {
    const record = await this.writable(user, value);
    const id = await this.annotations.insert({ orgUserId: user.id, ...record });
    await this.audit.record({
      user,
      action: 'annotations.create',
      resource: `annotations/${id}`,
      ip,
      details: auditDetails(record),
    });
    return this.one(user, id);
  }

  async update(user: SignedInUser, id: number, value: AnnotationValue, ip: string | null): Promise<Annotation> {
    const before = await this.editable(user, id);
    const record = await this.writable(user, value);
    await this.annotations.update(id, record);
    await this.audit.record({
      user,
      action: 'annotations.update',
      resource: `annotations/${id}`,
      ip,
      details: { ...auditDetails(record), before: auditDetails(before) },
    });
    return this.one(user, id);
  }

  async remove(user: SignedInUser, id: number, ip: string | null): Promise<void> {
    const before = await this.editable(user, id);
    await this.annotations.remove(id);
    await this.audit.record({
      user,
      action: 'annotations.delete',
      resource: `annotations/${id}`,
      ip,
      details: auditDetails(before),
    });
  }

  /** What the caller sees of a note: payers get no staff name; editable says whether their scope covers it. */
  private shown(user: SignedInUser, annotation: StoredAnnotation): Annotation {
    return {
      ...annotation,
      author: user.role === 'payer' ? null : annotation.author,
      editable: mayWrite(user, annotation.programId),
    };
  }

  private async one(user: SignedInUser, id: number): Promise<Annotation> {
    const annotation = await this.annotations.visible(user.id, readablePrograms(user), id);
    if (!annotation) throw notFound(id);
    return this.shown(user, annotation);
  }

  /** A note the caller can see (404 otherwise, as if it did not exist) and may change (403 otherwise). */
  private async editable(user: SignedInUser, id: number): Promise<StoredAnnotation> {
    const annotation = await this.annotations.visible(user.id, readablePrograms(user), id);
    if (!annotation) throw notFound(id);
    if (!mayWrite(user, annotation.programId)) throw new ForbiddenException(refusalFor(annotation.programId));
    return annotation;
  }

  /** The fields to store, once the program is known to be the organisation's (400) and the caller's (403). */
  private async writable(user: SignedInUser, value: AnnotationValue): Promise<Omit<AnnotationRecord, 'orgUserId'>> {
    const programId = value.programId ?? null;
    if (programId !== null && !(await this.annotations.programInOrganisation(user.id, programId))) {
      throw new BadRequestException([`programId ${programId} is not a program of your organisation`]);
    }
    if (!mayWrite(user, programId)) throw new ForbiddenException(refusalFor(programId));
    return { programId, on: value.on, until: value.until ?? null, text: value.text };
  }
}

const refusalFor = (programId: number | null) =>
  programId === null ? NETWORK_NOTE_REFUSAL : programRefusal(programId);

const notFound = (id: number) => new NotFoundException(`There is no note ${id}`);

/** The audit line's details: where and when the note is, and its length (the text stays in the table). */
const auditDetails = (note: Pick<AnnotationRecord, 'programId' | 'on' | 'until' | 'text'>) => ({
  programId: note.programId,
  on: note.on,
  until: note.until,
  characters: [...note.text].length,
});
