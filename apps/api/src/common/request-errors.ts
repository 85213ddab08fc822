import { BadRequestException, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { STATUS_CODES } from 'node:http';

/**
 * How deep a JSON body may nest. The deepest body the API takes (a report's filters with a list) is 3 levels;
 * class-transformer recurses once per level and overflows the stack at about 1,500, which was a 500.
 */
export const MAX_JSON_DEPTH = 20;

/** Whether `value` nests objects and arrays more than `maxDepth` levels deep (a plain object is 1 level). */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  // Iterative, so that the check itself cannot overflow the stack.
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > maxDepth) return true;
    for (const item of Object.values(next.value)) pending.push({ value: item, depth: next.depth + 1 });
  }
  return false;
}

/** After the body parsers: a body nested deeper than `maxDepth` is refused with 400 before any pipe sees it. */
export function refuseDeepBodies(maxDepth = MAX_JSON_DEPTH): RequestHandler {
  return (request, _response, next) => {
    const body: unknown = request.body;
    next(nestsDeeperThan(body, maxDepth) ? new BadRequestException(`JSON nested deeper than ${maxDepth}`) : undefined);
  };
}

/** What body-parser attaches to its errors (http-errors). */
interface ParserError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

const isParserError = (error: unknown): error is ParserError => typeof error === 'object' && error !== null;

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  if (!isParserError(error)) return HttpStatus.INTERNAL_SERVER_ERROR;
  const status = typeof error.status === 'number' ? error.status : error.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : HttpStatus.INTERNAL_SERVER_ERROR;
}

function messageOf(error: unknown, status: number, bodyLimit: string): string {
  if (isParserError(error) && error.type === 'entity.parse.failed') {
    // JSON.parse's own message quotes the body; the position is no help to a caller that sent it.
    return 'The request body is not valid JSON';
  }
  if (isParserError(error) && error.type === 'entity.too.large') return `The request body is larger than ${bodyLimit}`;
  // body-parser marks the messages a client may see (unsupported charset or encoding, aborted request).
  if (status < 500 && isParserError(error) && error.expose === true && typeof error.message === 'string') {
    return error.message;
  }
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * Answers errors raised before Nest's router (the body parsers, the depth check) in Nest's JSON shape:
 * 400 for malformed or too deeply nested JSON, 413 over the size limit, 415 for an unsupported charset.
 * Registered right after them because the error middleware of @nestjs/serve-static, which comes next when the
 * dashboard is served, turns every error on an /api path into 404 "Cannot POST ...".
 */
export function answerRequestErrors(bodyLimit: string): ErrorRequestHandler {
  const logger = new Logger('RequestErrors');
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    if (status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    response
      .status(status)
      .json({ statusCode: status, error: STATUS_CODES[status], message: messageOf(error, status, bodyLimit) });
  };
}
