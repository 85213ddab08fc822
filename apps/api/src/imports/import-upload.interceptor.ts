import type { ImportFileSummary } from '@iop/contracts';
import {
  BadRequestException,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  Injectable,
  InternalServerErrorException,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';
import type { AppConfig } from '../config/app-config';
import { checkFileName, ImportFolders } from './import-files';

/** The multipart field that carries the files. */
export const FILES_FIELD = 'files';
const BYTES_PER_MB = 1024 * 1024;

/** An upload as the interceptor leaves it for the handler: its import id (the folder's name) and its files. */
export interface ImportUpload {
  importId: string;
  files: ImportFileSummary[];
  /** Set once the import's row is committed: from then on its job, not the failed request, owns the folder. */
  committed: boolean;
}

type RequestWithUpload = Request & { importUpload?: ImportUpload };

/** The upload of the request (POST /imports only). */
export const UploadedImport = createParamDecorator((_: unknown, context: ExecutionContext): ImportUpload => {
  const upload = context.switchToHttp().getRequest<RequestWithUpload>().importUpload;
  if (!upload) throw new InternalServerErrorException('no import upload on this request');
  return upload;
});

/**
 * Streams the files of an import upload to disk (multer's disk storage), never into memory: into
 * IOP_IMPORT_DIR/<import id>/ under their own names, which must be names an import reads. Any failure before
 * the import is committed removes the folder and every partial file: a file over the size limit (413, naming
 * the limit), too many files, a refused name, a malformed body, a bad field (the ValidationPipe runs after).
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly maxFileMb: number;
  private readonly maxFiles: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly folders: ImportFolders,
  ) {
    this.maxFileMb = config.get('IOP_IMPORT_MAX_FILE_MB', { infer: true });
    this.maxFiles = config.get('IOP_IMPORT_MAX_FILES', { infer: true });
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithUpload>();
    const upload: ImportUpload = { importId: randomUUID(), files: [], committed: false };
    request.importUpload = upload;
    try {
      await this.receive(request, http.getResponse<Response>(), upload);
    } catch (error) {
      await this.folders.remove(upload.importId);
      throw this.describe(error);
    }
    // A refused field (the ValidationPipe) or a failure before the commit leaves nothing behind either.
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(upload.committed ? Promise.resolve() : this.folders.remove(upload.importId)).pipe(
            switchMap(() => throwError(() => error)),
          ),
        ),
      );
  }

  private async receive(request: RequestWithUpload, response: Response, upload: ImportUpload): Promise<void> {
    const folder = this.folders.folderOf(upload.importId);
    const names = new Set<string>();
    const middleware = multer({
      storage: multer.diskStorage({
        destination: (_request, _file, callback) => {
          mkdir(folder, { recursive: true }).then(
            () => callback(null, folder),
            (error: Error) => callback(error, folder),
          );
        },
        filename: (_request, file, callback) => callback(null, file.originalname),
      }),
      // Names are UTF-8 (what browsers send), not busboy's default latin1.
      defParamCharset: 'utf8',
      limits: {
        fileSize: this.maxFileMb * BYTES_PER_MB,
        files: this.maxFiles,
        fields: 10,
        fieldSize: 1024,
        parts: this.maxFiles + 10,
      },
      fileFilter: (_request, file, callback) => {
        const check = checkFileName(file.originalname);
        if ('refused' in check) return callback(new BadRequestException(check.refused));
        if (names.has(file.originalname.toLowerCase())) {
          return callback(new BadRequestException(`"${file.originalname}" was sent twice`));
        }
        names.add(file.originalname.toLowerCase());
        callback(null, true);
      },
    }).array(FILES_FIELD, this.maxFiles);

    await new Promise<void>((resolve, reject) =>
      middleware(request, response, (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error('The upload failed')) : resolve(),
      ),
    );
    const files = Array.isArray(request.files) ? request.files : [];
    upload.files = files.map((file) => {
      const check = checkFileName(file.originalname);
      if ('refused' in check) throw new BadRequestException(check.refused);
      return { name: file.originalname, bytes: file.size, format: check.format };
    });
  }

  /** multer's errors in the words of the import's limits. */
  private describe(error: unknown): unknown {
    if (error instanceof HttpException) return error;
    if (error instanceof multer.MulterError) {
      // multer 2 names the file; its types do not say so yet.
      const fileName = (error as multer.MulterError & { filename?: string }).filename;
      const file = fileName ? `"${fileName}"` : 'A file';
      switch (error.code) {
        case 'LIMIT_FILE_SIZE':
          return new PayloadTooLargeException(
            `${file} is larger than the limit of ${this.maxFileMb} MB per file (IOP_IMPORT_MAX_FILE_MB)`,
          );
        case 'LIMIT_FILE_COUNT':
          return new BadRequestException(`An import takes at most ${this.maxFiles} files (IOP_IMPORT_MAX_FILES)`);
        case 'LIMIT_UNEXPECTED_FILE':
          // One file more than the field's count is "unexpected" to multer too.
          return new BadRequestException(
            error.field === FILES_FIELD
              ? `An import takes at most ${this.maxFiles} files (IOP_IMPORT_MAX_FILES)`
              : `Files are sent in the field "${FILES_FIELD}", not "${error.field ?? ''}"`,
          );
        default:
          return new BadRequestException(`The upload is malformed: ${error.message}`);
      }
    }
    const code = (error as NodeJS.ErrnoException).code;
    // The disk, not the request: full, or not writable. The message would name the server's paths.
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      return new InternalServerErrorException(`The upload could not be stored (${code})`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new BadRequestException(`The upload is malformed or was cut off: ${message.split('\n')[0]}`);
  }
}
