import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { withReplicaReads } from './replica-routing';

/**
 * The controllers (by their path) whose GET requests read from a replica: the dashboard's analytics, which only
 * aggregate the loaded data and are where the read load is. A replica may lag the primary by a moment, which
 * these answers can afford (they state their data version, and the caches key on the replica's). Everything that
 * must see a write just made stays on the primary: sign-in and sessions, users and their programs, the audit
 * log, imports and their status, reports and schedules, health.
 */
export const REPLICA_READ_CONTROLLERS: ReadonlySet<string> = new Set([
  'metrics',
  'attendance',
  'retention',
  'costs',
  'evidence',
  'quality/measures',
  'filters',
  'exports',
  'data',
]);

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Runs the handler of a replica-read request inside withReplicaReads. Guards run before interceptors, so the
 * access check (the session and the user, just written at sign-in) still reads the primary; the audit entries
 * these handlers write go through a repository, which always writes to the primary.
 */
@Injectable()
export class ReplicaReadsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.readsFromReplica(context)) return next.handle();
    // handle() binds the handler to the async context it is called in, so calling it inside is enough.
    return withReplicaReads(() => next.handle());
  }

  private readsFromReplica(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return false;
    if (!READ_METHODS.has(context.switchToHttp().getRequest<Request>().method)) return false;
    const paths = this.reflector.get<string | string[] | undefined>(PATH_METADATA, context.getClass());
    return [paths ?? []].flat().some((path) => REPLICA_READ_CONTROLLERS.has(path.replace(/^\/|\/$/g, '')));
  }
}
